/**
 * Half-open instant intervals `[start, end)` in epoch milliseconds, and the sorted-list operations
 * the slot engine is built from. Half-open like PostgreSQL's `tstzrange` default `[)`, so the
 * database's exclusion constraints and this engine agree: a booking ending at 10:00 and one starting
 * at 10:00 do not overlap.
 */

export interface Interval {
  /** Inclusive, epoch ms. */
  readonly start: number;
  /** Exclusive, epoch ms. */
  readonly end: number;
}

export function isEmptyInterval(interval: Interval): boolean {
  return interval.end <= interval.start;
}

/** True when `a` and `b` share an instant. Adjacent (`a.end === b.start`) and empty intervals never overlap. */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < a.end && b.start < b.end && a.start < b.end && b.start < a.end;
}

export function compareByStart(a: Interval, b: Interval): number {
  return a.start - b.start || a.end - b.end;
}

/**
 * Sorted, disjoint, non-adjacent union of `intervals` (empty ones dropped). Adjacent intervals are
 * joined, so a window may run across 12:00 from a 09:00-12:00 interval into a 12:00-17:00 one.
 */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = isSortedByStart(intervals) ? intervals : [...intervals].sort(compareByStart);
  const merged: Interval[] = [];
  let current: Interval | undefined;
  for (const interval of sorted) {
    if (interval.end <= interval.start) continue;
    if (current && interval.start <= current.end) {
      if (interval.end > current.end) current = { start: current.start, end: interval.end };
    } else {
      if (current) merged.push(current);
      current = interval;
    }
  }
  if (current) merged.push(current);
  return merged;
}

/** Lists built day by day usually arrive sorted: checking is cheaper than sorting. */
function isSortedByStart(intervals: readonly Interval[]): boolean {
  for (let index = 1; index < intervals.length; index++) {
    if ((intervals[index] as Interval).start < (intervals[index - 1] as Interval).start) return false;
  }
  return true;
}

/** The union of two merged lists as a merged list, in one linear pass. */
export function unionOfMerged(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  if (a.length === 0) return [...b];
  if (b.length === 0) return [...a];
  const union: Interval[] = [];
  let indexA = 0;
  let indexB = 0;
  let current: Interval | undefined;
  while (indexA < a.length || indexB < b.length) {
    const takeA =
      indexB >= b.length ||
      (indexA < a.length && (a[indexA] as Interval).start <= (b[indexB] as Interval).start);
    const interval = takeA ? (a[indexA++] as Interval) : (b[indexB++] as Interval);
    if (current && interval.start <= current.end) {
      if (interval.end > current.end) current = { start: current.start, end: interval.end };
    } else {
      if (current) union.push(current);
      current = interval;
    }
  }
  if (current) union.push(current);
  return union;
}

/** `base` minus `cuts`, both merged lists (see `mergeIntervals`), in one linear pass. */
export function subtractIntervals(base: readonly Interval[], cuts: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  let cutIndex = 0;
  for (const interval of base) {
    let start = interval.start;
    const end = interval.end;
    // Cuts that end before this interval can never matter again: base is sorted too.
    while (cutIndex < cuts.length && (cuts[cutIndex] as Interval).end <= start) cutIndex++;
    let probe = cutIndex;
    while (probe < cuts.length && start < end) {
      const cut = cuts[probe] as Interval;
      if (cut.start >= end) break;
      if (cut.start > start) result.push({ start, end: cut.start });
      if (cut.end > start) start = cut.end;
      probe++;
    }
    if (start < end) result.push({ start, end });
  }
  return result;
}

/** Index of the last interval in a sorted list starting at or before (`inclusive`) / before `instant`, or −1. */
function lastStartingBefore(sorted: readonly Interval[], instant: number, inclusive: boolean): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const start = (sorted[middle] as Interval).start;
    if (start < instant || (inclusive && start === instant)) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/** True when `[start, end)` lies wholly inside one interval of a merged list. */
export function isCoveredBy(merged: readonly Interval[], start: number, end: number): boolean {
  const index = lastStartingBefore(merged, start, true);
  return index >= 0 && (merged[index] as Interval).end >= end;
}

/** True when `[start, end)` shares an instant with some interval of a merged list. */
export function intersectsAny(merged: readonly Interval[], start: number, end: number): boolean {
  if (end <= start) return false;
  const index = lastStartingBefore(merged, end, false);
  return index >= 0 && (merged[index] as Interval).end > start;
}

/** Index of the first interval of a merged list that ends after `instant` (list length if none). */
export function firstEndingAfter(merged: readonly Interval[], instant: number): number {
  let low = 0;
  let high = merged.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((merged[middle] as Interval).end > instant) high = middle;
    else low = middle + 1;
  }
  return low;
}
