/**
 * Timed follow-up after a session (F8): aftercare, the next-day soreness check-in, the plan follow-up
 * and the maintenance recall. Each is an outbox row with its due instant, written with the caller's
 * transaction (pass the `tx`), deduplicated per appointment (or plan session) and kind.
 *
 * Wiring: aftercare and the check-in are enqueued when an appointment is marked completed
 * (src/server/appointments/transitions.ts markOutcome). The plan follow-up and the recall belong to
 * treatment plans; call them from there (docs/decisions/0017-notifications.md lists how).
 */
import { and, eq, gt, inArray, isNull, ne, sql } from "drizzle-orm";
import type { MessageKind } from "../../core/notify/kinds";
import { notificationPoliciesOf } from "../../core/notify/policies";
import { renderMessage } from "../../core/notify/templates";
import { checkInDueAt, dueAt, recallDueAt } from "../../core/notify/timing";
import type { Db } from "../db/connect";
import { appointments, clients, clinics, outboxMessages } from "../db/schema";
import { enqueueMessage } from "./outbox";

export interface VisitFacts {
  clinicId: string;
  clientId: string;
  /** The completed appointment. */
  appointmentId: string;
  /** Epoch ms the session ended. */
  endedAt: number;
  publicUrl: string;
}

interface Recipient {
  email: string | null;
  firstName: string;
  clinicName: string;
  clinicAddress: string | null;
  clinicPhone: string | null;
  timeZone: string;
  slug: string;
  policies: Parameters<typeof notificationPoliciesOf>[0];
}

async function recipientOf(db: Db, clinicId: string, clientId: string): Promise<Recipient | null> {
  const [row] = await db
    .select({
      email: clients.email,
      firstName: clients.firstName,
      clinicName: clinics.name,
      clinicAddress: clinics.address,
      clinicPhone: clinics.phone,
      timeZone: clinics.timeZone,
      slug: clinics.slug,
      policies: clinics.policies,
    })
    .from(clients)
    .innerJoin(clinics, eq(clinics.id, clients.clinicId))
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  return row ?? null;
}

function base(publicUrl: string): string {
  return publicUrl.replace(/\/$/, "");
}

async function enqueueFollowUp(
  db: Db,
  kind: MessageKind,
  input: {
    clinicId: string;
    clientId: string;
    appointmentId: string | null;
    dedupeKey: string;
    /** Due instant before quiet hours; a function of the recipient's clinic (zone, policies). */
    due: (r: Recipient) => number;
    link: (r: Recipient) => string;
  },
): Promise<boolean> {
  const r = await recipientOf(db, input.clinicId, input.clientId);
  if (!r?.email) return false;
  const rendered = renderMessage(kind, {
    clinicName: r.clinicName,
    clinicAddress: r.clinicAddress,
    clinicPhone: r.clinicPhone,
    timeZone: r.timeZone,
    clientFirstName: r.firstName,
    link: input.link(r),
  });
  return enqueueMessage(db, {
    clinicId: input.clinicId,
    clientId: input.clientId,
    appointmentId: input.appointmentId,
    dedupeKey: input.dedupeKey,
    kind,
    to: r.email,
    subject: rendered.subject,
    body: rendered.text,
    html: rendered.html,
    sendAfter: new Date(input.due(r)),
  });
}

/** Aftercare for a completed session: due now, or when the clinic's quiet hours end. Once per appointment. */
export function scheduleAftercare(db: Db, visit: VisitFacts, now = Date.now()): Promise<boolean> {
  return enqueueFollowUp(db, "aftercare", {
    ...visit,
    dedupeKey: `aftercare:${visit.appointmentId}`,
    due: (r) =>
      dueAt("aftercare", Math.max(now, visit.endedAt), r.timeZone, notificationPoliciesOf(r.policies)),
    link: () => `${base(visit.publicUrl)}/portal`,
  });
}

/** The soreness check-in: the local day after the session at the clinic's check-in time. Once per appointment. */
export function scheduleCheckIn(db: Db, visit: VisitFacts): Promise<boolean> {
  return enqueueFollowUp(db, "check_in", {
    ...visit,
    dedupeKey: `check_in:${visit.appointmentId}`,
    due: (r) => checkInDueAt(visit.endedAt, r.timeZone, notificationPoliciesOf(r.policies)),
    link: () => `${base(visit.publicUrl)}/portal`,
  });
}

export interface PlanFollowUpFacts {
  clinicId: string;
  clientId: string;
  /** The plan and which of its sessions is not booked: one follow-up per plan session. */
  planId: string;
  sessionNumber: number;
  /** Epoch ms when the follow-up is due (e.g. when the planned session should have been booked by). */
  dueAt: number;
  publicUrl: string;
}

/**
 * A reminder to book a planned session that is not booked yet. At send time it is cancelled if the
 * client has any upcoming appointment by then (see preflight.ts). Once per plan and session number.
 */
export function schedulePlanFollowUp(db: Db, facts: PlanFollowUpFacts): Promise<boolean> {
  return enqueueFollowUp(db, "plan_follow_up", {
    clinicId: facts.clinicId,
    clientId: facts.clientId,
    appointmentId: null,
    dedupeKey: `plan_follow_up:${facts.planId}:${facts.sessionNumber}`,
    due: (r) => dueAt("plan_follow_up", facts.dueAt, r.timeZone, notificationPoliciesOf(r.policies)),
    link: (r) => `${base(facts.publicUrl)}/book/${r.slug}`,
  });
}

export interface RecallFacts {
  clinicId: string;
  clientId: string;
  /** The last session (completed appointment) of the plan; the recall counts from its start. */
  lastAppointmentId: string;
  lastSessionAt: number;
  /** The plan's maintenance interval (the clinic's default: policies.maintenanceIntervalWeeks). */
  intervalWeeks: number;
  publicUrl: string;
}

/**
 * The maintenance recall `intervalWeeks` after the last session, at the clinic's check-in time on that
 * local day. Earlier pending recalls of the client are cancelled (the latest session counts), and at
 * send time it is cancelled if the client has an upcoming appointment. Once per last session.
 */
export async function scheduleRecall(db: Db, facts: RecallFacts): Promise<boolean> {
  const dedupeKey = `recall:${facts.lastAppointmentId}`;
  await cancelPendingFollowUps(db, facts.clinicId, facts.clientId, ["recall"], "a later session", dedupeKey);
  return enqueueFollowUp(db, "recall", {
    clinicId: facts.clinicId,
    clientId: facts.clientId,
    appointmentId: facts.lastAppointmentId,
    dedupeKey,
    due: (r) =>
      recallDueAt(facts.lastSessionAt, facts.intervalWeeks, r.timeZone, notificationPoliciesOf(r.policies)),
    link: (r) => `${base(facts.publicUrl)}/book/${r.slug}`,
  });
}

/** Cancels a client's pending follow-ups of these kinds (a plan ended or changed, a session was booked). */
export async function cancelPendingFollowUps(
  db: Db,
  clinicId: string,
  clientId: string,
  kinds: readonly MessageKind[] = ["plan_follow_up", "recall"],
  reason = "no longer needed",
  exceptDedupeKey?: string,
): Promise<number> {
  const cancelled = await db
    .update(outboxMessages)
    .set({ cancelledAt: sql`now()`, cancelReason: reason })
    .where(
      and(
        eq(outboxMessages.clinicId, clinicId),
        eq(outboxMessages.clientId, clientId),
        inArray(outboxMessages.kind, [...kinds]),
        isNull(outboxMessages.sentAt),
        isNull(outboxMessages.cancelledAt),
        isNull(outboxMessages.deadAt),
        exceptDedupeKey ? ne(outboxMessages.dedupeKey, exceptDedupeKey) : undefined,
      ),
    )
    .returning({ id: outboxMessages.id });
  return cancelled.length;
}

/** Whether the client has a requested or confirmed appointment starting after `now`. */
export async function hasUpcomingAppointment(db: Db, clinicId: string, clientId: string, now: Date) {
  const [row] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        eq(appointments.clientId, clientId),
        inArray(appointments.status, ["requested", "confirmed"]),
        gt(appointments.startsAt, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}
