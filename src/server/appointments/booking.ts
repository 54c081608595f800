/**
 * The one booking path (PRODUCT.md F4), used by online requests, phone bookings by staff, proposals
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
import { and, eq, sql } from "drizzle-orm";
import { type BookingPolicy, blockingInterval, findAvailableSlots, type Slot } from "../../core/scheduling";
import type { Db } from "../db/connect";
import { appointments, clients, rooms, therapists } from "../db/schema";
import { badRequest, conflict, postgresErrorCode } from "../http/errors";
import {
  bookingPolicyOf,
  type ClinicInfo,
  loadSchedule,
  type ServiceInfo,
  serviceById,
  slotQueryOf,
} from "../scheduling/schedule";
import { expireStaleRequests } from "./freed";
import { enqueueAppointmentMessage, type MessageFacts } from "./messages";

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
  clinic: ClinicInfo;
  service: ServiceInfo;
  start: number;
  /** One therapist (must be free), or any. */
  therapistId?: string;
  /** Put this therapist first when free (a reschedule keeps its therapist if it can). */
  preferTherapistId?: string;
  roomId?: string;
  preferRoomId?: string | null;
  channel: Channel;
  now: number;
  excludeAppointmentId?: string;
}

export interface Candidates {
  therapistIds: string[];
  roomIds: (string | null)[];
  names: Map<string, string>;
}

/**
 * The therapists and rooms free for the slot, best first; throws 400 `not_bookable` when the time is
 * outside the rules and 409 `slot_taken` when it is only busy.
 */
export async function findCandidates(db: Db, request: SlotRequest): Promise<Candidates> {
  const { clinic, service, start, now } = request;
  const policy = policyFor(request.channel, clinic);
  checkStartAgainstPolicy(start, policy, now);
  const end = start + service.durationMin * MS_PER_MINUTE;
  const blocked = blockingInterval({ start, end }, service);
  // Load the local day around the slot, so "any therapist" can prefer the least busy one.
  const from = Math.min(blocked.start, start - 12 * MS_PER_HOUR);
  const to = Math.max(blocked.end, start + 12 * MS_PER_HOUR);
  const [schedule, nameRows] = await Promise.all([
    loadSchedule(db, {
      clinicId: clinic.id,
      zone: clinic.timeZone,
      ...(request.therapistId ? { therapistIds: [request.therapistId] } : {}),
      from,
      to,
      now,
      needsRoom: service.needsRoom,
      ...(request.excludeAppointmentId ? { excludeAppointmentId: request.excludeAppointmentId } : {}),
    }),
    db
      .select({ id: therapists.id, name: therapists.displayName })
      .from(therapists)
      .where(
        and(
          eq(therapists.clinicId, clinic.id),
          request.therapistId ? eq(therapists.id, request.therapistId) : eq(therapists.active, true),
        ),
      ),
  ]);
  if (request.therapistId && schedule.therapists.length === 0) {
    throw badRequest("unknown_therapist", "No such therapist at this clinic.", "therapistId");
  }
  if (request.roomId) {
    const [room] = await db
      .select({ id: rooms.id })
      .from(rooms)
      .where(and(eq(rooms.clinicId, clinic.id), eq(rooms.id, request.roomId), eq(rooms.active, true)));
    if (!room) throw badRequest("unknown_room", "No such room at this clinic.", "roomId");
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
    therapistIds,
    roomIds,
    names: new Map(nameRows.map((row) => [row.id, row.name])),
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
  const keys = [lockKey(clinicId, "therapist", therapistId)];
  if (roomId) keys.push(lockKey(clinicId, "room", roomId));
  keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const values = sql.join(
    keys.map((key) => sql`(${key.toString()}::bigint)`),
    sql`, `,
  );
  await tx.execute(sql`SELECT pg_advisory_xact_lock(k) FROM (VALUES ${values}) AS locks(k)`);
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
  clinic: ClinicInfo;
  clientId: string;
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

export interface BookResult {
  id: string;
  status: "requested" | "confirmed";
  firstVisit: boolean;
}

export async function loadBookableService(db: Db, clinicId: string, serviceId: string, channel: Channel) {
  const service = await serviceById(db, clinicId, serviceId);
  if (!service?.active) throw badRequest("unknown_service", "No such service at this clinic.", "serviceId");
  if (channel === "online" && !service.bookableOnline) {
    throw badRequest(
      "not_bookable_online",
      "This service cannot be booked online; please call the clinic.",
      "serviceId",
    );
  }
  return service;
}

export async function book(db: Db, input: BookInput): Promise<BookResult> {
  const now = input.now ?? Date.now();
  const { clinic } = input;
  const service = await loadBookableService(db, clinic.id, input.serviceId, input.channel);
  checkStartAgainstPolicy(input.start, policyFor(input.channel, clinic), now);
  const [client] = await db
    .select({
      id: clients.id,
      firstName: clients.firstName,
      email: clients.email,
      // A first visit: no confirmed or completed appointment at this clinic yet.
      // (Not correlated by column: drizzle leaves columns unqualified in a one-table select.)
      returning: sql<boolean>`EXISTS (SELECT 1 FROM ${appointments} WHERE ${appointments.clinicId} = ${clinic.id} AND ${appointments.clientId} = ${input.clientId} AND ${appointments.status} IN ('confirmed', 'completed'))`,
    })
    .from(clients)
    .where(and(eq(clients.clinicId, clinic.id), eq(clients.id, input.clientId)));
  if (!client) throw badRequest("unknown_client", "No such client at this clinic.", "clientId");

  const candidates = await findCandidates(db, {
    clinic,
    service,
    start: input.start,
    ...(input.therapistId ? { therapistId: input.therapistId } : {}),
    ...(input.preferTherapistId ? { preferTherapistId: input.preferTherapistId } : {}),
    ...(input.roomId ? { roomId: input.roomId } : {}),
    channel: input.channel,
    now,
    ...(input.excludeAppointmentId ? { excludeAppointmentId: input.excludeAppointmentId } : {}),
  });

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

  await withCandidates(db, clinic.id, candidates, blocked, input.publicUrl, ({ therapistId, roomId }) =>
    db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      await lockCalendars(t, clinic.id, therapistId, roomId);
      if (input.beforeInsert) await input.beforeInsert(t);
      await t.insert(appointments).values({
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
      });
      const facts: MessageFacts = {
        clinicId: clinic.id,
        clinicName: clinic.name,
        timeZone: clinic.timeZone,
        appointmentId: id,
        clientEmail: client.email,
        clientFirstName: client.firstName,
        serviceName: service.name,
        therapistName: candidates.names.get(therapistId) ?? "your therapist",
        startsAt: input.start,
        publicUrl: input.publicUrl,
      };
      const kind = input.proposal ? "proposed" : status === "confirmed" ? "confirmed" : "request_received";
      await enqueueAppointmentMessage(t, kind, facts, now);
      if (status === "confirmed") await enqueueAppointmentMessage(t, "reminder", facts, now);
    }),
  );
  return { id, status, firstVisit };
}
