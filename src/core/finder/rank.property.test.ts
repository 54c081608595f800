import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REGIONS } from "../body/regions";
import { type FinderResult, type RegionMark, rankMuscles } from "./rank";

const REGION_IDS = REGIONS.map((r) => r.id);
const ALL = { limit: Number.POSITIVE_INFINITY };

/**
 * Marks drawn mostly from one body area, so that candidates overlap as they do in real use;
 * a few fully random regions keep the rest of the vocabulary covered.
 */
const HEAD_AND_NECK = REGIONS.filter((r) => ["head", "neck", "upper-back"].includes(r.type.group)).map(
  (r) => r.id,
);
const regionId = fc.oneof(fc.constantFrom(...HEAD_AND_NECK), fc.constantFrom(...REGION_IDS));
const intensity = fc.integer({ min: 1, max: 10 });

const marksArb = fc
  .uniqueArray(regionId, { minLength: 1, maxLength: 12 })
  .chain((ids) => fc.tuple(...ids.map((id) => intensity.map((i): RegionMark => ({ id, intensity: i })))));

/** Marks plus one more region that is not among them. */
const marksAndExtraArb = marksArb.chain((marks) =>
  fc
    .constantFrom(...REGION_IDS.filter((id) => !marks.some((m) => m.id === id)))
    .chain((extra) => intensity.map((i) => ({ marks, extra: { id: extra, intensity: i } }))),
);

/**
 * Each result as one key per side it stands for: a side-less result (midline regions only) stands
 * for the left and the right candidate, which are then identical. Lets orders be compared even when
 * a muscle is shown once before a change and per side after it.
 */
function candidateOrder(results: readonly FinderResult[]): string[] {
  return results.flatMap((r) =>
    r.side ? [`${r.muscle}/${r.side}`] : [`${r.muscle}/left`, `${r.muscle}/right`],
  );
}

function explainedBy(results: readonly FinderResult[]): Map<string, Set<string>> {
  const explained = new Map<string, Set<string>>();
  for (const r of results) {
    for (const k of candidateOrder([r]))
      explained.set(k, new Set([...r.explains.essential, ...r.explains.spillover]));
  }
  return explained;
}

/** Every pair (a, b) with a ranked above b. */
function* orderedPairs(order: readonly string[]): Generator<[string, string]> {
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) yield [order[i] as string, order[j] as string];
  }
}

function mirrorId(id: string): string {
  if (id.endsWith("-left")) return `${id.slice(0, -5)}-right`;
  if (id.endsWith("-right")) return `${id.slice(0, -6)}-left`;
  return id;
}

describe("rankMuscles properties", () => {
  it("scores lie in [0, 1] with two decimals, best first", () => {
    fc.assert(
      fc.property(marksArb, (marks) => {
        const results = rankMuscles(marks, ALL);
        results.forEach((r, i) => {
          expect(r.score).toBeGreaterThan(0);
          expect(r.score).toBeLessThanOrEqual(1);
          expect(Math.round(r.score * 100) / 100).toBe(r.score);
          if (i > 0) expect(r.score).toBeLessThanOrEqual(results[i - 1]?.score ?? 1);
        });
      }),
    );
  });

  it("every result explains at least one marked region, and explains ∪ unexplained is exactly the marked set", () => {
    fc.assert(
      fc.property(marksArb, (marks) => {
        const marked = marks.map((m) => m.id).sort();
        for (const r of rankMuscles(marks, ALL)) {
          const explained = [...r.explains.essential, ...r.explains.spillover];
          expect(explained.length).toBeGreaterThan(0);
          expect([...explained, ...r.unexplained].sort()).toEqual(marked);
        }
      }),
    );
  });

  it("the order of the input does not change the result", () => {
    fc.assert(
      fc.property(
        marksArb.chain((marks) =>
          fc.tuple(fc.constant(marks), fc.shuffledSubarray(marks, { minLength: marks.length })),
        ),
        ([marks, shuffled]) => {
          expect(rankMuscles(shuffled, ALL)).toEqual(rankMuscles(marks, ALL));
        },
      ),
    );
  });

  it("a limit returns the top of the full ranking", () => {
    fc.assert(
      fc.property(marksArb, fc.integer({ min: 0, max: 30 }), (marks, limit) => {
        expect(rankMuscles(marks, { limit })).toEqual(rankMuscles(marks, ALL).slice(0, limit));
      }),
    );
  });

  it("mirroring every mark left ↔ right mirrors the sides and keeps the scores", () => {
    fc.assert(
      fc.property(marksArb, (marks) => {
        const scoreBySide = (results: readonly FinderResult[]) =>
          new Map(results.map((r) => [`${r.muscle}/${r.side}`, r.score]));
        const original = scoreBySide(rankMuscles(marks, ALL));
        const mirrored = scoreBySide(
          rankMuscles(
            marks.map((m) => ({ ...m, id: mirrorId(m.id) })),
            ALL,
          ),
        );
        const flipSide = (key: string) =>
          key
            .replace(/\/left$/, "/R")
            .replace(/\/right$/, "/left")
            .replace(/\/R$/, "/right");
        expect(new Map([...original].map(([k, s]) => [flipSide(k), s]))).toEqual(mirrored);
      }),
    );
  });

  it("adding a region never promotes a muscle that does not explain it: only candidates explaining the new region can overtake", () => {
    fc.assert(
      fc.property(marksAndExtraArb, ({ marks, extra }) => {
        const before = candidateOrder(rankMuscles(marks, ALL));
        const afterResults = rankMuscles([...marks, extra], ALL);
        const after = candidateOrder(afterResults);
        const explained = explainedBy(afterResults);
        const explainsExtra = (k: string) => explained.get(k)?.has(extra.id) ?? false;
        const rankAfter = new Map(after.map((k, i) => [k, i]));
        for (const [higher, lower] of orderedPairs(before)) {
          const overtaken = (rankAfter.get(lower) ?? 0) < (rankAfter.get(higher) ?? 0);
          if (overtaken) {
            expect(explainsExtra(lower), `${lower} overtook ${higher} after adding ${extra.id}`).toBe(true);
          }
        }
      }),
    );
  });

  it("adding a region never raises the score of a candidate that does not explain it", () => {
    fc.assert(
      fc.property(marksAndExtraArb, ({ marks, extra }) => {
        const scoreOf = (results: readonly FinderResult[]) =>
          new Map(results.flatMap((r) => candidateOrder([r]).map((k) => [k, r.score] as const)));
        const before = scoreOf(rankMuscles(marks, ALL));
        const afterResults = rankMuscles([...marks, extra], ALL);
        const explained = explainedBy(afterResults);
        for (const [k, score] of scoreOf(afterResults)) {
          if (explained.get(k)?.has(extra.id)) continue;
          expect(score).toBeLessThanOrEqual(before.get(k) ?? 0);
        }
      }),
    );
  });

  it("raising the intensity of a region never lowers a muscle that explains it below one that does not", () => {
    fc.assert(
      fc.property(
        marksArb.chain((marks) =>
          fc.tuple(fc.constant(marks), fc.nat({ max: marks.length - 1 }), fc.integer({ min: 1, max: 9 })),
        ),
        ([marks, index, raiseBy]) => {
          const target = marks[index] as RegionMark;
          const raised = marks.map((m, i) =>
            i === index ? { ...m, intensity: Math.min(10, m.intensity + raiseBy) } : m,
          );
          const beforeResults = rankMuscles(marks, ALL);
          const explained = explainedBy(beforeResults);
          const explainsTarget = (k: string) => explained.get(k)?.has(target.id) ?? false;
          const after = candidateOrder(rankMuscles(raised, ALL));
          const rankAfter = new Map(after.map((k, i) => [k, i]));
          for (const [higher, lower] of orderedPairs(candidateOrder(beforeResults))) {
            if (explainsTarget(higher) && !explainsTarget(lower)) {
              expect(rankAfter.get(higher) ?? 0, `${higher} fell below ${lower}`).toBeLessThan(
                rankAfter.get(lower) ?? 0,
              );
            }
          }
        },
      ),
    );
  });
});
