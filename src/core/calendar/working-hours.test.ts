import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mergeMinuteSpans, offHoursSpans, therapistScheduleOf, workingMinutes } from "./working-hours";

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
