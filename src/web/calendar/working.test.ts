import { describe, expect, it } from "vitest";
import { therapistScheduleOf } from "../../core/calendar/working-hours";
import { columnWorkingHours, describeWorking, formatWallMinute, hoursInWords, shortWorking } from "./working";

const ZONE = "America/Boise";
/** Thursday. */
const DATE = "2026-12-03";
const anna = therapistScheduleOf(
  "anna",
  { hours: [{ weekday: 4, start: "09:00", end: "17:00" }], breaks: [] },
  [{ date: "2026-12-04", intervals: [] }],
  [],
);
const ben = therapistScheduleOf(
  "ben",
  {
    hours: [
      { weekday: 4, start: "12:00", end: "20:00" },
      { weekday: 5, start: "10:00", end: "14:00" },
    ],
    breaks: [],
  },
  [],
  [],
);
const schedules = new Map([
  ["anna", anna],
  ["ben", ben],
]);

describe("columnWorkingHours", () => {
  it("gives each therapist column that therapist's own hours", () => {
    const hours = columnWorkingHours({
      view: "day",
      by: "therapist",
      date: DATE,
      columns: [
        { key: "anna", label: "Anna" },
        { key: "ben", label: "Ben" },
        { key: "gone", label: "No longer here" },
      ],
      schedules,
      zone: ZONE,
    });
    expect(hours.get("anna")).toEqual([{ start: 540, end: 1020 }]);
    expect(hours.get("ben")).toEqual([{ start: 720, end: 1200 }]);
    // An inactive therapist has no bookable time: the whole column is shaded.
    expect(hours.get("gone")).toEqual([]);
  });

  it("gives a week's day the time anyone works, overrides applied", () => {
    const hours = columnWorkingHours({
      view: "week",
      by: "therapist",
      date: DATE,
      columns: [
        { key: "2026-12-03", label: "Thu" },
        { key: "2026-12-04", label: "Fri" },
        { key: "2026-12-05", label: "Sat" },
      ],
      schedules,
      zone: ZONE,
    });
    expect(hours.get("2026-12-03")).toEqual([{ start: 540, end: 1200 }]);
    // Anna's day off on Friday leaves Ben's hours.
    expect(hours.get("2026-12-04")).toEqual([{ start: 600, end: 840 }]);
    expect(hours.get("2026-12-05")).toEqual([]);
  });

  it("shades nothing while the schedules load", () => {
    const hours = columnWorkingHours({
      view: "day",
      by: "room",
      date: DATE,
      columns: [{ key: "r1", label: "Room 1" }],
      schedules: undefined,
      zone: ZONE,
    });
    expect(hours.get("r1")).toBeNull();
  });
});

describe("the words for working hours", () => {
  it("says the hours as a clock does", () => {
    expect(formatWallMinute(0)).toBe("12:00 AM");
    expect(formatWallMinute(9 * 60 + 30)).toBe("9:30 AM");
    expect(formatWallMinute(12 * 60)).toBe("12:00 PM");
    expect(formatWallMinute(1440)).toBe("midnight");
  });

  it("lists every span, or says nobody works", () => {
    const spans = [
      { start: 540, end: 720 },
      { start: 780, end: 1020 },
    ];
    expect(describeWorking(spans)).toBe("9:00 AM–12:00 PM, 1:00 PM–5:00 PM");
    expect(shortWorking(spans)).toBe("9:00 AM–5:00 PM");
    expect(describeWorking([])).toBe("not working");
    expect(shortWorking([])).toBe("Not working");
  });

  it("names a column's hours once, for a therapist or for the clinic", () => {
    const spans = [{ start: 540, end: 1020 }];
    expect(hoursInWords(spans, true)).toBe("working 9:00 AM–5:00 PM");
    expect(hoursInWords([], true)).toBe("not working");
    expect(hoursInWords(spans, false)).toBe("open 9:00 AM–5:00 PM");
    expect(hoursInWords([], false)).toBe("nobody working");
  });
});
