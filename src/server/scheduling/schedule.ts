/**
 * Loads what the pure slot engine needs (src/core/scheduling) from the database: therapists' weekly
 * hours and breaks, date overrides, time off, rooms, and the busy time of holding appointments,
 * for one clinic and one window only.
 *
 * Busy time is read with an index-friendly predicate: the overlap of `tstzrange(blocks_from,
 * blocks_until)` with the window, restricted to holding statuses, which is exactly the expression and
 * partial predicate of the exclusion constraints' GiST indexes (migrations/0001_no_double_booking.sql).
 * So a query touches only the window's appointments, however many the clinic has.
 *
 * A request past its `request_expires_at` no longer holds its slot: it is left out of busy time here,
 * whether or not the sweep (./expiry.ts) has marked it yet.
 */
import { and, asc, eq, gte, inArray, lte, ne, type SQL, sql } from "drizzle-orm";
import type {
  BookingPolicy,
  BusyInterval,
  DateOverride,
  LocalInterval,
  Room,
  ServiceSpec,
  SlotQuery,
  TherapistSchedule,
  WeeklySchedule,
} from "../../core/scheduling";
import { instantToLocal } from "../../core/scheduling";
import type { Db } from "../db/connect";
import {
  appointments,
  type ClinicPolicies,
  clinics,
  DEFAULT_CLINIC_POLICIES,
  dateOverrides,
  rooms,
  services,
  therapists,
  timeOff,
  workingHours,
} from "../db/schema";
import { notFound } from "../http/errors";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export interface ClinicInfo {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
  address: string | null;
  email: string | null;
  phone: string | null;
  policies: ClinicPolicies;
}

const clinicColumns = {
  id: clinics.id,
  slug: clinics.slug,
  name: clinics.name,
  timeZone: clinics.timeZone,
  address: clinics.address,
  email: clinics.email,
  phone: clinics.phone,
  policies: clinics.policies,
};

function withDefaultPolicies(row: ClinicInfo): ClinicInfo {
  return { ...row, policies: { ...DEFAULT_CLINIC_POLICIES, ...row.policies } };
}

export async function clinicBySlug(db: Db, slug: string): Promise<ClinicInfo> {
  const [row] = await db.select(clinicColumns).from(clinics).where(eq(clinics.slug, slug)).limit(1);
  if (!row) throw notFound("Clinic not found.");
  return withDefaultPolicies(row);
}

export async function clinicById(db: Db, clinicId: string): Promise<ClinicInfo> {
  const [row] = await db.select(clinicColumns).from(clinics).where(eq(clinics.id, clinicId)).limit(1);
  if (!row) throw notFound("Clinic not found.");
  return withDefaultPolicies(row);
}

export interface ServiceInfo extends ServiceSpec {
  id: string;
  name: string;
  kind: "consultation" | "session";
  bookableOnline: boolean;
  bookingMode: "instant" | "request";
  active: boolean;
}

export async function serviceById(db: Db, clinicId: string, serviceId: string): Promise<ServiceInfo | null> {
  const [row] = await db
    .select({
      id: services.id,
      name: services.name,
      kind: services.kind,
      durationMin: services.durationMin,
      bufferBeforeMin: services.bufferBeforeMin,
      bufferAfterMin: services.bufferAfterMin,
      needsRoom: services.needsRoom,
      bookableOnline: services.bookableOnline,
      bookingMode: services.bookingMode,
      active: services.active,
    })
    .from(services)
    .where(and(eq(services.clinicId, clinicId), eq(services.id, serviceId)))
    .limit(1);
  return row ?? null;
}

export function bookingPolicyOf(policies: ClinicPolicies): BookingPolicy {
  return {
    minNoticeMin: policies.minNoticeMin,
    horizonDays: policies.horizonDays,
    stepMin: policies.slotStepMin,
  };
}

/** "09:00:00" (a `time` column) → "09:00". */
function hhmm(time: string): string {
  return time.slice(0, 5);
}

/** The SQL condition "this appointment holds its slot at `now`" (holding status, request not expired). */
export function holdsAt(now: Date): SQL {
  return sql`${appointments.status} IN ('requested', 'confirmed') AND (${appointments.status} = 'confirmed' OR ${appointments.requestExpiresAt} IS NULL OR ${appointments.requestExpiresAt} > ${now.toISOString()}::timestamptz)`;
}

/** Overlap of an appointment's blocked range with `[from, to)`, in the exclusion indexes' own expression. */
export function blocksOverlap(from: Date, to: Date): SQL {
  return sql`tstzrange(${appointments.blocksFrom}, ${appointments.blocksUntil}, '[)') && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`;
}

export interface ScheduleWindow {
  clinicId: string;
  zone: string;
  /** Only these therapists; omitted = every active therapist. */
  therapistIds?: readonly string[];
  /** Busy time, time off and overrides are loaded for instants in `[from, to)`. */
  from: number;
  to: number;
  now: number;
  needsRoom: boolean;
  /** Leave this appointment out of busy time (it is the one being moved). */
  excludeAppointmentId?: string;
}

export interface ScheduleData {
  therapists: TherapistSchedule[];
  rooms: Room[];
  busy: BusyInterval[];
}

function pushInterval(schedule: Record<number, LocalInterval[]>, weekday: number, interval: LocalInterval) {
  const list = schedule[weekday] ?? [];
  list.push(interval);
  schedule[weekday] = list;
}

/** Everything the engine needs about therapists, rooms and busy time within one window. */
export async function loadSchedule(db: Db, window: ScheduleWindow): Promise<ScheduleData> {
  const { clinicId } = window;
  const from = new Date(window.from);
  const to = new Date(window.to);
  const onlyTherapists =
    window.therapistIds === undefined ? undefined : inArray(therapists.id, [...window.therapistIds]);
  const therapistRows = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.clinicId, clinicId), eq(therapists.active, true), onlyTherapists))
    .orderBy(asc(therapists.displayName), asc(therapists.id));
  if (therapistRows.length === 0) return { therapists: [], rooms: [], busy: [] };
  const ids = therapistRows.map((t) => t.id);
  const some = window.therapistIds !== undefined;

  // Local dates that can touch the window, with a day's margin on each side for zone offsets.
  const firstDate = instantToLocal(window.from - MS_PER_DAY, window.zone).date;
  const lastDate = instantToLocal(window.to + MS_PER_DAY, window.zone).date;

  const [hourRows, overrideRows, timeOffRows, roomRows, busyRows] = await Promise.all([
    db
      .select({
        therapistId: workingHours.therapistId,
        weekday: workingHours.weekday,
        start: workingHours.startTime,
        end: workingHours.endTime,
        isBreak: workingHours.isBreak,
      })
      .from(workingHours)
      .where(
        and(eq(workingHours.clinicId, clinicId), some ? inArray(workingHours.therapistId, ids) : undefined),
      ),
    db
      .select({
        therapistId: dateOverrides.therapistId,
        date: dateOverrides.date,
        intervals: dateOverrides.intervals,
      })
      .from(dateOverrides)
      .where(
        and(
          eq(dateOverrides.clinicId, clinicId),
          some ? inArray(dateOverrides.therapistId, ids) : undefined,
          gte(dateOverrides.date, firstDate),
          lte(dateOverrides.date, lastDate),
        ),
      ),
    db
      .select({ therapistId: timeOff.therapistId, startsAt: timeOff.startsAt, endsAt: timeOff.endsAt })
      .from(timeOff)
      .where(
        and(
          eq(timeOff.clinicId, clinicId),
          some ? inArray(timeOff.therapistId, ids) : undefined,
          sql`${timeOff.startsAt} < ${to.toISOString()}::timestamptz`,
          sql`${timeOff.endsAt} > ${from.toISOString()}::timestamptz`,
        ),
      ),
    window.needsRoom
      ? db
          .select({ id: rooms.id })
          .from(rooms)
          .where(and(eq(rooms.clinicId, clinicId), eq(rooms.active, true)))
          .orderBy(asc(rooms.name), asc(rooms.id))
      : Promise.resolve([] as { id: string }[]),
    db
      .select({
        therapistId: appointments.therapistId,
        roomId: appointments.roomId,
        blocksFrom: appointments.blocksFrom,
        blocksUntil: appointments.blocksUntil,
      })
      .from(appointments)
      .where(
        and(
          eq(appointments.clinicId, clinicId),
          blocksOverlap(from, to),
          holdsAt(new Date(window.now)),
          // Without rooms, other therapists' appointments cannot matter.
          some && !window.needsRoom ? inArray(appointments.therapistId, ids) : undefined,
          window.excludeAppointmentId ? ne(appointments.id, window.excludeAppointmentId) : undefined,
        ),
      ),
  ]);

  const weekly = new Map<string, Record<number, LocalInterval[]>>();
  const breaks = new Map<string, Record<number, LocalInterval[]>>();
  for (const row of hourRows) {
    const target = row.isBreak ? breaks : weekly;
    let schedule = target.get(row.therapistId);
    if (!schedule) {
      schedule = {};
      target.set(row.therapistId, schedule);
    }
    pushInterval(schedule, row.weekday, { start: hhmm(row.start), end: hhmm(row.end) });
  }
  const overrides = new Map<string, DateOverride[]>();
  for (const row of overrideRows) {
    const list = overrides.get(row.therapistId) ?? [];
    list.push({ date: row.date, intervals: row.intervals });
    overrides.set(row.therapistId, list);
  }
  const absences = new Map<string, { start: number; end: number }[]>();
  for (const row of timeOffRows) {
    const list = absences.get(row.therapistId) ?? [];
    list.push({ start: row.startsAt.getTime(), end: row.endsAt.getTime() });
    absences.set(row.therapistId, list);
  }
  const known = new Set(ids);
  return {
    therapists: ids.map((id) => ({
      id,
      weeklyHours: (weekly.get(id) ?? {}) as WeeklySchedule,
      breaks: (breaks.get(id) ?? {}) as WeeklySchedule,
      dateOverrides: overrides.get(id) ?? [],
      timeOff: absences.get(id) ?? [],
    })),
    rooms: roomRows,
    // Other therapists' appointments still matter for rooms; appointments of therapists outside
    // the query matter only through their room.
    busy: busyRows
      .map((row) => ({
        therapistId: known.has(row.therapistId) ? row.therapistId : null,
        roomId: window.needsRoom ? row.roomId : null,
        start: row.blocksFrom.getTime(),
        end: row.blocksUntil.getTime(),
      }))
      .filter((row) => row.therapistId !== null || row.roomId !== null),
  };
}

/** The span of blocked time that candidate starts in `[from, to)` can touch for this service. */
export function blockingSpan(service: ServiceSpec, from: number, to: number): { from: number; to: number } {
  return {
    from: from - service.bufferBeforeMin * MS_PER_MINUTE,
    to: to + (service.durationMin + service.bufferAfterMin) * MS_PER_MINUTE,
  };
}

export function slotQueryOf(
  clinic: Pick<ClinicInfo, "timeZone">,
  service: ServiceSpec,
  schedule: ScheduleData,
  options: { from: number; to: number; now: number; policy: BookingPolicy; therapistId?: string },
): SlotQuery {
  return {
    zone: clinic.timeZone,
    service: {
      id: service.id,
      durationMin: service.durationMin,
      bufferBeforeMin: service.bufferBeforeMin,
      bufferAfterMin: service.bufferAfterMin,
      needsRoom: service.needsRoom,
    },
    therapists: schedule.therapists,
    rooms: schedule.rooms,
    busy: schedule.busy,
    range: { from: options.from, to: options.to },
    now: options.now,
    policy: options.policy,
    ...(options.therapistId ? { therapistId: options.therapistId } : {}),
  };
}
