import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import type { AuthContext } from "../../core/api/auth";
import type { Appointment } from "../../core/api/clinic";
import { homeRanges } from "../app/ranges";
import { AppointmentDialog, type Mode } from "../appointments/AppointmentDialog";
import { AppointmentList } from "../appointments/AppointmentList";
import { appointmentsQuery } from "../appointments/api";
import { useSession } from "../auth/session";
import { ChartLink } from "../chart/ChartLink";
import { UnsignedNotes } from "../chart/UnsignedNotes";
import { CLIENT_COUNT_LIMIT, clientsQuery } from "../clients/api";
import { RequestRow, useAnsweredRows } from "../requests/RequestRow";
import { Card, Empty, Loading, PageHeader, Stat } from "../ui/components";
import { formatDayLong } from "../ui/time";

const HOLDING = new Set(["requested", "confirmed"]);

function useToday(context: AuthContext) {
  const ranges = useMemo(() => homeRanges(context.timeZone), [context.timeZone]);
  return {
    todayQuery: useQuery(appointmentsQuery(ranges.today)),
    weekQuery: useQuery(appointmentsQuery(ranges.fortnight)),
  };
}

function byTherapist(appointments: Appointment[]): [string, Appointment[]][] {
  const groups = new Map<string, Appointment[]>();
  for (const a of appointments) groups.set(a.therapist.name, [...(groups.get(a.therapist.name) ?? []), a]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function TodayByTherapist({ appointments, timeZone }: { appointments: Appointment[]; timeZone: string }) {
  const groups = byTherapist(appointments.filter((a) => a.status !== "cancelled" && a.status !== "declined"));
  if (groups.length === 0)
    return <Card title="Today">{<p className="kw-muted">No appointments today.</p>}</Card>;
  return (
    <div className="kw-grid">
      {groups.map(([name, list]) => (
        <Card key={name} title={name} flush headingLevel={3}>
          <AppointmentList appointments={list} timeZone={timeZone} hideTherapist />
        </Card>
      ))}
    </div>
  );
}

function greeting(name: string): string {
  const hour = new Date().getHours();
  const part = hour < 12 ? "Good morning" : hour < 18 ? "Good afternoon" : "Good evening";
  return `${part}, ${name.split(" ")[0]}`;
}

export function OwnerHome({ context }: { context: AuthContext }) {
  const { session } = useSession();
  const { todayQuery, weekQuery } = useToday(context);
  const clients = useQuery(clientsQuery("", CLIENT_COUNT_LIMIT));
  if (todayQuery.isPending || weekQuery.isPending) return <Loading />;
  const today = todayQuery.data ?? [];
  const week = weekQuery.data ?? [];
  const requests = week.filter((a) => a.status === "requested");
  return (
    <>
      <PageHeader
        eyebrow={formatDayLong(new Date(), context.timeZone)}
        title={greeting(session?.user.name ?? "")}
        description={`${context.clinicName} at a glance.`}
        actions={<Link to="/app/reports">Reports</Link>}
      />
      <div className="kw-grid" style={{ marginBottom: "var(--kw-space-5)" }}>
        <Stat value={today.filter((a) => HOLDING.has(a.status)).length} label="Appointments today" />
        <Stat value={requests.length} label="Requests waiting for confirmation" />
        <Stat
          value={week.filter((a) => a.firstVisit && HOLDING.has(a.status)).length}
          label="First visits in the next 2 weeks"
        />
        <Stat value={clients.data?.length ?? "–"} label="Clients" />
      </div>
      <UnsignedNotes timeZone={context.timeZone} showTherapist />
      <h2>Today by therapist</h2>
      <TodayByTherapist appointments={today} timeZone={context.timeZone} />
    </>
  );
}

/** The requests still waiting, each with confirm / decline / propose right here (the full inbox is /app/requests). */
function RequestsWaiting({ requests, context }: { requests: Appointment[]; context: AuthContext }) {
  const [open, setOpen] = useState<{ id: string; mode: Mode } | null>(null);
  const { shown, markAnswered } = useAnsweredRows(
    [...requests].sort((x, y) => Date.parse(x.startsAt) - Date.parse(y.startsAt)),
  );
  const sorted = shown;
  return (
    <Card title={`Requests waiting (${requests.length})`} flush>
      {sorted.length === 0 ? (
        <Empty>No requests waiting. Nice.</Empty>
      ) : (
        <ul className="kw-list">
          {sorted.slice(0, 6).map((a) => (
            <RequestRow
              key={a.id}
              appointment={a}
              zone={context.timeZone}
              compact
              onAnswered={markAnswered}
              onOpen={(mode) => setOpen({ id: a.id, mode })}
            />
          ))}
        </ul>
      )}
      {sorted.length > 6 ? (
        <p className="kw-muted" style={{ padding: "0 var(--kw-space-5) var(--kw-space-4)" }}>
          <Link to="/app/requests">All {sorted.length} requests</Link>
        </p>
      ) : null}
      <AppointmentDialog
        key={open ? `${open.id}:${open.mode}` : "closed"}
        appointmentId={open?.id ?? null}
        initialMode={open?.mode ?? "view"}
        onClose={() => setOpen(null)}
        timeZone={context.timeZone}
      />
    </Card>
  );
}

export function FrontDeskHome({ context }: { context: AuthContext }) {
  const { session } = useSession();
  const { todayQuery, weekQuery } = useToday(context);
  if (todayQuery.isPending || weekQuery.isPending) return <Loading />;
  const requests = (weekQuery.data ?? []).filter((a) => a.status === "requested");
  return (
    <>
      <PageHeader
        eyebrow={formatDayLong(new Date(), context.timeZone)}
        title={greeting(session?.user.name ?? "")}
        description="Requests to answer and today's schedule."
      />
      <div className="kw-grid kw-grid--wide" style={{ marginBottom: "var(--kw-space-5)" }}>
        <RequestsWaiting requests={requests} context={context} />
      </div>
      <h2>Today by therapist</h2>
      <TodayByTherapist appointments={todayQuery.data ?? []} timeZone={context.timeZone} />
    </>
  );
}

export function TherapistHome({ context }: { context: AuthContext }) {
  const { session } = useSession();
  const { todayQuery, weekQuery } = useToday(context);
  if (todayQuery.isPending || weekQuery.isPending) return <Loading />;
  const mine = (todayQuery.data ?? []).filter(
    (a) => a.therapist.isYou && a.status !== "cancelled" && a.status !== "declined",
  );
  const upcoming = (weekQuery.data ?? []).filter(
    (a) => a.therapist.isYou && HOLDING.has(a.status) && Date.parse(a.startsAt) > Date.now(),
  );
  return (
    <>
      <PageHeader
        eyebrow={formatDayLong(new Date(), context.timeZone)}
        title={greeting(session?.user.name ?? "")}
        description="Your clients today, in order."
      />
      <UnsignedNotes timeZone={context.timeZone} />
      <div className="kw-grid kw-grid--wide">
        <Card title={`Your day (${mine.length})`} flush>
          <AppointmentList
            appointments={mine}
            timeZone={context.timeZone}
            empty="No clients booked with you today."
            action={(a) => <ChartLink appointmentId={a.id} />}
          />
        </Card>
        <Card title="Coming up" flush>
          <AppointmentList
            appointments={upcoming.slice(0, 8)}
            timeZone={context.timeZone}
            withDate
            empty="Nothing else booked in the next two weeks."
          />
        </Card>
      </div>
    </>
  );
}
