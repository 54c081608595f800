/**
 * Date overrides as the owner reads and writes them: the API keeps one row per therapist and date;
 * the screen shows a run of consecutive dates with the same hours and note as one entry (a week's
 * holiday is one line, not seven) and writes a date range as one row per date. Pure, so tested
 * without a browser.
 */
import { addDays, daysBetween } from "../appointments/time";

export interface OverrideRow {
  date: string;
  intervals: { start: string; end: string }[];
  note: string | null;
}

/** Consecutive dates with the same hours and note. */
export interface OverrideRun {
  from: string;
  to: string;
  dates: string[];
  intervals: { start: string; end: string }[];
  note: string | null;
}

/** The most dates one range may cover: a season's closure, not a typo's decade. */
export const MAX_RANGE_DAYS = 92;

function sameDay(a: OverrideRow, b: OverrideRun): boolean {
  return (
    a.note === b.note &&
    a.intervals.length === b.intervals.length &&
    a.intervals.every((i, n) => i.start === b.intervals[n]?.start && i.end === b.intervals[n]?.end)
  );
}

/** Rows (any order) as runs of consecutive dates with equal hours and note, in date order. */
export function overrideRuns(rows: readonly OverrideRow[]): OverrideRun[] {
  const runs: OverrideRun[] = [];
  for (const row of [...rows].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs.at(-1);
    if (last && addDays(last.to, 1) === row.date && sameDay(row, last)) {
      last.to = row.date;
      last.dates.push(row.date);
    } else {
      runs.push({
        from: row.date,
        to: row.date,
        dates: [row.date],
        intervals: row.intervals,
        note: row.note,
      });
    }
  }
  return runs;
}

/** Every date from `from` to `to` inclusive. */
export function datesOfRange(from: string, to: string): string[] {
  const count = daysBetween(from, to) + 1;
  return Array.from({ length: Math.max(0, count) }, (_, i) => addDays(from, i));
}

/**
 * What is wrong with a range before anything is sent, under the field it belongs to (the API
 * checks each date; the range is this screen's own idea).
 */
export function rangeProblems(from: string, to: string, today: string): Record<string, string> {
  if (!from) return { date: "Enter a date." };
  if (from < today) return { date: "Choose today or a later date." };
  if (!to) return {};
  if (to < from) return { until: "The last date must not be before the first." };
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS)
    return { until: `A range may cover at most ${MAX_RANGE_DAYS} days; add a longer one in parts.` };
  return {};
}

/**
 * The form field a server error belongs to: `params.date` is the date; `intervals[1]` (two
 * intervals overlap) and `intervals[1].end` are that interval's row.
 */
export function overrideErrorField(field: string | undefined): string | null {
  if (!field) return null;
  if (field === "params.date") return "date";
  if (field === "note") return "note";
  const interval = /^intervals\[(\d+)\](?:\.(start|end))?$/.exec(field);
  if (interval) return `intervals[${interval[1]}]${interval[2] ? `.${interval[2]}` : ""}`;
  return null;
}
