/**
 * The slot engine against a brute-force oracle (docs/architecture.md "Targets": "property-tested against a
 * brute-force minute-by-minute oracle").
 *
 * The oracle shares no code with the engine: it learns each zone's offsets by scanning Intl, finds a
 * local time's instant by walking minute by minute until the local clock reads that time or later,
 * marks every minute of the searched span free or not by testing it against every constraint
 * separately, and accepts a candidate start only if every minute of its blocking window is free.
 * All generated instants are whole minutes, so minute resolution is exact.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findAvailableSlots } from "./slots";
import type {
  BusyInterval,
  LocalInterval,
  Slot,
  SlotQuery,
  TherapistSchedule,
  WeeklySchedule,
} from "./types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const ZONES = [
  "America/New_York",
  "America/Boise",
  "Europe/London",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Australia/Lord_Howe", // 30-minute DST
  "Pacific/Chatham", // +12:45 / +13:45
  "America/St_Johns", // −3:30 / −2:30
  "Asia/Kathmandu", // +5:45, no DST
  "America/Santiago", // changes at local midnight
  "America/Havana", // falls back from 01:00 to 00:00
  "Asia/Jerusalem", // changes at exactly 00:00 UTC
  "Europe/Berlin",
  "UTC",
] as const;

// ---------------------------------------------------------------------------------------------
// The oracle's own model of a zone: offsets from Intl, transitions found by scanning.

const SCAN_FROM = Date.UTC(2025, 10, 1);
const SCAN_TO = Date.UTC(2027, 2, 1);

interface OracleZone {
  /** Instants where the offset changes, ascending. */
  readonly transitions: readonly number[];
  /** offsets[i] holds before transitions[i]; the last one after the last transition. */
  readonly offsets: readonly number[];
}

function intlOffset(formatter: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = Number(part.value);
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - instant;
}

/** Scan day by day, then hour by hour, then minute by minute where the offset changed. */
function scanZone(zone: string): OracleZone {
  const formatter = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const transitions: number[] = [];
  const offsets: number[] = [intlOffset(formatter, SCAN_FROM)];
  const refine = (from: number, to: number, stride: number, previous: number): number => {
    for (let instant = from + stride; instant <= to; instant += stride) {
      if (intlOffset(formatter, instant) !== previous) return instant;
    }
    return to;
  };
  let previous = offsets[0] as number;
  for (let day = SCAN_FROM + DAY; day <= SCAN_TO; day += DAY) {
    const offset = intlOffset(formatter, day);
    if (offset === previous) continue;
    const hour = refine(day - DAY, day, HOUR, previous);
    transitions.push(refine(hour - HOUR, hour, MINUTE, previous));
    offsets.push(offset);
    previous = offset;
  }
  return { transitions, offsets };
}

const oracleZones = new Map<string, OracleZone>();
function oracleZone(zone: string): OracleZone {
  let model = oracleZones.get(zone);
  if (!model) {
    model = scanZone(zone);
    oracleZones.set(zone, model);
  }
  return model;
}

function oracleOffset(model: OracleZone, instant: number): number {
  let index = 0;
  while (index < model.transitions.length && instant >= (model.transitions[index] as number)) index++;
  return model.offsets[index] as number;
}

/** What the local clock reads at `instant`, written as if it were UTC (ms). */
function oracleWall(model: OracleZone, instant: number): number {
  return instant + oracleOffset(model, instant);
}

/** The first whole minute at which the local clock reads `wall` or later. */
function oracleFirstInstantAtOrAfter(model: OracleZone, wall: number): number {
  let instant = wall - 15 * HOUR; // no zone is ahead of UTC by 15 h, so the clock still reads earlier
  while (oracleWall(model, instant) < wall) instant += MINUTE;
  return instant;
}

const utcDay = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const dateOfUtcDay = (day: number): string => new Date(day).toISOString().slice(0, 10);
const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

// ---------------------------------------------------------------------------------------------
// The oracle itself.

interface Span {
  readonly start: number;
  readonly end: number;
}

const contains = (spans: readonly Span[], instant: number): boolean =>
  spans.some((span) => span.start <= instant && instant < span.end);

function localSpans(model: OracleZone, day: number, intervals: readonly LocalInterval[]): Span[] {
  return intervals.map((interval) => ({
    start: oracleFirstInstantAtOrAfter(model, day + minutesOf(interval.start) * MINUTE),
    end: oracleFirstInstantAtOrAfter(model, day + minutesOf(interval.end) * MINUTE),
  }));
}

function oracleSlots(query: SlotQuery): Slot[] {
  const model = oracleZone(query.zone);
  const duration = query.service.durationMin * MINUTE;
  const before = query.service.bufferBeforeMin * MINUTE;
  const after = query.service.bufferAfterMin * MINUTE;
  const step = query.policy.stepMin * MINUTE;
  const earliestStart = query.now + query.policy.minNoticeMin * MINUTE;
  const startLimit = query.now + query.policy.horizonDays * DAY;
  const spanStart = query.range.from - before;
  const spanEnd = query.range.to + duration + after;
  const minutes = Math.max(0, (spanEnd - spanStart) / MINUTE);
  const minuteAt = (index: number) => spanStart + index * MINUTE;
  const firstDay = Math.floor(oracleWall(model, spanStart) / DAY) * DAY - DAY;
  const lastDay = Math.floor(oracleWall(model, spanEnd) / DAY) * DAY + DAY;

  const roomFree = new Map<string, boolean[]>();
  for (const room of query.rooms) {
    const roomBusy = query.busy.filter((busy) => busy.roomId === room.id);
    roomFree.set(
      room.id,
      Array.from({ length: minutes }, (_, index) => !contains(roomBusy, minuteAt(index))),
    );
  }

  const therapistsByStart = new Map<number, Set<string>>();
  const eligible = query.therapists.filter(
    (therapist) =>
      (query.therapistId === undefined || therapist.id === query.therapistId) &&
      (therapist.serviceIds === undefined || therapist.serviceIds.includes(query.service.id)),
  );
  for (const therapist of eligible) {
    const working: Span[] = [];
    const breaks: Span[] = [];
    for (let day = firstDay; day <= lastDay; day += DAY) {
      const weekday = new Date(day).getUTCDay() as keyof WeeklySchedule;
      const override = therapist.dateOverrides?.find((candidate) => candidate.date === dateOfUtcDay(day));
      if (override) {
        working.push(...localSpans(model, day, override.intervals));
      } else {
        working.push(...localSpans(model, day, therapist.weeklyHours[weekday] ?? []));
        breaks.push(...localSpans(model, day, therapist.breaks?.[weekday] ?? []));
      }
    }
    const ownBusy = query.busy.filter((busy) => busy.therapistId === therapist.id);
    const free = Array.from({ length: minutes }, (_, index) => {
      const instant = minuteAt(index);
      return (
        contains(working, instant) &&
        !contains(breaks, instant) &&
        !contains(therapist.timeOff ?? [], instant) &&
        !contains(ownBusy, instant)
      );
    });
    for (const interval of working) {
      for (let start = interval.start; start < interval.end; start += step) {
        if (start < query.range.from || start >= query.range.to) continue;
        if (start < earliestStart || start >= startLimit) continue;
        const first = (start - before - spanStart) / MINUTE;
        const last = (start + duration + after - spanStart) / MINUTE;
        let fits = true;
        for (let index = first; index < last && fits; index++) fits = free[index] === true;
        if (!fits) continue;
        const set = therapistsByStart.get(start) ?? new Set<string>();
        set.add(therapist.id);
        therapistsByStart.set(start, set);
      }
    }
  }

  const slots: Slot[] = [];
  for (const [start, ids] of [...therapistsByStart].sort(([a], [b]) => a - b)) {
    const first = (start - before - spanStart) / MINUTE;
    const last = (start + duration + after - spanStart) / MINUTE;
    const roomIds = query.service.needsRoom
      ? query.rooms
          .filter((room) => {
            const free = roomFree.get(room.id) ?? [];
            for (let index = first; index < last; index++) if (!free[index]) return false;
            return true;
          })
          .map((room) => room.id)
      : [];
    if (query.service.needsRoom && roomIds.length === 0) continue;
    slots.push({
      start,
      end: start + duration,
      therapistIds: query.therapists
        .filter((therapist) => ids.has(therapist.id))
        .map((therapist) => therapist.id),
      roomIds,
    });
  }
  return slots;
}

// ---------------------------------------------------------------------------------------------
// Random clinics.

const formatTime = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/**
 * Any 5-minute time, a whole hour (so therapists share grids and slots), or a quarter hour before
 * 06:00 where DST changes happen.
 */
const localMinute = fc.oneof(
  fc.integer({ min: 0, max: 287 }).map((five) => five * 5),
  fc.integer({ min: 0, max: 23 }).map((hour) => hour * 60),
  fc.integer({ min: 0, max: 24 }).map((quarter) => quarter * 15),
);

/** A break: a short local interval. */
const shortLocalInterval: fc.Arbitrary<LocalInterval> = fc
  .tuple(localMinute, fc.integer({ min: 1, max: 24 }))
  .map(([start, fives]) => ({
    start: formatTime(Math.min(start, 1435)),
    end: formatTime(Math.min(start + fives * 5, 1439)),
  }))
  .filter((interval) => interval.start < interval.end);

const localInterval: fc.Arbitrary<LocalInterval> = fc
  .tuple(localMinute, localMinute, fc.integer({ min: 0, max: 7 }))
  .filter(([a, b]) => a !== b)
  .map(([a, b, untilMidnight]) => ({
    start: formatTime(Math.min(a, b)),
    end: untilMidnight === 0 ? "24:00" : formatTime(Math.max(a, b)),
  }));

const weekly = (interval: fc.Arbitrary<LocalInterval>, maxPerDay: number): fc.Arbitrary<WeeklySchedule> =>
  fc
    .array(fc.array(interval, { maxLength: maxPerDay }), { minLength: 7, maxLength: 7 })
    .map(
      (days) => Object.fromEntries(days.map((intervals, weekday) => [weekday, intervals])) as WeeklySchedule,
    );

const relativeSpan = (maxLengthMin: number) =>
  fc.record({
    startMin: fc.integer({ min: -12 * 60, max: 4 * 24 * 60 }),
    lengthMin: fc.integer({ min: 0, max: maxLengthMin }),
  });

const therapistShape = fc.record({
  weeklyHours: weekly(localInterval, 2),
  breaks: weekly(shortLocalInterval, 1),
  overrides: fc.uniqueArray(
    fc.record({
      dayDelta: fc.integer({ min: -1, max: 3 }),
      intervals: fc.array(localInterval, { maxLength: 2 }),
    }),
    { maxLength: 2, selector: (override) => override.dayDelta },
  ),
  timeOff: fc.array(relativeSpan(12 * 60), { maxLength: 2 }),
  serviceIds: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.constantFrom(["tp"], ["consultation"], ["consultation", "tp"]), weight: 1 },
  ),
});

const clinicShape = fc.record({
  zone: fc.constantFrom(...ZONES),
  nearTransition: fc.boolean(),
  transitionPick: fc.nat(),
  dayOf2026: fc.integer({ min: 0, max: 364 }),
  rangeStartMin: fc.integer({ min: -12 * 60, max: 24 * 60 }),
  rangeLengthMin: fc.integer({ min: 30, max: 3 * 24 * 60 }),
  nowFromRangeMin: fc.integer({ min: -2 * 24 * 60, max: 12 * 60 }),
  minNoticeMin: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 600 })),
  horizonDays: fc.oneof(
    { arbitrary: fc.constant(60), weight: 2 },
    { arbitrary: fc.integer({ min: 0, max: 5 }), weight: 1 },
  ),
  stepMin: fc.constantFrom(5, 10, 15, 20, 25, 30, 45, 60, 90),
  durationMin: fc.constantFrom(5, 15, 30, 45, 60, 90, 120, 150),
  bufferBeforeMin: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
  bufferAfterMin: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 30 })),
  needsRoom: fc.boolean(),
  roomCount: fc.oneof(
    { arbitrary: fc.constant(0), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 4 },
  ),
  therapists: fc.array(therapistShape, { minLength: 1, maxLength: 4 }),
  busy: fc.array(
    fc.record({
      therapist: fc.integer({ min: 0, max: 3 }),
      room: fc.integer({ min: 0, max: 3 }),
      span: relativeSpan(240),
    }),
    { maxLength: 8 },
  ),
  onlyTherapist: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 3 },
    { arbitrary: fc.constantFrom("t1", "t2", "t4", "nobody"), weight: 1 },
  ),
});

type ClinicShape = typeof clinicShape extends fc.Arbitrary<infer Shape> ? Shape : never;

/** The local date the range starts on: often a day around one of the zone's 2026 DST changes. */
function anchorDay(shape: ClinicShape): number {
  const changes = oracleZone(shape.zone).transitions.filter(
    (instant) => instant >= Date.UTC(2026, 0, 1) && instant < Date.UTC(2027, 0, 1),
  );
  if (shape.nearTransition && changes.length > 0) {
    const change = changes[shape.transitionPick % changes.length] as number;
    const changeDay = Math.floor(oracleWall(oracleZone(shape.zone), change) / DAY) * DAY;
    return changeDay + ((shape.transitionPick % 3) - 1) * DAY;
  }
  return Date.UTC(2026, 0, 1) + shape.dayOf2026 * DAY;
}

function queryOf(shape: ClinicShape): SlotQuery {
  const anchor = anchorDay(shape);
  const from = anchor + shape.rangeStartMin * MINUTE;
  const at = (offsetMin: number) => from + offsetMin * MINUTE;
  const rooms = Array.from({ length: shape.roomCount }, (_, index) => ({ id: `r${index + 1}` }));
  const therapists: TherapistSchedule[] = shape.therapists.map((therapist, index) => ({
    id: `t${index + 1}`,
    weeklyHours: therapist.weeklyHours,
    breaks: therapist.breaks,
    dateOverrides: therapist.overrides.map((override) => ({
      date: dateOfUtcDay(anchor + override.dayDelta * DAY),
      intervals: override.intervals,
    })),
    timeOff: therapist.timeOff.map((span) => ({
      start: at(span.startMin),
      end: at(span.startMin + span.lengthMin),
    })),
    ...(therapist.serviceIds ? { serviceIds: therapist.serviceIds } : {}),
  }));
  const busy: BusyInterval[] = shape.busy.map((booking) => ({
    therapistId: booking.therapist < therapists.length ? `t${booking.therapist + 1}` : null,
    roomId: booking.room < rooms.length ? `r${booking.room + 1}` : null,
    start: at(booking.span.startMin),
    end: at(booking.span.startMin + booking.span.lengthMin),
  }));
  return {
    zone: shape.zone,
    service: {
      id: "tp",
      durationMin: shape.durationMin,
      bufferBeforeMin: shape.bufferBeforeMin,
      bufferAfterMin: shape.bufferAfterMin,
      needsRoom: shape.needsRoom,
    },
    therapists,
    rooms,
    busy,
    range: { from, to: at(shape.rangeLengthMin) },
    now: at(shape.nowFromRangeMin),
    policy: { minNoticeMin: shape.minNoticeMin, horizonDays: shape.horizonDays, stepMin: shape.stepMin },
    ...(shape.onlyTherapist ? { therapistId: shape.onlyTherapist } : {}),
  };
}

describe("findAvailableSlots against a minute-by-minute oracle", () => {
  it("the oracle's zone model sees the 2026 DST changes it should", () => {
    expect(oracleZone("America/New_York").transitions).toContain(Date.parse("2026-03-08T07:00:00Z"));
    expect(oracleZone("Australia/Lord_Howe").transitions).toContain(Date.parse("2026-10-03T15:30:00Z"));
    expect(oracleZone("Asia/Kolkata").transitions).toEqual([]);
    expect(
      oracleFirstInstantAtOrAfter(oracleZone("America/New_York"), utcDay("2026-03-08") + 150 * MINUTE),
    ).toBe(Date.parse("2026-03-08T07:00:00Z"));
  });

  it("finds exactly the oracle's slots for random clinics, schedules, bookings, rooms, notice, steps and zones", () => {
    fc.assert(
      fc.property(clinicShape, (shape) => {
        const query = queryOf(shape);
        expect(findAvailableSlots(query)).toEqual(oracleSlots(query));
      }),
      { numRuns: 400 },
    );
  });

  it("finds exactly the oracle's slots for busy single days around DST changes", () => {
    const busyDay = clinicShape.map((shape) => ({
      ...shape,
      nearTransition: true,
      rangeStartMin: 0,
      rangeLengthMin: 24 * 60,
      nowFromRangeMin: -24 * 60,
      horizonDays: 5,
    }));
    fc.assert(
      fc.property(busyDay, (shape) => {
        const query = queryOf(shape);
        expect(findAvailableSlots(query)).toEqual(oracleSlots(query));
      }),
      { numRuns: 200 },
    );
  });
});
