/**
 * Calendar arithmetic for the booking and calendar screens, on local dates ("YYYY-MM-DD") in a
 * named zone. The zone maths is the scheduling engine's own (core/scheduling/zone), so a day on a
 * daylight-saving change is 23 or 25 hours here exactly as it is when slots are found.
 */
import {
  formatLocalDate,
  MS_PER_DAY,
  parseLocalDateOrThrow,
  weekdayOfDay,
} from "../../core/scheduling/civil";
import { firstInstantAtOrAfterWallClock, instantToLocal } from "../../core/scheduling/zone";

/** The browser's own IANA zone (what a client's clock shows). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** The local date of an instant in `zone`. */
export function localDateOf(at: string | number | Date, zone: string): string {
  return instantToLocal(new Date(at).getTime(), zone).date;
}

/** Minutes since local midnight (wall clock) of an instant in `zone`. */
export function minuteOfDay(at: string | number | Date, zone: string): number {
  const [h = "0", m = "0"] = instantToLocal(new Date(at).getTime(), zone).time.split(":");
  return Number(h) * 60 + Number(m);
}

export function addDays(date: string, days: number): string {
  return formatLocalDate(parseLocalDateOrThrow(date) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return weekdayOfDay(parseLocalDateOrThrow(date));
}

/** The Monday on or before `date` (weeks run Monday to Sunday at the front desk). */
export function startOfWeek(date: string): string {
  return addDays(date, -((weekdayOf(date) + 6) % 7));
}

export function daysBetween(from: string, to: string): number {
  return parseLocalDateOrThrow(to) - parseLocalDateOrThrow(from);
}

/** The first instant of local `date` in `zone`, as an ISO string. */
export function startOfLocalDay(date: string, zone: string): string {
  return new Date(
    firstInstantAtOrAfterWallClock(parseLocalDateOrThrow(date) * MS_PER_DAY, zone),
  ).toISOString();
}

/** [start of `from`, start of the day after `from + days - 1`) in `zone`, as ISO instants. */
export function localDaysRange(from: string, days: number, zone: string): { from: string; to: string } {
  return { from: startOfLocalDay(from, zone), to: startOfLocalDay(addDays(from, days), zone) };
}

export function isValidLocalDate(text: string | null | undefined): text is string {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    return formatLocalDate(parseLocalDateOrThrow(text)) === text;
  } catch {
    return false;
  }
}

/** A local date as a noon-UTC Date, for Intl formatting of the calendar day alone. */
function dateAsNoonUtc(date: string): Date {
  return new Date(`${date}T12:00:00Z`);
}

export function formatLocalDay(
  date: string,
  style: "short" | "long" | "weekday" | "dayNumber" | "monthDay" = "short",
): string {
  const options: Intl.DateTimeFormatOptions =
    style === "long"
      ? { weekday: "long", month: "long", day: "numeric", timeZone: "UTC" }
      : style === "weekday"
        ? { weekday: "short", timeZone: "UTC" }
        : style === "dayNumber"
          ? { day: "numeric", timeZone: "UTC" }
          : style === "monthDay"
            ? { month: "short", day: "numeric", timeZone: "UTC" }
            : { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" };
  return new Intl.DateTimeFormat("en-US", options).format(dateAsNoonUtc(date));
}

export function formatClock(at: string | number | Date, zone: string): string {
  return new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone: zone }).format(
    new Date(at),
  );
}

/** "9 AM" style hour labels for a calendar's time axis. */
export function formatHour(hour: number): string {
  const h = hour % 24;
  const suffix = h < 12 ? "AM" : "PM";
  return `${h % 12 === 0 ? 12 : h % 12} ${suffix}`;
}

function zoneNamePart(zone: string, style: "longGeneric" | "shortGeneric" | "long" | "short"): string | null {
  try {
    const part = new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: style })
      .formatToParts(new Date())
      .find((p) => p.type === "timeZoneName");
    return part?.value ?? null;
  } catch {
    return null;
  }
}

/**
 * A zone as a person says it: "Mountain Time (MT)", "Central European Time (CET)", or the IANA
 * name's city when Intl has no generic name ("GMT+02:00" is not helpful on its own).
 */
export function zoneDisplayName(zone: string): string {
  const long = zoneNamePart(zone, "longGeneric") ?? zoneNamePart(zone, "long");
  const short = zoneNamePart(zone, "shortGeneric") ?? zoneNamePart(zone, "short");
  const city = zone.split("/").pop()?.replaceAll("_", " ") ?? zone;
  if (!long || /^GMT/.test(long)) return short && !/^GMT/.test(short) ? `${city} time (${short})` : zone;
  if (!short || short === long || /^GMT/.test(short)) return long;
  return `${long} (${short})`;
}
