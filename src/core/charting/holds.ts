/**
 * Rules for the hold durations written into a trigger point record (docs/product.md F6). The timer
 * itself (wall-clock countdown) is the web app's (hold-timer.ts); these rules decide what the
 * record keeps: a hold never counts more than the time that actually elapsed, holds on one point
 * add up, and the total stays within what the record can hold.
 */
import { MAX_HOLD_SECONDS, MIN_HOLD_SECONDS } from "../atlas";

/** The timer's presets (seconds); the clinic's default is one of the 10–60 s range. */
export const HOLD_PRESETS = [10, 20, 30, 45, 60] as const;
export const DEFAULT_HOLD_SECONDS = 30;
export { MAX_HOLD_SECONDS, MIN_HOLD_SECONDS };
/** One hold is at most this long (a forgotten timer must not write minutes of pressure). */
export const MAX_SINGLE_HOLD_SECONDS = 120;
/** The total held on one point in one session is capped here (ten minutes is far beyond practice). */
export const MAX_TOTAL_HOLD_SECONDS = 600;

export interface HoldReport {
  /** Seconds the device says were held. */
  readonly seconds: number;
  /** When the hold started and ended, by the device's clock (ms since epoch), if it sent them. */
  readonly startedAt?: number;
  readonly endedAt?: number;
}

/**
 * The whole seconds one hold adds to a record: what was reported, but never more than the time
 * between its start and end (when both are known), never more than one hold's maximum, never below 0.
 */
export function holdSecondsToRecord(report: HoldReport): number {
  let seconds = Math.floor(Number.isFinite(report.seconds) ? report.seconds : 0);
  if (report.startedAt !== undefined && report.endedAt !== undefined) {
    const elapsed = Math.floor((report.endedAt - report.startedAt) / 1000);
    seconds = Math.min(seconds, Number.isFinite(elapsed) ? elapsed : 0);
  }
  return Math.max(0, Math.min(seconds, MAX_SINGLE_HOLD_SECONDS));
}

/** The point's new total after one more hold: holds add up, within the per-point cap. */
export function addHold(total: number | null, added: number): number {
  const sum = (total ?? 0) + Math.max(0, Math.floor(added));
  return Math.min(Math.max(0, sum), MAX_TOTAL_HOLD_SECONDS);
}

/** The clinic's default hold, kept to the timer's 10–60 s range. */
export function clampDefaultHold(seconds: number): number {
  return Math.min(MAX_HOLD_SECONDS, Math.max(MIN_HOLD_SECONDS, Math.round(seconds)));
}
