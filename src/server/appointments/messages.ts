/**
 * E-mails about appointments (docs/product.md F8, docs/decisions/0017-notifications.md), written to the
 * outbox in the same transaction as the change that causes them, each with the instant it is due.
 * Dedupe keys make each exist at most once:
 * - `request_received:<id>`, `confirmed:<id>`, `declined:<id>`, `cancelled:<id>`, `no_show:<id>`,
 *   `request_expired:<id>`, `proposed:<id>`: once per appointment;
 * - `rescheduled:<id>:<new start>`, `reminder:<id>:<start>`, `second_reminder:<id>:<start>` and
 *   `intake_reminder:<id>:<start>`: once per appointment and time, so a moved appointment gets fresh
 *   reminders and the old ones are cancelled;
 * - `waitlist_offer:<entry id>:<slot start>`: once per waitlist entry and freed slot.
 * Bodies carry no health data (src/core/notify/templates.ts).
 */
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { appointmentToIcsEvent, buildCalendar } from "../../core/calendar/ics";
import type { MessageKind } from "../../core/notify/kinds";
import { type NotificationPolicies, notificationPoliciesOf } from "../../core/notify/policies";
import { renderMessage } from "../../core/notify/templates";
import { reminderDueAt } from "../../core/notify/timing";
import type { Db } from "../db/connect";
import { clinics, outboxMessages } from "../db/schema";
import { enqueueMessage, type OutgoingMessage } from "../notify/outbox";

export type AppointmentMessageKind = Extract<
  MessageKind,
  | "request_received"
  | "confirmed"
  | "declined"
  | "cancelled"
  | "no_show"
  | "request_expired"
  | "proposed"
  | "rescheduled"
  | "reminder"
  | "second_reminder"
  | "intake_reminder"
>;

export interface MessageFacts {
  clinicId: string;
  clinicName: string;
  /** The clinic's profile, for the e-mail's sign-off (docs/decisions/0025-clinic-profile.md). */
  clinicAddress: string | null;
  clinicPhone: string | null;
  timeZone: string;
  appointmentId: string;
  clientId?: string | null;
  clientEmail: string | null;
  clientFirstName: string;
  serviceName: string;
  therapistName: string;
  /** Epoch ms. */
  startsAt: number;
  /** Epoch ms; for the calendar attachment (default: an hour after the start). */
  endsAt?: number;
  firstVisit?: boolean;
  reason?: string | null;
  publicUrl: string;
  /** The clinic's notification settings; loaded when absent. */
  notifications?: NotificationPolicies;
}

/** Kinds that are timed before the appointment, cancelled when it is cancelled, moved when it moves. */
export const TIMED_APPOINTMENT_KINDS = ["reminder", "second_reminder", "intake_reminder"] as const;

function link(facts: MessageFacts): string {
  return `${facts.publicUrl.replace(/\/$/, "")}/portal/appointments/${facts.appointmentId}`;
}

function dedupeKey(kind: AppointmentMessageKind, facts: MessageFacts): string {
  if (kind === "rescheduled" || (TIMED_APPOINTMENT_KINDS as readonly string[]).includes(kind))
    return `${kind}:${facts.appointmentId}:${new Date(facts.startsAt).toISOString()}`;
  return `${kind}:${facts.appointmentId}`;
}

/** The invitation attached to confirmations and reschedules; its UID is the appointment's, so calendars update it. */
function invitation(facts: MessageFacts, now: number): string {
  const host = new URL(facts.publicUrl).hostname || "knotwork.invalid";
  return buildCalendar({
    name: facts.clinicName,
    method: "REQUEST",
    events: [
      appointmentToIcsEvent({
        uid: `appointment-${facts.appointmentId}@${host}`,
        start: facts.startsAt,
        end: facts.endsAt ?? facts.startsAt + 3_600_000,
        summary: `${facts.serviceName} at ${facts.clinicName}`,
        status: "CONFIRMED",
        // Seconds since the epoch at the change: a later change always has a higher SEQUENCE.
        sequence: Math.floor(now / 1000) - 1_700_000_000,
        dtstamp: now,
        url: link(facts),
        organizer: { email: `no-reply@${host}`, name: facts.clinicName },
      }),
    ],
  });
}

function dueOf(kind: AppointmentMessageKind, facts: MessageFacts, now: number): number | null {
  const policies = facts.notifications ?? notificationPoliciesOf({});
  switch (kind) {
    case "reminder":
      return reminderDueAt(facts.startsAt, policies.reminderLeadHours, facts.timeZone, policies, now);
    case "second_reminder":
      return policies.secondReminderLeadHours === null
        ? null
        : reminderDueAt(
            facts.startsAt,
            policies.secondReminderLeadHours,
            facts.timeZone,
            policies,
            now,
            kind,
          );
    case "intake_reminder":
      return facts.firstVisit
        ? reminderDueAt(facts.startsAt, policies.intakeReminderLeadHours, facts.timeZone, policies, now, kind)
        : null;
    default:
      return now;
  }
}

/** The outbox row for one message, or null when there is nothing to send (no address; a reminder due already). */
export function appointmentMessage(
  kind: AppointmentMessageKind,
  facts: MessageFacts,
  now = Date.now(),
): OutgoingMessage | null {
  if (!facts.clientEmail) return null;
  const due = dueOf(kind, facts, now);
  if (due === null) return null;
  const rendered = renderMessage(kind, {
    clinicName: facts.clinicName,
    clinicAddress: facts.clinicAddress,
    clinicPhone: facts.clinicPhone,
    timeZone: facts.timeZone,
    clientFirstName: facts.clientFirstName,
    serviceName: facts.serviceName,
    therapistName: facts.therapistName,
    startsAt: facts.startsAt,
    reason: facts.reason ?? null,
    link: link(facts),
  });
  return {
    clinicId: facts.clinicId,
    dedupeKey: dedupeKey(kind, facts),
    kind,
    to: facts.clientEmail,
    subject: rendered.subject,
    body: rendered.text,
    html: rendered.html,
    ics: kind === "confirmed" || kind === "rescheduled" ? invitation(facts, now) : null,
    appointmentId: facts.appointmentId,
    clientId: facts.clientId ?? null,
    sendAfter: new Date(due),
  };
}

/** The timed messages before a booked appointment: the reminder(s) and, for a first visit, the intake reminder. */
export function timedMessages(facts: MessageFacts, now: number, confirmed: boolean): OutgoingMessage[] {
  const kinds: AppointmentMessageKind[] = confirmed
    ? ["reminder", "second_reminder", "intake_reminder"]
    : ["intake_reminder"];
  return kinds.map((k) => appointmentMessage(k, facts, now)).filter((m): m is OutgoingMessage => m !== null);
}

async function withPolicies(db: Db, facts: MessageFacts): Promise<MessageFacts> {
  if (facts.notifications) return facts;
  const [clinic] = await db
    .select({ policies: clinics.policies })
    .from(clinics)
    .where(eq(clinics.id, facts.clinicId));
  return { ...facts, notifications: notificationPoliciesOf(clinic?.policies ?? {}) };
}

/** Enqueues one message (no-op without an e-mail address or when it exists already). */
export async function enqueueAppointmentMessage(
  db: Db,
  kind: AppointmentMessageKind,
  facts: MessageFacts,
  now = Date.now(),
): Promise<boolean> {
  const message = appointmentMessage(kind, await withPolicies(db, facts), now);
  return message ? enqueueMessage(db, message) : false;
}

/** Enqueues the reminders (and a first visit's intake reminder) of a booked or moved appointment. */
export async function enqueueTimedMessages(
  db: Db,
  facts: MessageFacts,
  now: number,
  confirmed: boolean,
): Promise<number> {
  let written = 0;
  for (const message of timedMessages(await withPolicies(db, facts), now, confirmed))
    if (await enqueueMessage(db, message)) written++;
  return written;
}

/** Cancels this appointment's pending reminders (it was cancelled, declined, moved or missed). */
export async function cancelPendingReminders(
  db: Db,
  clinicId: string,
  appointmentId: string,
  reason = "appointment changed",
): Promise<number> {
  const cancelled = await db
    .update(outboxMessages)
    .set({ cancelledAt: sql`now()`, cancelReason: reason })
    .where(
      and(
        eq(outboxMessages.clinicId, clinicId),
        or(
          and(
            eq(outboxMessages.appointmentId, appointmentId),
            inArray(outboxMessages.kind, [...TIMED_APPOINTMENT_KINDS]),
          ),
          // Rows written before the appointment_id column existed.
          sql`${outboxMessages.dedupeKey} LIKE ${`reminder:${appointmentId}:%`}`,
        ),
        isNull(outboxMessages.sentAt),
        isNull(outboxMessages.cancelledAt),
      ),
    )
    .returning({ id: outboxMessages.id });
  return cancelled.length;
}

export interface WaitlistOfferFacts {
  clinicId: string;
  clinicName: string;
  /** The clinic's profile, for the same sign-off as every other message. */
  clinicAddress: string | null;
  clinicPhone: string | null;
  timeZone: string;
  entryId: string;
  clientId?: string | null;
  clientEmail: string | null;
  clientFirstName: string;
  serviceName: string;
  therapistName: string;
  startsAt: number;
  bookUrl: string;
}

/** Offers a freed slot; the first to book it through the normal booking path wins. */
export async function enqueueWaitlistOffer(db: Db, facts: WaitlistOfferFacts): Promise<boolean> {
  if (!facts.clientEmail) return false;
  const rendered = renderMessage("waitlist_offer", {
    clinicName: facts.clinicName,
    clinicAddress: facts.clinicAddress,
    clinicPhone: facts.clinicPhone,
    timeZone: facts.timeZone,
    clientFirstName: facts.clientFirstName,
    serviceName: facts.serviceName,
    therapistName: facts.therapistName,
    startsAt: facts.startsAt,
    link: facts.bookUrl,
  });
  return enqueueMessage(db, {
    clinicId: facts.clinicId,
    dedupeKey: `waitlist_offer:${facts.entryId}:${new Date(facts.startsAt).toISOString()}`,
    kind: "waitlist_offer",
    to: facts.clientEmail,
    subject: rendered.subject,
    body: rendered.text,
    html: rendered.html,
    clientId: facts.clientId ?? null,
  });
}
