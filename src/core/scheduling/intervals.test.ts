import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  firstEndingAfter,
  type Interval,
  intersectsAny,
  isCoveredBy,
  mergeIntervals,
  overlaps,
  subtractIntervals,
  unionOfMerged,
} from "./intervals";

/** Small integer intervals, so the reference below can enumerate every point. */
const interval = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 12 }))
  .map(([start, length]): Interval => ({ start, end: start + length }));
const intervals = fc.array(interval, { maxLength: 8 });

function pointsOf(list: readonly Interval[]): Set<number> {
  const points = new Set<number>();
  for (const { start, end } of list) for (let point = start; point < end; point++) points.add(point);
  return points;
}

function isMerged(list: readonly Interval[]): boolean {
  return list.every(
    (current, index) =>
      current.start < current.end && (index === 0 || (list[index - 1] as Interval).end < current.start),
  );
}

describe("overlaps", () => {
  it("treats intervals as half-open: touching intervals do not overlap", () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(overlaps({ start: 10, end: 20 }, { start: 0, end: 10 })).toBe(false);
    expect(overlaps({ start: 0, end: 11 }, { start: 10, end: 20 })).toBe(true);
    expect(overlaps({ start: 0, end: 30 }, { start: 10, end: 20 })).toBe(true);
  });

  it("never counts an empty interval as overlapping, like PostgreSQL's && on empty ranges", () => {
    expect(overlaps({ start: 5, end: 5 }, { start: 0, end: 10 })).toBe(false);
  });

  it("agrees with sharing at least one point", () => {
    fc.assert(
      fc.property(interval, interval, (a, b) => {
        const shared = [...pointsOf([a])].some((point) => pointsOf([b]).has(point));
        expect(overlaps(a, b)).toBe(shared);
        expect(overlaps(b, a)).toBe(shared);
      }),
    );
  });
});

describe("sorted interval lists", () => {
  it("merge into the same points, sorted, disjoint and non-adjacent", () => {
    fc.assert(
      fc.property(intervals, (list) => {
        const merged = mergeIntervals(list);
        expect(isMerged(merged)).toBe(true);
        expect(pointsOf(merged)).toEqual(pointsOf(list));
      }),
    );
  });

  it("subtract point by point", () => {
    fc.assert(
      fc.property(intervals, intervals, (base, cuts) => {
        const difference = subtractIntervals(mergeIntervals(base), mergeIntervals(cuts));
        const cutPoints = pointsOf(cuts);
        expect(pointsOf(difference)).toEqual(
          new Set([...pointsOf(base)].filter((point) => !cutPoints.has(point))),
        );
        expect(difference.every((part) => part.start < part.end)).toBe(true);
      }),
    );
  });

  it("unite point by point", () => {
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        const union = unionOfMerged(mergeIntervals(a), mergeIntervals(b));
        expect(isMerged(union)).toBe(true);
        expect(pointsOf(union)).toEqual(pointsOf([...a, ...b]));
      }),
    );
  });

  it("answer covering, intersecting and first-ending-after queries like a scan does", () => {
    fc.assert(
      fc.property(intervals, interval, (list, probe) => {
        const merged = mergeIntervals(list);
        const points = pointsOf(merged);
        const probePoints = [...pointsOf([probe])];
        if (probe.start < probe.end) {
          expect(isCoveredBy(merged, probe.start, probe.end)).toBe(
            probePoints.every((point) => points.has(point)),
          );
        }
        expect(intersectsAny(merged, probe.start, probe.end)).toBe(
          probePoints.some((point) => points.has(point)),
        );
        const expectedIndex = merged.findIndex((part) => part.end > probe.start);
        expect(firstEndingAfter(merged, probe.start)).toBe(
          expectedIndex === -1 ? merged.length : expectedIndex,
        );
      }),
    );
  });
});
