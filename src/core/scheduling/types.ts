/**
 * Input and output shapes of the slot engine. Local times ("HH:MM") and dates ("YYYY-MM-DD") are in
 * the clinic's zone; instants are epoch milliseconds; every instant interval is half-open `[start, end)`.
 */

import type { Weekday } from "./civil";
import type { Interval } from "./intervals";

/** A search range of instants, `[from, to)`, epoch ms. */
export interface InstantRange {
  readonly from: number;
  readonly to: number;
}

/** A local wall-clock interval within one day. `end` may be "24:00" (midnight at the day's end). */
export interface LocalInterval {
  /** "HH:MM", 00:00-23:59 */
  readonly start: string;
  /** "HH:MM", after `start`, up to "24:00". Overnight shifts are split at midnight. */
  readonly end: string;
}

/** Recurring intervals per weekday (0 = Sunday … 6 = Saturday); a missing weekday has none. */
export type WeeklySchedule = Readonly<Partial<Record<Weekday, readonly LocalInterval[]>>>;

/** Replaces the weekly hours AND the weekly breaks of one local date. `[]` = closed that day. At most one per date. */
export interface DateOverride {
  /** "YYYY-MM-DD" in the clinic's zone */
  readonly date: string;
  /** The exact working intervals of that date (express any break by splitting them). */
  readonly intervals: readonly LocalInterval[];
  /** Why (staff's words, e.g. "Training day"); the slot engine ignores it, the calendar shows it. */
  readonly note?: string | null;
}

export interface TherapistSchedule {
  readonly id: string;
  readonly weeklyHours: WeeklySchedule;
  /** Recurring unbookable intervals inside the weekly hours (lunch). Not applied on override dates. */
  readonly breaks?: WeeklySchedule;
  readonly dateOverrides?: readonly DateOverride[];
  /** Absences as instant intervals (holiday, sick leave). */
  readonly timeOff?: readonly Interval[];
  /** Services this therapist performs; omitted = all services. */
  readonly serviceIds?: readonly string[];
}

export interface Room {
  readonly id: string;
}

export interface ServiceSpec {
  readonly id: string;
  /** Bookable length the client sees, in minutes (positive integer). */
  readonly durationMin: number;
  /** Set-up time blocked before the session, in minutes (≥ 0). */
  readonly bufferBeforeMin: number;
  /** Clean-up/notes time blocked after the session, in minutes (≥ 0). */
  readonly bufferAfterMin: number;
  /** Whether a free room is needed as well as a free therapist. */
  readonly needsRoom: boolean;
}

/**
 * An existing appointment in a holding status (requested, confirmed, …), as stored for the
 * database's exclusion constraints: `start`/`end` are its BLOCKING interval, buffers included,
 * i.e. `[appointmentStart − bufferBefore, appointmentEnd + bufferAfter)` of its own service
 * (see `blockingInterval`). The engine never adds buffers to these again.
 */
export interface BusyInterval extends Interval {
  /** The therapist it occupies; `null` for a room-only block (maintenance). */
  readonly therapistId: string | null;
  /** The room it occupies; `null` when it uses none. */
  readonly roomId: string | null;
}

export interface BookingPolicy {
  /** A slot must start at least this many minutes after `now` (≥ 0). */
  readonly minNoticeMin: number;
  /** A slot must start less than this many 24-hour days after `now` (elapsed time, ≥ 0). */
  readonly horizonDays: number;
  /** Slot starts are this many minutes apart, counted from each working interval's start (positive integer). */
  readonly stepMin: number;
}

export interface SlotQuery {
  /** The clinic's IANA time zone: weekly hours, breaks and override dates are read in it. */
  readonly zone: string;
  readonly service: ServiceSpec;
  readonly therapists: readonly TherapistSchedule[];
  readonly rooms: readonly Room[];
  readonly busy: readonly BusyInterval[];
  /** Slot starts are searched in `[range.from, range.to)`. */
  readonly range: InstantRange;
  /** The current instant (passed in, so the engine stays pure and testable). */
  readonly now: number;
  readonly policy: BookingPolicy;
  /** Only this therapist; omitted = any therapist who performs the service. */
  readonly therapistId?: string;
}

export interface Slot {
  /** The session's start (what the client books), epoch ms. */
  readonly start: number;
  /** `start + durationMin` (buffers not included), epoch ms. */
  readonly end: number;
  /** Every therapist free for the whole blocking window, in the order of `SlotQuery.therapists`. */
  readonly therapistIds: string[];
  /** Every room free for the whole blocking window, in the order of `SlotQuery.rooms`; `[]` when the service needs no room. */
  readonly roomIds: string[];
}
