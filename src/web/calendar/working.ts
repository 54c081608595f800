/**
 * Working hours per calendar column: a therapist's own on a day by therapist; on a week's day or a
 * room's column, the time anyone works (a room is usable only while someone is there to treat).
 * Shading comes from these spans; the words say the same for anyone who cannot see the shading.
 */
import { type MinuteSpan, workingMinutes } from "../../core/calendar/working-hours";
import type { TherapistSchedule } from "../../core/scheduling/types";
import type { Column } from "./layout";
import type { By, View } from "./status";

/** Each column's working spans, or null while its schedules are still loading (nothing is shaded). */
export function columnWorkingHours(options: {
  view: View;
  by: By;
  date: string;
  columns: readonly Column[];
  /** Active therapists' schedules; undefined while they load. */
  schedules: ReadonlyMap<string, TherapistSchedule> | undefined;
  zone: string;
}): Map<string, MinuteSpan[] | null> {
  const { view, by, date, columns, schedules, zone } = options;
  const result = new Map<string, MinuteSpan[] | null>();
  for (const column of columns) {
    if (!schedules) result.set(column.key, null);
    else if (view === "day" && by === "therapist") {
      // A therapist no longer active (shown for their booked appointments) has no bookable time.
      const own = schedules.get(column.key);
      result.set(column.key, own ? workingMinutes([own], date, zone) : []);
    } else {
      const day = view === "week" ? column.key : date;
      result.set(column.key, workingMinutes([...schedules.values()], day, zone));
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

/**
 * A column's hours in a sentence for its accessible name: a therapist's own ("working 9:00 AM–
 * 5:00 PM", "not working"), or a day's or room's ("open 9:00 AM–8:00 PM", "nobody working").
 */
export function hoursInWords(spans: readonly MinuteSpan[], own: boolean): string {
  if (spans.length === 0) return own ? "not working" : "nobody working";
  return `${own ? "working" : "open"} ${describeWorking(spans)}`;
}
