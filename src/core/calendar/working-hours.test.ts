import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dayHours,
  mergeMinuteSpans,
  offHoursSpans,
  shadedSpans,
  therapistScheduleOf,
  workingMinutes,
} from "./working-hours";

const BOISE = "America/Boise";
const h = (hours: number, minutes = 0) => hours * 60 + minutes;
/** Thursday 2026-12-03: Thursday is weekday 4. */
const THURSDAY = "2026-12-03";

const week = {
  hours: [{ weekday: 4, start: "09:00", end: "17:00" }],
  breaks: [{ weekday: 4, start: "12:00", end: "13:00" }],
};

describe("workingMinutes", () => {
  it("is the weekly hours minus the break", () => {
    const anna = therapistScheduleOf("anna", week, [], []);
    expect(workingMinutes([anna], THURSDAY, BOISE)).toEqual([
      { start: h(9), end: h(12) },
      { start: h(13), end: h(17) },
    ]);
  });

  it("is nothing on a weekday without hours", () => {
    const anna = therapistScheduleOf("anna", week, [], []);
    expect(workingMinutes([anna], "2026-12-04", BOISE)).toEqual([]);
  });

  it("is nothing on a date overridden as a day off", () => {
    const anna = therapistScheduleOf("anna", week, [{ date: THURSDAY, intervals: [] }], []);
    expect(workingMinutes([anna], THURSDAY, BOISE)).toEqual([]);
    // The override is for that date only.
    expect(workingMinutes([anna], "2026-12-10", BOISE)).toHaveLength(2);
  });

  it("takes an override's hours instead of the week's, breaks included", () => {
    const late = [{ date: THURSDAY, intervals: [{ start: "14:00", end: "21:00" }] }];
    const anna = therapistScheduleOf("anna", week, late, []);
    expect(workingMinutes([anna], THURSDAY, BOISE)).toEqual([{ start: h(14), end: h(21) }]);
  });

  it("reads an override to midnight as the end of the day", () => {
    const anna = therapistScheduleOf(
      "anna",
      week,
      [{ date: THURSDAY, intervals: [{ start: "18:00", end: "24:00" }] }],
      [],
    );
    expect(workingMinutes([anna], THURSDAY, BOISE)).toEqual([{ start: h(18), end: 1440 }]);
  });

  it("takes time off out, by the instant", () => {
    // 15:00-17:00 Boise (MST, UTC−7) is 22:00-24:00 UTC.
    const off = [{ startsAt: "2026-12-03T22:00:00Z", endsAt: "2026-12-04T00:00:00Z" }];
    const anna = therapistScheduleOf("anna", week, [], off);
    expect(workingMinutes([anna], THURSDAY, BOISE)).toEqual([
      { start: h(9), end: h(12) },
      { start: h(13), end: h(15) },
    ]);
  });

  it("joins several therapists' hours", () => {
    const anna = therapistScheduleOf("anna", week, [], []);
    const ben = therapistScheduleOf(
      "ben",
      { hours: [{ weekday: 4, start: "11:00", end: "19:00" }], breaks: [] },
      [],
      [],
    );
    expect(workingMinutes([anna, ben], THURSDAY, BOISE)).toEqual([{ start: h(9), end: h(19) }]);
  });

  it("places hours by the wall clock on the day daylight saving ends", () => {
    // 2026-11-01 is a Sunday, 25 hours long in Boise.
    const sunday = therapistScheduleOf(
      "anna",
      { hours: [{ weekday: 0, start: "09:00", end: "17:00" }], breaks: [] },
      [],
      [],
    );
    expect(workingMinutes([sunday], "2026-11-01", BOISE)).toEqual([{ start: h(9), end: h(17) }]);
  });
});

describe("offHoursSpans", () => {
  const window = { start: h(8), end: h(18) };

  it("shades before, between and after the working spans", () => {
    expect(
      offHoursSpans(
        [
          { start: h(9), end: h(12) },
          { start: h(13), end: h(17) },
        ],
        window,
      ),
    ).toEqual([
      { start: h(8), end: h(9) },
      { start: h(12), end: h(13) },
      { start: h(17), end: h(18) },
    ]);
  });

  it("shades the whole window when nobody works", () => {
    expect(offHoursSpans([], window)).toEqual([window]);
  });

  it("shades nothing when the work covers the window", () => {
    expect(offHoursSpans([{ start: h(6), end: h(20) }], window)).toEqual([]);
  });

  it("is the window minus the working minutes, for any spans", () => {
    const span = fc
      .tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1440 }))
      .map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 6 }), span, (spans, view) => {
        const working = mergeMinuteSpans(spans);
        const off = offHoursSpans(working, view);
        const inAny = (list: { start: number; end: number }[], minute: number) =>
          list.some((s) => s.start <= minute && minute < s.end);
        for (let minute = 0; minute < 1440; minute += 5) {
          const expected = minute >= view.start && minute < view.end && !inAny(working, minute);
          if (inAny(off, minute) !== expected) return false;
        }
        return true;
      }),
      { numRuns: 200 },
    );
  });
});

describe("dayHours: why a minute is not bookable", () => {
  // 13:00-17:00 Boise is 20:00-24:00 UTC.
  const afternoonOff = [{ startsAt: "2026-12-03T20:00:00Z", endsAt: "2026-12-04T00:00:00Z" }];
  const closedThursday = [{ date: THURSDAY, intervals: [], note: "Training day" }];

  it("keeps ordinary off-hours and breaks apart from time off", () => {
    const anna = therapistScheduleOf("anna", week, [], afternoonOff);
    expect(dayHours([anna], THURSDAY, BOISE)).toEqual({
      working: [{ start: h(9), end: h(12) }],
      // The break (12-13) stays an ordinary off-hour: she would not have worked it anyway.
      timeOff: [{ start: h(13), end: h(17) }],
      closed: [],
      closedReason: null,
    });
  });

  it("marks the hours a closing override takes away, with its note", () => {
    const anna = therapistScheduleOf("anna", week, closedThursday, []);
    expect(dayHours([anna], THURSDAY, BOISE)).toEqual({
      working: [],
      timeOff: [],
      // The weekly hours minus the break: what she would have worked.
      closed: [
        { start: h(9), end: h(12) },
        { start: h(13), end: h(17) },
      ],
      closedReason: "Training day",
    });
    // Another date is an ordinary day.
    expect(dayHours([anna], "2026-12-10", BOISE).closed).toEqual([]);
  });

  it("says closed without a reason when the override has no note", () => {
    const anna = therapistScheduleOf("anna", week, [{ date: THURSDAY, intervals: [], note: null }], []);
    const day = dayHours([anna], THURSDAY, BOISE);
    expect(day.closed).toHaveLength(2);
    expect(day.closedReason).toBeNull();
  });

  it("takes an override with other hours as ordinary hours, not a closed day", () => {
    const late = [{ date: THURSDAY, intervals: [{ start: "14:00", end: "21:00" }], note: "Late shift" }];
    const anna = therapistScheduleOf("anna", week, late, []);
    expect(dayHours([anna], THURSDAY, BOISE)).toEqual({
      working: [{ start: h(14), end: h(21) }],
      timeOff: [],
      closed: [],
      closedReason: null,
    });
  });

  it("counts time off only where the override's hours would have been worked", () => {
    const late = [{ date: THURSDAY, intervals: [{ start: "14:00", end: "21:00" }] }];
    const anna = therapistScheduleOf("anna", week, late, afternoonOff);
    expect(dayHours([anna], THURSDAY, BOISE)).toMatchObject({
      working: [{ start: h(17), end: h(21) }],
      timeOff: [{ start: h(14), end: h(17) }],
    });
  });

  it("for several therapists, shows only what nobody covers", () => {
    const anna = therapistScheduleOf("anna", week, closedThursday, []);
    const ben = therapistScheduleOf(
      "ben",
      { hours: [{ weekday: 4, start: "11:00", end: "19:00" }], breaks: [] },
      [],
      [{ startsAt: "2026-12-04T00:00:00Z", endsAt: "2026-12-04T02:00:00Z" }], // 17:00-19:00 Boise
    );
    expect(dayHours([anna, ben], THURSDAY, BOISE)).toEqual({
      working: [{ start: h(11), end: h(17) }],
      timeOff: [{ start: h(17), end: h(19) }],
      // Anna's 9-11 is lost to her closed day; the rest of her hours Ben covers.
      closed: [{ start: h(9), end: h(11) }],
      closedReason: "Training day",
    });
  });

  it("agrees with workingMinutes on the working minutes", () => {
    const anna = therapistScheduleOf("anna", week, [], afternoonOff);
    expect(dayHours([anna], THURSDAY, BOISE).working).toEqual(workingMinutes([anna], THURSDAY, BOISE));
  });
});

describe("shadedSpans", () => {
  const window = { start: h(8), end: h(20) };

  it("splits the shading by kind, in order", () => {
    const day = {
      working: [{ start: h(9), end: h(12) }],
      timeOff: [{ start: h(13), end: h(17) }],
      closed: [],
      closedReason: null,
    };
    expect(shadedSpans(day, window)).toEqual([
      { start: h(8), end: h(9), kind: "off-hours" },
      { start: h(12), end: h(13), kind: "off-hours" },
      { start: h(13), end: h(17), kind: "time-off" },
      { start: h(17), end: h(20), kind: "off-hours" },
    ]);
  });

  it("clips a closed day to the window", () => {
    const day = { working: [], timeOff: [], closed: [{ start: h(6), end: h(17) }], closedReason: "Holiday" };
    expect(shadedSpans(day, window)).toEqual([
      { start: h(8), end: h(17), kind: "closed" },
      { start: h(17), end: h(20), kind: "off-hours" },
    ]);
  });

  it("covers exactly the off-hours, each minute once, whatever the schedules", () => {
    const span = fc
      .tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 0, max: 96 }))
      .map(([a, b]) => ({ start: Math.min(a, b) * 15, end: Math.max(a, b) * 15 }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 4 }), fc.array(span, { maxLength: 4 }), span, (a, b, view) => {
        // Any disjoint working / time-off / closed minutes, as dayHours makes them.
        const working = mergeMinuteSpans(a);
        const timeOff = offHoursSpans(working, { start: 0, end: 1440 }).flatMap((gap) =>
          offHoursSpans(offHoursSpans(mergeMinuteSpans(b), gap), gap),
        );
        const closed = offHoursSpans(mergeMinuteSpans([...working, ...timeOff]), { start: 0, end: h(12) });
        const shaded = shadedSpans({ working, timeOff, closed, closedReason: null }, view);
        const kindAt = (minute: number) => {
          const inAny = (list: { start: number; end: number }[]) =>
            list.some((s) => s.start <= minute && minute < s.end);
          if (minute < view.start || minute >= view.end || inAny(working)) return undefined;
          if (inAny(timeOff)) return "time-off";
          if (inAny(closed)) return "closed";
          return "off-hours";
        };
        for (let minute = 0; minute < 1440; minute += 5) {
          const hits = shaded.filter((s) => s.start <= minute && minute < s.end);
          if (hits.length > 1 || hits[0]?.kind !== kindAt(minute)) return false;
        }
        return shaded.every((s, i) => s.start < s.end && (i === 0 || (shaded[i - 1]?.end ?? 0) <= s.start));
      }),
      { numRuns: 200 },
    );
  });
});
