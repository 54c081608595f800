/**
 * Working hours per calendar column: a therapist's own on a day by therapist; on a week's day or a
 * room's column, the time anyone works (a room is usable only while someone is there to treat).
 * Shading comes from these, told apart by kind (off-hours, time off, a closed day); the words say
 * the same for anyone who cannot see the shading.
 */
import { type DayHours, dayHours, type MinuteSpan } from "../../core/calendar/working-hours";
import type { TherapistSchedule } from "../../core/scheduling/types";
import type { Column } from "./layout";
import type { By, View } from "./status";

/** Each column's day (working, time off, closed), or null while its schedules load (nothing is shaded). */
export function columnWorkingHours(options: {
  view: View;
  by: By;
  date: string;
  columns: readonly Column[];
  /** Active therapists' schedules; undefined while they load. */
  schedules: ReadonlyMap<string, TherapistSchedule> | undefined;
  zone: string;
}): Map<string, DayHours | null> {
  const { view, by, date, columns, schedules, zone } = options;
  const result = new Map<string, DayHours | null>();
  for (const column of columns) {
    if (!schedules) result.set(column.key, null);
    else if (view === "day" && by === "therapist") {
      // A therapist no longer active (shown for their booked appointments) has no bookable time.
      const own = schedules.get(column.key);
      result.set(column.key, dayHours(own ? [own] : [], date, zone));
    } else {
      const day = view === "week" ? column.key : date;
      result.set(column.key, dayHours([...schedules.values()], day, zone));
    }
  }
  return result;
}

/** "9:00 AM", "12:30 PM"; the end of the day is "midnight". */
export function formatWallMinute(minute: number): string {
  if (minute >= 24 * 60) return "midnight";
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}

/** "9:00 AM–12:00 PM, 1:00 PM–5:00 PM", or "not working". */
export function describeWorking(spans: readonly MinuteSpan[]): string {
  if (spans.length === 0) return "not working";
  return spans.map((s) => `${formatWallMinute(s.start)}–${formatWallMinute(s.end)}`).join(", ");
}

/** The column head's short form: first start to last end ("9:00 AM–5:00 PM"), or `none`. */
export function shortWorking(spans: readonly MinuteSpan[], none = "Not working"): string {
  const first = spans[0];
  const last = spans.at(-1);
  if (!first || !last) return none;
  return `${formatWallMinute(first.start)}–${formatWallMinute(last.end)}`;
}

/** "Closed: Training day", or "Closed" when the override has no note. */
export function closedLabel(day: Pick<DayHours, "closedReason">): string {
  return day.closedReason ? `Closed: ${day.closedReason}` : "Closed";
}

/**
 * A column's hours in a sentence for its accessible name: a therapist's own ("working 9:00 AM–
 * 5:00 PM", "not working"), or a day's or room's ("open 9:00 AM–8:00 PM", "nobody working"); then
 * the hours lost to time off or to a closed day, so the kinds of shading are said, not only drawn.
 */
export function hoursInWords(day: DayHours, own: boolean): string {
  const parts = [
    day.working.length === 0
      ? own
        ? "not working"
        : "nobody working"
      : `${own ? "working" : "open"} ${describeWorking(day.working)}`,
  ];
  if (day.timeOff.length > 0) parts.push(`time off ${describeWorking(day.timeOff)}`);
  if (day.closed.length > 0)
    parts.push(`${closedLabel(day).replace(/^C/, "c")} ${describeWorking(day.closed)}`);
  return parts.join("; ");
}

/** The column head's short form: the working hours, or why there are none ("Time off", "Closed: …"). */
export function columnHeadHours(day: DayHours, none: string): string {
  if (day.working.length > 0) return shortWorking(day.working, none);
  if (day.closed.length > 0) return closedLabel(day);
  if (day.timeOff.length > 0) return "Time off";
  return none;
}

/** The phone agenda's line: "Working 9:00 AM–12:00 PM. Time off 1:00 PM–5:00 PM." */
export function agendaHoursText(name: string, day: DayHours): string {
  const parts = [
    day.working.length === 0
      ? `${name} is not working this day.`
      : `Working ${describeWorking(day.working)}.`,
  ];
  if (day.timeOff.length > 0) parts.push(`Time off ${describeWorking(day.timeOff)}.`);
  if (day.closed.length > 0) parts.push(`${closedLabel(day)} (${describeWorking(day.closed)}).`);
  return parts.join(" ");
}

/** Every minute the calendar has something to say about: worked, or lost to time off or a closed day. */
export function daySpans(day: DayHours | null): MinuteSpan[] {
  return day ? [...day.working, ...day.timeOff, ...day.closed] : [];
}
