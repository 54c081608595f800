/**
 * The slot engine: which start times can a client book for a service? Pure (no I/O, `now` is an
 * input), so the server, the browser and the tests all run the same code.
 *
 * Semantics (docs/product.md F4):
 * - A therapist's OPEN time is the union of their working intervals (weekly hours, or the date
 *   override for that local date) minus breaks, time off and their busy intervals.
 * - Candidate starts are `intervalStart + k × step` for each working interval (elapsed minutes from
 *   the interval's first instant, so a step never lands on a time that does not exist), while
 *   `start < intervalEnd`.
 * - A candidate is free for a therapist when its blocking window `[start − bufferBefore,
 *   start + duration + bufferAfter)` lies wholly inside their open time; with `needsRoom`, some room
 *   must also have no busy interval overlapping that window.
 * - `start ≥ now + minNotice`, `start < now + horizonDays × 24 h`, `range.from ≤ start < range.to`.
 * - Busy intervals are blocking intervals: buffers already included (see `blockingInterval`).
 * - Working hours are local to the clinic zone; a boundary in a DST gap becomes the end of the gap
 *   (02:00-10:00 on a spring-forward day starts at 03:00), an ambiguous one its first occurrence.
 *
 * Cost: per therapist, one pass over the covered local days (arithmetic, no Intl on ordinary days),
 * one sort-and-merge of their blocked intervals, then work proportional to the free starts found.
 */

import { MS_PER_DAY, MS_PER_MINUTE, parseLocalDateOrThrow, parseLocalTimeOrThrow } from "./civil";
import {
  firstEndingAfter,
  type Interval,
  intersectsAny,
  mergeIntervals,
  subtractIntervals,
  unionOfMerged,
} from "./intervals";
import { instantOfLocalMinute, type LocalDay, localDaysCovering } from "./local-days";
import type {
  BusyInterval,
  InstantRange,
  LocalInterval,
  ServiceSpec,
  Slot,
  SlotQuery,
  TherapistSchedule,
  WeeklySchedule,
} from "./types";
import { isValidTimeZone } from "./zone";

/** A local interval as minutes since midnight, `[start, end)`, end ≤ 1440. */
interface MinuteSpan {
  readonly start: number;
  readonly end: number;
}

/** Local intervals per weekday, parsed once per query. */
type MinuteSpansByWeekday = readonly (readonly MinuteSpan[])[];

interface PreparedTherapist {
  readonly id: string;
  readonly hours: MinuteSpansByWeekday;
  readonly breaks: MinuteSpansByWeekday;
  readonly overridesByDay: ReadonlyMap<number, readonly MinuteSpan[]>;
  readonly timeOff: readonly Interval[];
}

/** The service and policy as millisecond integers. */
interface SlotRules {
  readonly duration: number;
  readonly bufferBefore: number;
  readonly bufferAfter: number;
  readonly step: number;
  readonly needsRoom: boolean;
}

/**
 * The interval an appointment blocks for exclusion purposes: `[start − bufferBefore, end + bufferAfter)`.
 * Store this as the appointment's busy range so the engine and the database agree.
 */
export function blockingInterval(
  appointment: Interval,
  service: Pick<ServiceSpec, "bufferBeforeMin" | "bufferAfterMin">,
): Interval {
  return {
    start: appointment.start - service.bufferBeforeMin * MS_PER_MINUTE,
    end: appointment.end + service.bufferAfterMin * MS_PER_MINUTE,
  };
}

function assertInteger(value: number, name: string, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be an integer ≥ ${minimum}, got ${value}`);
  }
}

function assertFinite(value: number, name: string): void {
  if (!Number.isFinite(value))
    throw new RangeError(`${name} must be a finite epoch-ms instant, got ${value}`);
}

function slotRulesOf(query: SlotQuery): SlotRules {
  const { service, policy } = query;
  assertInteger(service.durationMin, "service.durationMin", 1);
  assertInteger(service.bufferBeforeMin, "service.bufferBeforeMin", 0);
  assertInteger(service.bufferAfterMin, "service.bufferAfterMin", 0);
  assertInteger(policy.stepMin, "policy.stepMin", 1);
  return {
    duration: service.durationMin * MS_PER_MINUTE,
    bufferBefore: service.bufferBeforeMin * MS_PER_MINUTE,
    bufferAfter: service.bufferAfterMin * MS_PER_MINUTE,
    step: policy.stepMin * MS_PER_MINUTE,
    needsRoom: service.needsRoom,
  };
}

/** Longest span of starts one query may search: bounds the work a single call can cause. */
export const MAX_SEARCH_DAYS = 731;

/** Where a slot may start: inside the range, after the minimum notice, before the horizon. */
function bookableStartWindow(query: SlotQuery): Interval {
  const { range, now, policy } = query;
  assertFinite(range.from, "range.from");
  assertFinite(range.to, "range.to");
  assertFinite(now, "now");
  if (!(policy.minNoticeMin >= 0))
    throw new RangeError(`policy.minNoticeMin must be ≥ 0, got ${policy.minNoticeMin}`);
  if (!(policy.horizonDays >= 0))
    throw new RangeError(`policy.horizonDays must be ≥ 0, got ${policy.horizonDays}`);
  const start = Math.max(range.from, now + policy.minNoticeMin * MS_PER_MINUTE);
  const end = Math.min(range.to, now + policy.horizonDays * MS_PER_DAY);
  if (end - start > MAX_SEARCH_DAYS * MS_PER_DAY) {
    throw new RangeError(`A slot search may span at most ${MAX_SEARCH_DAYS} days`);
  }
  return { start, end };
}

function minuteSpanOf(interval: LocalInterval): MinuteSpan {
  const start = parseLocalTimeOrThrow(interval.start);
  const end = parseLocalTimeOrThrow(interval.end, true);
  if (end <= start) {
    throw new RangeError(
      `Local interval ${interval.start}-${interval.end} must end after it starts; split an overnight interval at 24:00`,
    );
  }
  return { start, end };
}

function minuteSpansOf(intervals: readonly LocalInterval[] | undefined): MinuteSpan[] {
  return (intervals ?? []).map(minuteSpanOf).sort((a, b) => a.start - b.start);
}

function minuteSpansByWeekday(schedule: WeeklySchedule | undefined): MinuteSpansByWeekday {
  const byWeekday: MinuteSpan[][] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    byWeekday.push(minuteSpansOf(schedule?.[weekday as keyof WeeklySchedule]));
  }
  return byWeekday;
}

function prepareTherapist(therapist: TherapistSchedule): PreparedTherapist {
  const overridesByDay = new Map<number, MinuteSpan[]>();
  for (const override of therapist.dateOverrides ?? []) {
    const dayNumber = parseLocalDateOrThrow(override.date);
    if (overridesByDay.has(dayNumber)) {
      throw new RangeError(`Therapist ${therapist.id} has two date overrides for ${override.date}`);
    }
    overridesByDay.set(dayNumber, minuteSpansOf(override.intervals));
  }
  return {
    id: therapist.id,
    hours: minuteSpansByWeekday(therapist.weeklyHours),
    breaks: minuteSpansByWeekday(therapist.breaks),
    overridesByDay,
    timeOff: therapist.timeOff ?? [],
  };
}

/** Therapists who perform the service, narrowed to `query.therapistId` when one is asked for. */
function eligibleTherapists(query: SlotQuery): TherapistSchedule[] {
  return query.therapists.filter(
    (therapist) =>
      (query.therapistId === undefined || therapist.id === query.therapistId) &&
      (therapist.serviceIds === undefined || therapist.serviceIds.includes(query.service.id)),
  );
}

interface BusyIndex {
  /** Merged busy intervals per therapist. */
  readonly byTherapist: ReadonlyMap<string, Interval[]>;
  /** Merged busy intervals per room. */
  readonly byRoom: ReadonlyMap<string, Interval[]>;
}

function pushInto(map: Map<string, Interval[]>, key: string, interval: Interval): void {
  const list = map.get(key);
  if (list) list.push(interval);
  else map.set(key, [interval]);
}

/**
 * Busy intervals grouped by therapist and by room, each group merged; the merge sorts a group only
 * if it is out of order. The server reads busy time grouped per therapist and in start order, so a
 * search of a large clinic sorts nothing (sorting all ~10,000 intervals was a noticeable part of a
 * 100-therapist search).
 */
function indexBusy(busy: readonly BusyInterval[]): BusyIndex {
  for (const interval of busy) {
    assertFinite(interval.start, "busy.start");
    assertFinite(interval.end, "busy.end");
  }
  const byTherapist = new Map<string, Interval[]>();
  const byRoom = new Map<string, Interval[]>();
  for (const interval of busy) {
    if (interval.therapistId !== null) pushInto(byTherapist, interval.therapistId, interval);
    if (interval.roomId !== null) pushInto(byRoom, interval.roomId, interval);
  }
  for (const [therapistId, intervals] of byTherapist) byTherapist.set(therapistId, mergeIntervals(intervals));
  for (const [roomId, intervals] of byRoom) byRoom.set(roomId, mergeIntervals(intervals));
  return { byTherapist, byRoom };
}

/** Local minute spans of `day` as instant intervals, appended to `into`. */
function appendDaySpans(day: LocalDay, spans: readonly MinuteSpan[], zone: string, into: Interval[]): void {
  for (const span of spans) {
    const start = instantOfLocalMinute(day, span.start, zone);
    const end = instantOfLocalMinute(day, span.end, zone);
    // Both ends inside one DST gap collapse to the same instant: nothing to work.
    if (start < end) into.push({ start, end });
  }
}

interface TherapistTime {
  /** Working intervals in start order (not merged: each one seeds its own grid of starts). */
  readonly working: Interval[];
  /** Working time minus breaks, time off and busy: merged. */
  readonly open: Interval[];
}

function therapistTime(
  therapist: PreparedTherapist,
  days: readonly LocalDay[],
  /** The therapist's busy intervals, merged. */
  busy: readonly Interval[],
  zone: string,
): TherapistTime {
  const working: Interval[] = [];
  const breaks: Interval[] = [];
  for (const day of days) {
    const override = therapist.overridesByDay.get(day.dayNumber);
    if (override) {
      appendDaySpans(day, override, zone, working);
    } else {
      appendDaySpans(day, therapist.hours[day.weekday] ?? [], zone, working);
      appendDaySpans(day, therapist.breaks[day.weekday] ?? [], zone, breaks);
    }
  }
  // Days ascend and each day's spans are sorted, so `working` and `breaks` are already in start
  // order and `busy` comes merged: only the (few) time-off intervals may need sorting.
  const blocked = unionOfMerged(
    unionOfMerged(mergeIntervals(breaks), busy),
    mergeIntervals(therapist.timeOff),
  );
  return { working, open: subtractIntervals(mergeIntervals(working), blocked) };
}

/**
 * The starts of one therapist whose whole blocking window is open, ascending and distinct. Rather
 * than testing every grid point, it walks the open intervals each working interval's grid can reach
 * and takes the grid points whose window fits: work proportional to the starts found.
 */
function freeStarts(time: TherapistTime, rules: SlotRules, startWindow: Interval): number[] {
  const { duration, bufferBefore, bufferAfter, step } = rules;
  const { open } = time;
  const starts: number[] = [];
  let ascending = true;
  for (const interval of time.working) {
    const gridOrigin = interval.start;
    const lowestStart = Math.max(interval.start, startWindow.start);
    const startLimit = Math.min(interval.end, startWindow.end); // exclusive
    if (lowestStart >= startLimit) continue;
    for (let index = firstEndingAfter(open, lowestStart - bufferBefore); index < open.length; index++) {
      const openInterval = open[index] as Interval;
      const earliest = Math.max(lowestStart, openInterval.start + bufferBefore);
      if (earliest >= startLimit) break;
      const latest = openInterval.end - duration - bufferAfter; // inclusive
      const firstStep = Math.ceil((earliest - gridOrigin) / step);
      for (let start = gridOrigin + firstStep * step; start <= latest && start < startLimit; start += step) {
        if (starts.length > 0 && start <= (starts[starts.length - 1] as number)) ascending = false;
        starts.push(start);
      }
    }
  }
  // Only overlapping working intervals (two grids over the same time) can break the order.
  return ascending ? starts : [...new Set(starts)].sort((a, b) => a - b);
}

/** Receives each distinct start with the therapists (indexes `holders[from…to)`, ascending) who have it. */
type StartGroupSink = (start: number, holders: Int32Array, from: number, to: number) => void;

/**
 * Group ascending per-therapist start lists by start, in start order: a cursor walk over the lists'
 * current heads. Costs (distinct starts × therapists), which beat both a Map keyed by start and a
 * counting sort on a common grid when measured on the benchmark workload.
 */
function groupByCursorWalk(lists: readonly (readonly number[])[], sink: StartGroupSink): void {
  const count = lists.length;
  const cursors = new Int32Array(count);
  // Each list's current head (+Infinity once used up), and which lists hold the smallest one.
  const heads = new Float64Array(count);
  const holders = new Int32Array(count);
  for (let therapist = 0; therapist < count; therapist++) {
    heads[therapist] = headOf(lists[therapist] as readonly number[], 0);
  }
  for (;;) {
    let next = Number.POSITIVE_INFINITY;
    let holderCount = 0;
    for (let therapist = 0; therapist < count; therapist++) {
      const head = heads[therapist] as number;
      if (head < next) {
        next = head;
        holderCount = 0;
        holders[holderCount++] = therapist;
      } else if (head === next) {
        holders[holderCount++] = therapist;
      }
    }
    if (next === Number.POSITIVE_INFINITY) return;
    sink(next, holders, 0, holderCount);
    for (let holder = 0; holder < holderCount; holder++) {
      const therapist = holders[holder] as number;
      const cursor = (cursors[therapist] as number) + 1;
      cursors[therapist] = cursor;
      heads[therapist] = headOf(lists[therapist] as readonly number[], cursor);
    }
  }
}

function headOf(starts: readonly number[], cursor: number): number {
  return cursor < starts.length ? (starts[cursor] as number) : Number.POSITIVE_INFINITY;
}

/**
 * Merge per-therapist ascending start lists into slots, listing at each start every therapist who
 * has it (in input order). `roomIdsAt` gives the free rooms for a start, or `null` to drop it.
 */
function slotsFromStarts(
  startsByTherapist: readonly (readonly number[])[],
  therapistIds: readonly string[],
  rules: SlotRules,
  roomIdsAt: (start: number) => string[] | null,
): Slot[] {
  const slots: Slot[] = [];
  const addSlot: StartGroupSink = (start, holders, from, to) => {
    const roomIds = roomIdsAt(start);
    if (!roomIds) return;
    const ids: string[] = [];
    for (let holder = from; holder < to; holder++) {
      ids.push(therapistIds[holders[holder] as number] as string);
    }
    slots.push({ start, end: start + rules.duration, therapistIds: ids, roomIds });
  };
  groupByCursorWalk(startsByTherapist, addSlot);
  return slots;
}

/** The ids of the rooms whose merged busy list leaves `[windowStart, windowEnd)` free, in room order. */
function freeRoomIds(
  roomIds: readonly string[],
  busyByRoom: readonly (readonly Interval[])[],
  windowStart: number,
  windowEnd: number,
): string[] {
  const free: string[] = [];
  for (let room = 0; room < roomIds.length; room++) {
    if (!intersectsAny(busyByRoom[room] as readonly Interval[], windowStart, windowEnd)) {
      free.push(roomIds[room] as string);
    }
  }
  return free;
}

/**
 * Every bookable slot for `query.service`, sorted by start. See the module comment for the rules.
 * Throws a RangeError for malformed input (unknown zone, bad "HH:MM", non-integer minutes, …).
 */
export function findAvailableSlots(query: SlotQuery): Slot[] {
  // Validate everything first, so malformed input fails the same way whether or not there is work.
  if (!isValidTimeZone(query.zone)) throw new RangeError(`Unknown time zone "${query.zone}"`);
  const rules = slotRulesOf(query);
  const startWindow = bookableStartWindow(query);
  const therapists = eligibleTherapists(query);
  const prepared = therapists.map(prepareTherapist);
  const busy = indexBusy(query.busy);
  if (startWindow.start >= startWindow.end || therapists.length === 0) return [];
  if (rules.needsRoom && query.rooms.length === 0) return [];

  const days = localDaysCovering(
    startWindow.start - rules.bufferBefore,
    startWindow.end + rules.duration + rules.bufferAfter,
    query.zone,
  );
  const startsByTherapist = prepared.map((therapist) =>
    freeStarts(
      therapistTime(therapist, days, busy.byTherapist.get(therapist.id) ?? [], query.zone),
      rules,
      startWindow,
    ),
  );
  const { bufferBefore, bufferAfter, duration } = rules;
  const roomIds = query.rooms.map((room) => room.id);
  const busyByRoom = roomIds.map((roomId) => busy.byRoom.get(roomId) ?? []);
  return slotsFromStarts(
    startsByTherapist,
    therapists.map((therapist) => therapist.id),
    rules,
    rules.needsRoom
      ? (start) => {
          const free = freeRoomIds(roomIds, busyByRoom, start - bufferBefore, start + duration + bufferAfter);
          return free.length > 0 ? free : null;
        }
      : () => [],
  );
}

/**
 * The time a therapist is at work within `range`, per local day: weekly hours or that date's
 * override, minus breaks (not on override dates) and time off; the same rules the slot engine uses,
 * so the reports' "available minutes" (src/core/reports) are the minutes a client could have booked.
 * Each entry is one local day's merged intervals, clipped to `range`.
 */
export function workingTimeByDay(
  therapist: TherapistSchedule,
  range: InstantRange,
  zone: string,
): { dayNumber: number; intervals: Interval[] }[] {
  if (!isValidTimeZone(zone)) throw new RangeError(`Unknown time zone ${zone}`);
  const prepared = prepareTherapist(therapist);
  const result: { dayNumber: number; intervals: Interval[] }[] = [];
  for (const day of localDaysCovering(range.from, range.to, zone)) {
    const { open } = therapistTime(prepared, [day], [], zone);
    const clipped: Interval[] = [];
    for (const interval of open) {
      const start = Math.max(interval.start, range.from, day.start);
      const end = Math.min(interval.end, range.to, day.end);
      if (start < end) clipped.push({ start, end });
    }
    if (clipped.length > 0) result.push({ dayNumber: day.dayNumber, intervals: clipped });
  }
  return result;
}
