/**
 * docs/architecture.md "Reliability — Time": every day of a year in five zones gives the right slots,
 * DST days included, and working intervals that span a DST change give the exact instants.
 * Expected wall-clock times are read back with Intl directly, not with the engine's zone code.
 */
import { describe, expect, it } from "vitest";
import { findAvailableSlots } from "./slots";
import type { LocalInterval, SlotQuery, WeeklySchedule } from "./types";
import { localToInstant } from "./zone";

const YEAR_ZONES = ["America/New_York", "America/Boise", "Europe/London", "Australia/Sydney", "Asia/Kolkata"];

const referenceFormatters = new Map<string, Intl.DateTimeFormat>();

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

function everyDay(...intervals: LocalInterval[]): WeeklySchedule {
  return { 0: intervals, 1: intervals, 2: intervals, 3: intervals, 4: intervals, 5: intervals, 6: intervals };
}

function datesOf2026(): string[] {
  const dates: string[] = [];
  for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
    dates.push(new Date(day).toISOString().slice(0, 10));
  }
  return dates;
}

const EXPECTED_STARTS = Array.from({ length: 15 }, (_, index) => {
  const minutes = 9 * 60 + index * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${minutes % 60 === 0 ? "00" : "30"}`;
});

function addHour(time: string): string {
  return `${String(Number(time.slice(0, 2)) + 1).padStart(2, "0")}${time.slice(2)}`;
}

function nineToFiveQuery(zone: string, range: SlotQuery["range"]): SlotQuery {
  return {
    zone,
    service: { id: "tp-60", durationMin: 60, bufferBeforeMin: 0, bufferAfterMin: 0, needsRoom: false },
    therapists: [{ id: "ana", weeklyHours: everyDay({ start: "09:00", end: "17:00" }) }],
    rooms: [],
    busy: [],
    range,
    now: Date.UTC(2025, 0, 1),
    policy: { minNoticeMin: 0, horizonDays: 800, stepMin: 30 },
  };
}

function mustExist(date: string, time: string, zone: string): number {
  const result = localToInstant(date, time, zone);
  if (!result.ok) throw new Error(`${date} ${time} does not exist in ${zone}`);
  return result.instant;
}

describe("every day of 2026, 09:00-17:00, 60-minute service, 30-minute step", () => {
  it.each(YEAR_ZONES)(
    "gives 15 slots at 09:00, 09:30 … 16:00 local on each day of the year in %s",
    (zone) => {
      const slots = findAvailableSlots(
        nineToFiveQuery(zone, { from: Date.UTC(2025, 11, 30), to: Date.UTC(2027, 0, 3) }),
      );
      const startsByDate = new Map<string, string[]>();
      const wrongEnds: string[] = [];
      for (const slot of slots) {
        const start = intlWallClock(slot.start, zone);
        const end = intlWallClock(slot.end, zone);
        if (end.date !== start.date || end.time !== addHour(start.time))
          wrongEnds.push(`${start.date} ${start.time}`);
        startsByDate.set(start.date, [...(startsByDate.get(start.date) ?? []), start.time]);
      }
      expect(wrongEnds).toEqual([]);
      const dates = datesOf2026();
      expect(dates.length).toBe(365);
      expect(dates.map((date) => ({ date, starts: startsByDate.get(date) }))).toEqual(
        dates.map((date) => ({ date, starts: EXPECTED_STARTS })),
      );
    },
  );

  it.each(YEAR_ZONES)(
    "gives the same 15 slots when each day of 2026 in %s is searched on its own",
    (zone) => {
      const dates = datesOf2026();
      const actual = dates.map((date) => {
        const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        const range = { from: mustExist(date, "00:00", zone), to: mustExist(next, "00:00", zone) };
        const slots = findAvailableSlots(nineToFiveQuery(zone, range));
        return { date, starts: slots.map((slot) => intlWallClock(slot.start, zone)) };
      });
      expect(actual).toEqual(
        dates.map((date) => ({ date, starts: EXPECTED_STARTS.map((time) => ({ date, time })) })),
      );
    },
  );
});

describe("a working interval that spans a DST change", () => {
  const hourly = (zone: string, date: string, intervals: LocalInterval[]): string[] => {
    const query: SlotQuery = {
      ...nineToFiveQuery(zone, {
        from: Date.parse(`${date}T00:00:00Z`) - 86_400_000,
        to: Date.parse(`${date}T00:00:00Z`) + 2 * 86_400_000,
      }),
      therapists: [{ id: "ana", weeklyHours: {}, dateOverrides: [{ date, intervals }] }],
      policy: { minNoticeMin: 0, horizonDays: 800, stepMin: 60 },
    };
    return findAvailableSlots(query).map((slot) => new Date(slot.start).toISOString().slice(0, 16));
  };
  const night = [{ start: "00:00", end: "06:00" }];

  it.each([
    // zone, date, expected slot starts (UTC) of 00:00-06:00 local with a 60-minute service
    [
      "America/New_York (spring forward: 5 hours)",
      "America/New_York",
      "2026-03-08",
      ["2026-03-08T05:00", "2026-03-08T06:00", "2026-03-08T07:00", "2026-03-08T08:00", "2026-03-08T09:00"],
    ],
    [
      "America/New_York (fall back: 7 hours, 01:00 twice)",
      "America/New_York",
      "2026-11-01",
      [
        "2026-11-01T04:00",
        "2026-11-01T05:00",
        "2026-11-01T06:00",
        "2026-11-01T07:00",
        "2026-11-01T08:00",
        "2026-11-01T09:00",
        "2026-11-01T10:00",
      ],
    ],
    [
      "Europe/London (spring forward: 5 hours)",
      "Europe/London",
      "2026-03-29",
      ["2026-03-29T00:00", "2026-03-29T01:00", "2026-03-29T02:00", "2026-03-29T03:00", "2026-03-29T04:00"],
    ],
    [
      "Europe/London (fall back: 7 hours)",
      "Europe/London",
      "2026-10-25",
      [
        "2026-10-24T23:00",
        "2026-10-25T00:00",
        "2026-10-25T01:00",
        "2026-10-25T02:00",
        "2026-10-25T03:00",
        "2026-10-25T04:00",
        "2026-10-25T05:00",
      ],
    ],
    [
      "Australia/Sydney (DST ends: 7 hours)",
      "Australia/Sydney",
      "2026-04-05",
      [
        "2026-04-04T13:00",
        "2026-04-04T14:00",
        "2026-04-04T15:00",
        "2026-04-04T16:00",
        "2026-04-04T17:00",
        "2026-04-04T18:00",
        "2026-04-04T19:00",
      ],
    ],
    [
      "Australia/Sydney (DST starts: 5 hours)",
      "Australia/Sydney",
      "2026-10-04",
      ["2026-10-03T14:00", "2026-10-03T15:00", "2026-10-03T16:00", "2026-10-03T17:00", "2026-10-03T18:00"],
    ],
  ])("offers exact instants in %s", (_label, zone, date, expected) => {
    expect(hourly(zone, date, night)).toEqual(expected);
  });

  it("shows each New York fall-back slot at the right local time, 01:00 twice", () => {
    const local = hourly("America/New_York", "2026-11-01", night).map(
      (iso) => intlWallClock(Date.parse(`${iso}:00Z`), "America/New_York").time,
    );
    expect(local).toEqual(["00:00", "01:00", "01:00", "02:00", "03:00", "04:00", "05:00"]);
  });

  it.each([
    ["America/New_York", "2026-03-08", 23],
    ["America/New_York", "2026-11-01", 25],
    ["America/Boise", "2026-03-08", 23],
    ["Europe/London", "2026-03-29", 23],
    ["Europe/London", "2026-10-25", 25],
    ["Australia/Sydney", "2026-10-04", 23],
    ["Australia/Sydney", "2026-04-05", 25],
    ["Asia/Kolkata", "2026-03-08", 24],
  ])("gives a 00:00-24:00 interval in %s on %s one hourly slot per real hour: %i", (zone, date, hours) => {
    expect(hourly(zone, date, [{ start: "00:00", end: "24:00" }]).length).toBe(hours);
  });

  it("treats an ambiguous end as its first occurrence: 00:00-01:30 on the New York fall-back day is 90 minutes", () => {
    const slots = hourly("America/New_York", "2026-11-01", [{ start: "00:00", end: "01:30" }]);
    expect(slots).toEqual(["2026-11-01T04:00"]);
    const halfHourly = findAvailableSlots({
      ...nineToFiveQuery("America/New_York", { from: Date.UTC(2026, 9, 31), to: Date.UTC(2026, 10, 2) }),
      service: { id: "tp-30", durationMin: 30, bufferBeforeMin: 0, bufferAfterMin: 0, needsRoom: false },
      therapists: [
        {
          id: "ana",
          weeklyHours: {},
          dateOverrides: [{ date: "2026-11-01", intervals: [{ start: "00:00", end: "01:30" }] }],
        },
      ],
    });
    expect(halfHourly.length).toBe(3);
  });
});
