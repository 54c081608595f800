/**
 * The calendar's columns: a week has a column per day; a day a column per therapist (active ones,
 * plus any inactive one with appointments that day) or per room (plus "No room" when needed).
 */
import type { Appointment } from "../../core/api/clinic";
import { formatLocalDay } from "../appointments/time";
import type { Column, ColumnOf } from "./layout";
import type { By, View } from "./status";

export function calendarColumns(options: {
  view: View;
  by: By;
  dates: readonly string[];
  therapists: readonly { id: string; displayName: string }[];
  rooms: readonly { id: string; name: string }[];
  appointments: readonly Appointment[];
}): { columns: Column[]; columnOf: ColumnOf } {
  const { view, by, dates, therapists, rooms, appointments } = options;
  if (view === "week") {
    return {
      columns: dates.map((d) => ({ key: d, label: formatLocalDay(d, "short") })),
      columnOf: (_a, d) => d,
    };
  }
  if (by === "room") {
    const columns = rooms.map((r) => ({ key: r.id, label: r.name }));
    if (appointments.some((a) => !a.room)) columns.push({ key: "none", label: "No room" });
    return { columns, columnOf: (a) => a.room?.id ?? "none" };
  }
  const columns = therapists.map((t) => ({ key: t.id, label: t.displayName }));
  // A therapist no longer active still shows with their booked appointments.
  for (const a of appointments)
    if (!columns.some((c) => c.key === a.therapist.id))
      columns.push({ key: a.therapist.id, label: a.therapist.name });
  return { columns, columnOf: (a) => a.therapist.id };
}
