/**
 * The hold timer's rules (docs/product.md F2, F6: pressure held 10-60 s), apart from React so they are
 * easy to test. Time is read from the clock on every tick rather than counted, so a throttled
 * background tab or a slow phone still ends on time.
 */
export const MIN_HOLD = 10;
export const MAX_HOLD = 60;
export const HOLD_CHOICES: readonly number[] = [10, 20, 30, 40, 50, 60];

export type TimerStatus = "idle" | "running" | "paused" | "done";

export interface TimerState {
  readonly status: TimerStatus;
  /** Chosen hold, seconds. */
  readonly duration: number;
  /** Time left, milliseconds. */
  readonly remainingMs: number;
  /** Clock time (ms) the hold ends, while running. */
  readonly endsAt: number | null;
}

export type TimerAction =
  | { readonly type: "duration"; readonly seconds: number }
  | { readonly type: "start"; readonly now: number }
  | { readonly type: "pause"; readonly now: number }
  | { readonly type: "reset" }
  | { readonly type: "tick"; readonly now: number };

export function clampHold(seconds: number): number {
  if (!Number.isFinite(seconds)) return MIN_HOLD;
  return Math.min(MAX_HOLD, Math.max(MIN_HOLD, Math.round(seconds)));
}

export function initialTimer(seconds: number): TimerState {
  const duration = clampHold(seconds);
  return { status: "idle", duration, remainingMs: duration * 1000, endsAt: null };
}

export function timerReducer(state: TimerState, action: TimerAction): TimerState {
  switch (action.type) {
    case "duration":
      // Changing the length starts over: a half-done hold of another length means nothing.
      return initialTimer(action.seconds);
    case "start": {
      if (state.status === "running") return state;
      const remainingMs = state.status === "done" ? state.duration * 1000 : state.remainingMs;
      return { ...state, status: "running", remainingMs, endsAt: action.now + remainingMs };
    }
    case "pause":
      if (state.status !== "running" || state.endsAt === null) return state;
      return {
        ...state,
        status: "paused",
        remainingMs: Math.max(0, state.endsAt - action.now),
        endsAt: null,
      };
    case "reset":
      return initialTimer(state.duration);
    case "tick": {
      if (state.status !== "running" || state.endsAt === null) return state;
      const remainingMs = Math.max(0, state.endsAt - action.now);
      if (remainingMs === 0) return { ...state, status: "done", remainingMs: 0, endsAt: null };
      return remainingMs === state.remainingMs ? state : { ...state, remainingMs };
    }
  }
}

/** Whole seconds left, counting up to the next second (a hold shows 30 until a full second has gone). */
export function secondsLeft(state: TimerState): number {
  return Math.ceil(state.remainingMs / 1000);
}

/** Share of the hold done, 0-1. */
export function progress(state: TimerState): number {
  return 1 - state.remainingMs / (state.duration * 1000);
}

/** The hold choices, with the muscle's own range marked and its shortest hold chosen first. */
export function holdChoices(range: readonly [number, number]): {
  choices: readonly { seconds: number; recommended: boolean }[];
  initial: number;
} {
  const [low, high] = [clampHold(range[0]), clampHold(range[1])];
  const choices = [...new Set([...HOLD_CHOICES, low, high])]
    .sort((a, b) => a - b)
    .map((seconds) => ({ seconds, recommended: seconds >= low && seconds <= high }));
  return { choices, initial: low };
}
