import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clearZoneCaches,
  firstInstantAtOrAfterWallClock,
  instantToLocal,
  isValidTimeZone,
  localToInstant,
  resolveWallClock,
  zoneOffsetMinutes,
} from "./zone";

const utc = (iso: string): number => Date.parse(iso);

const referenceFormatters = new Map<string, Intl.DateTimeFormat>();

/** What Intl itself says the clock shows: the independent reference for these tests. */
function intlWallClock(instant: number, zone: string): { date: string; time: string } {
  let formatter = referenceFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    referenceFormatters.set(zone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: string) => parts.find((candidate) => candidate.type === type)?.value ?? "";
  return {
    date: `${part("year")}-${part("month")}-${part("day")}`,
    time: `${part("hour")}:${part("minute")}`,
  };
}

const ZONES = [
  "America/New_York",
  "America/Boise",
  "Europe/London",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/St_Johns",
  "Asia/Kathmandu",
  "America/Santiago",
  "Europe/Berlin",
  "UTC",
] as const;

describe("zoneOffsetMinutes", () => {
  it("gives standard and daylight offsets on either side of a change", () => {
    expect(zoneOffsetMinutes(utc("2026-03-08T06:59:59Z"), "America/New_York")).toBe(-300);
    expect(zoneOffsetMinutes(utc("2026-03-08T07:00:00Z"), "America/New_York")).toBe(-240);
    expect(zoneOffsetMinutes(utc("2026-10-25T00:59:59.999Z"), "Europe/London")).toBe(60);
    expect(zoneOffsetMinutes(utc("2026-10-25T01:00:00Z"), "Europe/London")).toBe(0);
    expect(zoneOffsetMinutes(utc("2026-01-15T12:00:00Z"), "Australia/Sydney")).toBe(660);
    expect(zoneOffsetMinutes(utc("2026-07-15T12:00:00Z"), "Australia/Sydney")).toBe(600);
  });

  it("handles half- and quarter-hour zones", () => {
    expect(zoneOffsetMinutes(utc("2026-06-01T00:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(zoneOffsetMinutes(utc("2026-06-01T00:00:00Z"), "Asia/Kathmandu")).toBe(345);
    expect(zoneOffsetMinutes(utc("2026-01-01T00:00:00Z"), "Pacific/Chatham")).toBe(825);
    expect(zoneOffsetMinutes(utc("2026-01-01T00:00:00Z"), "Australia/Lord_Howe")).toBe(660);
    expect(zoneOffsetMinutes(utc("2026-07-01T00:00:00Z"), "Australia/Lord_Howe")).toBe(630);
  });

  it("sees a transition that falls exactly on a UTC midnight, cold or warm", () => {
    // Israel springs forward at 02:00 IST = 00:00:00Z on the Friday before the last Sunday of March.
    for (const cold of [true, false]) {
      if (cold) clearZoneCaches();
      expect(zoneOffsetMinutes(utc("2026-03-27T00:00:00Z"), "Asia/Jerusalem")).toBe(180);
      expect(zoneOffsetMinutes(utc("2026-03-26T23:59:59Z"), "Asia/Jerusalem")).toBe(120);
      expect(localToInstant("2026-03-27", "02:30", "Asia/Jerusalem")).toEqual({
        ok: false,
        reason: "nonexistent",
      });
    }
  });

  it("agrees with Intl for random instants in many zones, with cold and warm caches", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: utc("1990-01-01T00:00:00Z") / 60_000, max: utc("2040-01-01T00:00:00Z") / 60_000 }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 9 }),
        (minute, zone, coldOneInTen) => {
          const cold = coldOneInTen === 0;
          if (cold) clearZoneCaches();
          const instant = minute * 60_000;
          const local = instantToLocal(instant, zone);
          expect({ date: local.date, time: local.time }).toEqual(intlWallClock(instant, zone));
          expect(local.weekday).toBe(new Date(`${local.date}T00:00:00Z`).getUTCDay());
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe("localToInstant", () => {
  it("converts an ordinary local time", () => {
    expect(localToInstant("2026-07-01", "09:00", "America/Boise")).toEqual({
      ok: true,
      instant: utc("2026-07-01T15:00:00Z"),
    });
    expect(localToInstant("2026-07-01", "09:00", "Asia/Kolkata")).toEqual({
      ok: true,
      instant: utc("2026-07-01T03:30:00Z"),
    });
  });

  it.each([
    ["America/New_York", "2026-03-08", "02:00"],
    ["America/New_York", "2026-03-08", "02:59"],
    ["America/Boise", "2026-03-08", "02:30"],
    ["Europe/London", "2026-03-29", "01:30"],
    ["Europe/Berlin", "2026-03-29", "02:15"],
    ["Australia/Sydney", "2026-10-04", "02:30"],
    ["Australia/Lord_Howe", "2026-10-04", "02:15"],
    ["America/Santiago", "2026-09-06", "00:30"],
  ])("refuses %s %s %s, which falls in the spring-forward gap", (zone, date, time) => {
    expect(localToInstant(date, time, zone)).toEqual({ ok: false, reason: "nonexistent" });
    expect(localToInstant(date, time, zone, { ambiguous: "later" })).toEqual({
      ok: false,
      reason: "nonexistent",
    });
  });

  it("accepts the first minute after a gap", () => {
    expect(localToInstant("2026-03-08", "03:00", "America/New_York")).toEqual({
      ok: true,
      instant: utc("2026-03-08T07:00:00Z"),
    });
    expect(localToInstant("2026-03-08", "01:59", "America/New_York")).toEqual({
      ok: true,
      instant: utc("2026-03-08T06:59:00Z"),
    });
  });

  it.each([
    // zone, date, time, first occurrence (default), second occurrence
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z"],
    ["America/Boise", "2026-11-01", "01:00", "2026-11-01T07:00:00Z", "2026-11-01T08:00:00Z"],
    ["Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"],
    ["Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30:00Z", "2026-04-04T16:30:00Z"],
    ["Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-04T14:45:00Z", "2026-04-04T15:15:00Z"],
    ["America/Santiago", "2026-04-04", "23:30", "2026-04-05T02:30:00Z", "2026-04-05T03:30:00Z"],
  ])(
    "resolves the repeated time %s %s %s to its earlier occurrence by default",
    (zone, date, time, earlier, later) => {
      expect(localToInstant(date, time, zone)).toEqual({ ok: true, instant: utc(earlier) });
      expect(localToInstant(date, time, zone, { ambiguous: "earlier" })).toEqual({
        ok: true,
        instant: utc(earlier),
      });
      expect(localToInstant(date, time, zone, { ambiguous: "later" })).toEqual({
        ok: true,
        instant: utc(later),
      });
    },
  );

  it("never finds a gap or a repeat in a zone without DST", () => {
    for (let day = 1; day <= 28; day++) {
      for (const time of ["00:00", "01:30", "02:30", "23:59"]) {
        const date = `2026-03-${String(day).padStart(2, "0")}`;
        expect(resolveWallClock(Date.parse(`${date}T${time}:00Z`), "Asia/Kolkata").kind).toBe("unique");
      }
    }
  });

  it("round-trips every existing local time and refuses exactly the ones Intl never shows", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2028, 0, 1) / 60_000 }),
        fc.constantFrom(...ZONES),
        (wallMinute, zone) => {
          const iso = new Date(wallMinute * 60_000).toISOString();
          const date = iso.slice(0, 10);
          const time = iso.slice(11, 16);
          const result = localToInstant(date, time, zone);
          if (result.ok) {
            expect(intlWallClock(result.instant, zone)).toEqual({ date, time });
            // The earlier occurrence: one minute before, the clock did not already show this time later on.
            const later = localToInstant(date, time, zone, { ambiguous: "later" });
            expect(later.ok && later.instant >= result.instant).toBe(true);
          } else {
            // Nonexistent: no instant within ±15 h shows this wall-clock time.
            const wall = wallMinute * 60_000;
            for (let instant = wall - 15 * 3_600_000; instant <= wall + 15 * 3_600_000; instant += 60_000) {
              expect(intlWallClock(instant, zone)).not.toEqual({ date, time });
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("rejects malformed dates, times and zones with a RangeError", () => {
    expect(() => localToInstant("2026-02-30", "09:00", "UTC")).toThrow(RangeError);
    expect(() => localToInstant("2026-2-3", "09:00", "UTC")).toThrow(RangeError);
    expect(() => localToInstant("2026-02-03", "24:00", "UTC")).toThrow(RangeError);
    expect(() => localToInstant("2026-02-03", "9:00", "UTC")).toThrow(RangeError);
    expect(() => localToInstant("2026-02-03", "09:60", "UTC")).toThrow(RangeError);
    expect(() => localToInstant("2026-02-03", "09:00", "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});

describe("firstInstantAtOrAfterWallClock", () => {
  it("maps a time in a gap to the end of the gap and a repeated time to its first occurrence", () => {
    expect(firstInstantAtOrAfterWallClock(utc("2026-03-08T02:00:00Z"), "America/New_York")).toBe(
      utc("2026-03-08T07:00:00Z"),
    );
    expect(firstInstantAtOrAfterWallClock(utc("2026-03-08T02:45:00Z"), "America/New_York")).toBe(
      utc("2026-03-08T07:00:00Z"),
    );
    expect(firstInstantAtOrAfterWallClock(utc("2026-11-01T01:00:00Z"), "America/New_York")).toBe(
      utc("2026-11-01T05:00:00Z"),
    );
    // Santiago springs forward at midnight: the day starts at 01:00 local.
    expect(firstInstantAtOrAfterWallClock(utc("2026-09-06T00:00:00Z"), "America/Santiago")).toBe(
      utc("2026-09-06T04:00:00Z"),
    );
  });
});

describe("instantToLocal", () => {
  it("reports date, time and weekday (0 = Sunday) in the zone", () => {
    expect(instantToLocal(utc("2026-03-08T07:00:00Z"), "America/New_York")).toEqual({
      date: "2026-03-08",
      time: "03:00",
      weekday: 0,
    });
    expect(instantToLocal(utc("2026-03-08T06:59:00Z"), "America/New_York")).toEqual({
      date: "2026-03-08",
      time: "01:59",
      weekday: 0,
    });
    expect(instantToLocal(utc("2026-12-31T20:00:00Z"), "Australia/Sydney")).toEqual({
      date: "2027-01-01",
      time: "07:00",
      weekday: 5,
    });
  });

  it("rejects an instant that is not a finite number", () => {
    expect(() => instantToLocal(Number.NaN, "UTC")).toThrow(RangeError);
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA names and UTC", () => {
    for (const zone of ZONES) expect(isValidTimeZone(zone)).toBe(true);
    expect(isValidTimeZone("Asia/Calcutta")).toBe(true);
  });

  it("rejects unknown names, empty strings, huge strings and non-strings", () => {
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("America/".repeat(100))).toBe(false);
    expect(isValidTimeZone(undefined)).toBe(false);
    expect(isValidTimeZone(42)).toBe(false);
    expect(isValidTimeZone("__proto__")).toBe(false);
  });

  it("shares one cache among spellings of a zone", () => {
    expect(isValidTimeZone("america/new_york")).toBe(true);
    expect(zoneOffsetMinutes(utc("2026-07-01T00:00:00Z"), "america/new_york")).toBe(-240);
  });
});
