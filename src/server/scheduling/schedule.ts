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
 * whether or not the request-expiry job (../appointments/freed.ts) has marked it yet. Everything is read in one
 * prepared statement (see `loadSnapshot`).
 */
import { eq, type SQL, sql } from "drizzle-orm";
import type {
  BookingPolicy,
  BusyInterval,
  DateOverride,
  LocalInterval,
  Room,
  ServiceSpec,
  SlotQuery,
  TherapistSchedule,
} from "../../core/scheduling";
import type { Db } from "../db/connect";
import { type CompiledStatement, compileStatement, runCompiled } from "../db/prepared";
import { appointments, type ClinicPolicies, clinics, DEFAULT_CLINIC_POLICIES } from "../db/schema";
import { notFound } from "../http/errors";
import { type ClinicRow, decodeSnapshotRow } from "./snapshot-rows";

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

function withDefaultPolicies(row: ClinicRow): ClinicInfo {
  return { ...row, policies: { ...DEFAULT_CLINIC_POLICIES, ...row.policies } };
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

/** Overlap of an appointment's blocked range with `[from, to)`, in the exclusion indexes' own expression. */
export function blocksOverlap(from: Date, to: Date): SQL {
  return sql`tstzrange(${appointments.blocksFrom}, ${appointments.blocksUntil}, '[)') && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz, '[)')`;
}

export interface ScheduleData {
  therapists: TherapistSchedule[];
  rooms: Room[];
  busy: BusyInterval[];
}

export interface ClientInfo {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  /** Has a confirmed or completed appointment at the clinic (so this is not a first visit). */
  returning: boolean;
}

export interface SnapshotRequest {
  /** The clinic, by id (signed-in callers) or by slug (public pages). */
  clinicId?: string;
  slug?: string;
  serviceId: string;
  /** Also read this client (name, e-mail, whether they have been before). */
  clientId?: string;
  /** Only this therapist; omitted = every active therapist. */
  therapistId?: string;
  /** Busy time and time off are read for instants in `[from, to)`; overrides for the dates around. */
  from: number;
  to: number;
  now: number;
  /** Leave this appointment out of busy time (it is the one being moved). */
  excludeAppointmentId?: string;
}

/** One consistent read of everything a booking or an availability search needs. */
export interface Snapshot {
  clinic: ClinicInfo | null;
  service: ServiceInfo | null;
  client: ClientInfo | null;
  schedule: ScheduleData;
  therapistNames: Map<string, string>;
  /** The log-in of each therapist, if they have one (for "this is you"). */
  therapistUsers: Map<string, string | null>;
  roomNames: Map<string, string>;
}

function pushInterval(schedule: Record<number, LocalInterval[]>, weekday: number, interval: LocalInterval) {
  const list = schedule[weekday] ?? [];
  list.push(interval);
  schedule[weekday] = list;
}

function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

type SnapshotValue =
  | "clinic"
  | "serviceId"
  | "clientId"
  | "therapistId"
  | "excludeId"
  | "from"
  | "to"
  | "now"
  | "firstDate"
  | "lastDate";

/** Which optional parts a snapshot statement has: 16 shapes at most, each compiled once. */
interface SnapshotShape {
  bySlug: boolean;
  client: boolean;
  therapist: boolean;
  exclude: boolean;
}

const snapshotStatements = new Map<string, CompiledStatement<SnapshotValue>>();

function snapshotStatement(shape: SnapshotShape): CompiledStatement<SnapshotValue> {
  const key = `${+shape.bySlug}${+shape.client}${+shape.therapist}${+shape.exclude}`;
  let compiled = snapshotStatements.get(key);
  if (!compiled) {
    compiled = compileStatement("snapshot", snapshotSql(shape));
    snapshotStatements.set(key, compiled);
  }
  return compiled;
}

/** The snapshot statement of one shape, with placeholders for every per-call value. */
function snapshotSql(shape: SnapshotShape): SQL {
  const p = (name: SnapshotValue) => sql.placeholder(name);
  const clinicWhere = shape.bySlug ? sql`slug = ${p("clinic")}` : sql`id = ${p("clinic")}::uuid`;
  const onlyTherapist = shape.therapist ? sql`AND id = ${p("therapistId")}::uuid` : sql``;
  const client = shape.client
    ? sql`(SELECT json_build_object(
          'id', cl.id, 'firstName', cl.first_name, 'lastName', cl.last_name, 'email', cl.email,
          'returning', EXISTS (SELECT 1 FROM appointments p WHERE p.clinic_id = cl.clinic_id
                               AND p.client_id = ${p("clientId")}::uuid AND p.status IN ('confirmed', 'completed')))
        FROM clients cl WHERE cl.clinic_id = (SELECT id FROM c) AND cl.id = ${p("clientId")}::uuid)`
    : sql`NULL::json`;
  const exclude = shape.exclude ? sql`AND a.id <> ${p("excludeId")}::uuid` : sql``;
  const holding = sql`tstzrange(a.blocks_from, a.blocks_until, '[)') && tstzrange(${p("from")}::timestamptz, ${p("to")}::timestamptz, '[)')
          AND a.status IN ('requested', 'confirmed')
          AND (a.status = 'confirmed' OR a.request_expires_at IS NULL OR a.request_expires_at > ${p("now")}::timestamptz)
          ${exclude}`;
  // For one therapist: their own appointments (through the therapist exclusion index), plus, only
  // when the service needs a room, the others' that hold a room. For any therapist: all of them.
  const busyRows = shape.therapist
    ? sql`SELECT a.therapist_id, a.room_id, a.blocks_from, a.blocks_until FROM appointments a
          WHERE a.clinic_id = (SELECT id FROM c) AND a.therapist_id = ${p("therapistId")}::uuid AND ${holding}
        UNION ALL
        SELECT a.therapist_id, a.room_id, a.blocks_from, a.blocks_until FROM appointments a
          WHERE COALESCE((SELECT "needsRoom" FROM s), true) AND a.clinic_id = (SELECT id FROM c)
            AND a.therapist_id <> ${p("therapistId")}::uuid AND a.room_id IS NOT NULL AND ${holding}`
    : sql`SELECT a.therapist_id, a.room_id, a.blocks_from, a.blocks_until FROM appointments a
          WHERE a.clinic_id = (SELECT id FROM c) AND ${holding}`;
  return sql`
    WITH c AS (
      SELECT id, slug, name, time_zone AS "timeZone", address, email, phone, policies
      FROM clinics WHERE ${clinicWhere} LIMIT 1
    ), s AS (
      SELECT id, name, kind, duration_min AS "durationMin", buffer_before_min AS "bufferBeforeMin",
             buffer_after_min AS "bufferAfterMin", needs_room AS "needsRoom", bookable_online AS "bookableOnline",
             booking_mode AS "bookingMode", active
      FROM services WHERE clinic_id = (SELECT id FROM c) AND id = ${p("serviceId")}::uuid
    ), t AS (
      SELECT id, display_name, user_id FROM therapists
      WHERE clinic_id = (SELECT id FROM c) AND active ${onlyTherapist}
    )
    SELECT
      (SELECT row_to_json(c) FROM c) AS clinic,
      (SELECT row_to_json(s) FROM s) AS service,
      ${client} AS client,
      (SELECT COALESCE(json_agg(json_build_array(t.id, t.display_name, t.user_id) ORDER BY t.display_name, t.id), '[]')
         FROM t) AS therapists,
      (SELECT COALESCE(json_agg(json_build_array(h.therapist_id, h.weekday, h.start_time, h.end_time, h.is_break)), '[]')
         FROM working_hours h
        WHERE h.clinic_id = (SELECT id FROM c) AND h.therapist_id IN (SELECT id FROM t)) AS hours,
      (SELECT COALESCE(json_agg(json_build_array(o.therapist_id, o.date, o.intervals)), '[]')
         FROM date_overrides o
        WHERE o.clinic_id = (SELECT id FROM c) AND o.therapist_id IN (SELECT id FROM t)
          AND o.date BETWEEN ${p("firstDate")}::date AND ${p("lastDate")}::date) AS overrides,
      (SELECT COALESCE(json_agg(json_build_array(x.therapist_id, x.starts_at, x.ends_at)), '[]')
         FROM time_off x
        WHERE x.clinic_id = (SELECT id FROM c) AND x.therapist_id IN (SELECT id FROM t)
          AND x.starts_at < ${p("to")}::timestamptz AND x.ends_at > ${p("from")}::timestamptz) AS "timeOff",
      (SELECT COALESCE(json_agg(json_build_array(r.id, r.name) ORDER BY r.name, r.id), '[]')
         FROM rooms r WHERE r.clinic_id = (SELECT id FROM c) AND r.active) AS rooms,
      (SELECT COALESCE(json_agg(json_build_array(b.therapist_id, b.room_id, b.blocks_from, b.blocks_until)), '[]')
         FROM (${busyRows}) AS b) AS busy
  `;
}

/**
 * Reads the clinic, the service, optionally the client, and the schedule within one window in a
 * single statement (one round trip: on embedded PGlite each statement costs about as much as all
 * the work of a small one, so the booking path reads everything at once). Therapists are the
 * active ones (or the one asked for, if active), ordered by name; rooms the active ones. The
 * statement is compiled once per shape (`snapshotStatement`) and runs prepared.
 */
export async function loadSnapshot(db: Db, request: SnapshotRequest): Promise<Snapshot> {
  const statement = snapshotStatement({
    bySlug: !request.clinicId,
    client: Boolean(request.clientId),
    therapist: Boolean(request.therapistId),
    exclude: Boolean(request.excludeAppointmentId),
  });
  const [row] = await runCompiled(db, statement, {
    clinic: request.clinicId ?? request.slug ?? "",
    serviceId: request.serviceId,
    clientId: request.clientId ?? null,
    therapistId: request.therapistId ?? null,
    excludeId: request.excludeAppointmentId ?? null,
    from: new Date(request.from).toISOString(),
    to: new Date(request.to).toISOString(),
    now: new Date(request.now).toISOString(),
    // Override dates are local to the clinic's zone: two days' margin covers any zone's offset.
    firstDate: utcDate(request.from - 2 * MS_PER_DAY),
    lastDate: utcDate(request.to + 2 * MS_PER_DAY),
  });
  const snapshot = decodeSnapshotRow(row);
  const ids = snapshot.therapists.map(([id]) => id);
  const known = new Set(ids);

  const weekly = new Map<string, Record<number, LocalInterval[]>>();
  const breaks = new Map<string, Record<number, LocalInterval[]>>();
  for (const [therapistId, weekday, start, end, isBreak] of snapshot.hours) {
    const target = isBreak ? breaks : weekly;
    let schedule = target.get(therapistId);
    if (!schedule) {
      schedule = {};
      target.set(therapistId, schedule);
    }
    pushInterval(schedule, weekday, { start: hhmm(start), end: hhmm(end) });
  }
  const overrides = new Map<string, DateOverride[]>();
  for (const [therapistId, date, intervals] of snapshot.overrides) {
    const list = overrides.get(therapistId) ?? [];
    list.push({ date, intervals });
    overrides.set(therapistId, list);
  }
  const absences = new Map<string, { start: number; end: number }[]>();
  for (const [therapistId, startsAt, endsAt] of snapshot.timeOff) {
    const list = absences.get(therapistId) ?? [];
    list.push({ start: Date.parse(startsAt), end: Date.parse(endsAt) });
    absences.set(therapistId, list);
  }
  const service = snapshot.service;
  const needsRoom = service?.needsRoom ?? true;
  return {
    clinic: snapshot.clinic ? withDefaultPolicies(snapshot.clinic) : null,
    service,
    client: snapshot.client,
    schedule: {
      therapists: ids.map((id) => ({
        id,
        weeklyHours: weekly.get(id) ?? {},
        breaks: breaks.get(id) ?? {},
        dateOverrides: overrides.get(id) ?? [],
        timeOff: absences.get(id) ?? [],
      })),
      rooms: needsRoom ? snapshot.rooms.map(([id]) => ({ id })) : [],
      // Appointments of therapists outside the query still matter through their room.
      busy: snapshot.busy
        .map(([therapistId, roomId, blocksFrom, blocksUntil]) => ({
          therapistId: known.has(therapistId) ? therapistId : null,
          roomId: needsRoom ? roomId : null,
          start: Date.parse(blocksFrom),
          end: Date.parse(blocksUntil),
        }))
        .filter((busy) => busy.therapistId !== null || busy.roomId !== null),
    },
    therapistNames: new Map(snapshot.therapists.map(([id, name]) => [id, name])),
    therapistUsers: new Map(snapshot.therapists.map(([id, , userId]) => [id, userId])),
    roomNames: new Map(snapshot.rooms),
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
