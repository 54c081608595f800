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
import { eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type {
  BookingPolicy,
  BusyInterval,
  Room,
  ServiceSpec,
  SlotQuery,
  TherapistSchedule,
} from "../../core/scheduling";
import type { Db } from "../db/connect";
import { type CompiledStatement, compileStatement, runCompiled } from "../db/prepared";
import { appointments, type ClinicPolicies, clinics, DEFAULT_CLINIC_POLICIES } from "../db/schema";
import { notFound } from "../http/errors";
import { cachedSchedule, forgetSchedule, type ScheduleEntry, therapistSchedules } from "./schedule-cache";
import { busyRows, type ClinicRow, clientRow, decodeSnapshotRow, nullable, version } from "./snapshot-rows";

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
  /** The client `clientId` names, already read (with the session): not read again. */
  knownClient?: ClientInfo;
  /**
   * The caller writes only while the clinic's schedule version is still `scheduleVersion` (the
   * booking write does): for one therapist, a service without a room and no appointment to leave
   * out, the cached schedule is used without reading anything, and busy time is left out, since
   * the write's exclusion constraints refuse a busy slot anyway (`verified` is then false).
   */
  optimistic?: boolean;
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
  /** The clinic's schedule version this snapshot's schedule was read at (null: no clinic). */
  scheduleVersion: string | null;
  /**
   * False when the schedule came from the cache unchecked and busy time was not read (see
   * `optimistic`): a refusal based on it must be confirmed on a checked read.
   */
  verified: boolean;
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
  | "needsRoom"
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
  const clinic = sql`(SELECT id FROM c)`;
  const client = shape.client ? clientSql(p, clinic) : sql`NULL::json`;
  const busy = busyRowsSql(p, shape, clinic, sql`COALESCE((SELECT "needsRoom" FROM s), true)`);
  return sql`
    WITH c AS (
      SELECT id, slug, name, time_zone AS "timeZone", address, email, phone, policies,
             schedule_version::text AS "scheduleVersion"
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
      ${busyJsonSql(busy)} AS busy
  `;
}

type Placeholder = (name: SnapshotValue) => SQLWrapper;

/** The client as JSON: name, e-mail, and whether they have been before (a confirmed or completed visit). */
function clientSql(p: Placeholder, clinic: SQL): SQL {
  return sql`(SELECT json_build_object(
          'id', cl.id, 'firstName', cl.first_name, 'lastName', cl.last_name, 'email', cl.email,
          'returning', EXISTS (SELECT 1 FROM appointments p WHERE p.clinic_id = cl.clinic_id
                               AND p.client_id = ${p("clientId")}::uuid AND p.status IN ('confirmed', 'completed')))
        FROM clients cl WHERE cl.clinic_id = ${clinic} AND cl.id = ${p("clientId")}::uuid)`;
}

/**
 * The holding appointments overlapping `[from, to)`. For one therapist: their own (through the
 * therapist exclusion index), plus, only when the service needs a room, the others' that hold a
 * room. For any therapist: all of them.
 */
function busyRowsSql(
  p: Placeholder,
  shape: { therapist: boolean; exclude: boolean },
  clinic: SQL,
  needsRoom: SQL,
): SQL {
  const exclude = shape.exclude ? sql`AND a.id <> ${p("excludeId")}::uuid` : sql``;
  const holding = sql`tstzrange(a.blocks_from, a.blocks_until, '[)') && tstzrange(${p("from")}::timestamptz, ${p("to")}::timestamptz, '[)')
          AND a.status IN ('requested', 'confirmed')
          AND (a.status = 'confirmed' OR a.request_expires_at IS NULL OR a.request_expires_at > ${p("now")}::timestamptz)
          ${exclude}`;
  return shape.therapist
    ? sql`SELECT a.therapist_id, a.room_id, a.blocks_from, a.blocks_until FROM appointments a
          WHERE a.clinic_id = ${clinic} AND a.therapist_id = ${p("therapistId")}::uuid AND ${holding}
        UNION ALL
        SELECT a.therapist_id, a.room_id, a.blocks_from, a.blocks_until FROM appointments a
          WHERE ${needsRoom} AND a.clinic_id = ${clinic}
            AND a.therapist_id <> ${p("therapistId")}::uuid AND a.room_id IS NOT NULL AND ${holding}`
    : sql`SELECT a.therapist_id, a.room_id, a.blocks_from, a.blocks_until FROM appointments a
          WHERE a.clinic_id = ${clinic} AND ${holding}`;
}

/**
 * Busy time as compact JSON: one entry per therapist and room, `[therapist id, room id, [[from, until],
 * …]]`, the instants as epoch milliseconds. A week of a 100-therapist clinic is ~10,000 rows; written
 * as one `[uuid, uuid, ISO time, ISO time]` array each, the database spent more on formatting
 * timestamps and ids than on finding the rows, and the server as long again on parsing them.
 * `floor` truncates to the millisecond as `Date.parse` did. Each group comes in start order, so the
 * slot engine's merge sorts nothing (measured: ordering here costs the database ~1 ms a search and
 * saves the server ~1.5).
 */
function busyJsonSql(busy: SQL): SQL {
  return sql`(SELECT COALESCE(json_agg(json_build_array(g.therapist_id, g.room_id, g.intervals)), '[]')
           FROM (SELECT b.therapist_id, b.room_id,
                        json_agg(json_build_array(floor(extract(epoch FROM b.blocks_from) * 1000)::bigint,
                                                  floor(extract(epoch FROM b.blocks_until) * 1000)::bigint)
                                 ORDER BY b.blocks_from, b.blocks_until) AS intervals
                   FROM (${busy}) AS b GROUP BY b.therapist_id, b.room_id) AS g)`;
}

/** What a cached snapshot still reads per call: which parts it has, compiled once per shape. */
interface LiveShape {
  client: boolean;
  therapist: boolean;
  exclude: boolean;
}

const liveStatements = new Map<string, CompiledStatement<SnapshotValue>>();

/**
 * Beside a cached schedule: the clinic's current schedule version (to check the cache against), the
 * client if asked, and busy time, in one statement. `clinic` is the clinic's id; `needsRoom` the
 * cached service's (only what the version check confirms is used).
 */
function liveStatement(shape: LiveShape): CompiledStatement<SnapshotValue> {
  const key = `${+shape.client}${+shape.therapist}${+shape.exclude}`;
  let compiled = liveStatements.get(key);
  if (!compiled) {
    const p = (name: SnapshotValue) => sql.placeholder(name);
    const clinic = sql`${p("clinic")}::uuid`;
    const busy = busyRowsSql(p, shape, clinic, sql`${p("needsRoom")}::boolean`);
    compiled = compileStatement(
      "live",
      sql`SELECT (SELECT schedule_version::text FROM clinics WHERE id = ${clinic}) AS version,
        ${shape.client ? clientSql(p, clinic) : sql`NULL::json`} AS client,
        ${busyJsonSql(busy)} AS busy`,
    );
    liveStatements.set(key, compiled);
  }
  return compiled;
}

/** The values every snapshot statement shape may use, for one request. */
function snapshotValues(request: SnapshotRequest, clinic: string, needsRoom = true) {
  return {
    clinic,
    serviceId: request.serviceId,
    clientId: request.clientId ?? null,
    therapistId: request.therapistId ?? null,
    excludeId: request.excludeAppointmentId ?? null,
    needsRoom,
    from: new Date(request.from).toISOString(),
    to: new Date(request.to).toISOString(),
    now: new Date(request.now).toISOString(),
    // Override dates are local to the clinic's zone: two days' margin covers any zone's offset.
    firstDate: utcDate(request.from - 2 * MS_PER_DAY),
    lastDate: utcDate(request.to + 2 * MS_PER_DAY),
  };
}

type BusyRow = [string, string | null, [number, number][]];

/**
 * The engine's busy intervals from the grouped rows, in one array built in place (a search of a large
 * clinic makes ~10,000 of them). Appointments of therapists outside the query still matter through
 * their room; with no room needed, those are dropped.
 */
function busyIntervals(
  rows: readonly BusyRow[],
  known: ReadonlySet<string>,
  needsRoom: boolean,
): BusyInterval[] {
  const intervals: BusyInterval[] = [];
  for (const [therapistId, roomId, pairs] of rows) {
    const therapist = known.has(therapistId) ? therapistId : null;
    const room = needsRoom ? roomId : null;
    if (therapist === null && room === null) continue;
    for (const [start, end] of pairs) intervals.push({ therapistId: therapist, roomId: room, start, end });
  }
  return intervals;
}

/** A snapshot from the parts read, however they were read. */
function snapshotOf(parts: {
  clinic: ClinicInfo | null;
  service: ServiceInfo | null;
  client: ClientInfo | null;
  therapists: TherapistSchedule[];
  rooms: Room[];
  busy: readonly BusyRow[];
  therapistNames: Map<string, string>;
  therapistUsers: Map<string, string | null>;
  roomNames: Map<string, string>;
  scheduleVersion: string | null;
  verified: boolean;
}): Snapshot {
  const known = new Set(parts.therapists.map((t) => t.id));
  const needsRoom = parts.service?.needsRoom ?? true;
  return {
    clinic: parts.clinic,
    service: parts.service,
    client: parts.client,
    schedule: {
      therapists: parts.therapists,
      rooms: needsRoom ? parts.rooms : [],
      busy: busyIntervals(parts.busy, known, needsRoom),
    },
    therapistNames: parts.therapistNames,
    therapistUsers: parts.therapistUsers,
    roomNames: parts.roomNames,
    scheduleVersion: parts.scheduleVersion,
    verified: parts.verified,
  };
}

/** The cached entry's parts for this request: the one therapist asked for, or all. */
function entryParts(entry: ScheduleEntry, request: SnapshotRequest) {
  const one = request.therapistId ? entry.therapistById.get(request.therapistId) : undefined;
  return {
    clinic: entry.clinic,
    service: entry.services.get(request.serviceId) ?? null,
    therapists: request.therapistId ? (one ? [one] : []) : entry.therapists,
    rooms: entry.rooms,
    therapistNames: entry.therapistNames,
    therapistUsers: entry.therapistUsers,
    roomNames: entry.roomNames,
    scheduleVersion: entry.version,
  };
}

const EMPTY_SNAPSHOT: Snapshot = snapshotOf({
  clinic: null,
  service: null,
  client: null,
  therapists: [],
  rooms: [],
  busy: [],
  therapistNames: new Map(),
  therapistUsers: new Map(),
  roomNames: new Map(),
  scheduleVersion: null,
  verified: true,
});

/**
 * A snapshot on the cached schedule (./schedule-cache.ts), or "uncached" when the cache cannot serve
 * it (a transaction, a window far back, a schedule changing under every read).
 */
async function cachedSnapshot(db: Db, request: SnapshotRequest): Promise<Snapshot | "uncached"> {
  const ref = request.clinicId ? { clinicId: request.clinicId } : { slug: request.slug ?? "" };
  let staleVersion: string | undefined;
  for (let round = 0; round < 2; round++) {
    const entry = await cachedSchedule(db, ref, {
      from: request.from,
      now: request.now,
      ...(staleVersion ? { staleVersion } : {}),
    });
    if (entry === "uncached") return "uncached";
    if (entry === null) return EMPTY_SNAPSHOT;
    const parts = entryParts(entry, request);
    const clientKnown = !request.clientId || request.knownClient?.id === request.clientId;
    const client = request.clientId ? (request.knownClient ?? null) : null;
    if (
      request.optimistic &&
      request.therapistId &&
      !request.excludeAppointmentId &&
      parts.service &&
      !parts.service.needsRoom &&
      clientKnown
    ) {
      return snapshotOf({ ...parts, client, busy: [], verified: false });
    }
    const shape = {
      client: !clientKnown,
      therapist: Boolean(request.therapistId),
      exclude: Boolean(request.excludeAppointmentId),
    };
    const [row] = await runCompiled(
      db,
      liveStatement(shape),
      snapshotValues(request, entry.clinic.id, parts.service?.needsRoom ?? true),
    );
    const live = (row ?? {}) as Record<string, unknown>;
    const current = nullable(version)(live.version, "version");
    if (current === entry.version) {
      return snapshotOf({
        ...parts,
        client: clientKnown ? client : nullable(clientRow)(live.client, "client"),
        busy: busyRows(live.busy ?? [], "busy"),
        verified: true,
      });
    }
    // The schedule changed since it was cached (or the clinic is gone): read it again.
    forgetSchedule(db, entry.clinic.id);
    staleVersion = entry.version;
  }
  return "uncached";
}

/**
 * Reads the clinic, the service, optionally the client, and the schedule within one window in a
 * single statement (one round trip: on embedded PGlite each statement costs about as much as all
 * the work of a small one, so the booking path reads everything at once). Therapists are the
 * active ones (or the one asked for, if active), ordered by name; rooms the active ones. The
 * statement is compiled once per shape (`snapshotStatement`) and runs prepared.
 */
export async function loadSnapshot(db: Db, request: SnapshotRequest): Promise<Snapshot> {
  const cached = await cachedSnapshot(db, request);
  if (cached !== "uncached") return cached;
  const statement = snapshotStatement({
    bySlug: !request.clinicId,
    client: Boolean(request.clientId),
    therapist: Boolean(request.therapistId),
    exclude: Boolean(request.excludeAppointmentId),
  });
  const [row] = await runCompiled(
    db,
    statement,
    snapshotValues(request, request.clinicId ?? request.slug ?? ""),
  );
  const snapshot = decodeSnapshotRow(row);
  const ids = snapshot.therapists.map(([id]) => id);
  return snapshotOf({
    clinic: snapshot.clinic ? withDefaultPolicies(snapshot.clinic) : null,
    service: snapshot.service,
    client: snapshot.client,
    therapists: therapistSchedules(ids, snapshot.hours, snapshot.overrides, snapshot.timeOff),
    rooms: snapshot.rooms.map(([id]) => ({ id })),
    busy: snapshot.busy,
    therapistNames: new Map(snapshot.therapists.map(([id, name]) => [id, name])),
    therapistUsers: new Map(snapshot.therapists.map(([id, , userId]) => [id, userId])),
    roomNames: new Map(snapshot.rooms),
    scheduleVersion: snapshot.scheduleVersion,
    verified: true,
  });
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
