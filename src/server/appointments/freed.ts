/**
 * When a slot is freed (a cancellation, a declined request, an expired one, a moved appointment):
 * offer it to the waitlist. And the expiry of requests (docs/product.md F4 "a request holds its slot
 * until confirmed, declined or expired").
 *
 * Expiry semantics: a request whose `request_expires_at` has passed stops holding its slot at that
 * instant. Availability ignores it at once (see `loadSnapshot` in ../scheduling/schedule.ts). The database's
 * exclusion constraint, however, still sees a stale `requested` row as holding, so
 * `expireStaleRequests` marks such rows `declined` with status reason `expired`: the request-expiry job
 * (../jobs) does so every minute for all clinics, and the booking path does so for the rows overlapping the wanted
 * slot when an insert meets one (then inserts again). Marking is an idempotent fact of time, so it
 * is committed on its own, whether or not the booking that triggered it succeeds.
 */
import { and, asc, eq, isNull, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../db/connect";
import { appointments, clients, clinics, services, waitlistEntries } from "../db/schema";
import { blocksOverlap } from "../scheduling/schedule";
import { cancelPendingReminders, enqueueAppointmentMessage, enqueueWaitlistOffer } from "./messages";
import { loadAppointment, messageFactsOf } from "./queries";

const MS_PER_MINUTE = 60_000;
const MAX_OFFERS_PER_SLOT = 50;

export interface FreedSlot {
  clinicId: string;
  clientId: string;
  therapistId: string;
  therapistName: string;
  blocksFrom: Date;
  blocksUntil: Date;
}

export interface ClinicContext {
  clinicName: string;
  timeZone: string;
  publicUrl: string;
}

/**
 * E-mails every matching waitlist entry (same clinic; any therapist or this one; wanting a time
 * that includes the freed start; a service that fits in the freed blocked time) once per entry and
 * slot, and stamps `notified_at`. An offer is a notice, not a hold: first come, first served.
 */
export async function offerFreedSlot(
  db: Db,
  freed: FreedSlot,
  context: ClinicContext,
  now = Date.now(),
): Promise<number> {
  const freedMinutes = Math.floor((freed.blocksUntil.getTime() - freed.blocksFrom.getTime()) / MS_PER_MINUTE);
  const entries = await db
    .select({
      id: waitlistEntries.id,
      serviceId: services.id,
      serviceName: services.name,
      bufferBeforeMin: services.bufferBeforeMin,
      clientId: clients.id,
      email: clients.email,
      firstName: clients.firstName,
      slug: clinics.slug,
      clinicAddress: clinics.address,
      clinicPhone: clinics.phone,
    })
    .from(waitlistEntries)
    .innerJoin(
      services,
      and(eq(services.clinicId, waitlistEntries.clinicId), eq(services.id, waitlistEntries.serviceId)),
    )
    .innerJoin(
      clients,
      and(eq(clients.clinicId, waitlistEntries.clinicId), eq(clients.id, waitlistEntries.clientId)),
    )
    .innerJoin(clinics, eq(clinics.id, waitlistEntries.clinicId))
    .where(
      and(
        eq(waitlistEntries.clinicId, freed.clinicId),
        or(isNull(waitlistEntries.therapistId), eq(waitlistEntries.therapistId, freed.therapistId)),
        ne(waitlistEntries.clientId, freed.clientId),
        eq(services.active, true),
        sql`${services.bufferBeforeMin} + ${services.durationMin} + ${services.bufferAfterMin} <= ${freedMinutes}`,
        // The entry wants a time that includes the start this service would have in the freed gap.
        sql`${waitlistEntries.earliest} <= ${freed.blocksFrom.toISOString()}::timestamptz + make_interval(mins => ${services.bufferBeforeMin})`,
        sql`${waitlistEntries.latest} > ${freed.blocksFrom.toISOString()}::timestamptz + make_interval(mins => ${services.bufferBeforeMin})`,
      ),
    )
    .orderBy(asc(waitlistEntries.createdAt))
    .limit(MAX_OFFERS_PER_SLOT);
  let offered = 0;
  for (const entry of entries) {
    const startsAt = freed.blocksFrom.getTime() + entry.bufferBeforeMin * MS_PER_MINUTE;
    if (startsAt <= now) continue;
    const base = context.publicUrl.replace(/\/$/, "");
    const sent = await enqueueWaitlistOffer(db, {
      clinicId: freed.clinicId,
      clinicName: context.clinicName,
      clinicAddress: entry.clinicAddress,
      clinicPhone: entry.clinicPhone,
      timeZone: context.timeZone,
      entryId: entry.id,
      clientId: entry.clientId,
      clientEmail: entry.email,
      clientFirstName: entry.firstName,
      serviceName: entry.serviceName,
      therapistName: freed.therapistName,
      startsAt,
      bookUrl: `${base}/book/${entry.slug}?service=${entry.serviceId}&start=${encodeURIComponent(new Date(startsAt).toISOString())}`,
    });
    if (sent) {
      offered++;
      await db
        .update(waitlistEntries)
        .set({ notifiedAt: new Date(now) })
        .where(and(eq(waitlistEntries.clinicId, freed.clinicId), eq(waitlistEntries.id, entry.id)));
    }
  }
  return offered;
}

export interface ExpireOptions {
  now?: number;
  clinicId?: string;
  /** Only requests blocking this range for this therapist or room (the booking path). */
  overlapping?: { from: Date; to: Date; therapistId: string | null; roomId: string | null };
  /** Offer the freed slots to the waitlist (the sweep does; the booking path is about to take it). */
  offerToWaitlist?: boolean;
  publicUrl: string;
  limit?: number;
}

/** Marks stale requests `declined` (reason `expired`), e-mails their clients. Returns how many. */
export async function expireStaleRequests(db: Db, options: ExpireOptions): Promise<number> {
  const now = new Date(options.now ?? Date.now());
  const conditions: (SQL | undefined)[] = [
    eq(appointments.status, "requested"),
    lte(appointments.requestExpiresAt, now),
  ];
  if (options.clinicId) conditions.push(eq(appointments.clinicId, options.clinicId));
  const overlap = options.overlapping;
  if (overlap) {
    conditions.push(blocksOverlap(overlap.from, overlap.to));
    conditions.push(
      or(
        overlap.therapistId ? eq(appointments.therapistId, overlap.therapistId) : undefined,
        overlap.roomId ? eq(appointments.roomId, overlap.roomId) : undefined,
      ),
    );
  }
  const limit = options.limit ?? 500;
  // One UPDATE claims the rows, so parallel sweeps on several servers never expire one twice.
  const expired = await db
    .update(appointments)
    .set({ status: "declined", statusReason: "expired", updatedAt: now })
    .where(
      and(
        ...conditions,
        // Re-checked on the row itself after any wait (READ COMMITTED), so a row another sweep
        // has just expired is skipped rather than expired twice.
        sql`${appointments.id} IN (SELECT ${appointments.id} FROM ${appointments} WHERE ${and(...conditions)} LIMIT ${limit})`,
      ),
    )
    .returning({ id: appointments.id, clinicId: appointments.clinicId });
  for (const { id, clinicId } of expired) {
    const row = await loadAppointment(db, clinicId, id);
    if (!row) continue;
    await cancelPendingReminders(db, clinicId, id);
    await enqueueAppointmentMessage(
      db,
      "request_expired",
      messageFactsOf(row, options.publicUrl),
      now.getTime(),
    );
    if (options.offerToWaitlist) {
      await offerFreedSlot(
        db,
        {
          clinicId,
          clientId: row.clientId,
          therapistId: row.therapistId,
          therapistName: row.therapistName,
          blocksFrom: row.blocksFrom,
          blocksUntil: row.blocksUntil,
        },
        { clinicName: row.clinicName, timeZone: row.timeZone, publicUrl: options.publicUrl },
        now.getTime(),
      );
    }
  }
  return expired.length;
}
