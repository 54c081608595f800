/**
 * The one booking path (docs/product.md F4), used by online requests, phone bookings by staff, proposals
 * and reschedules:
 * 1. the time must really be bookable per the slot engine, on data loaded for that time only
 *    (working hours, breaks, overrides, time off, rooms, busy time; online: notice, horizon, slot grid);
 * 2. a therapist ("any": the least busy that day among those free) and a free room are chosen;
 * 3. the row is written in one transaction with its e-mail in the outbox. The database's exclusion
 *    constraints are the final guard: when two bookings race, one insert fails with 23P01. Then
 *    stale requests overlapping the slot are expired (they no longer hold it) and the insert is tried
 *    again, or the next free therapist/room is tried, or the caller gets 409 `slot_taken`.
 */
import { createHash, randomUUID } from "node:crypto";
import { eq, type SQL, sql } from "drizzle-orm";
import type { AppointmentDetail } from "../../core/api/scheduling";
import { categoryOf } from "../../core/notify/kinds";
import { notificationPoliciesOf } from "../../core/notify/policies";
import {
  type BookingPolicy,
  blockingInterval,
  findAvailableSlots,
  formatSlotInZone,
  type Slot,
} from "../../core/scheduling";
import type { Db } from "../db/connect";
import { type CompiledStatement, compileStatement, runCompiled } from "../db/prepared";
import { type appointments, clients, clinics } from "../db/schema";
import { AppError, badRequest, conflict, forbidden, notFound, postgresErrorCode } from "../http/errors";
import type { OutgoingMessage } from "../notify/outbox";
import {
  bookingPolicyOf,
  type ClientInfo,
  type ClinicInfo,
  loadSnapshot,
  type ServiceInfo,
  type Snapshot,
  slotQueryOf,
} from "../scheduling/schedule";
import { forgetSchedule } from "../scheduling/schedule-cache";
import { expireStaleRequests } from "./freed";
import { appointmentMessage, type MessageFacts, timedMessages } from "./messages";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Staff may book any whole minute inside working hours, from now to a year ahead. */
const STAFF_POLICY: BookingPolicy = { minNoticeMin: 0, horizonDays: 366, stepMin: 1 };
const MAX_ATTEMPTS = 6;

export type Channel = "online" | "staff";

/** Constraint that refused an insert or update, when the driver reports it. */
function constraintName(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const name = (current as { constraint?: unknown }).constraint;
    if (typeof name === "string") return name;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const slotTaken = () => conflict("slot_taken", "That time is no longer available.");

export function policyFor(channel: Channel, clinic: ClinicInfo): BookingPolicy {
  return channel === "online" ? bookingPolicyOf(clinic.policies) : STAFF_POLICY;
}

/** Refuses a start the policy rules out, with the reason, before anything is loaded. */
export function checkStartAgainstPolicy(start: number, policy: BookingPolicy, now: number, field = "start") {
  if (start % MS_PER_MINUTE !== 0) throw badRequest("not_bookable", "Start on a whole minute.", field);
  if (start < now + policy.minNoticeMin * MS_PER_MINUTE) {
    const message =
      policy.minNoticeMin === 0
        ? "That time has passed."
        : `Book at least ${policy.minNoticeMin} minutes ahead; for sooner, please call the clinic.`;
    throw badRequest("not_bookable", message, field);
  }
  if (start >= now + policy.horizonDays * MS_PER_DAY) {
    throw badRequest("not_bookable", `Book at most ${policy.horizonDays} days ahead.`, field);
  }
}

export interface SlotRequest {
  clinicId: string;
  /** The clinic address the caller used (public pages): refused unless it is `clinicId`'s. */
  expectSlug?: string;
  serviceId: string;
  /** Also read this client (for a new booking). */
  clientId?: string;
  start: number;
  /** One therapist (must be free), or any. */
  therapistId?: string;
  /** Put this therapist first when free (a proposal keeps its therapist if it can). */
  preferTherapistId?: string;
  roomId?: string;
  /** Put this room first when free (a reschedule keeps its room if it can). */
  preferRoomId?: string | null;
  channel: Channel;
  now: number;
  excludeAppointmentId?: string;
  /** The client `clientId` names, already read with the caller's session. */
  knownClient?: ClientInfo;
  /**
   * The caller's write checks `scheduleVersion` (the booking write does): the plan may use the
   * cached schedule unchecked, and skip busy time for one therapist (see `SnapshotRequest.optimistic`).
   */
  optimistic?: boolean;
}

export interface Candidates {
  therapistIds: string[];
  roomIds: (string | null)[];
  names: Map<string, string>;
  users: Map<string, string | null>;
  roomNames: Map<string, string>;
}

export interface SlotPlan {
  clinic: ClinicInfo;
  service: ServiceInfo;
  client: ClientInfo | null;
  candidates: Candidates;
  /** The clinic's schedule version the plan was made on: the write inserts only while it holds. */
  scheduleVersion: string | null;
}

/** Longest span a service can block on either side of its start (durations ≤ 8 h, buffers ≤ 4 h). */
const MAX_BLOCK_MS = 13 * MS_PER_HOUR;

/**
 * Everything a booking needs, read in one statement, and the therapists and rooms free for the
 * slot, best first. Throws 400 (`unknown_service`, `not_bookable_online`, `unknown_client`,
 * `unknown_therapist`, `unknown_room`, `not_bookable` with the reason) or 409 `slot_taken` when the
 * time is only busy.
 */
export async function planSlot(db: Db, request: SlotRequest): Promise<SlotPlan> {
  const load = (optimistic: boolean) =>
    loadSnapshot(db, {
      clinicId: request.clinicId,
      serviceId: request.serviceId,
      ...(request.clientId ? { clientId: request.clientId } : {}),
      ...(request.therapistId ? { therapistId: request.therapistId } : {}),
      // The local day around the slot (so "any therapist" can prefer the least busy one), which also
      // covers the longest blocked span a service can have.
      from: request.start - MAX_BLOCK_MS,
      to: request.start + MAX_BLOCK_MS,
      now: request.now,
      ...(request.excludeAppointmentId ? { excludeAppointmentId: request.excludeAppointmentId } : {}),
      ...(request.knownClient ? { knownClient: request.knownClient } : {}),
      optimistic,
    });
  const snapshot = await load(request.optimistic === true);
  if (snapshot.verified) return planOn(db, request, snapshot);
  try {
    return await planOn(db, request, snapshot);
  } catch (error) {
    // A refusal made on an unchecked cached schedule may come from a stale cache (a service or
    // therapist added on another server a moment ago): it stands only on a checked read.
    if (!(error instanceof AppError)) throw error;
    return planOn(db, request, await load(false));
  }
}

/** `planSlot` on one snapshot. */
async function planOn(db: Db, request: SlotRequest, snapshot: Snapshot): Promise<SlotPlan> {
  const { start, now } = request;
  const { clinic, service, client, schedule } = snapshot;
  if (!clinic) throw notFound("Clinic not found.");
  if (request.expectSlug !== undefined && clinic.slug !== request.expectSlug) {
    const [elsewhere] = await db
      .select({ id: clinics.id })
      .from(clinics)
      .where(eq(clinics.slug, request.expectSlug));
    if (!elsewhere) throw notFound("Clinic not found.");
    throw forbidden("You are signed in for another clinic: switch to this clinic, or sign up here.");
  }
  if (!service?.active) throw badRequest("unknown_service", "No such service at this clinic.", "serviceId");
  if (request.channel === "online" && !service.bookableOnline) {
    throw badRequest(
      "not_bookable_online",
      "This service cannot be booked online; please call the clinic.",
      "serviceId",
    );
  }
  if (request.clientId && !client)
    throw badRequest("unknown_client", "No such client at this clinic.", "clientId");
  const policy = policyFor(request.channel, clinic);
  checkStartAgainstPolicy(start, policy, now);
  if (request.therapistId && schedule.therapists.length === 0) {
    throw badRequest("unknown_therapist", "No such therapist at this clinic.", "therapistId");
  }
  if (request.roomId && !snapshot.roomNames.has(request.roomId)) {
    throw badRequest("unknown_room", "No such room at this clinic.", "roomId");
  }
  const options = {
    from: start,
    to: start + 1,
    now,
    policy,
    ...(request.therapistId ? { therapistId: request.therapistId } : {}),
  };
  const [slot]: Slot[] = findAvailableSlots(slotQueryOf(clinic, service, schedule, options));
  if (!slot) {
    const [free] = findAvailableSlots(slotQueryOf(clinic, service, { ...schedule, busy: [] }, options));
    if (free) throw slotTaken();
    const message =
      request.channel === "online"
        ? "That time is not one of the times offered: pick a slot from the availability search."
        : "That time is outside the therapist's working hours (or inside a break or time off).";
    throw badRequest("not_bookable", message, "start");
  }
  if (request.roomId && service.needsRoom && !slot.roomIds.includes(request.roomId)) throw slotTaken();

  const load = new Map<string, number>();
  for (const busy of schedule.busy) {
    if (busy.therapistId)
      load.set(busy.therapistId, (load.get(busy.therapistId) ?? 0) + busy.end - busy.start);
  }
  const order = new Map(slot.therapistIds.map((id, index) => [id, index]));
  const therapistIds = [...slot.therapistIds].sort((a, b) => {
    if (a === request.preferTherapistId) return -1;
    if (b === request.preferTherapistId) return 1;
    return (load.get(a) ?? 0) - (load.get(b) ?? 0) || (order.get(a) ?? 0) - (order.get(b) ?? 0);
  });
  let roomIds: (string | null)[];
  if (request.roomId) roomIds = [request.roomId];
  else if (!service.needsRoom) roomIds = [request.preferRoomId ?? null];
  else {
    roomIds = [...slot.roomIds];
    const preferred = request.preferRoomId;
    if (preferred && roomIds.includes(preferred))
      roomIds = [preferred, ...roomIds.filter((id) => id !== preferred)];
  }
  return {
    clinic,
    service,
    client,
    scheduleVersion: snapshot.scheduleVersion,
    candidates: {
      therapistIds,
      roomIds,
      names: snapshot.therapistNames,
      users: snapshot.therapistUsers,
      roomNames: snapshot.roomNames,
    },
  };
}

/** A stable 64-bit advisory-lock key for one therapist's or room's calendar. */
function lockKey(clinicId: string, kind: "therapist" | "room", id: string): bigint {
  const digest = createHash("sha256").update(`${clinicId}:${kind}:${id}`).digest();
  return digest.readBigInt64BE(0);
}

/**
 * Serialises writers of one therapist's (and room's) calendar for the rest of the transaction.
 * Without it, PostgreSQL settles two racing inserts that overlap by making each wait on the other's
 * exclusion check until the deadlock detector aborts one, a second later; with it, the second simply
 * waits for the first to commit and then meets the constraint at once. Keys are taken in a fixed
 * order, so two writers never wait on each other. The constraint stays the guard; this is speed.
 */
export async function lockCalendars(tx: Db, clinicId: string, therapistId: string, roomId: string | null) {
  await tx.execute(sql`SELECT ${calendarLocks(clinicId, therapistId, roomId)}`);
}

/** The select list and FROM that take the calendars' locks, one row per lock, in key order. */
function calendarLocks(clinicId: string, therapistId: string, roomId: string | null): SQL {
  const values = sql.join(
    lockKeys(clinicId, therapistId, roomId).map((key) => sql`(${key.toString()}::bigint)`),
    sql`, `,
  );
  return sql`pg_advisory_xact_lock(k) FROM (VALUES ${values}) AS locks(k)`;
}

export type Attempt = { therapistId: string; roomId: string | null };

/**
 * Tries `write` with the candidates until one succeeds. On an exclusion violation it first expires
 * stale requests overlapping the slot for that therapist or room (and retries the same pair if it
 * freed any), else moves on to another therapist or room; deadlocks are retried. Throws `slot_taken`
 * when every candidate is taken.
 */
export async function withCandidates<T>(
  db: Db,
  clinicId: string,
  candidates: Candidates,
  blocked: { start: number; end: number },
  publicUrl: string,
  write: (attempt: Attempt) => Promise<T>,
): Promise<T> {
  const busyTherapists = new Set<string>();
  const busyRooms = new Set<string | null>();
  const expiredFor = new Set<string>();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const therapistId = candidates.therapistIds.find((id) => !busyTherapists.has(id));
    const roomId = candidates.roomIds.find((id) => !busyRooms.has(id));
    if (therapistId === undefined || roomId === undefined) break;
    try {
      return await write({ therapistId, roomId });
    } catch (error) {
      const code = postgresErrorCode(error);
      if (code === "40P01" || code === "40001") continue; // deadlock between racing inserts: try again
      if (code !== "23P01") throw error;
      const key = `${therapistId}/${roomId}`;
      if (!expiredFor.has(key)) {
        expiredFor.add(key);
        const expired = await expireStaleRequests(db, {
          clinicId,
          publicUrl,
          overlapping: { from: new Date(blocked.start), to: new Date(blocked.end), therapistId, roomId },
        });
        if (expired > 0) continue;
      }
      const constraint = constraintName(error);
      if (constraint === "appointments_no_room_overlap") busyRooms.add(roomId);
      else busyTherapists.add(therapistId);
    }
  }
  throw slotTaken();
}

export interface BookInput {
  clinicId: string;
  expectSlug?: string;
  /** The caller's log-in, for "this is you" in the answer. */
  userId?: string | null;
  /** An existing client of the clinic; or `newClient`. */
  clientId?: string;
  /** `clientId`'s facts, when the caller has them already (a client's own session): not read again. */
  client?: ClientInfo | null;
  /**
   * A client first met on this booking (staff, on the phone): their row is written in the
   * appointment's own transaction, so a booking that fails leaves no client behind.
   */
  newClient?: NewClient;
  serviceId: string;
  therapistId?: string;
  /** With no therapistId: this one first if free, else any. */
  preferTherapistId?: string;
  roomId?: string;
  start: number;
  note?: string | null;
  channel: Channel;
  source: "online" | "phone" | "staff";
  createdBy: string | null;
  now?: number;
  /** A proposal: a request awaiting the client, whatever the service's booking mode. */
  proposal?: { expiresAt: number };
  /** Runs first inside the insert's transaction (a proposal declines the original there). */
  beforeInsert?: (tx: Db) => Promise<void>;
  excludeAppointmentId?: string;
  publicUrl: string;
}

export interface NewClient {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
}

export interface BookResult {
  id: string;
  status: "requested" | "confirmed";
  firstVisit: boolean;
  /** The new appointment as the API shows it (built from what was written, without reading it back). */
  detail: AppointmentDetail;
}

/** The lock keys of a booking's calendars, in key order (so two writers never wait on each other). */
function lockKeys(clinicId: string, therapistId: string, roomId: string | null): bigint[] {
  const keys = [lockKey(clinicId, "therapist", therapistId)];
  if (roomId) keys.push(lockKey(clinicId, "room", roomId));
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const OUTBOX_FIELDS = [
  "clinicId",
  "dedupeKey",
  "kind",
  "to",
  "subject",
  "body",
  "sendAfter",
  "html",
  "ics",
  "appointmentId",
  "clientId",
  "category",
] as const;

/**
 * The booking write of one shape (how many calendar locks, how many e-mails), compiled once:
 * the calendars' advisory locks first, then the insert, which the exclusion constraints check,
 * then the outbox rows. One statement, so one round trip, and atomic without an explicit
 * transaction: a constraint violation fails the whole statement.
 *
 * With `scheduleVersion` set, the statement inserts nothing at all (no row, no e-mail) unless the
 * clinic's schedule version is still the one the booking was planned on: the plan may come from
 * this server's cached schedule (../scheduling/schedule-cache.ts), and this is what makes trusting
 * it safe, whichever server changed the schedule. The version is read in the statement's own
 * snapshot, so a schedule change committed before the statement began is always seen; one
 * committed after it is ordered after the booking, like a change made a moment later.
 */
function insertSql(locks: number, messages: number, checkVersion: boolean): SQL {
  const p = (name: string) => sql.placeholder(name);
  const keys = sql.join(
    Array.from({ length: locks }, (_, i) => sql`(${p(`lock${i}`)}::bigint)`),
    sql`, `,
  );
  const m = (i: number, field: (typeof OUTBOX_FIELDS)[number]) => p(`m${i}_${field}`);
  const outbox =
    messages === 0
      ? sql``
      : sql`, outbox AS (
          INSERT INTO outbox_messages (clinic_id, dedupe_key, kind, to_address, subject, body, send_after,
            html, ics, appointment_id, client_id, category)
          SELECT * FROM (VALUES ${sql.join(
            Array.from(
              { length: messages },
              (_, i) =>
                sql`(${m(i, "clinicId")}::uuid, ${m(i, "dedupeKey")}::text, ${m(i, "kind")}::text, ${m(i, "to")}::text, ${m(i, "subject")}::text, ${m(i, "body")}::text, ${m(i, "sendAfter")}::timestamptz, ${m(i, "html")}::text, ${m(i, "ics")}::text, ${m(i, "appointmentId")}::uuid, ${m(i, "clientId")}::uuid, ${m(i, "category")}::text)`,
            ),
            sql`, `,
          )}) AS m WHERE EXISTS (SELECT 1 FROM appointment)
          ON CONFLICT (dedupe_key) DO NOTHING
        )`;
  // No version to check (a plan made without one) reads as always current.
  const current = checkVersion
    ? sql`EXISTS (SELECT 1 FROM clinics WHERE id = ${p("clinicId")}::uuid AND schedule_version = ${p("scheduleVersion")}::bigint)`
    : sql`true`;
  return sql`
    WITH current AS (SELECT ${current} AS ok)
    , locked AS (SELECT pg_advisory_xact_lock(k) FROM (VALUES ${keys}) AS locks(k) WHERE (SELECT ok FROM current))
    , appointment AS (
      INSERT INTO appointments (id, clinic_id, client_id, therapist_id, room_id, service_id, status, source,
        starts_at, ends_at, blocks_from, blocks_until, first_visit, request_expires_at, client_note,
        created_by, created_at, updated_at)
      SELECT ${p("id")}::uuid, ${p("clinicId")}::uuid, ${p("clientId")}::uuid, ${p("therapistId")}::uuid,
        ${p("roomId")}::uuid, ${p("serviceId")}::uuid, ${p("status")}::appointment_status,
        ${p("source")}::appointment_source, ${p("startsAt")}::timestamptz, ${p("endsAt")}::timestamptz,
        ${p("blocksFrom")}::timestamptz, ${p("blocksUntil")}::timestamptz, ${p("firstVisit")}::boolean,
        ${p("requestExpiresAt")}::timestamptz, ${p("clientNote")}::text, ${p("createdBy")}::uuid,
        ${p("createdAt")}::timestamptz, ${p("updatedAt")}::timestamptz
      FROM (SELECT count(*) FROM locked) AS after_locks WHERE (SELECT ok FROM current)
      RETURNING id
    )${outbox}
    SELECT id FROM appointment`;
}

const insertStatements = new Map<string, CompiledStatement>();

function insertStatement(locks: number, messages: number, checkVersion: boolean): CompiledStatement {
  const key = `${locks}/${messages}/${+checkVersion}`;
  let compiled = insertStatements.get(key);
  if (!compiled) {
    compiled = compileStatement("book", insertSql(locks, messages, checkVersion));
    insertStatements.set(key, compiled);
  }
  return compiled;
}

/** The clinic's schedule changed after the booking was planned: nothing was written; plan again. */
export class StaleScheduleError extends Error {
  override name = "StaleScheduleError";
}

/**
 * Writes the appointment and its e-mails in ONE prepared statement (see `insertSql`); throws
 * `StaleScheduleError`, having written nothing, when `scheduleVersion` is no longer current.
 */
async function insertAppointment(
  db: Db,
  row: typeof appointments.$inferInsert & { id: string; roomId: string | null },
  messages: OutgoingMessage[],
  scheduleVersion: string | null,
) {
  const at = (date: Date | null | undefined) => (date ? date.toISOString() : null);
  const keys = lockKeys(row.clinicId, row.therapistId, row.roomId);
  const values: Record<string, unknown> = {
    id: row.id,
    clinicId: row.clinicId,
    clientId: row.clientId,
    therapistId: row.therapistId,
    roomId: row.roomId,
    serviceId: row.serviceId,
    status: row.status,
    source: row.source,
    startsAt: at(row.startsAt),
    endsAt: at(row.endsAt),
    blocksFrom: at(row.blocksFrom),
    blocksUntil: at(row.blocksUntil),
    firstVisit: row.firstVisit ?? false,
    requestExpiresAt: at(row.requestExpiresAt),
    clientNote: row.clientNote ?? null,
    createdBy: row.createdBy ?? null,
    createdAt: at(row.createdAt),
    updatedAt: at(row.updatedAt),
  };
  keys.forEach((key, i) => {
    values[`lock${i}`] = key.toString();
  });
  messages.forEach((message, i) => {
    const fields: Record<(typeof OUTBOX_FIELDS)[number], unknown> = {
      clinicId: message.clinicId,
      dedupeKey: message.dedupeKey,
      kind: message.kind,
      to: message.to,
      subject: message.subject,
      body: message.body,
      sendAfter: (message.sendAfter ?? new Date()).toISOString(),
      html: message.html ?? null,
      ics: message.ics ?? null,
      appointmentId: message.appointmentId ?? null,
      clientId: message.clientId ?? null,
      category: categoryOf(message.kind),
    };
    for (const field of OUTBOX_FIELDS) values[`m${i}_${field}`] = fields[field];
  });
  values.scheduleVersion = scheduleVersion;
  const inserted = await runCompiled(
    db,
    insertStatement(keys.length, messages.length, scheduleVersion !== null),
    values,
  );
  if (inserted.length === 0) throw new StaleScheduleError();
}

/** Plans after a stale schedule at most this often; the last plan reads the schedule checked. */
const MAX_PLANS = 3;

/**
 * Books on the cached schedule (optimistic), planning again when the write finds the schedule
 * changed meanwhile: the first retry on a freshly loaded cache, the last on a checked read.
 */
export async function book(db: Db, input: BookInput): Promise<BookResult> {
  for (let plan = 1; ; plan++) {
    try {
      return await bookOnce(db, input, plan < MAX_PLANS);
    } catch (error) {
      if (!(error instanceof StaleScheduleError)) throw error;
      forgetSchedule(db, input.clinicId);
      if (plan >= MAX_PLANS) {
        throw conflict("schedule_changed", "The clinic's schedule changed meanwhile; please try again.");
      }
    }
  }
}

async function bookOnce(db: Db, input: BookInput, optimistic: boolean): Promise<BookResult> {
  const now = input.now ?? Date.now();
  const { newClient } = input;
  if (!newClient && !input.clientId) throw notFound("Client not found.");
  const knownClient = !newClient && input.client?.id === input.clientId ? input.client : undefined;
  const plan = await planSlot(db, {
    clinicId: input.clinicId,
    ...(input.expectSlug !== undefined ? { expectSlug: input.expectSlug } : {}),
    serviceId: input.serviceId,
    ...(input.clientId && !newClient ? { clientId: input.clientId } : {}),
    start: input.start,
    ...(input.therapistId ? { therapistId: input.therapistId } : {}),
    ...(input.preferTherapistId ? { preferTherapistId: input.preferTherapistId } : {}),
    ...(input.roomId ? { roomId: input.roomId } : {}),
    channel: input.channel,
    now,
    ...(input.excludeAppointmentId ? { excludeAppointmentId: input.excludeAppointmentId } : {}),
    ...(knownClient ? { knownClient } : {}),
    optimistic,
  });
  const { clinic, service, candidates, scheduleVersion } = plan;
  // A new client has no appointments yet, so this is their first visit.
  const client: ClientInfo = newClient
    ? { id: randomUUID(), ...newClient, returning: false }
    : (plan.client as ClientInfo);

  const firstVisit = !client.returning;
  // A first visit always starts as a request (it needs intake and consent first); online, so does
  // every booking of a request-mode service; staff on the phone are the review for the rest.
  const status: BookResult["status"] =
    firstVisit || input.proposal || (input.channel === "online" && service.bookingMode === "request")
      ? "requested"
      : "confirmed";
  let requestExpiresAt: Date | null = null;
  if (status === "requested" && input.proposal) {
    requestExpiresAt = new Date(Math.min(input.proposal.expiresAt, input.start));
  } else if (status === "requested" && input.channel === "online") {
    const expiry = now + clinic.policies.requestExpiryHours * MS_PER_HOUR;
    requestExpiresAt = new Date(Math.min(expiry, input.start));
  }
  const end = input.start + service.durationMin * MS_PER_MINUTE;
  const blocked = blockingInterval({ start: input.start, end }, service);
  const id = randomUUID();
  const written = new Date(now);
  const publicUrl = input.publicUrl;

  const chosen = await withCandidates(
    db,
    clinic.id,
    candidates,
    blocked,
    publicUrl,
    async ({ therapistId, roomId }) => {
      const facts: MessageFacts = {
        clinicId: clinic.id,
        clinicName: clinic.name,
        clinicAddress: clinic.address,
        clinicPhone: clinic.phone,
        timeZone: clinic.timeZone,
        appointmentId: id,
        clientId: client.id,
        clientEmail: client.email,
        clientFirstName: client.firstName,
        serviceName: service.name,
        therapistName: candidates.names.get(therapistId) ?? "your therapist",
        startsAt: input.start,
        endsAt: end,
        firstVisit,
        publicUrl,
        notifications: notificationPoliciesOf(clinic.policies),
      };
      const kind = input.proposal ? "proposed" : status === "confirmed" ? "confirmed" : "request_received";
      const messages = [
        appointmentMessage(kind, facts, now),
        ...timedMessages(facts, now, status === "confirmed"),
      ].filter((m): m is OutgoingMessage => m !== null);
      const row = {
        id,
        clinicId: clinic.id,
        clientId: client.id,
        therapistId,
        roomId,
        serviceId: service.id,
        status,
        source: input.source,
        startsAt: new Date(input.start),
        endsAt: new Date(end),
        blocksFrom: new Date(blocked.start),
        blocksUntil: new Date(blocked.end),
        firstVisit,
        requestExpiresAt,
        clientNote: input.note ?? null,
        createdBy: input.createdBy,
        createdAt: written,
        updatedAt: written,
      };
      const before = input.beforeInsert;
      if (before || newClient) {
        await db.transaction(async (tx) => {
          if (before) await before(tx as unknown as Db);
          if (newClient)
            await tx.insert(clients).values({ id: client.id, clinicId: clinic.id, ...newClient });
          await insertAppointment(tx as unknown as Db, row, messages, scheduleVersion);
        });
      } else {
        await insertAppointment(db, row, messages, scheduleVersion);
      }
      return { therapistId, roomId };
    },
  );

  const roomName = chosen.roomId ? candidates.roomNames.get(chosen.roomId) : undefined;
  const detail: AppointmentDetail = {
    id,
    status,
    source: input.source,
    startsAt: new Date(input.start).toISOString(),
    endsAt: new Date(end).toISOString(),
    firstVisit,
    client: { id: client.id, name: `${client.firstName} ${client.lastName}` },
    therapist: {
      id: chosen.therapistId,
      name: candidates.names.get(chosen.therapistId) ?? "",
      isYou: Boolean(input.userId) && candidates.users.get(chosen.therapistId) === input.userId,
    },
    service: { id: service.id, name: service.name, durationMin: service.durationMin },
    room: chosen.roomId && roomName ? { id: chosen.roomId, name: roomName } : null,
    statusReason: null,
    requestExpiresAt: requestExpiresAt ? requestExpiresAt.toISOString() : null,
    clientNote: input.note ?? null,
    blocksFrom: new Date(blocked.start).toISOString(),
    blocksUntil: new Date(blocked.end).toISOString(),
    createdAt: written.toISOString(),
    updatedAt: written.toISOString(),
    timeZone: clinic.timeZone,
    local: formatSlotInZone(input.start, clinic.timeZone),
  };
  return { id, status, firstVisit, detail };
}
