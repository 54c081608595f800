/**
 * The client's appointments in the portal (F9): upcoming with "Change time" and "Cancel" while the
 * clinic's policy allows it (a request any time before it starts, a confirmed visit up to the
 * cancellation window), past ones for the record. The actions call the scheduling API.
 */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { Appointment } from "../../core/api/clinic";
import { ApiError } from "../api/client";
import appointmentsStyles from "../appointments/Appointments.module.css";
import { runAction } from "../appointments/api";
import { SlotPicker } from "../appointments/SlotPicker";
import { addDays, formatClock, formatLocalDay, localDateOf } from "../appointments/time";
import { Alert, Button, Empty, StatusBadge } from "../ui/components";
import { Dialog, DialogActions, DialogHeader } from "../ui/Dialog";
import { formatDayShort, formatTime } from "../ui/time";
import { portalKeys } from "./api";
import styles from "./Portal.module.css";

export interface PortalPolicy {
  readonly cancellationWindowHours: number;
  readonly horizonDays: number;
  readonly phone: string | null;
}

type Change = { kind: "cancel" | "reschedule"; appointment: Appointment } | null;

/** Whether the client may still change this appointment online, and if not, why. */
export function changeAllowed(
  a: Appointment,
  policy: PortalPolicy,
  now = Date.now(),
): { ok: boolean; why?: string } {
  const start = Date.parse(a.startsAt);
  if (start <= now) return { ok: false, why: "It has started." };
  if (a.status === "requested") return { ok: true };
  if (a.status !== "confirmed") return { ok: false };
  if (start - now < policy.cancellationWindowHours * 3_600_000) {
    return {
      ok: false,
      why: `Less than ${policy.cancellationWindowHours} hours to go: please call the clinic${policy.phone ? ` on ${policy.phone}` : ""} to change it.`,
    };
  }
  return { ok: true };
}

export function PortalAppointments({
  appointments,
  zone,
  slug,
  policy,
  empty,
  actions,
}: {
  appointments: Appointment[];
  zone: string;
  slug: string;
  policy: PortalPolicy | null;
  empty: string;
  actions: boolean;
}) {
  const [change, setChange] = useState<Change>(null);
  if (appointments.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      <ul className="kw-list">
        {appointments.map((a) => {
          const allowed = actions && policy ? changeAllowed(a, policy) : { ok: false };
          return (
            <li key={a.id} className={appointmentsStyles.appt}>
              <span className={appointmentsStyles.apptTime}>
                <span className={appointmentsStyles.apptDate}>{formatDayShort(a.startsAt, zone)}</span>
                <span>{formatTime(a.startsAt, zone)}</span>
              </span>
              <span>
                <span className={appointmentsStyles.apptHeadline}>
                  <span className={appointmentsStyles.apptWho}>{a.service.name}</span>
                  <StatusBadge status={a.status} />
                </span>
                <span className={appointmentsStyles.apptWhat}>
                  With {a.therapist.name}
                  {a.room ? ` · ${a.room.name}` : ""}
                </span>
                {actions ? (
                  allowed.ok ? (
                    <span className={styles.portalApptActions}>
                      <Button
                        variant="secondary"
                        onClick={() => setChange({ kind: "reschedule", appointment: a })}
                      >
                        Change time
                      </Button>
                      <Button variant="ghost" onClick={() => setChange({ kind: "cancel", appointment: a })}>
                        Cancel
                      </Button>
                    </span>
                  ) : allowed.why ? (
                    <span className={styles.portalApptNote}>{allowed.why}</span>
                  ) : null
                ) : null}
              </span>
            </li>
          );
        })}
      </ul>
      <ChangeDialog change={change} zone={zone} slug={slug} policy={policy} onClose={() => setChange(null)} />
    </>
  );
}

function ChangeDialog({
  change,
  zone,
  slug,
  policy,
  onClose,
}: {
  change: Change;
  zone: string;
  slug: string;
  policy: PortalPolicy | null;
  onClose: () => void;
}) {
  return (
    <Dialog open={change !== null} onClose={onClose}>
      {change ? (
        <ChangeForm
          key={change.appointment.id}
          change={change}
          zone={zone}
          slug={slug}
          policy={policy}
          onClose={onClose}
        />
      ) : null}
    </Dialog>
  );
}

function ChangeForm({
  change,
  zone,
  slug,
  policy,
  onClose,
}: {
  change: NonNullable<Change>;
  zone: string;
  slug: string;
  policy: PortalPolicy | null;
  onClose: () => void;
}) {
  const a = change.appointment;
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [start, setStart] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const today = localDateOf(Date.now(), zone);
  const action = useMutation({
    mutationFn: () =>
      change.kind === "cancel"
        ? runAction(a.id, { kind: "cancel", reason: reason.trim() })
        : runAction(a.id, {
            kind: "reschedule",
            start: start as string,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
          }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: portalKeys.all });
      onClose();
    },
    onError: (error) =>
      setProblem(error instanceof ApiError ? error.message : "That didn't work. Please try again."),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (change.kind === "cancel" && reason.trim() === "") {
      setProblem("Please tell the clinic why, in a few words.");
      return;
    }
    if (change.kind === "reschedule" && !start) {
      setProblem("Choose a new time first.");
      return;
    }
    setProblem(null);
    action.mutate();
  };
  const when = `${formatLocalDay(localDateOf(a.startsAt, zone), "long")}, ${formatClock(a.startsAt, zone)}`;
  return (
    <form className={styles.portalChange} onSubmit={submit} noValidate>
      <DialogHeader
        title={change.kind === "cancel" ? "Cancel this appointment?" : "Change the time"}
        description={
          <>
            {a.service.name} with {a.therapist.name}, {when}
          </>
        }
        closable={false}
      />
      {change.kind === "reschedule" ? (
        <>
          {a.status === "confirmed" ? (
            <p className="kw-muted">The new time may need the clinic to confirm it again.</p>
          ) : null}
          <SlotPicker
            slug={slug}
            serviceId={a.service.id}
            therapistId={a.therapist.id}
            zone={zone}
            today={today}
            lastDay={addDays(today, policy?.horizonDays ?? 60)}
            day={[localDateOf(a.startsAt, zone), today].sort()[1] ?? today}
            selected={start}
            onSelect={(slot) => setStart(slot.start)}
            compact
          />
        </>
      ) : null}
      <div className="kw-field">
        <label htmlFor="kw-portal-reason">
          {change.kind === "cancel" ? "Why are you cancelling?" : "A note for the clinic (optional)"}
        </label>
        <textarea
          id="kw-portal-reason"
          className="kw-input kw-textarea kw-textarea--short"
          rows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={onClose}>
          {change.kind === "cancel" ? "Keep it" : "Close"}
        </Button>
        <button
          type="submit"
          className={`kw-button ${change.kind === "cancel" ? "kw-button--danger" : "kw-button--primary"}`}
          disabled={action.isPending}
        >
          {change.kind === "cancel" ? "Cancel appointment" : "Move to this time"}
        </button>
      </DialogActions>
    </form>
  );
}
