/**
 * The calendar on a phone: a grid of three therapists (or seven days) does not fit 390 px, so a
 * phone shows one day and one column at a time, as a list in time order, with the other columns
 * one tap away. Pure, so it is tested without a browser.
 */
import type { Appointment } from "../../core/api/clinic";
import type { Column } from "./layout";

/** Narrower than this, the calendar is an agenda (a tablet in portrait still gets the grid). */
export const AGENDA_MAX_WIDTH_PX = 640;

/** The column to show: the one asked for when it exists, else the first. */
export function agendaColumn(columns: readonly Column[], wanted: string | null): Column | null {
  return columns.find((c) => c.key === wanted) ?? columns[0] ?? null;
}

/** The columns either side of `key`, for the previous / next buttons (null at the ends). */
export function neighbours(
  columns: readonly Column[],
  key: string,
): { previous: Column | null; next: Column | null } {
  const index = columns.findIndex((c) => c.key === key);
  if (index < 0) return { previous: null, next: null };
  return { previous: columns[index - 1] ?? null, next: columns[index + 1] ?? null };
}

/** One column's appointments in the order of the day. */
export function agendaItems(
  appointments: readonly Appointment[],
  inColumn: (a: Appointment) => boolean,
): Appointment[] {
  return appointments.filter(inColumn).sort((x, y) => Date.parse(x.startsAt) - Date.parse(y.startsAt));
}
