/**
 * Time-zone arithmetic on epoch milliseconds, backed by `Intl.DateTimeFormat` (full ICU).
 *
 * Conventions (docs/product.md F4: "a local time that does not exist is refused; an ambiguous one
 * resolves as documented"):
 * - A wall-clock time inside a DST gap (spring forward, e.g. 02:30 on 2026-03-08 in New York) does
 *   not exist: `localToInstant` answers `{ ok: false, reason: "nonexistent" }`.
 * - A wall-clock time that occurs twice (fall back, e.g. 01:30 on 2026-11-01 in New York) resolves to
 *   the EARLIER instant, its first occurrence (01:30 EDT), unless `{ ambiguous: "later" }` is asked.
 * - The slot engine needs every working-hour boundary to be an instant, even one in a gap. It uses
 *   `firstInstantAtOrAfterWallClock`: the first instant at which the local clock reads that time or
 *   later. For an ordinary or ambiguous time that is its (first) occurrence; for a time in a gap it
 *   is the transition itself (02:00-10:00 on a spring-forward day in New York starts at 03:00 EDT).
 *
 * Speed: the engine asks for offsets often, so offsets are cached per zone per UTC day. Each cached
 * day holds the offset before and after at most one transition (and the transition instant, found
 * once by bisection). Every real zone keeps far more than a day between transitions.
 */

import {
  daysFromCivil,
  formatLocalDate,
  formatLocalTime,
  MS_PER_DAY,
  MS_PER_HOUR,
  MS_PER_MINUTE,
  MS_PER_SECOND,
  parseLocalDateOrThrow,
  parseLocalTimeOrThrow,
  type Weekday,
  weekdayOfDay,
} from "./civil";

/** The offsets in force during one UTC day: `before` until `transitionAt`, `after` from it on. */
interface UtcDayOffsets {
  readonly before: number;
  readonly transitionAt: number;
  readonly after: number;
}

interface ZoneState {
  readonly formatter: Intl.DateTimeFormat;
  readonly offsetsByUtcDay: Map<number, UtcDayOffsets>;
}

const NO_TRANSITION = Number.POSITIVE_INFINITY;

/** Keyed by the canonical zone name, so spelling variants share one cache. */
const statesByCanonicalZone = new Map<string, ZoneState>();
/** Zone names as callers spell them → state. Bounded: client input can vary the spelling freely. */
const statesBySpelling = new Map<string, ZoneState>();
const MAX_SPELLINGS = 2_048;

function createWallClockFormatter(zone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
}

function zoneState(zone: string): ZoneState {
  const known = statesBySpelling.get(zone);
  if (known) return known;
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = createWallClockFormatter(zone);
  } catch {
    throw new RangeError(`Unknown time zone "${zone}": expected an IANA name such as "America/Boise"`);
  }
  const canonical = formatter.resolvedOptions().timeZone;
  let state = statesByCanonicalZone.get(canonical);
  if (!state) {
    state = { formatter, offsetsByUtcDay: new Map() };
    statesByCanonicalZone.set(canonical, state);
  }
  if (statesBySpelling.size >= MAX_SPELLINGS) statesBySpelling.clear();
  statesBySpelling.set(zone, state);
  return state;
}

/** True when `zone` is a time zone `Intl` knows (IANA names such as "Europe/London", or "UTC"). */
export function isValidTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  try {
    zoneState(zone);
    return true;
  } catch {
    return false;
  }
}

/** Forget all cached formatters and offsets (lets benchmarks measure a cold first call). */
export function clearZoneCaches(): void {
  statesByCanonicalZone.clear();
  statesBySpelling.clear();
}

/** Offset (local − UTC) in ms at a whole second, read from Intl. The slow path behind the cache. */
function offsetFromIntl(formatter: Intl.DateTimeFormat, instantMs: number): number {
  const wholeSecond = Math.floor(instantMs / MS_PER_SECOND) * MS_PER_SECOND;
  let year = 0;
  let month = 0;
  let day = 0;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatter.formatToParts(wholeSecond)) {
    switch (part.type) {
      case "year":
        year = Number(part.value);
        break;
      case "month":
        month = Number(part.value);
        break;
      case "day":
        day = Number(part.value);
        break;
      case "hour":
        // Some ICU versions print midnight as "24" even with h23.
        hour = Number(part.value) % 24;
        break;
      case "minute":
        minute = Number(part.value);
        break;
      case "second":
        second = Number(part.value);
        break;
    }
  }
  const wallMs =
    daysFromCivil(year, month, day) * MS_PER_DAY +
    hour * MS_PER_HOUR +
    minute * MS_PER_MINUTE +
    second * MS_PER_SECOND;
  return wallMs - wholeSecond;
}

/** Bisect to the first whole second in (lo, hi] whose offset differs from `offsetAtLo`. */
function findTransition(formatter: Intl.DateTimeFormat, lo: number, hi: number, offsetAtLo: number): number {
  let low = lo;
  let high = hi;
  while (high - low > MS_PER_SECOND) {
    const middle = low + Math.floor((high - low) / (2 * MS_PER_SECOND)) * MS_PER_SECOND;
    if (offsetFromIntl(formatter, middle) === offsetAtLo) low = middle;
    else high = middle;
  }
  return high;
}

function offsetsForUtcDay(state: ZoneState, utcDay: number): UtcDayOffsets {
  const cached = state.offsetsByUtcDay.get(utcDay);
  if (cached) return cached;
  const dayStart = utcDay * MS_PER_DAY;
  const lastSecondBefore = dayStart - MS_PER_SECOND;
  const lastSecondOfDay = dayStart + MS_PER_DAY - MS_PER_SECOND;
  // Start from the last second of the previous day so a transition at exactly 00:00:00Z is seen.
  const before =
    state.offsetsByUtcDay.get(utcDay - 1)?.after ?? offsetFromIntl(state.formatter, lastSecondBefore);
  const after = offsetFromIntl(state.formatter, lastSecondOfDay);
  const transitionAt =
    before === after
      ? NO_TRANSITION
      : findTransition(state.formatter, lastSecondBefore, lastSecondOfDay, before);
  const offsets: UtcDayOffsets = { before, transitionAt, after };
  state.offsetsByUtcDay.set(utcDay, offsets);
  return offsets;
}

function offsetMsInState(state: ZoneState, instantMs: number): number {
  const offsets = offsetsForUtcDay(state, Math.floor(instantMs / MS_PER_DAY));
  return instantMs < offsets.transitionAt ? offsets.before : offsets.after;
}

function assertFiniteInstant(instantMs: number): void {
  if (!Number.isFinite(instantMs))
    throw new RangeError(`Invalid instant ${instantMs}: expected epoch milliseconds`);
}

/** Offset of `zone` from UTC at `instantMs`, in milliseconds (local = UTC + offset). */
export function zoneOffsetMs(instantMs: number, zone: string): number {
  assertFiniteInstant(instantMs);
  return offsetMsInState(zoneState(zone), instantMs);
}

/** Offset of `zone` from UTC at `instantMs`, in minutes (New York in summer: −240). */
export function zoneOffsetMinutes(instantMs: number, zone: string): number {
  return zoneOffsetMs(instantMs, zone) / MS_PER_MINUTE;
}

/** True when the zone's offset changes at some instant in (fromMs, toMs]. */
export function hasTransitionBetween(fromMs: number, toMs: number, zone: string): boolean {
  const state = zoneState(zone);
  const lastDay = Math.floor(toMs / MS_PER_DAY);
  for (let utcDay = Math.floor(fromMs / MS_PER_DAY); utcDay <= lastDay; utcDay++) {
    const { transitionAt } = offsetsForUtcDay(state, utcDay);
    if (transitionAt > fromMs && transitionAt <= toMs) return true;
  }
  return false;
}

/**
 * How a wall-clock reading (local date-time written as if it were UTC, in ms) maps to instants:
 * exactly once, twice (fall back), or never (spring-forward gap; `transition` is the first instant
 * after the gap).
 */
export type WallClockResolution =
  | { readonly kind: "unique"; readonly instant: number }
  | { readonly kind: "ambiguous"; readonly earlier: number; readonly later: number }
  | { readonly kind: "gap"; readonly transition: number };

function firstTransitionIn(state: ZoneState, fromMs: number, toMs: number): number {
  const lastDay = Math.floor(toMs / MS_PER_DAY);
  for (let utcDay = Math.floor(fromMs / MS_PER_DAY); utcDay <= lastDay; utcDay++) {
    const { transitionAt } = offsetsForUtcDay(state, utcDay);
    if (transitionAt > fromMs && transitionAt <= toMs) return transitionAt;
  }
  return toMs; // unreachable for a real gap: the offsets on either side differ inside (from, to]
}

function resolveInState(state: ZoneState, wallMs: number): WallClockResolution {
  // Real offsets lie within ±14 h, so a day either side brackets the one transition that can matter.
  const offsetBefore = offsetMsInState(state, wallMs - MS_PER_DAY);
  const offsetAfter = offsetMsInState(state, wallMs + MS_PER_DAY);
  const withBefore = wallMs - offsetBefore;
  const withAfter = wallMs - offsetAfter;
  const beforeHolds = offsetMsInState(state, withBefore) === offsetBefore;
  const afterHolds = offsetMsInState(state, withAfter) === offsetAfter;
  if (beforeHolds && afterHolds && withBefore !== withAfter) {
    return {
      kind: "ambiguous",
      earlier: Math.min(withBefore, withAfter),
      later: Math.max(withBefore, withAfter),
    };
  }
  if (beforeHolds) return { kind: "unique", instant: withBefore };
  if (afterHolds) return { kind: "unique", instant: withAfter };
  return {
    kind: "gap",
    transition: firstTransitionIn(state, Math.min(withBefore, withAfter), Math.max(withBefore, withAfter)),
  };
}

export function resolveWallClock(wallMs: number, zone: string): WallClockResolution {
  assertFiniteInstant(wallMs);
  return resolveInState(zoneState(zone), wallMs);
}

/**
 * The first instant at which the local clock in `zone` reads `wallMs` or later: the earlier
 * occurrence of an ambiguous time, the end of the gap for a time that does not exist.
 */
export function firstInstantAtOrAfterWallClock(wallMs: number, zone: string): number {
  const resolution = resolveWallClock(wallMs, zone);
  switch (resolution.kind) {
    case "unique":
      return resolution.instant;
    case "ambiguous":
      return resolution.earlier;
    case "gap":
      return resolution.transition;
  }
}

export interface LocalToInstantOptions {
  /** Which occurrence of a repeated (fall-back) wall-clock time to take. Default `"earlier"`. */
  readonly ambiguous?: "earlier" | "later";
}

export type LocalToInstantResult =
  | { readonly ok: true; readonly instant: number }
  | { readonly ok: false; readonly reason: "nonexistent" };

/**
 * The instant at which the clock in `zone` reads `localDate` `localTime`.
 * - In a DST gap the time does not exist: `{ ok: false, reason: "nonexistent" }` (refused, never
 *   silently shifted).
 * - A repeated time (DST fall back) resolves to its EARLIER occurrence by default, because that is
 *   when the clock first shows it; pass `{ ambiguous: "later" }` for the second one.
 * Throws a RangeError for a malformed date ("YYYY-MM-DD", a real date), time ("HH:MM") or zone.
 */
export function localToInstant(
  localDate: string,
  localTime: string,
  zone: string,
  options: LocalToInstantOptions = {},
): LocalToInstantResult {
  const wallMs =
    parseLocalDateOrThrow(localDate) * MS_PER_DAY + parseLocalTimeOrThrow(localTime) * MS_PER_MINUTE;
  const resolution = resolveWallClock(wallMs, zone);
  switch (resolution.kind) {
    case "unique":
      return { ok: true, instant: resolution.instant };
    case "ambiguous":
      return { ok: true, instant: options.ambiguous === "later" ? resolution.later : resolution.earlier };
    case "gap":
      return { ok: false, reason: "nonexistent" };
  }
}

export interface LocalDateTime {
  /** "YYYY-MM-DD" */
  readonly date: string;
  /** "HH:MM" (seconds dropped) */
  readonly time: string;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: Weekday;
}

/** The local day number (days since 1970-01-01 on the local calendar) of an instant. */
export function localDayNumberOf(instantMs: number, zone: string): number {
  return Math.floor((instantMs + zoneOffsetMs(instantMs, zone)) / MS_PER_DAY);
}

/** What the clock and calendar in `zone` show at `instantMs`. */
export function instantToLocal(instantMs: number, zone: string): LocalDateTime {
  const wallMs = instantMs + zoneOffsetMs(instantMs, zone);
  const dayNumber = Math.floor(wallMs / MS_PER_DAY);
  const minuteOfDay = Math.floor((wallMs - dayNumber * MS_PER_DAY) / MS_PER_MINUTE);
  return {
    date: formatLocalDate(dayNumber),
    time: formatLocalTime(minuteOfDay),
    weekday: weekdayOfDay(dayNumber),
  };
}
