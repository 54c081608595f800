/** Property tests of the charting rules: holds never record more than elapsed time; amendments only append. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MUSCLE_IDS } from "../atlas";
import {
  type Amendment,
  type AmendmentChanges,
  addHold,
  amendedState,
  amendmentHistory,
  appendAmendment,
  applyAmendment,
  type ChartState,
  EMPTY_NOTE,
  holdSecondsToRecord,
  MAX_SINGLE_HOLD_SECONDS,
  MAX_TOTAL_HOLD_SECONDS,
  type TriggerPoint,
} from ".";

const point = (id: string, muscle: (typeof MUSCLE_IDS)[number]): TriggerPoint => ({
  id,
  muscleId: muscle,
  side: "left",
  regionId: null,
  mapView: null,
  mapX: null,
  mapY: null,
  active: true,
  pressure: null,
  comfort: null,
  holdSeconds: 0,
  twitch: false,
  referralReproduced: [],
  release: null,
  stretchApplied: null,
});

const pointArb = fc
  .record({ id: fc.uuid(), muscle: fc.constantFrom(...MUSCLE_IDS) })
  .map((p) => point(p.id, p.muscle));
const stateArb: fc.Arbitrary<ChartState> = fc
  .record({
    painBefore: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    plan: fc.string(),
    points: fc.uniqueArray(pointArb, { selector: (p) => p.id, maxLength: 6 }),
  })
  .map(({ painBefore, plan, points }) => ({ note: { ...EMPTY_NOTE, painBefore, plan }, points }));

const changesArb: fc.Arbitrary<AmendmentChanges> = fc.record(
  {
    note: fc.record({ painAfter: fc.integer({ min: 0, max: 10 }), plan: fc.string() }, { requiredKeys: [] }),
    addedPoints: fc.array(pointArb, { maxLength: 2 }),
    removedPointIds: fc.array(fc.uuid(), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const amendmentsArb = fc
  .array(fc.record({ reason: fc.string({ minLength: 1 }), changes: changesArb, gap: fc.nat(10_000_000) }), {
    maxLength: 6,
  })
  .map((list) => {
    let at = Date.parse("2026-01-01T00:00:00Z");
    return list.map((a, i): Amendment => {
      at += a.gap;
      return {
        id: `a${i}`,
        authorId: null,
        createdAt: new Date(at).toISOString(),
        reason: a.reason,
        changes: a.changes,
      };
    });
  });

describe("holds", () => {
  it("a hold never records more than the time elapsed, nor less than nothing", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -100, max: 10_000 }),
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.integer({ min: -5_000, max: 600_000 }),
        (seconds, startedAt, elapsedMs) => {
          const recorded = holdSecondsToRecord({ seconds, startedAt, endedAt: startedAt + elapsedMs });
          expect(recorded).toBeGreaterThanOrEqual(0);
          expect(recorded).toBeLessThanOrEqual(Math.max(0, elapsedMs / 1000));
          expect(recorded).toBeLessThanOrEqual(Math.max(0, seconds));
          expect(recorded).toBeLessThanOrEqual(MAX_SINGLE_HOLD_SECONDS);
          expect(Number.isInteger(recorded)).toBe(true);
        },
      ),
    );
  });

  it("holds add up, and the total never passes the cap or goes down", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 200 }), { maxLength: 40 }), (holds) => {
        let total: number | null = null;
        for (const added of holds) {
          const next = addHold(total, added);
          expect(next).toBeGreaterThanOrEqual(total ?? 0);
          expect(next).toBeLessThanOrEqual(MAX_TOTAL_HOLD_SECONDS);
          total = next;
        }
        const expected = Math.min(
          holds.reduce((sum, h) => Math.min(sum + Math.max(0, h), MAX_TOTAL_HOLD_SECONDS), 0),
          MAX_TOTAL_HOLD_SECONDS,
        );
        expect(total ?? 0).toBe(expected);
      }),
    );
  });
});

describe("amendments", () => {
  it("appending keeps every earlier amendment and the original exactly as they were", () => {
    fc.assert(
      fc.property(stateArb, amendmentsArb, (original, amendments) => {
        const frozenOriginal = structuredClone(original);
        let history: Amendment[] = [];
        for (const amendment of amendments) {
          const before = structuredClone(history);
          const next = appendAmendment(history, amendment);
          expect(next.slice(0, history.length)).toEqual(before);
          expect(next).toHaveLength(history.length + 1);
          expect(history).toEqual(before); // the old list is untouched
          history = next;
        }
        const entries = amendmentHistory(original, history);
        expect(entries[0]?.state).toEqual(frozenOriginal);
        expect(original).toEqual(frozenOriginal);
        expect(entries.map((e) => e.amendment?.id ?? null)).toEqual([null, ...history.map((a) => a.id)]);
        expect(entries.at(-1)?.state).toEqual(amendedState(original, history));
      }),
    );
  });

  it("refuses an amendment dated before the last one", () => {
    fc.assert(
      fc.property(
        amendmentsArb.filter((list) => list.length >= 2),
        (list) => {
          const last = list.at(-1) as Amendment;
          const earlier = {
            ...last,
            id: "late",
            createdAt: new Date(Date.parse(list[0]?.createdAt ?? "") - 1).toISOString(),
          };
          expect(() => appendAmendment(list, earlier)).toThrow();
        },
      ),
    );
  });

  it("applying an amendment never changes the state it is given", () => {
    fc.assert(
      fc.property(stateArb, changesArb, (state, changes) => {
        const copy = structuredClone(state);
        applyAmendment(state, changes);
        expect(state).toEqual(copy);
      }),
    );
  });
});
