import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addHold,
  elapsedMs,
  HOLD_PRESETS,
  type HoldTimer,
  pauseHold,
  readyHold,
  recordedSeconds,
  remainingMs,
  resumeHold,
  startHold,
} from "./hold-timer";

const T0 = Date.UTC(2026, 11, 3, 16, 0, 0);

type Action = "start" | "pause" | "resume" | "look";

/** A hold as the therapist uses it: actions at increasing times (gaps up to 2 minutes, as when the tab sleeps). */
const sessionArb = fc.record({
  target: fc.constantFrom(...HOLD_PRESETS),
  steps: fc.array(
    fc.record({
      gap: fc.integer({ min: 0, max: 120_000 }),
      action: fc.constantFrom<Action>("start", "pause", "resume", "look"),
    }),
    { maxLength: 30 },
  ),
  tail: fc.integer({ min: 0, max: 120_000 }),
});

/** Runs the actions; returns the timer, the end time, and the ms actually spent running (the model). */
type Session = typeof sessionArb extends fc.Arbitrary<infer S> ? S : never;

function play(session: Session) {
  let timer: HoldTimer = readyHold(session.target);
  let now = T0;
  let firstStart: number | null = null;
  let runningSince: number | null = null;
  let runningMs = 0;
  for (const { gap, action } of session.steps) {
    now += gap;
    if (action === "start" || action === "resume") {
      const wasRunning = timer.kind === "running";
      const next: HoldTimer = action === "start" ? startHold(timer, now) : resumeHold(timer, now);
      timer = next;
      if (!wasRunning && next.kind === "running") {
        runningSince = now;
        firstStart ??= now;
      }
    } else if (action === "pause" && timer.kind === "running") {
      timer = pauseHold(timer, now);
      runningMs += now - (runningSince ?? now);
      runningSince = null;
    }
  }
  now += session.tail;
  if (runningSince !== null) runningMs += now - runningSince;
  return { timer, now, firstStart, runningMs };
}

describe("hold timer properties", () => {
  it("never records more than the time elapsed since the first start, nor more than the time running", () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const { timer, now, firstStart, runningMs } = play(session);
        const recorded = recordedSeconds(timer, now);
        const sinceStart = firstStart === null ? 0 : now - firstStart;
        expect(recorded * 1000).toBeLessThanOrEqual(sinceStart);
        expect(recorded * 1000).toBeLessThanOrEqual(runningMs);
        expect(recorded).toBeLessThanOrEqual(session.target);
        expect(recorded).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("counts exactly the time running, up to the target, however the clock was sampled", () => {
    fc.assert(
      fc.property(sessionArb, (session) => {
        const { timer, now, runningMs } = play(session);
        expect(Math.min(elapsedMs(timer, now), session.target * 1000)).toBe(
          Math.min(runningMs, session.target * 1000),
        );
        expect(recordedSeconds(timer, now)).toBe(
          Math.floor(Math.min(runningMs, session.target * 1000) / 1000),
        );
      }),
    );
  });

  it("the time left never grows as the clock moves forward", () => {
    fc.assert(
      fc.property(sessionArb, fc.integer({ min: 0, max: 120_000 }), (session, later) => {
        const { timer, now } = play(session);
        expect(remainingMs(timer, now + later)).toBeLessThanOrEqual(remainingMs(timer, now));
        expect(recordedSeconds(timer, now + later)).toBeGreaterThanOrEqual(recordedSeconds(timer, now));
      }),
    );
  });

  it("several holds on one point add up to the sum of each, within the cap", () => {
    fc.assert(
      fc.property(fc.array(sessionArb, { maxLength: 8 }), (sessions) => {
        const each = sessions.map((s) => {
          const { timer, now } = play(s);
          return recordedSeconds(timer, now);
        });
        const total = each.reduce((sum, s) => addHold(sum, s), addHold(null, 0));
        expect(total).toBe(
          Math.min(
            3600,
            each.reduce((a, b) => a + b, 0),
          ),
        );
      }),
    );
  });
});
