/**
 * When timed messages are due. Every instant is epoch milliseconds; leads before an appointment are
 * REAL hours (a 24 h reminder for the morning after a DST change is 24 elapsed hours before, so 23 or
 * 25 hours by the wall clock), while "the next day at 10:00" and quiet hours are read on the clinic's
 * wall clock.
 */
import { parseLocalTimeOrThrow } from "../scheduling/civil";
import { firstInstantAtOrAfterWallClock, instantToLocal, localDayNumberOf } from "../scheduling/zone";
import { isUrgent } from "./kinds";
import type { NotificationPolicies } from "./policies";

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

function minuteOfDayIn(instant: number, zone: string): number {
  return parseLocalTimeOrThrow(instantToLocal(instant, zone).time);
}

/** The first instant on local day `dayNumber` when the clock reads `time` (after a gap, its end). */
export function instantAtLocalTime(dayNumber: number, time: string, zone: string): number {
  return firstInstantAtOrAfterWallClock(
    dayNumber * MS_PER_DAY + parseLocalTimeOrThrow(time) * MS_PER_MINUTE,
    zone,
  );
}

/** Whether the clinic's clock at `instant` is inside quiet hours (start inclusive, end exclusive; may span midnight). */
export function inQuietHours(instant: number, zone: string, quiet: { start: string; end: string }): boolean {
  const minute = minuteOfDayIn(instant, zone);
  const start = parseLocalTimeOrThrow(quiet.start);
  const end = parseLocalTimeOrThrow(quiet.end);
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * Moves a non-urgent message out of quiet hours: to the moment they end. When that would be at or after
 * `latest` (a reminder for an early appointment), it goes just before quiet hours began instead, so it
 * still comes before the appointment.
 */
export function outsideQuietHours(
  instant: number,
  zone: string,
  quiet: { start: string; end: string },
  latest?: number,
): number {
  if (!inQuietHours(instant, zone, quiet)) return instant;
  const day = localDayNumberOf(instant, zone);
  const endMinute = parseLocalTimeOrThrow(quiet.end);
  const onEndDay = minuteOfDayIn(instant, zone) < endMinute ? day : day + 1;
  const after = instantAtLocalTime(onEndDay, quiet.end, zone);
  if (latest === undefined || after < latest) return after;
  const startDay = minuteOfDayIn(instant, zone) >= parseLocalTimeOrThrow(quiet.start) ? day : day - 1;
  return instantAtLocalTime(startDay, quiet.start, zone) - MS_PER_MINUTE;
}

function quietOf(policies: NotificationPolicies) {
  return { start: policies.quietHoursStart, end: policies.quietHoursEnd };
}

/** Applies quiet hours to `instant` for `kind` (urgent kinds are never delayed). */
export function dueAt(
  kind: string,
  instant: number,
  zone: string,
  policies: NotificationPolicies,
  latest?: number,
): number {
  return isUrgent(kind) ? instant : outsideQuietHours(instant, zone, quietOf(policies), latest);
}

/**
 * When a reminder `leadHours` real hours before `startsAt` is due, or null when that is already past
 * (booked at short notice: the confirmation is reminder enough).
 */
export function reminderDueAt(
  startsAt: number,
  leadHours: number,
  zone: string,
  policies: NotificationPolicies,
  now: number,
  kind = "reminder",
): number | null {
  const at = dueAt(kind, startsAt - leadHours * MS_PER_HOUR, zone, policies, startsAt);
  return at > now ? at : null;
}

/** The soreness check-in: the local day after the session, at `checkInLocalTime`. */
export function checkInDueAt(sessionEndsAt: number, zone: string, policies: NotificationPolicies): number {
  const day = localDayNumberOf(sessionEndsAt, zone) + 1;
  return dueAt("check_in", instantAtLocalTime(day, policies.checkInLocalTime, zone), zone, policies);
}

/**
 * A maintenance recall `intervalWeeks` after the last session, on the same local calendar day of
 * the week, at `checkInLocalTime` (a wall-clock date: DST in between does not move it to 09:00 or 11:00).
 */
export function recallDueAt(
  lastSessionAt: number,
  intervalWeeks: number,
  zone: string,
  policies: NotificationPolicies,
): number {
  const day = localDayNumberOf(lastSessionAt, zone) + intervalWeeks * 7;
  return dueAt("recall", instantAtLocalTime(day, policies.checkInLocalTime, zone), zone, policies);
}
