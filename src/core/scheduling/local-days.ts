/**
 * Local calendar days of a zone as instant spans, computed once per day so the engine can turn
 * "09:00 on this day" into an instant with plain arithmetic instead of Intl calls.
 *
 * A local day runs from the first instant its clock reads 00:00 (or later) to the first instant the
 * next day's does, so DST days last 23 or 25 hours (see zone.ts for the gap/ambiguity rule).
 */

import { MS_PER_DAY, MS_PER_MINUTE, type Weekday, weekdayOfDay } from "./civil";
import { firstInstantAtOrAfterWallClock, hasTransitionBetween, localDayNumberOf, zoneOffsetMs } from "./zone";

export interface LocalDay {
  /** Days since 1970-01-01 on the local calendar. */
  readonly dayNumber: number;
  readonly weekday: Weekday;
  /** The day's midnight written as if it were UTC: wall-clock arithmetic starts here. */
  readonly wallStart: number;
  /** First instant of the day. */
  readonly start: number;
  /** First instant of the next day (where "24:00" lands). */
  readonly end: number;
  /**
   * The zone's offset when it holds from `start` through `end` inclusive (almost every day), so a
   * local minute maps to `wallStart + minute − offset`; `null` on a day with a transition.
   */
  readonly constantOffset: number | null;
}

/** Every local day whose span intersects `[fromMs, toMs)`, in order. */
export function localDaysCovering(fromMs: number, toMs: number, zone: string): LocalDay[] {
  const days: LocalDay[] = [];
  let dayNumber = localDayNumberOf(fromMs, zone);
  let dayStart = firstInstantAtOrAfterWallClock(dayNumber * MS_PER_DAY, zone);
  while (dayStart < toMs) {
    const wallStart = dayNumber * MS_PER_DAY;
    const dayEnd = firstInstantAtOrAfterWallClock(wallStart + MS_PER_DAY, zone);
    if (dayEnd > fromMs) {
      // A transition exactly at `dayStart` (a gap at midnight) counts too: 00:00 itself is then in the gap.
      const constantOffset = hasTransitionBetween(dayStart - 1, dayEnd, zone)
        ? null
        : zoneOffsetMs(dayStart, zone);
      days.push({
        dayNumber,
        weekday: weekdayOfDay(dayNumber),
        wallStart,
        start: dayStart,
        end: dayEnd,
        constantOffset,
      });
    }
    dayNumber++;
    dayStart = dayEnd;
  }
  return days;
}

/** The instant of local minute `minuteOfDay` (0…1440) of `day`: first instant the clock reads it or later. */
export function instantOfLocalMinute(day: LocalDay, minuteOfDay: number, zone: string): number {
  const wallMs = day.wallStart + minuteOfDay * MS_PER_MINUTE;
  return day.constantOffset === null
    ? firstInstantAtOrAfterWallClock(wallMs, zone)
    : wallMs - day.constantOffset;
}
