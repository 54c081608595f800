import { describe, expect, it } from "vitest";
import { datesOfRange, overrideErrorField, overrideRuns, rangeProblems } from "./overrides";

const closed = (date: string, note: string | null = "Holiday") => ({ date, intervals: [], note });

describe("overrideRuns", () => {
  it("joins consecutive dates with the same hours and note", () => {
    const runs = overrideRuns([
      closed("2026-12-26"),
      closed("2026-12-24"),
      closed("2026-12-25"),
      closed("2026-12-31", null),
      { date: "2027-01-01", intervals: [{ start: "10:00", end: "14:00" }], note: null },
      { date: "2027-01-02", intervals: [{ start: "10:00", end: "14:00" }], note: null },
    ]);
    expect(runs.map((r) => [r.from, r.to, r.dates.length])).toEqual([
      ["2026-12-24", "2026-12-26", 3],
      ["2026-12-31", "2026-12-31", 1],
      ["2027-01-01", "2027-01-02", 2],
    ]);
  });

  it("keeps a gap or different hours apart", () => {
    const runs = overrideRuns([
      closed("2026-12-24"),
      closed("2026-12-26"),
      { date: "2026-12-27", intervals: [{ start: "09:00", end: "12:00" }], note: "Holiday" },
    ]);
    expect(runs).toHaveLength(3);
  });
});

describe("ranges", () => {
  it("lists every date of a range, across a month's end", () => {
    expect(datesOfRange("2026-12-30", "2027-01-02")).toEqual([
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-02",
    ]);
  });

  it("says what is wrong with a range at its field", () => {
    const today = "2026-12-03";
    expect(rangeProblems("", "", today)).toEqual({ date: "Enter a date." });
    expect(rangeProblems("2026-12-01", "", today)).toEqual({ date: "Choose today or a later date." });
    expect(rangeProblems("2026-12-10", "2026-12-09", today)).toHaveProperty("until");
    expect(rangeProblems("2026-12-10", "2027-06-10", today)).toHaveProperty("until");
    expect(rangeProblems("2026-12-10", "2026-12-24", today)).toEqual({});
  });

  it("places the server's field names on the form's fields", () => {
    expect(overrideErrorField("params.date")).toBe("date");
    expect(overrideErrorField("intervals[1]")).toBe("intervals[1]");
    expect(overrideErrorField("intervals[0].end")).toBe("intervals[0].end");
    expect(overrideErrorField("note")).toBe("note");
    expect(overrideErrorField("something.else")).toBeNull();
    expect(overrideErrorField(undefined)).toBeNull();
  });
});
