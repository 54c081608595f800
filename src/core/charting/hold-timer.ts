/**
 * The hold timer's rules (docs/product.md F6): a countdown of 10-60 s while the therapist holds
 * pressure on a trigger point, and the time actually held written into that point's record.
 *
 * Time is read from wall-clock timestamps (`Date.now()` passed in as `now`), never counted from
 * interval ticks: a browser slows or stops timers in a background tab or when the screen sleeps,
 * so counting ticks would record too little. Every function here is pure; the component only
 * re-renders to show the result.
 */

/** The presets offered on the timer, in seconds (PRODUCT F6: a 10-60 s countdown). */
export const HOLD_PRESETS = [10, 20, 30, 45, 60] as const;
export const MIN_HOLD_TARGET_SECONDS = 10;
export const MAX_HOLD_TARGET_SECONDS = 60;
/** Used when the clinic has no default of its own. */
export const DEFAULT_HOLD_SECONDS = 30;

export type HoldTimer =
  | { readonly kind: "ready"; readonly targetSeconds: number }
  | {
      readonly kind: "running";
      readonly targetSeconds: number;
      /** When the current run began (ms since the epoch). */
      readonly since: number;
      /** Time held in earlier runs of this hold, before a pause (ms). */
      readonly heldMs: number;
    }
  | { readonly kind: "paused"; readonly targetSeconds: number; readonly heldMs: number };

/** A whole number of seconds within 10-60; anything else (NaN, a typo in settings) becomes the default. */
export function clampTarget(seconds: number): number {
  if (!Number.isFinite(seconds)) return DEFAULT_HOLD_SECONDS;
  return Math.min(MAX_HOLD_TARGET_SECONDS, Math.max(MIN_HOLD_TARGET_SECONDS, Math.round(seconds)));
}

export function readyHold(targetSeconds: number): HoldTimer {
  return { kind: "ready", targetSeconds: clampTarget(targetSeconds) };
}

/** Choosing another preset starts over: a target only applies to a hold not yet begun. */
export function withTarget(timer: HoldTimer, targetSeconds: number): HoldTimer {
  return timer.kind === "ready" ? readyHold(targetSeconds) : timer;
}

/** Time held so far (ms). A clock set back never makes it negative or smaller than before. */
export function elapsedMs(timer: HoldTimer, now: number): number {
  switch (timer.kind) {
    case "ready":
      return 0;
    case "paused":
      return timer.heldMs;
    case "running":
      return timer.heldMs + Math.max(0, now - timer.since);
  }
}

/** Time held, counted only up to the target: the countdown ends there and the cue says "release". */
export function heldMs(timer: HoldTimer, now: number): number {
  return Math.min(elapsedMs(timer, now), timer.targetSeconds * 1000);
}

export function remainingMs(timer: HoldTimer, now: number): number {
  return timer.targetSeconds * 1000 - heldMs(timer, now);
}

/** The countdown's figure: whole seconds left, rounded up (shows 30 at the start, 1 in the last second). */
export function remainingSeconds(timer: HoldTimer, now: number): number {
  return Math.ceil(remainingMs(timer, now) / 1000);
}

export function isFinished(timer: HoldTimer, now: number): boolean {
  return timer.kind !== "ready" && remainingMs(timer, now) <= 0;
}

/** The moment the countdown reaches zero, or null when it is not running. */
export function endsAt(timer: HoldTimer): number | null {
  return timer.kind === "running" ? timer.since + (timer.targetSeconds * 1000 - timer.heldMs) : null;
}

export function startHold(timer: HoldTimer, now: number): HoldTimer {
  switch (timer.kind) {
    case "ready":
      return { kind: "running", targetSeconds: timer.targetSeconds, since: now, heldMs: 0 };
    case "paused":
      return resumeHold(timer, now);
    case "running":
      return timer;
  }
}

export function pauseHold(timer: HoldTimer, now: number): HoldTimer {
  if (timer.kind !== "running") return timer;
  return { kind: "paused", targetSeconds: timer.targetSeconds, heldMs: heldMs(timer, now) };
}

export function resumeHold(timer: HoldTimer, now: number): HoldTimer {
  if (timer.kind !== "paused") return timer;
  return { kind: "running", targetSeconds: timer.targetSeconds, since: now, heldMs: timer.heldMs };
}

/**
 * The whole seconds to write into the point's record when the hold ends (stopped early, or at the
 * end cue): rounded down, so a record never claims more than was held.
 */
export function recordedSeconds(timer: HoldTimer, now: number): number {
  return Math.floor(heldMs(timer, now) / 1000);
}

/**
 * A point's total hold time after one more hold: several holds on one point add up. `cap` keeps
 * the total within what the record can store.
 */
export function addHold(totalSeconds: number | null | undefined, seconds: number, cap = 3600): number {
  const before = Number.isFinite(totalSeconds) ? Math.max(0, Math.floor(totalSeconds as number)) : 0;
  const added = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  return Math.min(cap, before + added);
}

/** "0:30" for the countdown and the record. */
export function formatSeconds(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
}
