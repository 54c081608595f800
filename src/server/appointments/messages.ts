/**
 * E-mails about appointments (docs/product.md F8), written to the outbox in the same transaction as the
 * change that causes them. Dedupe keys make each exist at most once:
 * - `request_received:<id>`, `confirmed:<id>`, `declined:<id>`, `cancelled:<id>`, `no_show:<id>`,
 *   `request_expired:<id>`, `proposed:<id>`: once per appointment;
 * - `rescheduled:<id>:<new start>` and `reminder:<id>:<start>`: once per appointment and time, so a
 *   moved appointment gets a fresh reminder and the old one is cancelled;
 * - `waitlist_offer:<entry id>:<slot start>`: once per waitlist entry and freed slot.
 * Bodies carry no health data: service, time, therapist, clinic and a link, nothing from the intake.
 */
import { and, eq, isNull, like, sql } from "drizzle-orm";
import { formatSlotInZone } from "../../core/scheduling";
import type { Db } from "../db/connect";
import { outboxMessages } from "../db/schema";
import { enqueueMessage, type OutgoingMessage } from "../notify/outbox";

export type AppointmentMessageKind =
  | "request_received"
  | "confirmed"
  | "declined"
  | "cancelled"
  | "no_show"
  | "request_expired"
  | "proposed"
  | "rescheduled"
  | "reminder";

export interface MessageFacts {
  clinicId: string;
  clinicName: string;
  timeZone: string;
  appointmentId: string;
  clientEmail: string | null;
  clientFirstName: string;
  serviceName: string;
  therapistName: string;
  /** Epoch ms. */
  startsAt: number;
  reason?: string | null;
  publicUrl: string;
}

const REMINDER_LEAD_MS = 24 * 3_600_000;

function when(facts: MessageFacts): string {
  return formatSlotInZone(facts.startsAt, facts.timeZone);
}

function link(facts: MessageFacts): string {
  return `${facts.publicUrl.replace(/\/$/, "")}/portal/appointments/${facts.appointmentId}`;
}

function text(kind: AppointmentMessageKind, facts: MessageFacts): { subject: string; body: string } {
  const what = `${facts.serviceName} with ${facts.therapistName} on ${when(facts)}`;
  const hello = `Hello ${facts.clientFirstName},`;
  const sign = `\n\n${facts.clinicName}\n${link(facts)}`;
  const because = facts.reason ? `\n\nReason: ${facts.reason}` : "";
  switch (kind) {
    case "request_received":
      return {
        subject: `Request received: ${when(facts)}`,
        body: `${hello}\n\nWe received your request for ${what}. The time is held for you while we review it; we will write again when it is confirmed.${sign}`,
      };
    case "confirmed":
      return {
        subject: `Confirmed: ${when(facts)}`,
        body: `${hello}\n\nYour appointment is confirmed: ${what}. Add it to your calendar from the link below.${sign}`,
      };
    case "declined":
      return {
        subject: `We could not confirm ${when(facts)}`,
        body: `${hello}\n\nWe are sorry: we cannot offer ${what}.${because}\n\nPlease choose another time.${sign}`,
      };
    case "cancelled":
      return {
        subject: `Cancelled: ${when(facts)}`,
        body: `${hello}\n\nYour appointment (${what}) is cancelled.${because}${sign}`,
      };
    case "no_show":
      return {
        subject: `We missed you on ${when(facts)}`,
        body: `${hello}\n\nWe missed you at ${what}. Please get in touch to book another time.${sign}`,
      };
    case "request_expired":
      return {
        subject: `Your request for ${when(facts)} expired`,
        body: `${hello}\n\nWe could not confirm your request for ${what} in time, so the slot has been released. Please choose another time.${sign}`,
      };
    case "proposed":
      return {
        subject: `A new time for you: ${when(facts)}`,
        body: `${hello}\n\nWe cannot offer the time you asked for, and propose ${what} instead.${because}\n\nAccept or cancel it from the link below; we hold it for you until then.${sign}`,
      };
    case "rescheduled":
      return {
        subject: `Moved: now ${when(facts)}`,
        body: `${hello}\n\nYour appointment has moved: ${what}.${because}${sign}`,
      };
    case "reminder":
      return {
        subject: `Reminder: ${when(facts)}`,
        body: `${hello}\n\nA reminder of your appointment: ${what}. Drink some water beforehand and tell your therapist when pressure is too much.${sign}`,
      };
  }
}

function dedupeKey(kind: AppointmentMessageKind, facts: MessageFacts): string {
  if (kind === "reminder" || kind === "rescheduled")
    return `${kind}:${facts.appointmentId}:${new Date(facts.startsAt).toISOString()}`;
  return `${kind}:${facts.appointmentId}`;
}

/** The outbox row for one message, or null when there is nothing to send (no address; a reminder due already). */
export function appointmentMessage(
  kind: AppointmentMessageKind,
  facts: MessageFacts,
  now = Date.now(),
): OutgoingMessage | null {
  if (!facts.clientEmail) return null;
  let sendAfter: Date | undefined;
  if (kind === "reminder") {
    const at = facts.startsAt - REMINDER_LEAD_MS;
    // Booked less than a day ahead: the confirmation is reminder enough.
    if (at <= now) return null;
    sendAfter = new Date(at);
  }
  const { subject, body } = text(kind, facts);
  return {
    clinicId: facts.clinicId,
    dedupeKey: dedupeKey(kind, facts),
    kind,
    to: facts.clientEmail,
    subject,
    body,
    ...(sendAfter ? { sendAfter } : {}),
  };
}

/** Enqueues one message (no-op without an e-mail address or when it exists already). */
export async function enqueueAppointmentMessage(
  db: Db,
  kind: AppointmentMessageKind,
  facts: MessageFacts,
  now = Date.now(),
): Promise<boolean> {
  const message = appointmentMessage(kind, facts, now);
  return message ? enqueueMessage(db, message) : false;
}

/** Cancels this appointment's pending reminders (it was cancelled, declined, moved or missed). */
export async function cancelPendingReminders(
  db: Db,
  clinicId: string,
  appointmentId: string,
): Promise<number> {
  const cancelled = await db
    .update(outboxMessages)
    .set({ cancelledAt: sql`now()` })
    .where(
      and(
        eq(outboxMessages.clinicId, clinicId),
        like(outboxMessages.dedupeKey, `reminder:${appointmentId}:%`),
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
  timeZone: string;
  entryId: string;
  clientEmail: string | null;
  clientFirstName: string;
  serviceName: string;
  therapistName: string;
  startsAt: number;
  bookUrl: string;
}

export async function enqueueWaitlistOffer(db: Db, facts: WaitlistOfferFacts): Promise<boolean> {
  if (!facts.clientEmail) return false;
  const at = formatSlotInZone(facts.startsAt, facts.timeZone);
  return enqueueMessage(db, {
    clinicId: facts.clinicId,
    dedupeKey: `waitlist_offer:${facts.entryId}:${new Date(facts.startsAt).toISOString()}`,
    kind: "waitlist_offer",
    to: facts.clientEmail,
    subject: `A time opened up: ${at}`,
    body: `Hello ${facts.clientFirstName},\n\nYou asked to hear about earlier times. ${facts.serviceName} with ${facts.therapistName} on ${at} has just become free. It is first come, first served: book it here if it suits you.\n\n${facts.clinicName}\n${facts.bookUrl}`,
  });
}
