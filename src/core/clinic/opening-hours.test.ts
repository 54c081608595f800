import { describe, expect, it } from "vitest";
import { openingHours, type WorkingHoursRow } from "./opening-hours";

const row = (therapistId: string, weekday: number, startTime: string, endTime: string, isBreak = false) =>
  ({ therapistId, weekday, startTime, endTime, isBreak }) satisfies WorkingHoursRow;

describe("openingHours", () => {
  it("joins therapists' hours on a day and takes out a break only one therapist has", () => {
    const days = openingHours([
      row("a", 1, "09:00:00", "17:00:00"),
      row("a", 1, "12:00:00", "13:00:00", true),
      row("b", 1, "12:00:00", "19:00:00"),
    ]);
    expect(days).toEqual([{ weekday: 1, intervals: [{ start: "09:00", end: "19:00" }] }]);
  });

  it("shows a gap when everyone is on a break, and lists Monday first with Sunday last", () => {
    const days = openingHours([
      row("a", 0, "10:00", "14:00"),
      row("a", 2, "09:00", "17:00"),
      row("a", 2, "12:00", "13:00", true),
    ]);
    expect(days).toEqual([
      {
        weekday: 2,
        intervals: [
          { start: "09:00", end: "12:00" },
          { start: "13:00", end: "17:00" },
        ],
      },
      { weekday: 0, intervals: [{ start: "10:00", end: "14:00" }] },
    ]);
  });

  it("leaves out days that are all break and ignores malformed rows", () => {
    expect(openingHours([row("a", 3, "09:00", "12:00"), row("a", 3, "09:00", "12:00", true)])).toEqual([]);
    expect(openingHours([row("a", 4, "bad", "12:00"), row("a", 4, "12:00", "11:00")])).toEqual([]);
  });

  it("keeps a day that runs to midnight", () => {
    expect(openingHours([row("a", 5, "18:00:00", "24:00:00")])).toEqual([
      { weekday: 5, intervals: [{ start: "18:00", end: "24:00" }] },
    ]);
  });
});
