/**
 * Working hours on the staff calendar: which wall-clock minutes of a local day a therapist (or any
 * of several) is at work, and the rest of the visible day, which the calendar shades, told apart by
 * why it is not bookable: ordinary off-hours, time off, or a date override that closes the day.
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
    dateOverrides: overrides.map((o) => ({ date: o.date, intervals: o.intervals, note: o.note ?? null })),
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

/** The local day `date` in `zone` as instants, and a reader of an instant's wall-clock minute on it. */
function localDayClock(date: string, zone: string) {
  const dayNumber = parseLocalDateOrThrow(date);
  const from = firstInstantAtOrAfterWallClock(dayNumber * MS_PER_DAY, zone);
  const to = firstInstantAtOrAfterWallClock((dayNumber + 1) * MS_PER_DAY, zone);
  const minuteOf = (instant: number) => {
    if (instant >= to) return MINUTES_PER_DAY;
    const local = instantToLocal(instant, zone);
    const [h = "0", m = "0"] = local.time.split(":");
    return Number(h) * 60 + Number(m);
  };
  return { range: { from, to }, minuteOf };
}

/** One schedule's bookable minutes of the day, by the slot engine's rules. */
function scheduleMinutes(
  schedule: TherapistSchedule,
  clock: ReturnType<typeof localDayClock>,
  zone: string,
): MinuteSpan[] {
  const spans: MinuteSpan[] = [];
  for (const day of workingTimeByDay(schedule, clock.range, zone)) {
    for (const interval of day.intervals) {
      spans.push({ start: clock.minuteOf(interval.start), end: clock.minuteOf(interval.end) });
    }
  }
  return mergeMinuteSpans(spans);
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
  const clock = localDayClock(date, zone);
  return mergeMinuteSpans(schedules.flatMap((schedule) => scheduleMinutes(schedule, clock, zone)));
}

/** Why a shaded stretch of the calendar is not bookable. */
export type OffKind = "off-hours" | "time-off" | "closed";

/** One local day of one or several schedules, as the calendar shades it. */
export interface DayHours {
  /** When at least one of them works (merged). */
  readonly working: MinuteSpan[];
  /**
   * Minutes nobody works although someone would have but for their time off: a holiday or sick
   * leave reads differently from the hours a therapist never works.
   */
  readonly timeOff: MinuteSpan[];
  /**
   * Minutes nobody works although someone would have by their weekly hours, had a date override not
   * closed that day for them (a training day, a clinic holiday).
   */
  readonly closed: MinuteSpan[];
  /** The closing overrides' notes, as staff typed them, or null when none was given. */
  readonly closedReason: string | null;
}

/** `spans` (merged) minus `minus` (merged). */
function subtractMinuteSpans(spans: readonly MinuteSpan[], minus: readonly MinuteSpan[]): MinuteSpan[] {
  return spans.flatMap((span) => offHoursSpans(minus, span));
}

/**
 * The calendar's view of local `date` for `schedules`: their working minutes and, of the rest, what
 * is lost to time off and what to a date override closing the day. Each is the slot engine's answer
 * without that absence minus its answer with it, so it follows the same rules (weekly hours,
 * breaks, an override's hours) as the booking page.
 */
export function dayHours(schedules: readonly TherapistSchedule[], date: string, zone: string): DayHours {
  const clock = localDayClock(date, zone);
  const working: MinuteSpan[] = [];
  const beforeTimeOff: MinuteSpan[] = [];
  const beforeClosing: MinuteSpan[] = [];
  const reasons: string[] = [];
  for (const schedule of schedules) {
    working.push(...scheduleMinutes(schedule, clock, zone));
    if ((schedule.timeOff ?? []).length > 0)
      beforeTimeOff.push(...scheduleMinutes({ ...schedule, timeOff: [] }, clock, zone));
    const override = schedule.dateOverrides?.find((o) => o.date === date);
    if (override && override.intervals.length === 0) {
      const others = (schedule.dateOverrides ?? []).filter((o) => o !== override);
      beforeClosing.push(
        ...scheduleMinutes({ ...schedule, dateOverrides: others, timeOff: [] }, clock, zone),
      );
      const note = override.note?.trim();
      if (note && !reasons.includes(note)) reasons.push(note);
    }
  }
  const merged = mergeMinuteSpans(working);
  const timeOff = subtractMinuteSpans(mergeMinuteSpans(beforeTimeOff), merged);
  // A minute both closed for one and time off for another reads as time off; the two never overlap.
  const closed = subtractMinuteSpans(
    mergeMinuteSpans(beforeClosing),
    mergeMinuteSpans([...merged, ...timeOff]),
  );
  return {
    working: merged,
    timeOff,
    closed,
    closedReason: reasons.length > 0 ? reasons.join("; ") : null,
  };
}

/** A shaded stretch of the calendar and why it is shaded. */
export interface OffSpan extends MinuteSpan {
  readonly kind: OffKind;
}

/**
 * The parts of `window` nobody works in, each with its kind, in order: time off and a closed day
 * first, the rest ordinary off-hours. Adjacent parts of one kind are one span.
 */
export function shadedSpans(day: DayHours, window: MinuteSpan): OffSpan[] {
  const off = offHoursSpans(day.working, window);
  const special: OffSpan[] = [
    ...day.timeOff.map((s) => ({ ...s, kind: "time-off" as const })),
    ...day.closed.map((s) => ({ ...s, kind: "closed" as const })),
  ];
  const result: OffSpan[] = [];
  for (const span of off) {
    let cursor = span.start;
    const inside = special
      .map((s) => ({ ...s, start: Math.max(s.start, span.start), end: Math.min(s.end, span.end) }))
      .filter((s) => s.start < s.end)
      .sort((a, b) => a.start - b.start);
    for (const part of inside) {
      if (part.start > cursor) result.push({ start: cursor, end: part.start, kind: "off-hours" });
      result.push({ start: Math.max(part.start, cursor), end: part.end, kind: part.kind });
      cursor = Math.max(cursor, part.end);
    }
    if (cursor < span.end) result.push({ start: cursor, end: span.end, kind: "off-hours" });
  }
  return result.filter((s) => s.end > s.start);
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
