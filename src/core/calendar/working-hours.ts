/**
 * Working hours on the staff calendar: which wall-clock minutes of a local day a therapist (or any
 * of several) is at work, and the rest of the visible day, which the calendar shades.
 *
 * The minutes come from `workingTimeByDay`, the slot engine's own rules (weekly hours, or that
 * date's override; minus breaks, not on override dates; minus time off), so a shaded minute is one
 * the booking page cannot offer. Pure: the web app passes in what it read from the API.
 */
import { MINUTES_PER_DAY, MS_PER_DAY, parseLocalDateOrThrow, type Weekday } from "../scheduling/civil";
import { workingTimeByDay } from "../scheduling/slots";
import type { DateOverride, LocalInterval, TherapistSchedule } from "../scheduling/types";
import { firstInstantAtOrAfterWallClock, instantToLocal } from "../scheduling/zone";

/** Wall-clock minutes of one local day, `[start, end)`, 0…1440. */
export interface MinuteSpan {
  readonly start: number;
  readonly end: number;
}

/** A week of hours as the API answers it (`GET /api/clinic/therapists/:id/hours`). */
export interface WeeklyHoursRows {
  readonly hours: readonly { weekday: number; start: string; end: string }[];
  readonly breaks: readonly { weekday: number; start: string; end: string }[];
}

function byWeekday(rows: WeeklyHoursRows["hours"]): Partial<Record<Weekday, LocalInterval[]>> {
  const week: Partial<Record<Weekday, LocalInterval[]>> = {};
  for (const row of rows) {
    const day = row.weekday as Weekday;
    week[day] = [...(week[day] ?? []), { start: row.start, end: row.end }];
  }
  return week;
}

/** The slot engine's view of one therapist, from the API's hours, date overrides and time off. */
export function therapistScheduleOf(
  id: string,
  week: WeeklyHoursRows,
  overrides: readonly DateOverride[],
  timeOff: readonly { startsAt: string; endsAt: string }[],
): TherapistSchedule {
  return {
    id,
    weeklyHours: byWeekday(week.hours),
    breaks: byWeekday(week.breaks),
    dateOverrides: overrides.map((o) => ({ date: o.date, intervals: o.intervals })),
    timeOff: timeOff.map((t) => ({ start: Date.parse(t.startsAt), end: Date.parse(t.endsAt) })),
  };
}

/** Sorted, overlapping or touching spans joined. */
export function mergeMinuteSpans(spans: readonly MinuteSpan[]): MinuteSpan[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: MinuteSpan[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/**
 * The wall-clock minutes of local `date` in `zone` when at least one of `schedules` works. An
 * instant is read on the day's own clock, so on a daylight-saving day "09:00–17:00" is still
 * 540–1020, where the calendar draws it; the day's end reads as 1440.
 */
export function workingMinutes(
  schedules: readonly TherapistSchedule[],
  date: string,
  zone: string,
): MinuteSpan[] {
  const dayNumber = parseLocalDateOrThrow(date);
  const from = firstInstantAtOrAfterWallClock(dayNumber * MS_PER_DAY, zone);
  const to = firstInstantAtOrAfterWallClock((dayNumber + 1) * MS_PER_DAY, zone);
  const minuteOf = (instant: number) => {
    if (instant >= to) return MINUTES_PER_DAY;
    const local = instantToLocal(instant, zone);
    const [h = "0", m = "0"] = local.time.split(":");
    return Number(h) * 60 + Number(m);
  };
  const spans: MinuteSpan[] = [];
  for (const schedule of schedules) {
    for (const day of workingTimeByDay(schedule, { from, to }, zone)) {
      for (const interval of day.intervals) {
        spans.push({ start: minuteOf(interval.start), end: minuteOf(interval.end) });
      }
    }
  }
  return mergeMinuteSpans(spans);
}

/** The parts of `window` outside `working` (merged spans): what the calendar shades. */
export function offHoursSpans(working: readonly MinuteSpan[], window: MinuteSpan): MinuteSpan[] {
  const off: MinuteSpan[] = [];
  let cursor = window.start;
  for (const span of working) {
    if (span.end <= cursor) continue;
    if (span.start >= window.end) break;
    if (span.start > cursor) off.push({ start: cursor, end: span.start });
    cursor = Math.max(cursor, span.end);
  }
  if (cursor < window.end) off.push({ start: cursor, end: window.end });
  return off;
}
