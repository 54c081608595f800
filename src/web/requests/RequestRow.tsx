/** One request with its answers: confirm, decline (reason), propose another time; readiness shown. */
import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { Appointment } from "../../core/api/clinic";
import { ApiError } from "../api/client";
import type { Mode } from "../appointments/AppointmentDialog";
import appointmentsStyles from "../appointments/Appointments.module.css";
import { readinessQuery } from "../appointments/api";
import { describeWhen } from "../appointments/describe";
import { ReadinessReasons } from "../appointments/ReadinessReasons";
import { formatClock, formatLocalDay, localDateOf } from "../appointments/time";
import { useAppointmentActions } from "../appointments/useAppointmentActions";
import { openReasons } from "../appointments/wording";
import { Button } from "../ui/components";
import styles from "./Requests.module.css";

/**
 * Rows answered during this visit stay in the list (with "Confirmed.") after the list refetches
 * without them, so the desk sees what it just did; they are gone on the next visit.
 */
export function useAnsweredRows(requests: Appointment[]) {
  const [answered, setAnswered] = useState<Appointment[]>([]);
  const markAnswered = useCallback(
    (a: Appointment) => setAnswered((list) => (list.some((x) => x.id === a.id) ? list : [...list, a])),
    [],
  );
  const shown = [...requests, ...answered.filter((a) => !requests.some((r) => r.id === a.id))];
  return { shown, markAnswered };
}

function ago(iso: string): string {
  const minutes = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000));
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

export function RequestRow({
  appointment: a,
  zone,
  onOpen,
  compact = false,
  requestedAt,
  onAnswered,
}: {
  appointment: Appointment;
  zone: string;
  /** Called once the request is confirmed here (see useAnsweredRows). */
  onAnswered?(appointment: Appointment): void;
  /** When the request came in, if known: "asked 3 h ago". */
  requestedAt?: string;
  onOpen(mode: Mode): void;
  compact?: boolean;
}) {
  const actions = useAppointmentActions(a.id);
  const readiness = useQuery({ ...readinessQuery(a.id), enabled: a.firstVisit });
  const refused = actions.error instanceof ApiError ? actions.error : null;
  // Once confirmed here, nothing stands before confirming any more (not even "not a request").
  const notReady = openReasons(readiness.data, actions.isSuccess);
  const rowLabel = `${a.client.name}, ${formatLocalDay(localDateOf(a.startsAt, zone), "short")} ${formatClock(a.startsAt, zone)}`;
  return (
    <li className={styles.request} aria-label={rowLabel}>
      <div className={styles.requestWhen}>
        <span className={styles.requestDate}>{formatLocalDay(localDateOf(a.startsAt, zone), "short")}</span>
        <span className={styles.requestTime}>{formatClock(a.startsAt, zone)}</span>
      </div>
      <div className={styles.requestBody}>
        <div className={appointmentsStyles.apptHeadline}>
          <button type="button" className={styles.requestWho} onClick={() => onOpen("view")}>
            {a.client.name}
          </button>
          {a.firstVisit ? <span className="kw-badge kw-badge--neutral">First visit</span> : null}
          <span className="kw-badge kw-badge--requested">
            {a.source === "online" ? "Online request" : "Request"}
          </span>
        </div>
        <span className={appointmentsStyles.apptWhat}>
          {a.service.name} · {a.therapist.name}
          {a.room ? ` · ${a.room.name}` : ""}
          {compact ? null : <span className="kw-visually-hidden"> · {describeWhen(a, zone)}</span>}
        </span>
        {requestedAt ? <span className={styles.requestAge}>Asked {ago(requestedAt)}</span> : null}
        {notReady ? (
          <div className={styles.requestReady}>
            <strong>Before it can be confirmed:</strong>
            <ReadinessReasons reasons={notReady} />
          </div>
        ) : null}
        {refused ? (
          <div className={styles.requestReady} role="alert">
            <strong>Not confirmed.</strong>{" "}
            {notReady ? "The items above are still missing." : refused.message}
          </div>
        ) : null}
        {actions.isSuccess ? (
          <p className={styles.requestDone} role="status">
            Confirmed.
          </p>
        ) : null}
      </div>
      {actions.isSuccess ? null : (
        <div className={styles.requestActions}>
          <Button
            disabled={actions.isPending || actions.isSuccess}
            onClick={() => {
              onAnswered?.(a);
              actions.mutate({ kind: "confirm" });
            }}
            aria-label={`Confirm ${a.client.name}`}
          >
            Confirm
          </Button>
          <Button
            variant="secondary"
            onClick={() => onOpen("decline")}
            aria-label={`Decline ${a.client.name}…`}
          >
            Decline…
          </Button>
          {compact ? null : (
            <Button
              variant="secondary"
              onClick={() => onOpen("propose")}
              aria-label={`Propose another time to ${a.client.name}…`}
            >
              Propose time…
            </Button>
          )}
        </div>
      )}
    </li>
  );
}
