/**
 * The reports computed the plain way, from every row in memory. The server computes the same figures
 * with SQL aggregates (src/server/reports), which is what makes them fast; these functions are the
 * definition the SQL is checked against (property tests on random data) and say, in code, what each
 * figure means. Definitions are in docs/decisions/0021-reports.md.
 */

import {
  type AppointmentsReport,
  type ClientsReport,
  MIN_OUTCOME_CLIENTS,
  type NoShowsReport,
  OFFER_TAKEN_WITHIN_HOURS,
  type OutcomeRow,
  type OutcomesReport,
  PLAN_DROPPED_AFTER_DAYS,
  PLAN_STATUSES,
  type PlansReport,
  RETENTION_DAYS,
  type UtilisationReport,
  type UtilisationRow,
  type WaitlistReport,
} from "../api/reports";
import type { Interval } from "../scheduling/intervals";
import { workingTimeByDay } from "../scheduling/slots";
import type { TherapistSchedule } from "../scheduling/types";
import { median, minutesOf, ratio, round } from "./figures";
import { reportRange, weekOf, weekOfDay, weeksOf } from "./range";

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

export type AppointmentStatus =
  | "requested"
  | "confirmed"
  | "declined"
  | "cancelled"
  | "completed"
  | "no_show";
export type AppointmentSource = "online" | "phone" | "staff";

export interface ReportContext {
  from: string;
  to: string;
  timeZone: string;
  therapistId: string | null;
  /** Retention, plan status and the open waitlist depend on what has happened by now. */
  now: number;
  cancellationWindowHours: number;
}

export interface RawAppointment {
  id: string;
  clientId: string;
  clientName: string;
  therapistId: string;
  roomId: string | null;
  serviceId: string;
  status: AppointmentStatus;
  source: AppointmentSource;
  startsAt: number;
  endsAt: number;
  createdAt: number;
  updatedAt: number;
  requestExpiresAt: number | null;
  /** When staff confirmed it (the audit log's `confirm` event), if they did. */
  confirmedAt: number | null;
}

export interface RawSession {
  id: string;
  clientId: string;
  therapistId: string;
  createdAt: number;
  signed: boolean;
  painBefore: number | null;
  muscleIds: readonly string[];
}

export interface RawPlan {
  id: string;
  clientId: string;
  createdAt: number;
  plannedSessions: number;
  maintenanceIntervalWeeks: number | null;
}

export interface RawWaitlistEntry {
  clientId: string;
  therapistId: string | null;
  serviceId: string;
  createdAt: number;
  notifiedAt: number | null;
  latest: number;
}

/** Plain code-unit order: the same in every locale, and as PostgreSQL orders uuids. */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function headerOf(ctx: ReportContext) {
  return { from: ctx.from, to: ctx.to, timeZone: ctx.timeZone, therapistId: ctx.therapistId };
}

function inRange(ctx: ReportContext, instant: number): boolean {
  const { fromMs, toMs } = reportRange(ctx.from, ctx.to, ctx.timeZone);
  return instant >= fromMs && instant < toMs;
}

function forTherapist(ctx: ReportContext, therapistId: string): boolean {
  return ctx.therapistId === null || ctx.therapistId === therapistId;
}

/** The appointments of the range (by start) and of the therapist asked for. */
function appointmentsOf(ctx: ReportContext, all: readonly RawAppointment[]): RawAppointment[] {
  return all.filter((a) => inRange(ctx, a.startsAt) && forTherapist(ctx, a.therapistId));
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** A request: booked as one (it had an expiry, or is or was waiting for staff), or confirmed by staff later. */
export function isRequest(a: RawAppointment): boolean {
  return (
    a.status === "requested" ||
    a.status === "declined" ||
    a.requestExpiresAt !== null ||
    a.confirmedAt !== null
  );
}

export function computeAppointments(ctx: ReportContext, all: readonly RawAppointment[]): AppointmentsReport {
  const rows = appointmentsOf(ctx, all);
  const counts = countBy(rows, (a) => `${a.status}|${a.source}`);
  const byStatusSource = [...counts]
    .map(([key, count]) => {
      const [status, source] = key.split("|") as [AppointmentStatus, AppointmentSource];
      return { status, source, count };
    })
    .sort((a, b) => byCode(a.status, b.status) || byCode(a.source, b.source));
  const byWeek = countBy(rows, (a) => weekOf(a.startsAt, ctx.timeZone));
  const requests = rows.filter(isRequest);
  const confirmed = requests.filter((a) => a.confirmedAt !== null);
  const waited = median(confirmed.map((a) => (a.confirmedAt as number) - a.createdAt));
  return {
    ...headerOf(ctx),
    total: rows.length,
    byStatusSource,
    weeks: weeksOf(ctx.from, ctx.to).map((week) => ({ week, count: byWeek.get(week) ?? 0 })),
    requests: {
      total: requests.length,
      confirmed: confirmed.length,
      medianMinutesToConfirm: waited === null ? null : minutesOf(waited),
    },
  };
}

/** Statuses whose time was booked: the therapist and room were held for the client. */
export const BOOKED_STATUSES: readonly AppointmentStatus[] = ["confirmed", "completed", "no_show"];

export interface NamedSchedule extends TherapistSchedule {
  name: string;
}

/** Working minutes per local week (Monday dates) within the range, from the schedule engine's rules. */
export function availableMinutesByWeek(
  schedule: TherapistSchedule,
  from: string,
  to: string,
  zone: string,
): Map<string, Interval[]> {
  const range = reportRange(from, to, zone);
  const byWeek = new Map<string, Interval[]>();
  for (const day of workingTimeByDay(schedule, { from: range.fromMs, to: range.toMs }, zone)) {
    const week = weekOfDay(day.dayNumber);
    byWeek.set(week, [...(byWeek.get(week) ?? []), ...day.intervals]);
  }
  return byWeek;
}

function minutesIn(intervals: readonly Interval[]): number {
  return intervals.reduce((sum, i) => sum + (i.end - i.start), 0) / 60_000;
}

/** Union length of intervals (for rooms: the time any therapist in scope works). */
function unionMinutes(intervals: readonly Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  let total = 0;
  let current: Interval | null = null;
  for (const interval of sorted) {
    if (current && interval.start <= current.end) {
      current = { start: current.start, end: Math.max(current.end, interval.end) };
    } else {
      if (current) total += current.end - current.start;
      current = interval;
    }
  }
  if (current) total += current.end - current.start;
  return total / 60_000;
}

/**
 * Utilisation rows from booked minutes per (therapist or room, week) and the schedules: shared by
 * the SQL path (which sums the booked minutes) and the reference computation below.
 */
export function utilisationRows(
  ctx: ReportContext,
  schedules: readonly NamedSchedule[],
  rooms: readonly { id: string; name: string }[],
  booked: ReadonlyMap<string, number>,
): UtilisationRow[] {
  const rows: UtilisationRow[] = [];
  const clinicTime = new Map<string, Interval[]>();
  const inScope = schedules.filter((s) => forTherapist(ctx, s.id));
  for (const schedule of inScope) {
    const available = availableMinutesByWeek(schedule, ctx.from, ctx.to, ctx.timeZone);
    for (const week of weeksOf(ctx.from, ctx.to)) {
      const intervals = available.get(week) ?? [];
      // Appended in place: copying the week's list for each of a hundred therapists was most of the time.
      const open = clinicTime.get(week);
      if (open) for (const interval of intervals) open.push(interval);
      else clinicTime.set(week, [...intervals]);
      const availableMin = round(minutesIn(intervals), 1);
      const bookedMin = round(booked.get(`therapist|${schedule.id}|${week}`) ?? 0, 1);
      rows.push({
        kind: "therapist",
        id: schedule.id,
        name: schedule.name,
        week,
        bookedMin,
        availableMin,
        share: ratio(bookedMin, availableMin),
      });
    }
  }
  // Rooms have no hours of their own: a room is available while the clinic is open, i.e. while any
  // therapist works. With one therapist asked for, rooms are left out (they are shared).
  if (ctx.therapistId === null) {
    // The same for every room: worked out once per week.
    const openMinutes = new Map(
      weeksOf(ctx.from, ctx.to).map((week) => [week, round(unionMinutes(clinicTime.get(week) ?? []), 1)]),
    );
    for (const room of rooms) {
      for (const week of weeksOf(ctx.from, ctx.to)) {
        const availableMin = openMinutes.get(week) as number;
        const bookedMin = round(booked.get(`room|${room.id}|${week}`) ?? 0, 1);
        rows.push({
          kind: "room",
          id: room.id,
          name: room.name,
          week,
          bookedMin,
          availableMin,
          share: ratio(bookedMin, availableMin),
        });
      }
    }
  }
  return rows;
}

export function computeUtilisation(
  ctx: ReportContext,
  all: readonly RawAppointment[],
  schedules: readonly NamedSchedule[],
  rooms: readonly { id: string; name: string }[],
): UtilisationReport {
  const booked = new Map<string, number>();
  const add = (key: string, minutes: number) => booked.set(key, (booked.get(key) ?? 0) + minutes);
  for (const a of appointmentsOf(ctx, all)) {
    if (!BOOKED_STATUSES.includes(a.status)) continue;
    const week = weekOf(a.startsAt, ctx.timeZone);
    const minutes = (a.endsAt - a.startsAt) / 60_000;
    add(`therapist|${a.therapistId}|${week}`, minutes);
    if (a.roomId) add(`room|${a.roomId}|${week}`, minutes);
  }
  return { ...headerOf(ctx), rows: utilisationRows(ctx, schedules, rooms, booked) };
}

/** Cancelled within the clinic's cancellation window before the start (or after it). */
export function isLateCancellation(a: RawAppointment, windowHours: number): boolean {
  return a.status === "cancelled" && a.updatedAt > a.startsAt - windowHours * MS_PER_HOUR;
}

/** Appointments that were booked and due: not declined, not a request still waiting. */
const DUE_STATUSES: readonly AppointmentStatus[] = ["confirmed", "completed", "no_show", "cancelled"];

/** The clients with the most no-shows and late cancellations, at most this many. */
export const NO_SHOW_CLIENTS_LIMIT = 20;

export function computeNoShows(ctx: ReportContext, all: readonly RawAppointment[]): NoShowsReport {
  const due = appointmentsOf(ctx, all).filter((a) => DUE_STATUSES.includes(a.status));
  const late = (a: RawAppointment) => isLateCancellation(a, ctx.cancellationWindowHours);
  const weeks = weeksOf(ctx.from, ctx.to).map((week) => {
    const inWeek = due.filter((a) => weekOf(a.startsAt, ctx.timeZone) === week);
    return {
      week,
      booked: inWeek.length,
      noShows: inWeek.filter((a) => a.status === "no_show").length,
      lateCancellations: inWeek.filter(late).length,
    };
  });
  const byClient = new Map<
    string,
    { clientId: string; name: string; noShows: number; lateCancellations: number }
  >();
  for (const a of due) {
    if (a.status !== "no_show" && !late(a)) continue;
    const entry = byClient.get(a.clientId) ?? {
      clientId: a.clientId,
      name: a.clientName,
      noShows: 0,
      lateCancellations: 0,
    };
    if (a.status === "no_show") entry.noShows++;
    else entry.lateCancellations++;
    byClient.set(a.clientId, entry);
  }
  const noShows = due.filter((a) => a.status === "no_show").length;
  const lateCancellations = due.filter(late).length;
  return {
    ...headerOf(ctx),
    booked: due.length,
    noShows,
    lateCancellations,
    noShowRate: ratio(noShows, due.length),
    lateCancellationRate: ratio(lateCancellations, due.length),
    weeks,
    clients: [...byClient.values()]
      .sort(
        (a, b) =>
          b.noShows + b.lateCancellations - (a.noShows + a.lateCancellations) ||
          byCode(a.name, b.name) ||
          byCode(a.clientId, b.clientId),
      )
      .slice(0, NO_SHOW_CLIENTS_LIMIT),
  };
}

/** Statuses that count as "booking again" after a first visit. */
const REBOOK_STATUSES: readonly AppointmentStatus[] = ["requested", "confirmed", "completed", "no_show"];

export function computeClients(ctx: ReportContext, all: readonly RawAppointment[]): ClientsReport {
  // A visit is an appointment the client came to. A client's first visit is their first anywhere in
  // the clinic, whoever the therapist; the therapist filter picks which visits of the range count.
  const firstVisit = new Map<string, number>();
  for (const a of all) {
    if (a.status !== "completed") continue;
    const known = firstVisit.get(a.clientId);
    if (known === undefined || a.startsAt < known) firstVisit.set(a.clientId, a.startsAt);
  }
  const visits = appointmentsOf(ctx, all).filter((a) => a.status === "completed");
  const isNew = (clientId: string) => inRange(ctx, firstVisit.get(clientId) as number);
  const clientsSeen = new Set(visits.map((a) => a.clientId));
  const newClients = [...clientsSeen].filter(isNew);
  const weeks = weeksOf(ctx.from, ctx.to).map((week) => {
    const seen = new Set(
      visits.filter((a) => weekOf(a.startsAt, ctx.timeZone) === week).map((a) => a.clientId),
    );
    const fresh = [...seen].filter((id) => weekOf(firstVisit.get(id) as number, ctx.timeZone) === week);
    return { week, newClients: fresh.length, returningClients: seen.size - fresh.length };
  });
  let eligible = 0;
  let rebooked = 0;
  for (const clientId of newClients) {
    const first = firstVisit.get(clientId) as number;
    const again = all.some(
      (a) =>
        a.clientId === clientId &&
        REBOOK_STATUSES.includes(a.status) &&
        a.startsAt > first &&
        a.startsAt <= first + RETENTION_DAYS * MS_PER_DAY,
    );
    if (again) rebooked++;
    if (again || first + RETENTION_DAYS * MS_PER_DAY <= ctx.now) eligible++;
  }
  return {
    ...headerOf(ctx),
    newClients: newClients.length,
    returningClients: clientsSeen.size - newClients.length,
    weeks,
    retention: { eligible, rebooked, share: ratio(rebooked, eligible) },
  };
}

export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** The status of one plan from the sessions done towards it and whether anything is booked. */
export function planStatus(
  plan: Pick<RawPlan, "plannedSessions" | "maintenanceIntervalWeeks" | "createdAt">,
  done: number,
  lastSessionAt: number | null,
  hasUpcoming: boolean,
  now: number,
): PlanStatus {
  if (done >= plan.plannedSessions)
    return plan.maintenanceIntervalWeeks === null ? "completed" : "maintenance";
  const lastActivity = Math.max(plan.createdAt, lastSessionAt ?? plan.createdAt);
  if (!hasUpcoming && lastActivity < now - PLAN_DROPPED_AFTER_DAYS * MS_PER_DAY) return "dropped";
  return "active";
}

export function plansSummary(
  ctx: ReportContext,
  plans: readonly { status: PlanStatus; planned: number; done: number }[],
): PlansReport {
  const plannedSessions = plans.reduce((sum, p) => sum + p.planned, 0);
  const doneSessions = plans.reduce((sum, p) => sum + Math.min(p.done, p.planned), 0);
  return {
    ...headerOf(ctx),
    plans: plans.length,
    byStatus: PLAN_STATUSES.map((status) => ({
      status,
      count: plans.filter((p) => p.status === status).length,
    })),
    plannedSessions,
    doneSessions,
    completionShare: ratio(doneSessions, plannedSessions),
  };
}

export function computePlans(
  ctx: ReportContext,
  plans: readonly RawPlan[],
  sessions: readonly RawSession[],
  appointments: readonly RawAppointment[],
): PlansReport {
  const summaries: { status: PlanStatus; planned: number; done: number }[] = [];
  for (const plan of plans) {
    if (!inRange(ctx, plan.createdAt)) continue;
    // A plan runs until the client's next plan: sessions in between count towards it.
    const next = plans
      .filter(
        (p) =>
          p.clientId === plan.clientId &&
          (p.createdAt > plan.createdAt || (p.createdAt === plan.createdAt && p.id > plan.id)),
      )
      .reduce((min, p) => Math.min(min, p.createdAt), Number.POSITIVE_INFINITY);
    const counted = sessions.filter(
      (s) => s.clientId === plan.clientId && s.signed && s.createdAt >= plan.createdAt && s.createdAt < next,
    );
    if (ctx.therapistId !== null && !counted.some((s) => s.therapistId === ctx.therapistId)) continue;
    const lastSessionAt = counted.length === 0 ? null : Math.max(...counted.map((s) => s.createdAt));
    const hasUpcoming = appointments.some(
      (a) =>
        a.clientId === plan.clientId &&
        (a.status === "requested" || a.status === "confirmed") &&
        a.startsAt > ctx.now,
    );
    summaries.push({
      status: planStatus(plan, counted.length, lastSessionAt, hasUpcoming, ctx.now),
      planned: plan.plannedSessions,
      done: counted.length,
    });
  }
  return plansSummary(ctx, summaries);
}

/** One (client, region or muscle) pair: pain at the first and latest session that treated it. */
export interface OutcomePair {
  kind: "region" | "muscle";
  id: string;
  change: number;
}

/** Outcome rows from per-client changes, with small groups hidden; shared by both paths. */
export function outcomeRows(
  sums: readonly { kind: "region" | "muscle"; id: string; clients: number; sumChange: number }[],
  labelOf: (kind: "region" | "muscle", id: string) => string,
): OutcomeRow[] {
  return sums
    .map((s) => ({
      kind: s.kind,
      id: s.id,
      label: labelOf(s.kind, s.id),
      clients: s.clients,
      averageChange: s.clients < MIN_OUTCOME_CLIENTS ? null : round(s.sumChange / s.clients, 2),
    }))
    .sort((a, b) => byCode(a.kind, b.kind) || b.clients - a.clients || byCode(a.id, b.id));
}

export function computeOutcomes(
  ctx: ReportContext,
  sessions: readonly RawSession[],
  regionOf: (muscleId: string) => string | undefined,
  labelOf: (kind: "region" | "muscle", id: string) => string,
): OutcomesReport {
  const charted = sessions
    .filter(
      (s) =>
        s.signed && s.painBefore !== null && inRange(ctx, s.createdAt) && forTherapist(ctx, s.therapistId),
    )
    .sort((a, b) => a.createdAt - b.createdAt || byCode(a.id, b.id));
  // Per (kind, id, client): the sessions that treated it, in order.
  const series = new Map<string, RawSession[]>();
  for (const session of charted) {
    const keys = new Set<string>();
    for (const muscle of session.muscleIds) {
      keys.add(`muscle|${muscle}|${session.clientId}`);
      const region = regionOf(muscle);
      if (region) keys.add(`region|${region}|${session.clientId}`);
    }
    for (const key of keys) series.set(key, [...(series.get(key) ?? []), session]);
  }
  const sums = new Map<
    string,
    { kind: "region" | "muscle"; id: string; clients: number; sumChange: number }
  >();
  for (const [key, list] of series) {
    if (list.length < 2) continue;
    const [kind, id] = key.split("|") as ["region" | "muscle", string];
    const change = (list.at(-1)?.painBefore as number) - (list[0]?.painBefore as number);
    const entry = sums.get(`${kind}|${id}`) ?? { kind, id, clients: 0, sumChange: 0 };
    entry.clients++;
    entry.sumChange += change;
    sums.set(`${kind}|${id}`, entry);
  }
  return {
    ...headerOf(ctx),
    minClients: MIN_OUTCOME_CLIENTS,
    rows: outcomeRows([...sums.values()], labelOf),
  };
}

export function computeWaitlist(
  ctx: ReportContext,
  entries: readonly RawWaitlistEntry[],
  appointments: readonly RawAppointment[],
): WaitlistReport {
  // For one therapist: the entries that asked for them (an entry for "anyone" belongs to no one).
  const mine = entries.filter((e) => ctx.therapistId === null || e.therapistId === ctx.therapistId);
  const created = mine.filter((e) => inRange(ctx, e.createdAt));
  const offered = mine.filter((e) => e.notifiedAt !== null && inRange(ctx, e.notifiedAt));
  const taken = offered.filter((e) =>
    appointments.some(
      (a) =>
        a.clientId === e.clientId &&
        a.serviceId === e.serviceId &&
        a.createdAt >= (e.notifiedAt as number) &&
        a.createdAt <= (e.notifiedAt as number) + OFFER_TAKEN_WITHIN_HOURS * MS_PER_HOUR,
    ),
  );
  return {
    ...headerOf(ctx),
    entriesCreated: created.length,
    offersSent: offered.length,
    offersTakenEstimate: taken.length,
    openNow: mine.filter((e) => e.latest > ctx.now && e.createdAt <= ctx.now).length,
    weeks: weeksOf(ctx.from, ctx.to).map((week) => ({
      week,
      entriesCreated: created.filter((e) => weekOf(e.createdAt, ctx.timeZone) === week).length,
      offersSent: offered.filter((e) => weekOf(e.notifiedAt as number, ctx.timeZone) === week).length,
    })),
  };
}
