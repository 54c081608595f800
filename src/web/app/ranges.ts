/**
 * The time ranges signed-in pages ask the appointments API for. A route loader fetches a page's
 * data under the same query key the page then reads, so each range is computed here, once, from
 * the page's URL and the clock, and comes out the same for the loader and the page.
 */
import { isValidLocalDate, localDateOf, localDaysRange, startOfWeek } from "../appointments/time";
import { localDayRange } from "../ui/time";

const DAY_MS = 86_400_000;

/** Staff homes: today, and the next fortnight, in the clinic's zone. */
export function homeRanges(zone: string, now = Date.now()) {
  return { today: localDayRange(zone, new Date(now)), fortnight: localDayRange(zone, new Date(now), 14) };
}

/** The calendar's day or week (`?view=week&date=2026-12-02`), in the clinic's zone. */
export function calendarRange(search: URLSearchParams, zone: string, now = Date.now()) {
  const view = search.get("view") === "week" ? "week" : "day";
  const date = isValidLocalDate(search.get("date")) ? (search.get("date") as string) : localDateOf(now, zone);
  const first = view === "day" ? date : startOfWeek(date);
  return localDaysRange(first, view === "day" ? 1 : 7, zone);
}

/** Requests can sit a while before their start: from yesterday (UTC day) as far as the list API allows. */
export const REQUESTS_LOOK_AHEAD_DAYS = 92;
export function requestsRange(now = Date.now()) {
  const from = Math.floor(now / DAY_MS) * DAY_MS - DAY_MS;
  return {
    from: new Date(from).toISOString(),
    to: new Date(from + REQUESTS_LOOK_AHEAD_DAYS * DAY_MS).toISOString(),
  };
}

/**
 * The portal: half a year ahead (shown first) and a year of history (the "Past" list, which may
 * arrive a moment later), split at the start of today (UTC).
 */
export function portalRanges(now = Date.now()) {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  return {
    ahead: { from: today, to: today + 180 * DAY_MS },
    history: { from: today - 365 * DAY_MS, to: today },
  };
}
