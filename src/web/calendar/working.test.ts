import { describe, expect, it } from "vitest";
import { therapistScheduleOf } from "../../core/calendar/working-hours";
import {
  agendaHoursText,
  columnHeadHours,
  columnWorkingHours,
  describeWorking,
  formatWallMinute,
  hoursInWords,
  shortWorking,
} from "./working";

const ZONE = "America/Boise";
/** Thursday. */
const DATE = "2026-12-03";
const anna = therapistScheduleOf(
  "anna",
  {
    hours: [
      { weekday: 4, start: "09:00", end: "17:00" },
      { weekday: 5, start: "09:00", end: "17:00" },
    ],
    breaks: [],
  },
  [{ date: "2026-12-04", intervals: [], note: "Training day" }],
  // 13:00-17:00 Boise on Thursday, 2026-12-03.
  [{ startsAt: "2026-12-03T20:00:00Z", endsAt: "2026-12-04T00:00:00Z" }],
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
    expect(hours.get("anna")).toEqual({
      working: [{ start: 540, end: 780 }],
      timeOff: [{ start: 780, end: 1020 }],
      closed: [],
      closedReason: null,
    });
    expect(hours.get("ben")?.working).toEqual([{ start: 720, end: 1200 }]);
    // An inactive therapist has no bookable time: the whole column is ordinary off-hours.
    expect(hours.get("gone")).toEqual({ working: [], timeOff: [], closed: [], closedReason: null });
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
    // Anna's afternoon off is covered by Ben: nothing is lost on the clinic's day.
    expect(hours.get("2026-12-03")).toMatchObject({ working: [{ start: 540, end: 1200 }], timeOff: [] });
    // Anna's day off on Friday leaves Ben's hours; her hours he does not cover read as closed.
    expect(hours.get("2026-12-04")).toEqual({
      working: [{ start: 600, end: 840 }],
      timeOff: [],
      closed: [
        { start: 540, end: 600 },
        { start: 840, end: 1020 },
      ],
      closedReason: "Training day",
    });
    expect(hours.get("2026-12-05")?.working).toEqual([]);
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
    const day = { working: [{ start: 540, end: 1020 }], timeOff: [], closed: [], closedReason: null };
    const none = { working: [], timeOff: [], closed: [], closedReason: null };
    expect(hoursInWords(day, true)).toBe("working 9:00 AM–5:00 PM");
    expect(hoursInWords(none, true)).toBe("not working");
    expect(hoursInWords(day, false)).toBe("open 9:00 AM–5:00 PM");
    expect(hoursInWords(none, false)).toBe("nobody working");
  });

  it("says time off and a closed day in words, apart from ordinary off-hours", () => {
    const afternoonOff = {
      working: [{ start: 540, end: 780 }],
      timeOff: [{ start: 780, end: 1020 }],
      closed: [],
      closedReason: null,
    };
    expect(hoursInWords(afternoonOff, true)).toBe("working 9:00 AM–1:00 PM; time off 1:00 PM–5:00 PM");
    expect(columnHeadHours(afternoonOff, "Not working")).toBe("9:00 AM–1:00 PM");
    expect(agendaHoursText("Anna", afternoonOff)).toBe("Working 9:00 AM–1:00 PM. Time off 1:00 PM–5:00 PM.");

    const training = {
      working: [],
      timeOff: [],
      closed: [{ start: 540, end: 1020 }],
      closedReason: "Training",
    };
    expect(hoursInWords(training, true)).toBe("not working; closed: Training 9:00 AM–5:00 PM");
    expect(columnHeadHours(training, "Not working")).toBe("Closed: Training");
    expect(agendaHoursText("Anna", training)).toBe(
      "Anna is not working this day. Closed: Training (9:00 AM–5:00 PM).",
    );
    expect(columnHeadHours({ ...training, closedReason: null }, "Not working")).toBe("Closed");

    const holiday = { working: [], timeOff: [{ start: 540, end: 1020 }], closed: [], closedReason: null };
    expect(columnHeadHours(holiday, "Not working")).toBe("Time off");
  });
});
