import { describe, expect, it } from "vitest";
import {
  announce,
  clampIntensity,
  intensityForKey,
  regionAppearance,
  withMark,
  withoutMark,
} from "./marking";

describe("marking", () => {
  it("adds, changes and removes a mark without touching the others", () => {
    const marks = withMark({ "jaw-left": 3 }, "temple-left", 6);
    expect(marks).toEqual({ "jaw-left": 3, "temple-left": 6 });
    expect(withMark(marks, "temple-left", 8)).toEqual({ "jaw-left": 3, "temple-left": 8 });
    expect(withoutMark(marks, "temple-left")).toEqual({ "jaw-left": 3 });
  });

  it("keeps intensities whole numbers from 1 to 10", () => {
    expect(clampIntensity(0)).toBe(1);
    expect(clampIntensity(12)).toBe(10);
    expect(clampIntensity(6.4)).toBe(6);
  });

  it("reads digits 1-9 as themselves and 0 as 10", () => {
    expect(intensityForKey("1")).toBe(1);
    expect(intensityForKey("9")).toBe(9);
    expect(intensityForKey("0")).toBe(10);
    expect(intensityForKey("a")).toBeNull();
    expect(intensityForKey("Enter")).toBeNull();
  });

  it("shows the pattern in pattern mode and the marks otherwise", () => {
    const pattern = { essential: ["temple-left"], spillover: ["eye-left"] };
    const marks = { "temple-left": 4 };
    expect(regionAppearance("temple-left", true, marks, pattern)).toEqual({ kind: "essential" });
    expect(regionAppearance("eye-left", true, marks, pattern)).toEqual({ kind: "spillover" });
    expect(regionAppearance("jaw-left", true, marks, pattern)).toEqual({ kind: "plain" });
    expect(regionAppearance("temple-left", false, marks, pattern)).toEqual({ kind: "marked", intensity: 4 });
  });

  it("announces changes in plain words", () => {
    expect(announce.marked("temple-left", 6)).toBe("Temple (left) marked, intensity 6");
    expect(announce.unmarked("sacrum")).toBe("Sacrum (midline) unmarked");
  });
});
