/**
 * Text and HTML bodies of every message, with the clinic's name. No health details: a message names
 * the service, the time, the therapist, the clinic and a link, never anything from the intake, the
 * screening or the chart (those stay behind the sign-in the link leads to).
 */
import { formatSlotInZone } from "../scheduling/format";
import type { MessageKind } from "./kinds";

export interface TemplateFacts {
  clinicName: string;
  /**
   * The clinic's address and phone from its profile, signed under the name when known. Required
   * (null when the profile has none), so no caller can forget the footer: every kind carries it.
   */
  clinicAddress: string | null;
  clinicPhone: string | null;
  timeZone: string;
  clientFirstName: string;
  serviceName?: string;
  therapistName?: string;
  /** Epoch ms of the appointment (or of the freed slot, for a waitlist offer). */
  startsAt?: number;
  /** Said by whoever declined, cancelled or moved; typed by a person, shown as written. */
  reason?: string | null;
  /** Where the message's button leads (the appointment, the booking page, the portal). */
  link: string;
  /** An unsubscribe link, for messages the client may turn off. */
  unsubscribeUrl?: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

interface Parts {
  subject: string;
  /** Paragraphs of plain text. */
  paragraphs: string[];
  action: string;
}

function when(f: TemplateFacts): string {
  return f.startsAt === undefined ? "" : formatSlotInZone(f.startsAt, f.timeZone);
}

function what(f: TemplateFacts): string {
  const service = f.serviceName ?? "Your appointment";
  const therapist = f.therapistName ? ` with ${f.therapistName}` : "";
  return `${service}${therapist} on ${when(f)}`;
}

function parts(kind: MessageKind, f: TemplateFacts): Parts {
  const because = f.reason ? [`Reason: ${f.reason}`] : [];
  switch (kind) {
    case "request_received":
      return {
        subject: `Request received: ${when(f)}`,
        paragraphs: [
          `We received your request for ${what(f)}. The time is held for you while we review it; we will write again when it is confirmed.`,
        ],
        action: "See your request",
      };
    case "confirmed":
      return {
        subject: `Confirmed: ${when(f)}`,
        paragraphs: [
          `Your appointment is confirmed: ${what(f)}. The attached invitation adds it to your calendar.`,
        ],
        action: "See your appointment",
      };
    case "declined":
      return {
        subject: `We could not confirm ${when(f)}`,
        paragraphs: [`We are sorry: we cannot offer ${what(f)}.`, ...because, "Please choose another time."],
        action: "Choose another time",
      };
    case "proposed":
      return {
        subject: `A new time for you: ${when(f)}`,
        paragraphs: [
          `We cannot offer the time you asked for, and propose ${what(f)} instead.`,
          ...because,
          "Accept or cancel it from the link below; we hold it for you until then.",
        ],
        action: "Accept or cancel",
      };
    case "rescheduled":
      return {
        subject: `Moved: now ${when(f)}`,
        paragraphs: [
          `Your appointment has moved: ${what(f)}.`,
          ...because,
          "The attached invitation updates your calendar.",
        ],
        action: "See your appointment",
      };
    case "cancelled":
      return {
        subject: `Cancelled: ${when(f)}`,
        paragraphs: [`Your appointment (${what(f)}) is cancelled.`, ...because],
        action: "Book another time",
      };
    case "no_show":
      return {
        subject: `We missed you on ${when(f)}`,
        paragraphs: [`We missed you at ${what(f)}. Please get in touch to book another time.`],
        action: "Book another time",
      };
    case "request_expired":
      return {
        subject: `Your request for ${when(f)} expired`,
        paragraphs: [
          `We could not confirm your request for ${what(f)} in time, so the slot has been released. Please choose another time.`,
        ],
        action: "Choose another time",
      };
    case "reminder":
    case "second_reminder":
      return {
        subject: `Reminder: ${when(f)}`,
        paragraphs: [
          `A reminder of your appointment: ${what(f)}.`,
          "Drink some water beforehand and tell your therapist when pressure is too much.",
        ],
        action: "See your appointment",
      };
    case "intake_reminder":
      return {
        subject: `Before your first visit on ${when(f)}`,
        paragraphs: [
          `Your first visit is ${what(f)}. Your intake form or consent is not complete yet: please finish it before you come, so your session can start on time.`,
        ],
        action: "Complete your intake",
      };
    case "aftercare":
      return {
        subject: `After your session at ${f.clinicName}`,
        paragraphs: [
          "Thank you for your visit today. Your home-care notes are in your portal.",
          "Some tenderness for a day or two is common after trigger point work; drink water and keep moving gently.",
        ],
        action: "Open your home-care notes",
      };
    case "check_in":
      return {
        subject: "How are you feeling today?",
        paragraphs: [
          "It is the day after your session. If you like, note how you feel in your portal; your therapist will see it before your next visit.",
        ],
        action: "Add a note",
      };
    case "plan_follow_up":
      return {
        subject: "Your next session is not booked yet",
        paragraphs: [
          "Your plan has a session that is not booked yet. Choose a time that suits you from the link below.",
        ],
        action: "Book your next session",
      };
    case "recall":
      return {
        subject: `Time for a maintenance visit at ${f.clinicName}`,
        paragraphs: [
          "It has been a while since your last session. A maintenance visit helps keep the gains you made; book one when it suits you.",
        ],
        action: "Book a visit",
      };
    case "waitlist_offer":
      return {
        subject: `A time opened up: ${when(f)}`,
        paragraphs: [
          `You asked to hear about earlier times. ${what(f)} has just become free. It is first come, first served: book it if it suits you.`,
        ],
        action: "Book this time",
      };
  }
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** The sign-off: the clinic's name, then its address (on one line) and phone when the profile has them. */
export function clinicSignature(
  facts: Pick<TemplateFacts, "clinicName" | "clinicAddress" | "clinicPhone">,
): string[] {
  const address = facts.clinicAddress
    ?.split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(", ");
  return [facts.clinicName, address, facts.clinicPhone ?? undefined].filter((line): line is string =>
    Boolean(line),
  );
}

/** Renders one message: the same words as plain text and as simple, inline-styled HTML. */
export function renderMessage(kind: MessageKind, facts: TemplateFacts): RenderedMessage {
  const p = parts(kind, facts);
  const hello = `Hello ${facts.clientFirstName},`;
  const footer = facts.unsubscribeUrl
    ? `You receive this because you are a client of ${facts.clinicName}. Turn these off: ${facts.unsubscribeUrl}`
    : null;
  const text = [
    hello,
    ...p.paragraphs,
    `${p.action}: ${facts.link}`,
    clinicSignature(facts).join("\n"),
    ...(footer ? [footer] : []),
  ].join("\n\n");
  const e = escapeHtml;
  const html = [
    "<!doctype html>",
    `<html lang="en"><body style="font-family:system-ui,sans-serif;color:#1f2933;line-height:1.5">`,
    `<p>${e(hello)}</p>`,
    ...p.paragraphs.map((para) => `<p>${e(para)}</p>`),
    `<p><a href="${e(facts.link)}" style="color:#0b5cad">${e(p.action)}</a></p>`,
    `<p>${clinicSignature(facts).map(e).join("<br>")}</p>`,
    ...(facts.unsubscribeUrl
      ? [
          `<p style="font-size:12px;color:#52606d">You receive this because you are a client of ${e(facts.clinicName)}. <a href="${e(facts.unsubscribeUrl)}">Turn these messages off</a>.</p>`,
        ]
      : []),
    "</body></html>",
  ].join("\n");
  return { subject: p.subject, text, html };
}
