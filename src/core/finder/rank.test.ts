import { describe, expect, it } from "vitest";
import { muscleById } from "../atlas";
import { REGIONS } from "../body/regions";
import {
  BREADTH_PENALTY,
  DEFAULT_RESULT_LIMIT,
  type FinderResult,
  rankMuscles,
  SPILLOVER_WEIGHT,
} from "./rank";

const ALL = { limit: Number.POSITIVE_INFINITY };

function key(result: FinderResult): string {
  return `${result.muscle}/${result.side ?? "either"}`;
}

function position(results: readonly FinderResult[], muscle: string): number {
  return results.findIndex((r) => r.muscle === muscle);
}

describe("side assignment", () => {
  it("makes every candidate for a left-side region a left-side candidate", () => {
    const results = rankMuscles([{ id: "temple-left", intensity: 5 }], ALL);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.side === "left")).toBe(true);
  });

  it("makes every candidate for a right-side region a right-side candidate", () => {
    const results = rankMuscles([{ id: "heel-right", intensity: 5 }], ALL);
    expect(results.length).toBeGreaterThan(0);
    expect(results.every((r) => r.side === "right")).toBe(true);
  });

  it("lets a muscle on either side explain a midline region, listing it once with no side", () => {
    const results = rankMuscles([{ id: "vertex", intensity: 5 }], ALL);
    expect(results.map(key)).toEqual(["splenius-capitis/either", "scm-sternal/either"]);
  });

  it("splits a muscle into sides once a marked region on one side tells them apart", () => {
    const results = rankMuscles(
      [
        { id: "vertex", intensity: 5 },
        { id: "occiput-left", intensity: 5 },
      ],
      ALL,
    );
    const left = results.find((r) => key(r) === "scm-sternal/left");
    const right = results.find((r) => key(r) === "scm-sternal/right");
    expect(left?.explains.essential).toEqual(["vertex", "occiput-left"]);
    expect(right?.explains.essential).toEqual(["vertex"]);
    expect(right?.unexplained).toEqual(["occiput-left"]);
    expect(results.indexOf(left as FinderResult)).toBeLessThan(results.indexOf(right as FinderResult));
  });

  it("never lets a left-side muscle explain a right-side region", () => {
    const results = rankMuscles(
      [
        { id: "temple-left", intensity: 5 },
        { id: "temple-right", intensity: 5 },
      ],
      ALL,
    );
    for (const result of results) {
      const explained = [...result.explains.essential, ...result.explains.spillover];
      expect(explained.every((id) => id.endsWith(`-${result.side}`))).toBe(true);
    }
  });
});

describe("essential and spillover zones", () => {
  it("for any single marked region, ranks every muscle with it in its essential zone above every muscle with it only in spillover", () => {
    for (const region of REGIONS) {
      const results = rankMuscles([{ id: region.id, intensity: 5 }], ALL);
      const lastEssential = results.findLastIndex((r) => r.explains.essential.length > 0);
      const firstSpillover = results.findIndex((r) => r.explains.essential.length === 0);
      if (lastEssential >= 0 && firstSpillover >= 0) {
        expect(lastEssential, region.id).toBeLessThan(firstSpillover);
      }
    }
  });

  it("reports which marked regions fall in the essential zone and which in spillover", () => {
    const upperTrapezius = rankMuscles([
      { id: "temple-left", intensity: 5 },
      { id: "occiput-left", intensity: 5 },
      { id: "heel-left", intensity: 5 },
    ]).find((r) => r.muscle === "upper-trapezius");
    expect(upperTrapezius).toEqual({
      muscle: "upper-trapezius",
      side: "left",
      score: upperTrapezius?.score,
      explains: { essential: ["temple-left"], spillover: ["occiput-left"] },
      unexplained: ["heel-left"],
    });
  });

  it("counts a spillover hit at SPILLOVER_WEIGHT of an essential hit", () => {
    // Supinator: outer elbow is essential, thumb is spillover; pattern = 1 + 0.5 × 2 zones.
    const [supinator] = rankMuscles([{ id: "thumb-right", intensity: 5 }], ALL).filter(
      (r) => r.muscle === "supinator",
    );
    const focus = SPILLOVER_WEIGHT / 2;
    expect(supinator?.score).toBeCloseTo(
      SPILLOVER_WEIGHT * (1 - BREADTH_PENALTY + BREADTH_PENALTY * focus),
      2,
    );
  });
});

describe("intensity weighting", () => {
  it("ranks the temple muscles first when the temple hurts most, the jaw muscle first when the jaw does", () => {
    const templeWorse = rankMuscles([
      { id: "temple-left", intensity: 9 },
      { id: "jaw-left", intensity: 2 },
    ]);
    const jawWorse = rankMuscles([
      { id: "temple-left", intensity: 2 },
      { id: "jaw-left", intensity: 9 },
    ]);
    expect(position(templeWorse, "upper-trapezius")).toBeLessThan(position(templeWorse, "masseter"));
    expect(position(templeWorse, "temporalis")).toBeLessThan(position(templeWorse, "masseter"));
    expect(jawWorse[0]?.muscle).toBe("masseter");
  });

  it("gives the same ranking when every intensity is scaled by the same factor", () => {
    const low = rankMuscles(
      [
        { id: "back-low-left", intensity: 2 },
        { id: "buttock-left", intensity: 1 },
      ],
      ALL,
    );
    const high = rankMuscles(
      [
        { id: "back-low-left", intensity: 10 },
        { id: "buttock-left", intensity: 5 },
      ],
      ALL,
    );
    expect(high).toEqual(low);
  });
});

describe("scores", () => {
  it("gives 1 to a muscle whose whole pattern is marked and explains all the marked pain", () => {
    const [first] = rankMuscles([
      { id: "tmj-left", intensity: 7 },
      { id: "cheek-left", intensity: 3 },
    ]);
    expect(first).toMatchObject({ muscle: "lateral-pterygoid", side: "left", score: 1 });
  });

  it("marks broad patterns down gently: never by more than BREADTH_PENALTY", () => {
    // The outer elbow is an essential zone of four muscles of very different breadth.
    const results = rankMuscles([{ id: "elbow-lateral-right", intensity: 5 }], ALL).filter(
      (r) => r.explains.essential.length > 0,
    );
    expect(results.map((r) => r.muscle)).toEqual([
      "supinator",
      "brachioradialis",
      "wrist-extensors",
      "triceps-brachii",
    ]);
    for (const result of results) expect(result.score).toBeGreaterThanOrEqual(1 - BREADTH_PENALTY);
    expect(muscleById("triceps-brachii")?.spillover.length).toBeGreaterThan(
      muscleById("supinator")?.spillover.length ?? 0,
    );
  });

  it("rounds scores to two decimals", () => {
    for (const result of rankMuscles([{ id: "neck-posterior-left", intensity: 7 }], ALL)) {
      expect(Math.round(result.score * 100) / 100).toBe(result.score);
    }
  });
});

describe("input handling", () => {
  it("returns nothing for no marks, or for marks no muscle refers pain to", () => {
    expect(rankMuscles([])).toEqual([]);
    expect(rankMuscles([{ id: "not-a-region", intensity: 5 }])).toEqual([]);
  });

  it("leaves out muscles that explain none of the marked regions", () => {
    const results = rankMuscles([{ id: "breast-left", intensity: 5 }], ALL);
    expect(results.map(key)).toEqual(["pectoralis-major/left"]);
  });

  it("lists an id outside the vocabulary as unexplained by every result (validate input first)", () => {
    const results = rankMuscles([
      { id: "temple-left", intensity: 5 },
      { id: "elbow-of-the-knee", intensity: 5 },
    ]);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) expect(result.unexplained).toContain("elbow-of-the-knee");
  });

  it("counts a repeated region once, at its highest intensity", () => {
    const repeated = rankMuscles([
      { id: "temple-left", intensity: 3 },
      { id: "jaw-left", intensity: 4 },
      { id: "temple-left", intensity: 8 },
    ]);
    const once = rankMuscles([
      { id: "temple-left", intensity: 8 },
      { id: "jaw-left", intensity: 4 },
    ]);
    expect(repeated).toEqual(once);
  });

  it(`returns at most ${DEFAULT_RESULT_LIMIT} results unless told otherwise`, () => {
    const marks = [
      { id: "neck-posterior-left", intensity: 5 },
      { id: "shoulder-top-left", intensity: 5 },
      { id: "scapula-medial-left", intensity: 5 },
      { id: "temple-left", intensity: 5 },
    ];
    expect(rankMuscles(marks)).toHaveLength(DEFAULT_RESULT_LIMIT);
    expect(rankMuscles(marks, { limit: 3 })).toEqual(rankMuscles(marks, ALL).slice(0, 3));
    expect(rankMuscles(marks, ALL).length).toBeGreaterThan(DEFAULT_RESULT_LIMIT);
    expect(rankMuscles(marks, { limit: 0 })).toEqual([]);
  });
});
