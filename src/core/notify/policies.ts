/**
 * Notification settings of a clinic (a grouped block of ClinicPolicies, docs/decisions/0017-notifications.md).
 * Kept in core so the API contract, the server and the web app share one default.
 */
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
}

export const DEFAULT_NOTIFICATION_POLICIES: NotificationPolicies = {
  reminderLeadHours: 24,
  secondReminderLeadHours: null,
  intakeReminderLeadHours: 48,
  quietHoursStart: "21:00",
  quietHoursEnd: "08:00",
  checkInLocalTime: "10:00",
};

/** A clinic's block, with defaults for clinics whose policies were stored before the block existed. */
export function notificationPoliciesOf(policies: { notifications?: Partial<NotificationPolicies> | null }) {
  return { ...DEFAULT_NOTIFICATION_POLICIES, ...(policies.notifications ?? {}) };
}
