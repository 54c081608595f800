/**
 * The requests inbox (front desk, laptop): every appointment waiting for the clinic's answer, the
 * one waiting longest first, with confirm / decline (with a reason) / propose another time. A first
 * visit shows what is still missing before it can be confirmed (intake, consent, clearance).
 */
import { useQueries } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { AuthContext } from "../../core/api/auth";
import { requestsRange } from "../app/ranges";
import { AppointmentDialog, type Mode } from "../appointments/AppointmentDialog";
import { appointmentQuery } from "../appointments/api";
import { useAppointments } from "../appointments/queries";
import { zoneDisplayName } from "../appointments/time";
import { useSession } from "../auth/session";
import { Alert, Card, Empty, Loading, PageHeader } from "../ui/components";
import { RequestRow, useAnsweredRows } from "./RequestRow";

export function useRequests() {
  // One range per page visit (a new instant every render would refetch forever); the route loader
  // fetches the same one while this page's code loads.
  const range = useMemo(() => requestsRange(), []);
  const query = useAppointments(range);
  const waiting = (query.data ?? []).filter((a) => a.status === "requested");
  // The list has no creation time; each request's details do (and warm the dialog's cache).
  const details = useQueries({
    queries: waiting.map((a) => appointmentQuery(a.id)),
  });
  const createdAt = new Map<string, string>();
  for (const d of details) if (d.data) createdAt.set(d.data.id, d.data.createdAt);
  const allKnown = waiting.every((a) => createdAt.has(a.id));
  const requests = [...waiting].sort((x, y) =>
    allKnown
      ? Date.parse(createdAt.get(x.id) ?? "") - Date.parse(createdAt.get(y.id) ?? "")
      : Date.parse(x.startsAt) - Date.parse(y.startsAt),
  );
  return { query, requests, createdAt };
}

export default function RequestsPage() {
  const { context } = useSession();
  if (!context) return <Loading />;
  return <Requests context={context} />;
}

function Requests({ context }: { context: AuthContext }) {
  const { query, requests, createdAt } = useRequests();
  const { shown, markAnswered } = useAnsweredRows(requests);
  const [open, setOpen] = useState<{ id: string; mode: Mode } | null>(null);
  const zone = context.timeZone;
  return (
    <>
      <PageHeader
        eyebrow={`Clinic time · ${zoneDisplayName(zone)}`}
        title="Requests"
        description="Online requests and first visits waiting for an answer, the one waiting longest first."
      />
      {query.isPending ? <Loading /> : null}
      {query.isError ? <Alert tone="danger">Could not load requests.</Alert> : null}
      {query.isSuccess ? (
        <Card flush title={`Waiting (${requests.length})`}>
          {shown.length === 0 ? (
            <Empty>No requests waiting. Nice.</Empty>
          ) : (
            <ul className="kw-list">
              {shown.map((a) => (
                <RequestRow
                  key={a.id}
                  appointment={a}
                  zone={zone}
                  requestedAt={createdAt.get(a.id)}
                  onAnswered={markAnswered}
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
