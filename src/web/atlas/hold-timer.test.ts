import { describe, expect, it } from "vitest";
import {
  holdChoices,
  initialTimer,
  progress,
  secondsLeft,
  type TimerState,
  timerReducer,
} from "./hold-timer";

const run = (state: TimerState, ...actions: Parameters<typeof timerReducer>[1][]) =>
  actions.reduce(timerReducer, state);

describe("the hold timer", () => {
  it("keeps holds within 10-60 seconds", () => {
    expect(initialTimer(5).duration).toBe(10);
    expect(initialTimer(90).duration).toBe(60);
    expect(initialTimer(Number.NaN).duration).toBe(10);
  });

  it("counts down from the clock and ends exactly at the chosen time", () => {
    const started = run(initialTimer(30), { type: "start", now: 1000 });
    expect(started.status).toBe("running");
    const later = run(started, { type: "tick", now: 1000 + 10_400 });
    expect(secondsLeft(later)).toBe(20);
    expect(progress(later)).toBeCloseTo(10.4 / 30);
    expect(run(later, { type: "tick", now: 1000 + 29_999 }).status).toBe("running");
    const done = run(later, { type: "tick", now: 1000 + 30_000 });
    expect(done).toMatchObject({ status: "done", remainingMs: 0 });
  });

  it("pauses and resumes without losing or gaining time", () => {
    const paused = run(initialTimer(20), { type: "start", now: 0 }, { type: "pause", now: 5000 });
    expect(paused).toMatchObject({ status: "paused", remainingMs: 15_000 });
    // Time passing while paused changes nothing.
    expect(run(paused, { type: "tick", now: 60_000 })).toBe(paused);
    const resumed = run(paused, { type: "start", now: 100_000 });
    expect(run(resumed, { type: "tick", now: 114_999 }).status).toBe("running");
    expect(run(resumed, { type: "tick", now: 115_000 }).status).toBe("done");
  });

  it("resets to the full hold, and starts a new full hold after one has ended", () => {
    const done = run(initialTimer(10), { type: "start", now: 0 }, { type: "tick", now: 10_000 });
    expect(run(done, { type: "reset" })).toEqual(initialTimer(10));
    const again = run(done, { type: "start", now: 20_000 });
    expect(again).toMatchObject({ status: "running", remainingMs: 10_000, endsAt: 30_000 });
  });

  it("starts over when the length changes", () => {
    const running = run(initialTimer(30), { type: "start", now: 0 });
    expect(run(running, { type: "duration", seconds: 45 })).toEqual(initialTimer(45));
  });

  it("offers 10-60 s in steps with the muscle's range marked and its shortest hold first", () => {
    const { choices, initial } = holdChoices([20, 40]);
    expect(initial).toBe(20);
    expect(choices.map((c) => c.seconds)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(choices.filter((c) => c.recommended).map((c) => c.seconds)).toEqual([20, 30, 40]);
    expect(holdChoices([15, 45]).choices.map((c) => c.seconds)).toEqual([10, 15, 20, 30, 40, 45, 50, 60]);
  });
});
