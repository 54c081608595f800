/**
 * The requests inbox (front desk, laptop): every appointment waiting for the clinic's answer, the
 * one waiting longest first, with confirm / decline (with a reason) / propose another time. A first
 * visit shows what is still missing before it can be confirmed (intake, consent, clearance).
 */
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { AuthContext } from "../../core/api/auth";
import type { Appointment } from "../../core/api/clinic";
import { ApiError } from "../api/client";
import {
  AppointmentDialog,
  describeWhen,
  type Mode,
  ReadinessReasons,
  useAppointmentActions,
} from "../appointments/AppointmentDialog";
import { fetchReadiness } from "../appointments/api";
import { useAppointments } from "../appointments/queries";
import { formatClock, formatLocalDay, localDateOf, zoneDisplayName } from "../appointments/time";
import { useSession } from "../auth/session";
import { Alert, Button, Card, Empty, Loading, PageHeader } from "../ui/components";
import "./requests.css";

/** Requests can sit a while before their start; look ahead as far as the list API allows. */
const LOOK_AHEAD_DAYS = 92;

export function useRequests() {
  // One range per page visit (a new instant every render would refetch forever).
  const range = useMemo(() => {
    const from = new Date(Date.now() - 86_400_000);
    return {
      from: from.toISOString(),
      to: new Date(from.getTime() + LOOK_AHEAD_DAYS * 86_400_000).toISOString(),
    };
  }, []);
  const query = useAppointments(range);
  const requests = (query.data ?? [])
    .filter((a) => a.status === "requested")
    // The list carries no creation time; the soonest start is the one that cannot wait.
    .sort((x, y) => Date.parse(x.startsAt) - Date.parse(y.startsAt));
  return { query, requests };
}

export default function RequestsPage() {
  const { context } = useSession();
  if (!context) return <Loading />;
  return <Requests context={context} />;
}

function Requests({ context }: { context: AuthContext }) {
  const { query, requests } = useRequests();
  const [open, setOpen] = useState<{ id: string; mode: Mode } | null>(null);
  const zone = context.timeZone;
  return (
    <>
      <PageHeader
        eyebrow={`Clinic time · ${zoneDisplayName(zone)}`}
        title="Requests"
        description="Online requests and first visits waiting for an answer, soonest first."
      />
      {query.isPending ? <Loading /> : null}
      {query.isError ? <Alert tone="danger">Could not load requests.</Alert> : null}
      {query.isSuccess ? (
        <Card flush title={`Waiting (${requests.length})`}>
          {requests.length === 0 ? (
            <Empty>No requests waiting. Nice.</Empty>
          ) : (
            <ul className="kw-list kw-requests">
              {requests.map((a) => (
                <RequestRow
                  key={a.id}
                  appointment={a}
                  zone={zone}
                  onOpen={(mode) => setOpen({ id: a.id, mode })}
                />
              ))}
            </ul>
          )}
        </Card>
      ) : null}
      <AppointmentDialog
        key={open ? `${open.id}:${open.mode}` : "closed"}
        appointmentId={open?.id ?? null}
        initialMode={open?.mode ?? "view"}
        onClose={() => setOpen(null)}
        timeZone={zone}
      />
    </>
  );
}

export function RequestRow({
  appointment: a,
  zone,
  onOpen,
  compact = false,
}: {
  appointment: Appointment;
  zone: string;
  onOpen(mode: Mode): void;
  compact?: boolean;
}) {
  const actions = useAppointmentActions(a.id);
  const readiness = useQuery({
    queryKey: ["readiness", a.id],
    queryFn: () => fetchReadiness(a.id),
    enabled: a.firstVisit,
    retry: false,
  });
  const refused = actions.error instanceof ApiError ? actions.error : null;
  const notReady = readiness.data && !readiness.data.ok ? readiness.data : null;
  const rowLabel = `${a.client.name}, ${formatLocalDay(localDateOf(a.startsAt, zone), "short")} ${formatClock(a.startsAt, zone)}`;
  return (
    <li className="kw-request" aria-label={rowLabel}>
      <div className="kw-request__when">
        <span className="kw-request__date">{formatLocalDay(localDateOf(a.startsAt, zone), "short")}</span>
        <span className="kw-request__time">{formatClock(a.startsAt, zone)}</span>
      </div>
      <div className="kw-request__body">
        <div className="kw-appt__headline">
          <button type="button" className="kw-request__who" onClick={() => onOpen("view")}>
            {a.client.name}
          </button>
          {a.firstVisit ? <span className="kw-badge kw-badge--neutral">First visit</span> : null}
          <span className="kw-badge kw-badge--requested">
            {a.source === "online" ? "Online request" : "Request"}
          </span>
        </div>
        <span className="kw-appt__what">
          {a.service.name} · {a.therapist.name}
          {a.room ? ` · ${a.room.name}` : ""}
          {compact ? null : <span className="kw-visually-hidden"> · {describeWhen(a, zone)}</span>}
        </span>
        {notReady ? (
          <div className="kw-request__ready">
            <strong>Before it can be confirmed:</strong>
            <ReadinessReasons readiness={notReady} />
          </div>
        ) : null}
        {refused ? (
          <div className="kw-request__ready" role="alert">
            <strong>Not confirmed.</strong> {refused.message}
          </div>
        ) : null}
        {actions.isSuccess ? (
          <p className="kw-request__done" role="status">
            Confirmed.
          </p>
        ) : null}
      </div>
      <div className="kw-request__actions">
        <Button
          disabled={actions.isPending || actions.isSuccess}
          onClick={() => actions.mutate({ kind: "confirm" })}
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
    </li>
  );
}
