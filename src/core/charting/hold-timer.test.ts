import { describe, expect, it } from "vitest";
import {
  addHold,
  clampTarget,
  DEFAULT_HOLD_SECONDS,
  endsAt,
  formatSeconds,
  isFinished,
  pauseHold,
  readyHold,
  recordedSeconds,
  remainingSeconds,
  resumeHold,
  startHold,
  withTarget,
} from "./hold-timer";

const T0 = Date.UTC(2026, 11, 3, 16, 0, 0);

describe("hold timer", () => {
  it("counts down from the target and finishes at zero", () => {
    const timer = startHold(readyHold(30), T0);
    expect(remainingSeconds(timer, T0)).toBe(30);
    expect(remainingSeconds(timer, T0 + 100)).toBe(30);
    expect(remainingSeconds(timer, T0 + 29_001)).toBe(1);
    expect(isFinished(timer, T0 + 29_999)).toBe(false);
    expect(isFinished(timer, T0 + 30_000)).toBe(true);
    expect(endsAt(timer)).toBe(T0 + 30_000);
  });

  it("reads the wall clock: after a tab slept for a minute the hold is complete, recorded as the target", () => {
    const timer = startHold(readyHold(45), T0);
    expect(recordedSeconds(timer, T0 + 60_000)).toBe(45);
    expect(remainingSeconds(timer, T0 + 60_000)).toBe(0);
  });

  it("records whole seconds actually held when stopped early, rounded down", () => {
    const timer = startHold(readyHold(30), T0);
    expect(recordedSeconds(timer, T0 + 12_900)).toBe(12);
    expect(recordedSeconds(readyHold(30), T0 + 12_900)).toBe(0);
  });

  it("does not count the time paused", () => {
    let timer = startHold(readyHold(20), T0);
    timer = pauseHold(timer, T0 + 5_000);
    expect(recordedSeconds(timer, T0 + 50_000)).toBe(5);
    timer = resumeHold(timer, T0 + 50_000);
    expect(recordedSeconds(timer, T0 + 53_000)).toBe(8);
    expect(endsAt(timer)).toBe(T0 + 50_000 + 15_000);
  });

  it("never goes negative when the device clock is set back", () => {
    const timer = startHold(readyHold(20), T0);
    expect(recordedSeconds(timer, T0 - 60_000)).toBe(0);
    expect(remainingSeconds(timer, T0 - 60_000)).toBe(20);
  });

  it("keeps targets within 10-60 s and changes them only before the hold begins", () => {
    expect(clampTarget(5)).toBe(10);
    expect(clampTarget(90)).toBe(60);
    expect(clampTarget(Number.NaN)).toBe(DEFAULT_HOLD_SECONDS);
    expect(withTarget(readyHold(30), 45).targetSeconds).toBe(45);
    expect(withTarget(startHold(readyHold(30), T0), 45).targetSeconds).toBe(30);
  });

  it("adds several holds on one point", () => {
    expect(addHold(null, 30)).toBe(30);
    expect(addHold(30, 20)).toBe(50);
    expect(addHold(3590, 30)).toBe(3600);
    expect(addHold(10, -5)).toBe(10);
  });

  it("formats minutes and seconds", () => {
    expect(formatSeconds(0)).toBe("0:00");
    expect(formatSeconds(45)).toBe("0:45");
    expect(formatSeconds(60)).toBe("1:00");
  });
});
