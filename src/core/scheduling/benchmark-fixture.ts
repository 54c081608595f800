/**
 * The performance-target workload (docs/architecture.md "Targets"): 20 therapists × 30 days in
 * America/Boise across the 2026-03-08 spring-forward change, with split shifts, breaks, buffers,
 * date overrides, time off, ~300 bookings, 2 rooms and a minimum notice. Deterministic (seeded),
 * shared by bench/slots.bench.ts and the tests that check the workload is realistic.
 */

import { MS_PER_DAY, MS_PER_MINUTE } from "./civil";
import type { BusyInterval, LocalInterval, SlotQuery, TherapistSchedule, WeeklySchedule } from "./types";
import { localToInstant } from "./zone";

export const BENCHMARK_ZONE = "America/Boise";
const FIRST_DATE = "2026-02-23";
const DAYS = 30;
const THERAPISTS = 20;
const BOOKINGS = 300;

/** mulberry32: a tiny seeded PRNG, so every run measures the same workload. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function instantOf(date: string, time: string): number {
  const result = localToInstant(date, time, BENCHMARK_ZONE);
  if (!result.ok) throw new Error(`fixture time ${date} ${time} does not exist in ${BENCHMARK_ZONE}`);
  return result.instant;
}

function dateAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

const SHIFT_PATTERNS: readonly (readonly LocalInterval[])[] = [
  [{ start: "09:00", end: "17:00" }],
  [
    { start: "08:00", end: "12:00" },
    { start: "13:00", end: "18:00" },
  ],
  [{ start: "10:00", end: "19:00" }],
  [{ start: "07:30", end: "15:30" }],
];

function weekdaysWith(
  intervals: readonly LocalInterval[],
  saturday: readonly LocalInterval[],
): WeeklySchedule {
  return { 1: intervals, 2: intervals, 3: intervals, 4: intervals, 5: intervals, 6: saturday };
}

function therapistAt(index: number): TherapistSchedule {
  const shift = SHIFT_PATTERNS[index % SHIFT_PATTERNS.length] ?? [];
  const saturday = index % 3 === 0 ? [{ start: "09:00", end: "13:00" }] : [];
  const hasLunchBreak = shift.length === 1;
  const lunch = [{ start: "12:00", end: "12:30" }];
  return {
    id: `therapist-${index + 1}`,
    weeklyHours: weekdaysWith(shift, saturday),
    breaks: hasLunchBreak ? weekdaysWith(lunch, []) : {},
    dateOverrides: [
      { date: dateAfter(FIRST_DATE, 3 + (index % 7)), intervals: [] },
      { date: dateAfter(FIRST_DATE, 12 + (index % 5)), intervals: [{ start: "11:00", end: "15:00" }] },
    ],
    timeOff:
      index % 6 === 5
        ? [
            {
              start: instantOf(dateAfter(FIRST_DATE, 18), "00:00"),
              end: instantOf(dateAfter(FIRST_DATE, 21), "00:00"),
            },
          ]
        : [],
  };
}

function localTimeOf(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}

function collides(
  busy: readonly BusyInterval[],
  candidate: BusyInterval,
  key: "therapistId" | "roomId",
): boolean {
  return busy.some(
    (other) => other[key] === candidate[key] && other.start < candidate.end && candidate.start < other.end,
  );
}

/**
 * ~300 bookings that could really coexist: like the database's exclusion constraints, no therapist
 * or room holds two at once (a placement that collides is retried elsewhere).
 */
function bookings(random: () => number): BusyInterval[] {
  const busy: BusyInterval[] = [];
  const durations = [30, 60, 90];
  for (let attempt = 0; busy.length < BOOKINGS && attempt < BOOKINGS * 20; attempt++) {
    const date = dateAfter(FIRST_DATE, Math.floor(random() * DAYS));
    const start = instantOf(date, localTimeOf(9 * 60 + Math.floor(random() * 28) * 15));
    const duration = durations[Math.floor(random() * durations.length)] ?? 60;
    const therapistId = `therapist-${1 + Math.floor(random() * THERAPISTS)}`;
    for (const roomId of random() < 0.5 ? ["room-1", "room-2"] : ["room-2", "room-1"]) {
      // Blocking interval: the booking plus its 5-minute set-up and 10-minute clean-up buffers.
      const candidate = {
        therapistId,
        roomId,
        start: start - 5 * MS_PER_MINUTE,
        end: start + (duration + 10) * MS_PER_MINUTE,
      };
      if (!collides(busy, candidate, "therapistId") && !collides(busy, candidate, "roomId")) {
        busy.push(candidate);
        break;
      }
    }
  }
  return busy;
}

/** The any-therapist query of the performance target; `now` is 10:00 on the first day. */
export function benchmarkQuery(overrides: Partial<SlotQuery> = {}): SlotQuery {
  const random = seededRandom(20_260_308);
  const therapists = Array.from({ length: THERAPISTS }, (_, index) => therapistAt(index));
  return {
    zone: BENCHMARK_ZONE,
    service: { id: "tp-60", durationMin: 60, bufferBeforeMin: 5, bufferAfterMin: 10, needsRoom: true },
    therapists,
    rooms: [{ id: "room-1" }, { id: "room-2" }],
    busy: bookings(random),
    range: { from: instantOf(FIRST_DATE, "00:00"), to: instantOf(dateAfter(FIRST_DATE, DAYS), "00:00") },
    now: instantOf(FIRST_DATE, "10:00"),
    policy: { minNoticeMin: 120, horizonDays: 60, stepMin: 15 },
    ...overrides,
  };
}
