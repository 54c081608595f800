import { describe, expect, it } from "vitest";
import { CHRONIC_FROM_DAYS, classifyChronicity, type Duration, durationInDays } from "./chronicity";

describe("classifyChronicity", () => {
  it.each<Duration>([
    { amount: 3, unit: "months" },
    { amount: 90, unit: "days" },
    { amount: 13, unit: "weeks" },
    { amount: 1, unit: "years" },
    { amount: 20, unit: "years" },
  ])("pain lasting $amount $unit counts as chronic", (duration) => {
    expect(classifyChronicity(duration)).toBe("chronic");
  });

  it.each<Duration>([
    { amount: 1, unit: "days" },
    { amount: 89, unit: "days" },
    { amount: 12, unit: "weeks" },
    { amount: 2, unit: "months" },
  ])("pain lasting $amount $unit counts as recent", (duration) => {
    expect(classifyChronicity(duration)).toBe("recent");
  });

  it("puts the line at 90 days, i.e. exactly 3 months of 30 days", () => {
    expect(CHRONIC_FROM_DAYS).toBe(90);
    expect(durationInDays({ amount: 3, unit: "months" })).toBe(CHRONIC_FROM_DAYS);
  });
});
