/**
 * Each clinic's schedule, cached in process under its schedule version
 * (docs/decisions/0027-schedule-cache.md): the clinic row, its services, active therapists with their
 * weekly hours, breaks, date overrides and time off, and active rooms: everything the slot engine
 * reads except busy time. Triggers give `clinics.schedule_version` a new number from a sequence with
 * every change to any of that (migration 0022), so:
 * - a read that also needs busy time gets the current version in the same statement and reloads the
 *   entry when it differs (availability, and bookings that must read busy time anyway);
 * - a booking that needs no busy time plans on the entry as it is, and its write inserts only while
 *   the version is still the one it planned on (`scheduleVersion` in ../appointments/booking.ts): a
 *   stale entry writes nothing, and the booking reloads and plans again.
 * No server trusts its cache for a write, so any number of servers may each keep one.
 *
 * An entry holds time off and date overrides from `loadedFrom` on (a week before it was loaded, or
 * earlier for a request that asked): a window starting before that is read without the cache.
 */

import { sql } from "drizzle-orm";
import type { LocalInterval, Room, TherapistSchedule } from "../../core/scheduling";
import type { Db } from "../db/connect";
import { type CompiledStatement, compileStatement, runCompiled } from "../db/prepared";
import { DEFAULT_CLINIC_POLICIES } from "../db/schema";
import type { ClinicInfo, ServiceInfo } from "./schedule";
import {
  clinicRow,
  flag,
  listOf,
  localInterval,
  nullable,
  serviceRow,
  text,
  tuple,
  version,
  weekday,
} from "./snapshot-rows";

const MS_PER_DAY = 86_400_000;
/** How far back an entry reads time off and overrides, so windows starting a few days ago still fit. */
const LOOK_BACK_MS = 7 * MS_PER_DAY;
/** A window starting further back than this is read without the cache (history, not booking). */
const MAX_LOOK_BACK_MS = 31 * MS_PER_DAY;
/** Clinics kept per database; the oldest loaded is dropped first. */
const MAX_CLINICS = 1_000;

export interface ScheduleEntry {
  /** `clinics.schedule_version` this entry was read at (a bigint, as text). */
  version: string;
  /** Time off and date overrides are complete from this instant on. */
  loadedFrom: number;
  clinic: ClinicInfo;
  services: Map<string, ServiceInfo>;
  /** Active therapists, by display name then id, each with hours, breaks, overrides and time off. */
  therapists: TherapistSchedule[];
  therapistById: Map<string, TherapistSchedule>;
  therapistNames: Map<string, string>;
  therapistUsers: Map<string, string | null>;
  /** Active rooms, by name then id. */
  rooms: Room[];
  roomNames: Map<string, string>;
}

export type ClinicRef = { clinicId: string } | { slug: string };

interface ClinicCache {
  byId: Map<string, ScheduleEntry>;
  slugs: Map<string, string>;
  /** Loads in flight, so a burst of requests for one clinic reads it once. */
  loading: Map<string, Promise<ScheduleEntry | null>>;
}

/** Per database handle (the driver's pool or PGlite instance): one cache each. */
const caches = new WeakMap<object, ClinicCache>();

/**
 * The object a cache belongs to: the pool or PGlite instance behind `db`. A transaction object has
 * none (its reads must see its own writes), so it reads without the cache.
 */
export function cacheOwnerOf(db: Db): object | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!client || typeof client !== "object") return null;
  if ("totalCount" in client || "exec" in client) return client;
  return null;
}

function cacheOf(owner: object): ClinicCache {
  let cache = caches.get(owner);
  if (!cache) {
    cache = { byId: new Map(), slugs: new Map(), loading: new Map() };
    caches.set(owner, cache);
  }
  return cache;
}

/** Forgets one clinic's entry (its version moved on, seen by a write or a read). */
export function forgetSchedule(db: Db, clinicId: string): void {
  const owner = cacheOwnerOf(db);
  if (owner) cacheOf(owner).byId.delete(clinicId);
}

function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "09:00:00" (a `time` column) → "09:00". */
function hhmm(time: string): string {
  return time.slice(0, 5);
}

type HourRow = [string, number, string, string, boolean];
type OverrideRow = [string, string, LocalInterval[]];
type TimeOffRow = [string, string, string];

/** The engine's per-therapist schedules from the rows the snapshot and the cache read. */
export function therapistSchedules(
  ids: readonly string[],
  hours: readonly HourRow[],
  overrideRows: readonly OverrideRow[],
  timeOffRows: readonly TimeOffRow[],
): TherapistSchedule[] {
  const weekly = new Map<string, Record<number, LocalInterval[]>>();
  const breaks = new Map<string, Record<number, LocalInterval[]>>();
  for (const [therapistId, day, start, end, isBreak] of hours) {
    const target = isBreak ? breaks : weekly;
    let schedule = target.get(therapistId);
    if (!schedule) {
      schedule = {};
      target.set(therapistId, schedule);
    }
    const list = schedule[day] ?? [];
    list.push({ start: hhmm(start), end: hhmm(end) });
    schedule[day] = list;
  }
  const overrides = new Map<string, { date: string; intervals: LocalInterval[] }[]>();
  for (const [therapistId, date, intervals] of overrideRows) {
    const list = overrides.get(therapistId) ?? [];
    list.push({ date, intervals });
    overrides.set(therapistId, list);
  }
  const absences = new Map<string, { start: number; end: number }[]>();
  for (const [therapistId, startsAt, endsAt] of timeOffRows) {
    const list = absences.get(therapistId) ?? [];
    list.push({ start: Date.parse(startsAt), end: Date.parse(endsAt) });
    absences.set(therapistId, list);
  }
  return ids.map((id) => ({
    id,
    weeklyHours: weekly.get(id) ?? {},
    breaks: breaks.get(id) ?? {},
    dateOverrides: overrides.get(id) ?? [],
    timeOff: absences.get(id) ?? [],
  }));
}

type LoadValue = "clinic" | "firstDate" | "from";

const loadStatements = new Map<boolean, CompiledStatement<LoadValue>>();

/** The whole cached part of one clinic's schedule in one statement, by id or by slug. */
function loadStatement(bySlug: boolean): CompiledStatement<LoadValue> {
  let compiled = loadStatements.get(bySlug);
  if (!compiled) {
    const p = (name: LoadValue) => sql.placeholder(name);
    const clinicWhere = bySlug ? sql`slug = ${p("clinic")}` : sql`id = ${p("clinic")}::uuid`;
    compiled = compileStatement(
      "schedule",
      sql`
      WITH c AS (
        SELECT id, slug, name, time_zone AS "timeZone", address, email, phone, policies,
               schedule_version::text AS "scheduleVersion"
        FROM clinics WHERE ${clinicWhere} LIMIT 1
      ), t AS (
        SELECT id, display_name, user_id FROM therapists WHERE clinic_id = (SELECT id FROM c) AND active
      )
      SELECT
        (SELECT row_to_json(c) FROM c) AS clinic,
        (SELECT COALESCE(json_agg(s), '[]') FROM (
           SELECT id, name, kind, duration_min AS "durationMin", buffer_before_min AS "bufferBeforeMin",
                  buffer_after_min AS "bufferAfterMin", needs_room AS "needsRoom",
                  bookable_online AS "bookableOnline", booking_mode AS "bookingMode", active
           FROM services WHERE clinic_id = (SELECT id FROM c)) AS s) AS services,
        (SELECT COALESCE(json_agg(json_build_array(t.id, t.display_name, t.user_id) ORDER BY t.display_name, t.id), '[]')
           FROM t) AS therapists,
        (SELECT COALESCE(json_agg(json_build_array(h.therapist_id, h.weekday, h.start_time, h.end_time, h.is_break)), '[]')
           FROM working_hours h
          WHERE h.clinic_id = (SELECT id FROM c) AND h.therapist_id IN (SELECT id FROM t)) AS hours,
        (SELECT COALESCE(json_agg(json_build_array(o.therapist_id, o.date, o.intervals)), '[]')
           FROM date_overrides o
          WHERE o.clinic_id = (SELECT id FROM c) AND o.therapist_id IN (SELECT id FROM t)
            AND o.date >= ${p("firstDate")}::date) AS overrides,
        (SELECT COALESCE(json_agg(json_build_array(x.therapist_id, x.starts_at, x.ends_at)), '[]')
           FROM time_off x
          WHERE x.clinic_id = (SELECT id FROM c) AND x.therapist_id IN (SELECT id FROM t)
            AND x.ends_at > ${p("from")}::timestamptz) AS "timeOff",
        (SELECT COALESCE(json_agg(json_build_array(r.id, r.name) ORDER BY r.name, r.id), '[]')
           FROM rooms r WHERE r.clinic_id = (SELECT id FROM c) AND r.active) AS rooms`,
    );
    loadStatements.set(bySlug, compiled);
  }
  return compiled;
}

const therapistRows = listOf(tuple<[string, string, string | null]>(text, text, nullable(text)));
const hourRows = listOf(tuple<HourRow>(text, weekday, text, text, flag));
const overrideRows = listOf(tuple<OverrideRow>(text, text, listOf(localInterval)));
const timeOffRows = listOf(tuple<TimeOffRow>(text, text, text));
const roomRows = listOf(tuple<[string, string]>(text, text));

/** Decodes the load statement's row into an entry; null when there is no such clinic. */
export function decodeScheduleRow(value: unknown, loadedFrom: number): ScheduleEntry | null {
  const o = (value ?? {}) as Record<string, unknown>;
  if (o.clinic === null || o.clinic === undefined) return null;
  const row = clinicRow(o.clinic, "clinic");
  const clinic: ClinicInfo = { ...row, policies: { ...DEFAULT_CLINIC_POLICIES, ...row.policies } };
  const services = listOf(serviceRow)(o.services ?? [], "services");
  const therapists = therapistRows(o.therapists ?? [], "therapists");
  const rooms = roomRows(o.rooms ?? [], "rooms");
  const schedules = therapistSchedules(
    therapists.map(([id]) => id),
    hourRows(o.hours ?? [], "hours"),
    overrideRows(o.overrides ?? [], "overrides"),
    timeOffRows(o.timeOff ?? [], "timeOff"),
  );
  return {
    version: version((o.clinic as Record<string, unknown>).scheduleVersion, "clinic.scheduleVersion"),
    loadedFrom,
    clinic,
    services: new Map(services.map((service) => [service.id, service])),
    therapists: schedules,
    therapistById: new Map(schedules.map((schedule) => [schedule.id, schedule])),
    therapistNames: new Map(therapists.map(([id, name]) => [id, name])),
    therapistUsers: new Map(therapists.map(([id, , userId]) => [id, userId])),
    rooms: rooms.map(([id]) => ({ id })),
    roomNames: new Map(rooms),
  };
}

async function loadEntry(db: Db, cache: ClinicCache, ref: ClinicRef, loadedFrom: number) {
  const bySlug = !("clinicId" in ref);
  const [row] = await runCompiled(db, loadStatement(bySlug), {
    clinic: "clinicId" in ref ? ref.clinicId : ref.slug,
    // Override dates are local to the clinic's zone: two days' margin covers any zone's offset.
    firstDate: utcDate(loadedFrom - 2 * MS_PER_DAY),
    from: new Date(loadedFrom).toISOString(),
  });
  const entry = decodeScheduleRow(row, loadedFrom);
  if (!entry) return null;
  const known = cache.byId.get(entry.clinic.id);
  // A load that started before a newer one finished must not replace it (versions only grow).
  if (known && BigInt(known.version) > BigInt(entry.version)) return known;
  if (!known && cache.byId.size >= MAX_CLINICS) {
    const oldest = cache.byId.keys().next().value;
    if (oldest !== undefined) cache.byId.delete(oldest);
  }
  cache.byId.delete(entry.clinic.id);
  cache.byId.set(entry.clinic.id, entry);
  cache.slugs.set(entry.clinic.slug, entry.clinic.id);
  return entry;
}

/**
 * The cached schedule of a clinic, loaded (one statement) when missing, when it does not reach back
 * to `from`, or when `staleVersion` names the version it holds. Null when there is no such clinic,
 * or when `from` is too far back to cache (the caller then reads without the cache).
 */
export async function cachedSchedule(
  db: Db,
  ref: ClinicRef,
  options: { from: number; now: number; staleVersion?: string },
): Promise<ScheduleEntry | "uncached" | null> {
  const owner = cacheOwnerOf(db);
  if (!owner || options.from < options.now - MAX_LOOK_BACK_MS) return "uncached";
  const cache = cacheOf(owner);
  const id = "clinicId" in ref ? ref.clinicId : cache.slugs.get(ref.slug);
  const entry = id === undefined ? undefined : cache.byId.get(id);
  const usable =
    entry &&
    entry.loadedFrom <= options.from &&
    entry.version !== options.staleVersion &&
    ("clinicId" in ref || entry.clinic.slug === ref.slug);
  if (usable) return entry;
  const loadedFrom = Math.min(options.from, options.now - LOOK_BACK_MS);
  const key = "clinicId" in ref ? `id:${ref.clinicId}` : `slug:${ref.slug}`;
  let loading = cache.loading.get(key);
  if (!loading) {
    loading = loadEntry(db, cache, ref, loadedFrom).finally(() => cache.loading.delete(key));
    cache.loading.set(key, loading);
  }
  const loaded = await loading;
  // A load shared with another request may have started with a later `loadedFrom`, or before the
  // version moved on: load again for this request alone.
  if (
    loaded &&
    (loaded.loadedFrom > options.from ||
      (options.staleVersion !== undefined && loaded.version === options.staleVersion))
  ) {
    return loadEntry(db, cache, ref, loadedFrom);
  }
  return loaded;
}
