/**
 * Booking a plan's series (F7): the planned sessions offered as a set of slots at the planned interval
 * with the same therapist, from the slot engine (core/scheduling); then booked one by one through the
 * ONE booking path (appointments/booking.ts `book`), so every constraint of any booking holds (policy,
 * working hours, exclusion constraints against double booking), and each start gets its own answer.
 */
import { and, eq } from "drizzle-orm";
import type { SeriesBookResult, SeriesOffer } from "../../core/api/plans";
import { seriesDates } from "../../core/plans";
import {
  type BookingPolicy,
  findAvailableSlots,
  formatSlotInZone,
  instantToLocal,
  type Slot,
} from "../../core/scheduling";
import { book, type Channel } from "../appointments/booking";
import type { Db } from "../db/connect";
import { treatmentPlanAppointments } from "../db/schema";
import { AppError, badRequest } from "../http/errors";
import { bookingPolicyOf, type ClinicInfo, loadSnapshot, slotQueryOf } from "../scheduling/schedule";
import { startOfLocalDay } from "./store";

const MS_PER_DAY = 86_400_000;
/** A session may move this many days either way from where the interval puts it. */
const MAX_SHIFT_DAYS = 3;
const SHIFTS = [0, 1, -1, 2, -2, 3, -3];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function minuteOfDay(time: string): number {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** Offers grid times like the online search; staff may book without notice and further ahead. */
function offerPolicy(channel: Channel, clinic: ClinicInfo): BookingPolicy {
  const online = bookingPolicyOf(clinic.policies);
  return channel === "online" ? online : { minNoticeMin: 0, horizonDays: 366, stepMin: online.stepMin };
}

export interface OfferRequest {
  clinic: ClinicInfo;
  therapistId: string;
  serviceId: string;
  /** Day of the first session (clinic zone). */
  from: string;
  count: number;
  intervalDays: number;
  /** Preferred time of day "HH:MM"; omitted: the first session's earliest free time. */
  time?: string;
  channel: Channel;
  now: number;
}

/**
 * For each planned date, the free start with the therapist nearest the preferred time of day; if that
 * day has none, the nearest day within 3 days either way (later first) that no other session uses.
 */
export async function offerSeries(db: Db, request: OfferRequest): Promise<SeriesOffer> {
  const { clinic, now } = request;
  const targets = seriesDates(request.from, request.count, request.intervalDays);
  const first = targets[0] as string;
  const last = targets[targets.length - 1] as string;
  const from = startOfLocalDay(addDays(first, -MAX_SHIFT_DAYS), clinic.timeZone).getTime();
  const to = startOfLocalDay(addDays(last, MAX_SHIFT_DAYS + 1), clinic.timeZone).getTime();
  const snapshot = await loadSnapshot(db, {
    clinicId: clinic.id,
    serviceId: request.serviceId,
    therapistId: request.therapistId,
    from,
    to,
    now,
  });
  const { service, schedule } = snapshot;
  if (!service?.active) throw badRequest("unknown_service", "No such service at this clinic.", "serviceId");
  if (request.channel === "online" && !service.bookableOnline)
    throw badRequest(
      "not_bookable_online",
      "This service cannot be booked online; please call the clinic.",
      "serviceId",
    );
  if (schedule.therapists.length === 0)
    throw badRequest(
      "unknown_therapist",
      "The plan's therapist is not working at the clinic.",
      "therapistId",
    );
  const policy = offerPolicy(request.channel, clinic);
  const slots = findAvailableSlots(
    slotQueryOf(clinic, service, schedule, { from, to, now, policy, therapistId: request.therapistId }),
  );
  const byDate = new Map<string, { slot: Slot; minute: number }[]>();
  for (const slot of slots) {
    const local = instantToLocal(slot.start, clinic.timeZone);
    const list = byDate.get(local.date) ?? [];
    list.push({ slot, minute: minuteOfDay(local.time) });
    byDate.set(local.date, list);
  }
  let preferred = request.time ? minuteOfDay(request.time) : null;
  const used = new Set<string>();
  let previous: string | null = null;
  const horizonEnd = now + policy.horizonDays * MS_PER_DAY;
  const offered = targets.map((target, index) => {
    for (const shift of SHIFTS) {
      const date = addDays(target, shift);
      if (used.has(date) || (previous !== null && date <= previous)) continue;
      const candidates = byDate.get(date);
      if (!candidates || candidates.length === 0) continue;
      const want = preferred ?? (candidates[0] as { minute: number }).minute;
      const best = candidates.reduce((a, b) =>
        Math.abs(b.minute - want) < Math.abs(a.minute - want) ? b : a,
      );
      preferred ??= best.minute;
      used.add(date);
      previous = date;
      return {
        index,
        targetDate: target,
        start: new Date(best.slot.start).toISOString(),
        local: formatSlotInZone(best.slot.start, clinic.timeZone),
        reason: null,
      };
    }
    const beyond = startOfLocalDay(target, clinic.timeZone).getTime() >= horizonEnd;
    return {
      index,
      targetDate: target,
      start: null,
      local: null,
      reason: beyond
        ? `Beyond the ${policy.horizonDays} days the clinic books ahead.`
        : `No free time with ${snapshot.therapistNames.get(request.therapistId) ?? "the therapist"} within ${MAX_SHIFT_DAYS} days of ${target}.`,
    };
  });
  return {
    therapist: { id: request.therapistId, name: snapshot.therapistNames.get(request.therapistId) ?? "" },
    service: { id: service.id, name: service.name, durationMin: service.durationMin },
    intervalDays: request.intervalDays,
    slots: offered,
  };
}

export interface SeriesBooking {
  clinicId: string;
  planId: string;
  clientId: string;
  therapistId: string;
  serviceId: string;
  starts: string[];
  note: string | null;
  channel: Channel;
  userId: string;
  publicUrl: string;
}

/**
 * Books each start through `book` in date order. A start that cannot be had (taken meanwhile,
 * outside hours, too soon, …) is answered with the booking path's own code and message; the others
 * are still booked, since a client would rather have four of five sessions than none.
 */
export async function bookSeries(db: Db, request: SeriesBooking): Promise<SeriesBookResult> {
  const starts = [...new Set(request.starts)].sort((a, b) => Date.parse(a) - Date.parse(b));
  const slots: SeriesBookResult["slots"] = [];
  for (const start of starts) {
    try {
      const result = await book(db, {
        clinicId: request.clinicId,
        userId: request.userId,
        clientId: request.clientId,
        serviceId: request.serviceId,
        therapistId: request.therapistId,
        start: Date.parse(start),
        note: request.note,
        channel: request.channel,
        source: request.channel === "online" ? "online" : "staff",
        createdBy: request.userId,
        publicUrl: request.publicUrl,
      });
      await db
        .insert(treatmentPlanAppointments)
        .values({ clinicId: request.clinicId, planId: request.planId, appointmentId: result.id })
        .onConflictDoNothing();
      slots.push({
        start: new Date(Date.parse(start)).toISOString(),
        outcome: "booked",
        appointmentId: result.id,
        status: result.status,
        code: null,
        message: null,
      });
    } catch (error) {
      if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
      slots.push({
        start: new Date(Date.parse(start)).toISOString(),
        outcome: "unavailable",
        appointmentId: null,
        status: null,
        code: error.code,
        message: error.message,
      });
    }
  }
  const booked = slots.filter((s) => s.outcome === "booked").length;
  return { booked, unavailable: slots.length - booked, slots };
}

/** Appointments linked to a plan (for tests and the plan view). */
export async function seriesAppointmentIds(db: Db, clinicId: string, planId: string): Promise<string[]> {
  const rows = await db
    .select({ id: treatmentPlanAppointments.appointmentId })
    .from(treatmentPlanAppointments)
    .where(
      and(eq(treatmentPlanAppointments.clinicId, clinicId), eq(treatmentPlanAppointments.planId, planId)),
    );
  return rows.map((r) => r.id);
}
