/**
 * Kinds of message and the consent category each belongs to. Transactional messages (the answer to
 * something the client or the clinic did) always go; the client may turn off the other categories.
 */
export const MESSAGE_KINDS = [
  "request_received",
  "confirmed",
  "declined",
  "proposed",
  "rescheduled",
  "cancelled",
  "no_show",
  "request_expired",
  "reminder",
  "second_reminder",
  "intake_reminder",
  "aftercare",
  "check_in",
  "plan_follow_up",
  "recall",
  "waitlist_offer",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** What a client can turn off (RFC 8058 one-click unsubscribe names one of these). */
export const CONTACT_TOPICS = ["reminders", "recalls", "check_ins"] as const;
export type ContactTopic = (typeof CONTACT_TOPICS)[number];

export type MessageCategory = "transactional" | ContactTopic;

const CATEGORY: Partial<Record<string, ContactTopic>> = {
  reminder: "reminders",
  second_reminder: "reminders",
  recall: "recalls",
  plan_follow_up: "recalls",
  check_in: "check_ins",
};

/** The consent category of a kind; unknown kinds (sign-up e-mails, invitations) are transactional. */
export function categoryOf(kind: string): MessageCategory {
  return CATEGORY[kind] ?? "transactional";
}

/** Timed messages that may wait for the end of quiet hours; answers to an action go at once. */
const NON_URGENT: ReadonlySet<string> = new Set([
  "reminder",
  "second_reminder",
  "intake_reminder",
  "aftercare",
  "check_in",
  "plan_follow_up",
  "recall",
]);

export function isUrgent(kind: string): boolean {
  return !NON_URGENT.has(kind);
}

export const KIND_LABELS: Record<MessageKind, string> = {
  request_received: "Request received",
  confirmed: "Confirmed",
  declined: "Declined",
  proposed: "Another time proposed",
  rescheduled: "Rescheduled",
  cancelled: "Cancelled",
  no_show: "Missed appointment",
  request_expired: "Request expired",
  reminder: "Reminder",
  second_reminder: "Second reminder",
  intake_reminder: "Intake reminder",
  aftercare: "Aftercare",
  check_in: "Soreness check-in",
  plan_follow_up: "Plan follow-up",
  recall: "Maintenance recall",
  waitlist_offer: "Waitlist offer",
};

export const TOPIC_LABELS: Record<ContactTopic, string> = {
  reminders: "Appointment reminders",
  recalls: "Follow-up and maintenance recalls",
  check_ins: "Check-ins after a session",
};
