/**
 * A clinic's opening hours for its public page, from its therapists' weekly working hours: on each
 * weekday, the times at least one active therapist works (their breaks taken out). Date overrides
 * (holidays, one-off changes) are left out on purpose: the page shows the usual week, and booking
 * shows the real free times.
 */
import { formatLocalTime, parseLocalTime } from "../scheduling/civil";
import { type Interval, mergeIntervals, subtractIntervals } from "../scheduling/intervals";

export interface WorkingHoursRow {
  therapistId: string;
  /** 0 = Sunday … 6 = Saturday, as in `working_hours.weekday`. */
  weekday: number;
  /** `HH:MM` or `HH:MM:SS` (PostgreSQL's `time`). */
  startTime: string;
  endTime: string;
  isBreak: boolean;
}

export interface OpeningDay {
  weekday: number;
  intervals: { start: string; end: string }[];
}

function minutesOf(time: string): number | null {
  return parseLocalTime(time.slice(0, 5), true);
}

/** One therapist's working minutes on one weekday: work intervals minus breaks. */
function workingMinutes(rows: readonly WorkingHoursRow[]): Interval[] {
  const work: Interval[] = [];
  const breaks: Interval[] = [];
  for (const row of rows) {
    const start = minutesOf(row.startTime);
    const end = minutesOf(row.endTime);
    if (start === null || end === null || end <= start) continue;
    (row.isBreak ? breaks : work).push({ start, end });
  }
  return subtractIntervals(mergeIntervals(work), mergeIntervals(breaks));
}

/** Monday first (how most clinics print their hours); days nobody works are left out. */
export function openingHours(rows: readonly WorkingHoursRow[]): OpeningDay[] {
  const byDayAndTherapist = new Map<number, Map<string, WorkingHoursRow[]>>();
  for (const row of rows) {
    const day = byDayAndTherapist.get(row.weekday) ?? new Map<string, WorkingHoursRow[]>();
    day.set(row.therapistId, [...(day.get(row.therapistId) ?? []), row]);
    byDayAndTherapist.set(row.weekday, day);
  }
  const days: OpeningDay[] = [];
  for (const weekday of [1, 2, 3, 4, 5, 6, 0]) {
    const therapists = byDayAndTherapist.get(weekday);
    if (!therapists) continue;
    const open = mergeIntervals([...therapists.values()].flatMap(workingMinutes));
    if (open.length === 0) continue;
    days.push({
      weekday,
      intervals: open.map((i) => ({ start: formatLocalTime(i.start), end: formatLocalTime(i.end) })),
    });
  }
  return days;
}
