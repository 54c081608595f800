/**
 * Report dates: a range of local dates `[from, to]` (inclusive, in the clinic's zone) as instants, and
 * the local week an instant falls in (weeks start on Monday, as PostgreSQL's `date_trunc('week', …)`).
 */
import { formatLocalDate, MS_PER_DAY, parseLocalDateOrThrow, weekdayOfDay } from "../scheduling/civil";
import { firstInstantAtOrAfterWallClock, localDayNumberOf } from "../scheduling/zone";

export interface ReportRange {
  /** First instant of local day `from`. */
  readonly fromMs: number;
  /** First instant of the local day after `to`. */
  readonly toMs: number;
}

export function reportRange(from: string, to: string, zone: string): ReportRange {
  const fromDay = parseLocalDateOrThrow(from);
  const toDay = parseLocalDateOrThrow(to);
  return {
    fromMs: firstInstantAtOrAfterWallClock(fromDay * MS_PER_DAY, zone),
    toMs: firstInstantAtOrAfterWallClock((toDay + 1) * MS_PER_DAY, zone),
  };
}

/** The Monday (YYYY-MM-DD) of the local week of a local day number. */
export function weekOfDay(dayNumber: number): string {
  const sinceMonday = (weekdayOfDay(dayNumber) + 6) % 7;
  return formatLocalDate(dayNumber - sinceMonday);
}

/** The Monday (YYYY-MM-DD) of the local week `instantMs` falls in. */
export function weekOf(instantMs: number, zone: string): string {
  return weekOfDay(localDayNumberOf(instantMs, zone));
}

/** Every week (Monday dates) the range touches, in order: trend charts show empty weeks as zero. */
export function weeksOf(from: string, to: string): string[] {
  const weeks: string[] = [];
  const last = parseLocalDateOrThrow(to);
  for (let day = parseLocalDateOrThrow(from); day <= last; day += 7) {
    const week = weekOfDay(day);
    if (weeks.at(-1) !== week) weeks.push(week);
  }
  const lastWeek = weekOfDay(last);
  if (weeks.at(-1) !== lastWeek) weeks.push(lastWeek);
  return weeks;
}

/**
 * The whole weeks (Monday to Sunday) inside `[from, to]`, as their first and last Monday, or null
 * when the range holds none. A weekly summary answers these; the days outside them (a partial week
 * at either end) are read day by day.
 */
export function wholeWeeksOf(from: string, to: string): { first: string; last: string } | null {
  const fromDay = parseLocalDateOrThrow(from);
  const toDay = parseLocalDateOrThrow(to);
  const first = fromDay + ((8 - weekdayOfDay(fromDay)) % 7); // the first Monday on or after `from`
  const last = toDay - ((weekdayOfDay(toDay) + 6) % 7) - (weekdayOfDay(toDay) === 0 ? 0 : 7);
  return first <= last ? { first: formatLocalDate(first), last: formatLocalDate(last) } : null;
}
