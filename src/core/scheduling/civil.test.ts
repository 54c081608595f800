import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  civilFromDays,
  daysFromCivil,
  formatLocalDate,
  formatLocalTime,
  parseLocalDate,
  parseLocalTime,
  weekdayOfDay,
} from "./civil";

describe("calendar arithmetic", () => {
  it("numbers days like Date.UTC does, and back", () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (dayNumber) => {
        const date = new Date(dayNumber * 86_400_000);
        const civil = civilFromDays(dayNumber);
        expect(civil).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(dayNumber);
        expect(weekdayOfDay(dayNumber)).toBe(date.getUTCDay());
      }),
      { numRuns: 2_000 },
    );
  });

  it("parses real dates only", () => {
    expect(parseLocalDate("2026-03-08")).toBe(daysFromCivil(2026, 3, 8));
    expect(parseLocalDate("2028-02-29")).not.toBeNull();
    expect(parseLocalDate("2026-02-29")).toBeNull();
    expect(parseLocalDate("2100-02-29")).toBeNull();
    expect(parseLocalDate("2000-02-29")).not.toBeNull();
    expect(parseLocalDate("2026-13-01")).toBeNull();
    expect(parseLocalDate("2026-00-10")).toBeNull();
    expect(parseLocalDate("2026-1-10")).toBeNull();
    expect(parseLocalDate(" 2026-01-10")).toBeNull();
    expect(formatLocalDate(daysFromCivil(2026, 3, 8))).toBe("2026-03-08");
  });

  it("parses HH:MM, allowing 24:00 only as an end of day", () => {
    expect(parseLocalTime("00:00")).toBe(0);
    expect(parseLocalTime("09:30")).toBe(570);
    expect(parseLocalTime("23:59")).toBe(1_439);
    expect(parseLocalTime("24:00")).toBeNull();
    expect(parseLocalTime("24:00", true)).toBe(1_440);
    expect(parseLocalTime("24:01", true)).toBeNull();
    for (const bad of ["9:30", "09:3", "0930", "09-30", "ab:cd", "09:60", "25:00", "", "09:30:00", "-1:00"]) {
      expect(parseLocalTime(bad, true)).toBeNull();
    }
    expect(formatLocalTime(570)).toBe("09:30");
  });
});
