/**
 * Notification settings of a clinic (a grouped block of ClinicPolicies, docs/decisions/0017-notifications.md).
 * Kept in core so the API contract, the server and the web app share one default.
 */

/**
 * Kinds a clinic may turn off for everyone (a clinic that does no follow-up, or no reminders).
 * Answers to an action (confirmed, cancelled, …) and waitlist offers always go.
 */
export const OPTIONAL_KINDS = [
  "reminder",
  "intake_reminder",
  "aftercare",
  "check_in",
  "plan_follow_up",
  "recall",
] as const;
export type OptionalKind = (typeof OPTIONAL_KINDS)[number];

export interface NotificationPolicies {
  /** Hours before the start the reminder is due (real hours, so DST never shifts it). */
  reminderLeadHours: number;
  /** A second reminder this many hours before the start; null: none. */
  secondReminderLeadHours: number | null;
  /** First visits: hours before the start to remind a client whose intake or consent is still missing. */
  intakeReminderLeadHours: number;
  /** Quiet hours in the clinic's zone ("HH:MM"); non-urgent messages wait until they end. */
  quietHoursStart: string;
  quietHoursEnd: string;
  /** Local time of day, on the day after a session, of the soreness check-in ("HH:MM"). */
  checkInLocalTime: string;
  /** Optional kinds the clinic does not send (empty: all on). "reminder" covers the second one too. */
  turnedOff: OptionalKind[];
}

export const DEFAULT_NOTIFICATION_POLICIES: NotificationPolicies = {
  reminderLeadHours: 24,
  secondReminderLeadHours: null,
  intakeReminderLeadHours: 48,
  quietHoursStart: "21:00",
  quietHoursEnd: "08:00",
  checkInLocalTime: "10:00",
  turnedOff: [],
};

/** A clinic's block, with defaults for clinics whose policies were stored before the block existed. */
export function notificationPoliciesOf(policies: {
  notifications?: Partial<NotificationPolicies> | null;
}): NotificationPolicies {
  return { ...DEFAULT_NOTIFICATION_POLICIES, ...(policies.notifications ?? {}) };
}

/** Whether the clinic turned a message kind off (decided when it is due, so turning off also stops queued ones). */
export function isTurnedOffByClinic(
  kind: string,
  policies: Pick<NotificationPolicies, "turnedOff">,
): boolean {
  const base = kind === "second_reminder" ? "reminder" : kind;
  return (policies.turnedOff as readonly string[]).includes(base);
}

/**
 * The rule across fields of the block (each field's own range is in the API schema): the second
 * reminder comes closer to the appointment than the first. (Quiet hours that start when they end are
 * valid: no quiet hours.) Returns the offending field and why, or null.
 */
export function secondReminderProblem(
  p: Pick<NotificationPolicies, "reminderLeadHours" | "secondReminderLeadHours">,
): string | null {
  return p.secondReminderLeadHours !== null && p.secondReminderLeadHours >= p.reminderLeadHours
    ? "The second reminder must come closer to the appointment than the first."
    : null;
}
