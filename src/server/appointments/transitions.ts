/**
 * Status changes of an appointment (docs/product.md F4). Each is one conditional UPDATE (`… WHERE status
 * IN (the statuses it may leave)`), so two racing changes cannot both apply; the loser gets 409.
 * Each writes its e-mail and cancels pending reminders in the same transaction, and frees the slot
 * to the waitlist afterwards when it released one.
 *
 *   requested ──confirm/accept──▶ confirmed ──complete──▶ completed
 *       │  └──decline/propose──▶ declined        └──no-show──▶ no_show
 *       └──cancel──▶ cancelled ◀──cancel── confirmed
 *   requested ──(expiry: request_expires_at passed)──▶ declined, reason "expired"
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { type AuditAction, recordAudit } from "../audit/audit";
import type { Scope } from "../auth/access";
import type { Db } from "../db/connect";
import { appointments } from "../db/schema";
import { badRequest, conflict } from "../http/errors";
import { scheduleAftercare, scheduleCheckIn } from "../notify/schedule";
import { scheduleAfterSession } from "../plans/follow-ups";
import { type ClinicInfo, clinicById } from "../scheduling/schedule";
import { book, type Channel, lockCalendars, planSlot, slotTaken, withCandidates } from "./booking";
import { expireStaleRequests, offerFreedSlot } from "./freed";
import { cancelPendingReminders, enqueueAppointmentMessage, enqueueTimedMessages } from "./messages";
import { type AppointmentRow, loadAppointment, messageFactsOf } from "./queries";
import { canConfirm, loadReadiness } from "./readiness";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;

type Status = AppointmentRow["status"];

export interface ActionContext {
  db: Db;
  scope: Scope;
  publicUrl: string;
  ip: string | null;
  now?: number;
}

const changedMeanwhile = () =>
  conflict("changed_meanwhile", "The appointment changed meanwhile. Reload it and try again.");

function wrongStatus(row: AppointmentRow, action: string): never {
  throw conflict("invalid_status", `A ${row.status.replace("_", "-")} appointment cannot be ${action}.`);
}

async function audit(context: ActionContext, row: AppointmentRow, action: AuditAction) {
  await recordAudit(context.db, {
    clinicId: context.scope.clinicId,
    actorUserId: context.scope.userId,
    actorRole: context.scope.role,
    action,
    entity: "appointment",
    entityId: row.id,
    clientId: row.clientId,
    ip: context.ip,
  });
}

async function freeToWaitlist(context: ActionContext, row: AppointmentRow) {
  await offerFreedSlot(
    context.db,
    {
      clinicId: row.clinicId,
      clientId: row.clientId,
      therapistId: row.therapistId,
      therapistName: row.therapistName,
      blocksFrom: row.blocksFrom,
      blocksUntil: row.blocksUntil,
    },
    { clinicName: row.clinicName, timeZone: row.timeZone, publicUrl: context.publicUrl },
    context.now ?? Date.now(),
  );
}

/** Sets the status if the row is still in one of `from`; returns false when it was not. */
async function setStatus(
  db: Db,
  row: AppointmentRow,
  from: readonly Status[],
  to: Status,
  reason: string | null,
  now: number,
  extra: SqlCondition = undefined,
): Promise<boolean> {
  const updated = await db
    .update(appointments)
    .set({
      status: to,
      statusReason: reason,
      updatedAt: new Date(now),
      ...(to === "confirmed" ? { requestExpiresAt: null } : {}),
    })
    .where(
      and(
        eq(appointments.clinicId, row.clinicId),
        eq(appointments.id, row.id),
        inArray(appointments.status, [...from]),
        extra,
      ),
    )
    .returning({ id: appointments.id });
  return updated.length > 0;
}

type SqlCondition = ReturnType<typeof sql> | undefined;

// ---- Confirm.

/** Staff confirm a request, or a client accepts a time the clinic offered; first visits must be ready. */
export async function confirm(context: ActionContext, row: AppointmentRow): Promise<void> {
  const now = context.now ?? Date.now();
  const readiness = row.firstVisit ? await loadReadiness(context.db, row.clinicId, row.clientId) : null;
  if (row.firstVisit) await audit(context, row, "read-readiness");
  const decision = canConfirm(
    {
      status: row.status,
      firstVisit: row.firstVisit,
      startsAt: row.startsAt.getTime(),
      requestExpiresAt: row.requestExpiresAt?.getTime() ?? null,
    },
    readiness,
    now,
  );
  if (!decision.ok) {
    const codes = new Set(decision.reasons.map((r) => r.code));
    if (codes.has("not-requested")) wrongStatus(row, "confirmed");
    if (codes.has("request-expired")) {
      await expireStaleRequests(context.db, {
        clinicId: row.clinicId,
        publicUrl: context.publicUrl,
        offerToWaitlist: true,
        now,
      });
      throw conflict("request_expired", "The request has expired and no longer holds its slot.");
    }
    throw conflict(
      "not_ready",
      `This appointment cannot be confirmed yet: ${decision.reasons.map((r) => r.message).join(" ")}`,
    );
  }
  await context.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const ok = await setStatus(
      t,
      row,
      ["requested"],
      "confirmed",
      null,
      now,
      sql`(${appointments.requestExpiresAt} IS NULL OR ${appointments.requestExpiresAt} > ${new Date(now).toISOString()}::timestamptz)`,
    );
    if (!ok) throw changedMeanwhile();
    const facts = messageFactsOf(row, context.publicUrl);
    await enqueueAppointmentMessage(t, "confirmed", facts, now);
    await enqueueTimedMessages(t, facts, now, true);
  });
  await audit(context, row, "confirm");
}

// ---- Decline, cancel, no-show, complete.

export async function decline(context: ActionContext, row: AppointmentRow, reason: string): Promise<void> {
  const now = context.now ?? Date.now();
  if (row.status !== "requested") wrongStatus(row, "declined");
  await context.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (!(await setStatus(t, row, ["requested"], "declined", reason, now))) throw changedMeanwhile();
    await cancelPendingReminders(t, row.clinicId, row.id);
    await enqueueAppointmentMessage(t, "declined", messageFactsOf(row, context.publicUrl, reason), now);
  });
  await audit(context, row, "decline");
  await freeToWaitlist(context, row);
}

/**
 * Staff may cancel any request or confirmed appointment. A client may cancel their own request at
 * any time before it starts, and their confirmed appointment up to `cancellationWindowHours` before
 * its start; later, they must call the clinic.
 */
export async function cancel(
  context: ActionContext,
  row: AppointmentRow,
  reason: string,
  clinic: ClinicInfo,
): Promise<void> {
  const now = context.now ?? Date.now();
  if (row.status !== "requested" && row.status !== "confirmed") wrongStatus(row, "cancelled");
  if (context.scope.role === "client") {
    if (row.startsAt.getTime() <= now) {
      throw conflict("too_late", "This appointment has started; please call the clinic.");
    }
    const windowMs = clinic.policies.cancellationWindowHours * MS_PER_HOUR;
    if (row.status === "confirmed" && row.startsAt.getTime() - now < windowMs) {
      throw conflict(
        "too_late",
        `Appointments can be cancelled online up to ${clinic.policies.cancellationWindowHours} hours before they start; please call the clinic.`,
      );
    }
  }
  await context.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (!(await setStatus(t, row, ["requested", "confirmed"], "cancelled", reason, now)))
      throw changedMeanwhile();
    await cancelPendingReminders(t, row.clinicId, row.id);
    await enqueueAppointmentMessage(t, "cancelled", messageFactsOf(row, context.publicUrl, reason), now);
  });
  await audit(context, row, "cancel");
  if (row.startsAt.getTime() > now) await freeToWaitlist(context, row);
}

/** Marks a confirmed appointment whose start has passed as a no-show, or as completed. */
export async function markOutcome(
  context: ActionContext,
  row: AppointmentRow,
  outcome: "no_show" | "completed",
  reason: string | null,
): Promise<void> {
  const now = context.now ?? Date.now();
  const label = outcome === "no_show" ? "marked as a no-show" : "completed";
  if (row.status !== "confirmed") wrongStatus(row, label);
  if (row.startsAt.getTime() > now) {
    throw conflict("not_started", `An appointment can be ${label} only once it has started.`);
  }
  await context.db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    if (!(await setStatus(t, row, ["confirmed"], outcome, reason, now))) throw changedMeanwhile();
    await cancelPendingReminders(t, row.clinicId, row.id);
    if (outcome === "no_show")
      await enqueueAppointmentMessage(t, "no_show", messageFactsOf(row, context.publicUrl), now);
    else {
      // A completed session: aftercare now (or when quiet hours end) and the next-day check-in.
      const visit = {
        clinicId: row.clinicId,
        clientId: row.clientId,
        appointmentId: row.id,
        endedAt: Math.min(now, row.endsAt.getTime()),
        publicUrl: context.publicUrl,
      };
      await scheduleAftercare(t, visit, now);
      await scheduleCheckIn(t, visit);
      // The next planned session's follow-up, or the maintenance recall once the plan is done.
      const clinic = await clinicById(t, row.clinicId);
      await scheduleAfterSession(t, {
        ...visit,
        startedAt: row.startsAt.getTime(),
        defaultMaintenanceWeeks: clinic.policies.maintenanceIntervalWeeks,
      });
    }
  });
  await audit(context, row, outcome === "no_show" ? "no-show" : "complete");
}

// ---- Reschedule.

export interface RescheduleInput {
  start: number;
  therapistId?: string;
  roomId?: string;
  reason?: string;
}

/**
 * Moves an appointment in one UPDATE of its times (and therapist/room), so the exclusion
 * constraints check the new range atomically. Staff: any time inside working hours, any therapist
 * or room they name (default: the same therapist; the same room if free, else another). A client:
 * their own appointment, before the cancellation window, to a time offered online, with the same
 * therapist; a confirmed appointment of a request-mode service becomes a request again.
 */
export async function reschedule(
  context: ActionContext,
  row: AppointmentRow,
  input: RescheduleInput,
  clinic: ClinicInfo,
): Promise<void> {
  const now = context.now ?? Date.now();
  const isClient = context.scope.role === "client";
  if (row.status !== "requested" && row.status !== "confirmed") wrongStatus(row, "rescheduled");
  const channel: Channel = isClient ? "online" : "staff";
  if (isClient) {
    if (input.therapistId && input.therapistId !== row.therapistId) {
      throw badRequest("forbidden_change", "To see another therapist, cancel and book again.", "therapistId");
    }
    if (input.roomId) throw badRequest("forbidden_change", "Rooms are chosen by the clinic.", "roomId");
    const windowMs = clinic.policies.cancellationWindowHours * MS_PER_HOUR;
    if (
      row.startsAt.getTime() <= now ||
      (row.status === "confirmed" && row.startsAt.getTime() - now < windowMs)
    ) {
      throw conflict(
        "too_late",
        `Appointments can be moved online up to ${clinic.policies.cancellationWindowHours} hours before they start; please call the clinic.`,
      );
    }
  }
  const therapistId = input.therapistId ?? row.therapistId;
  const { service, candidates } = await planSlot(context.db, {
    clinicId: row.clinicId,
    serviceId: row.serviceId,
    start: input.start,
    therapistId,
    ...(input.roomId ? { roomId: input.roomId } : {}),
    preferRoomId: row.roomId,
    channel,
    now,
    excludeAppointmentId: row.id,
  });
  let status: Status = row.status;
  let requestExpiresAt = row.requestExpiresAt;
  if (isClient && (row.status === "requested" || service.bookingMode === "request")) {
    status = "requested";
    const expiry = now + clinic.policies.requestExpiryHours * MS_PER_HOUR;
    requestExpiresAt = new Date(Math.min(expiry, input.start));
  } else if (requestExpiresAt && requestExpiresAt.getTime() > input.start) {
    requestExpiresAt = new Date(input.start);
  }
  const end = input.start + service.durationMin * MS_PER_MINUTE;
  const blocksFrom = input.start - service.bufferBeforeMin * MS_PER_MINUTE;
  const blocksUntil = end + service.bufferAfterMin * MS_PER_MINUTE;
  let moved: { therapistId: string; roomId: string | null } | undefined;
  await withCandidates(
    context.db,
    row.clinicId,
    candidates,
    { start: blocksFrom, end: blocksUntil },
    context.publicUrl,
    (attempt) =>
      context.db.transaction(async (tx) => {
        const t = tx as unknown as Db;
        await lockCalendars(t, row.clinicId, attempt.therapistId, attempt.roomId);
        const updated = await t
          .update(appointments)
          .set({
            startsAt: new Date(input.start),
            endsAt: new Date(end),
            blocksFrom: new Date(blocksFrom),
            blocksUntil: new Date(blocksUntil),
            therapistId: attempt.therapistId,
            roomId: attempt.roomId,
            status,
            requestExpiresAt,
            statusReason: input.reason ?? null,
            updatedAt: new Date(now),
          })
          .where(
            and(
              eq(appointments.clinicId, row.clinicId),
              eq(appointments.id, row.id),
              eq(appointments.status, row.status),
            ),
          )
          .returning({ id: appointments.id });
        if (updated.length === 0) throw changedMeanwhile();
        moved = attempt;
        await cancelPendingReminders(t, row.clinicId, row.id);
        const facts = {
          ...messageFactsOf(row, context.publicUrl, input.reason),
          startsAt: input.start,
          endsAt: end,
          therapistName: candidates.names.get(attempt.therapistId) ?? row.therapistName,
        };
        await enqueueAppointmentMessage(t, "rescheduled", facts, now);
        await enqueueTimedMessages(t, facts, now, status === "confirmed");
      }),
  );
  if (!moved) throw slotTaken();
  await audit(context, row, "reschedule");
  if (row.startsAt.getTime() > now) await freeToWaitlist(context, row);
}

// ---- Propose another time.

/**
 * The desk cannot offer the requested time and proposes another: in one transaction the original
 * request is declined (reason kept, prefixed "Another time proposed") and a new request is created
 * for the same client and service at the proposed time (source `staff`), holding that slot until the
 * client accepts it (`POST /api/appointments/:id/accept`) or it expires after `requestExpiryHours`.
 */
export async function propose(
  context: ActionContext,
  row: AppointmentRow,
  input: { start: number; therapistId?: string; roomId?: string; reason: string },
): Promise<string> {
  const now = context.now ?? Date.now();
  if (row.status !== "requested") wrongStatus(row, "answered with another time");
  const clinic = await clinicById(context.db, row.clinicId);
  const reason = `Another time proposed: ${input.reason}`;
  const result = await book(context.db, {
    clinicId: row.clinicId,
    clientId: row.clientId,
    serviceId: row.serviceId,
    ...(input.therapistId ? { therapistId: input.therapistId } : { preferTherapistId: row.therapistId }),
    ...(input.roomId ? { roomId: input.roomId } : {}),
    start: input.start,
    note: row.clientNote,
    channel: "staff",
    source: "staff",
    createdBy: context.scope.userId,
    now,
    proposal: { expiresAt: now + clinic.policies.requestExpiryHours * MS_PER_HOUR },
    excludeAppointmentId: row.id,
    publicUrl: context.publicUrl,
    beforeInsert: async (tx) => {
      if (!(await setStatus(tx, row, ["requested"], "declined", reason, now))) throw changedMeanwhile();
      await cancelPendingReminders(tx, row.clinicId, row.id);
    },
  });
  await audit(context, row, "propose");
  return result.id;
}

/** Re-reads the row after a change, for the response. */
export async function reload(db: Db, row: AppointmentRow): Promise<AppointmentRow> {
  const fresh = await loadAppointment(db, row.clinicId, row.id);
  if (!fresh) throw changedMeanwhile();
  return fresh;
}
