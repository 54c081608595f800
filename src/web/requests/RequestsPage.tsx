/**
 * The requests inbox (front desk, laptop): every appointment waiting for the clinic's answer, the
 * one waiting longest first, with confirm / decline (with a reason) / propose another time. A first
 * visit shows what is still missing before it can be confirmed (intake, consent, clearance).
 */
import { useMemo, useState } from "react";
import type { AuthContext } from "../../core/api/auth";
import { AppointmentDialog, type Mode } from "../appointments/AppointmentDialog";
import { useAppointments } from "../appointments/queries";
import { zoneDisplayName } from "../appointments/time";
import { useSession } from "../auth/session";
import { Alert, Card, Empty, Loading, PageHeader } from "../ui/components";
import { RequestRow } from "./RequestRow";

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
