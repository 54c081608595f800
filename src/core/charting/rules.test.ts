/** Example tests of the charting data and rules. */
import { describe, expect, it } from "vitest";
import { AmendmentChangesSchema } from "../api/charting";
import { isMuscleId, MUSCLES } from "../atlas";
import { isRegionId } from "../body/regions";
import {
  amendmentProblems,
  applyAmendment,
  EMPTY_NOTE,
  holdSecondsToRecord,
  MOVEMENT_TESTS,
  musclesAtRegion,
  POSTURE_FINDINGS,
  painBand,
  painChange,
  percentOfNormal,
  plainSessionSummary,
  pointsToCheckFirst,
  ROM_SOURCES,
  romShortfall,
} from ".";

describe("charting data", () => {
  it("every posture finding names atlas muscles, and ids are unique", () => {
    expect(new Set(POSTURE_FINDINGS.map((f) => f.id)).size).toBe(POSTURE_FINDINGS.length);
    for (const f of POSTURE_FINDINGS) for (const m of f.muscles) expect(isMuscleId(m)).toBe(true);
    for (const id of [
      "forward-head",
      "rounded-shoulders",
      "elevated-shoulder",
      "anterior-pelvic-tilt",
      "posterior-pelvic-tilt",
    ])
      expect(POSTURE_FINDINGS.map((f) => f.id)).toContain(id);
  });

  it("every movement test has a normal range and a source", () => {
    expect(new Set(MOVEMENT_TESTS.map((t) => t.id)).size).toBe(MOVEMENT_TESTS.length);
    for (const t of MOVEMENT_TESTS) {
      expect(t.normal.to).toBeGreaterThan(t.normal.from);
      expect(ROM_SOURCES[t.source]).toBeTruthy();
    }
    const rotation = MOVEMENT_TESTS.find((t) => t.id === "cervical-rotation");
    expect(rotation?.normal).toEqual({ from: 0, to: 60 });
    if (rotation) {
      expect(percentOfNormal(rotation, 45)).toBe(75);
      expect(romShortfall(rotation, 45)).toBe(15);
      expect(romShortfall(rotation, 70)).toBe(0);
    }
  });
});

describe("pain", () => {
  it("bands and change", () => {
    expect([0, 2, 5, 8].map(painBand)).toEqual(["none", "mild", "moderate", "severe"]);
    expect(painChange(6, 3)).toEqual({ change: -3, reliefPercent: 50 });
    expect(painChange(0, 2)).toEqual({ change: 2, reliefPercent: null });
    expect(painChange(null, 2)).toBeNull();
  });
});

describe("holds", () => {
  it("records what was held, clipped to the time between start and end", () => {
    expect(holdSecondsToRecord({ seconds: 30 })).toBe(30);
    expect(holdSecondsToRecord({ seconds: 30, startedAt: 0, endedAt: 12_900 })).toBe(12);
    expect(holdSecondsToRecord({ seconds: 30, startedAt: 10_000, endedAt: 0 })).toBe(0);
    expect(holdSecondsToRecord({ seconds: 10_000 })).toBe(120);
  });
});

describe("muscles at a region", () => {
  it("offers the muscles that lie in the tapped region first, suggested ones first among them", () => {
    const choices = musclesAtRegion("neck-posterior-left", ["levator-scapulae"]);
    expect(choices).toHaveLength(MUSCLES.length);
    expect(choices[0]).toEqual({ muscleId: "levator-scapulae", place: "here", suggested: true });
    const places = choices.map((c) => c.place);
    expect(places.lastIndexOf("here")).toBeLessThan(places.indexOf("nearby"));
    expect(places.lastIndexOf("nearby")).toBeLessThan(places.indexOf("elsewhere"));
    expect(choices.filter((c) => c.place === "here").map((c) => c.muscleId)).toContain("upper-trapezius");
  });

  it("puts every muscle elsewhere for an unknown region, suggested first", () => {
    const choices = musclesAtRegion("nowhere", ["soleus"]);
    expect(choices[0]?.muscleId).toBe("soleus");
    expect(choices.every((c) => c.place === "elsewhere")).toBe(true);
  });

  it("checks the finder's ranking first, then posture muscles, each once", () => {
    expect(pointsToCheckFirst([{ muscle: "upper-trapezius" }], ["forward-head"])).toEqual([
      "upper-trapezius",
      "suboccipitals",
      "scm-sternal",
      "scm-clavicular",
      "splenius-capitis",
    ]);
  });
});

describe("amendments and the client's summary", () => {
  const base = {
    id: "p1",
    muscleId: "upper-trapezius" as const,
    side: "left" as const,
    regionId: null,
    mapView: null,
    mapX: null,
    mapY: null,
    active: true,
    pressure: null,
    comfort: null,
    holdSeconds: 30,
    twitch: false,
    referralReproduced: [],
    release: "full" as const,
    stretchApplied: null,
  };

  it("names what an amendment gets wrong", () => {
    const state = { note: EMPTY_NOTE, points: [base] };
    expect(amendmentProblems(state, {})).toEqual(["The amendment changes nothing."]);
    expect(amendmentProblems(state, { removedPointIds: ["zz"] })[0]).toContain("zz");
    expect(amendmentProblems(state, { addedPoints: [base] })[0]).toContain("already");
    expect(amendmentProblems(state, { points: [{ id: "p1", set: { release: "none" } }] })).toEqual([]);
    expect(amendmentProblems(state, { points: [{ id: "p1", set: {} }] })[0]).toContain("changes no field");
  });

  it("summarises in plain words: muscles, sides, releases, next steps", () => {
    const summary = plainSessionSummary({
      note: { ...EMPTY_NOTE, painBefore: 6, painAfter: 2, clientNote: "Walk daily." },
      points: [base, { ...base, id: "p2", side: "right", release: "partial" }],
    });
    expect(summary.musclesTreated).toEqual([
      expect.objectContaining({
        muscleId: "upper-trapezius",
        sides: ["left", "right"],
        points: 2,
        released: 1,
      }),
    ]);
    expect(summary.nextSteps[0]).toBe("Walk daily.");
    expect(summary.nextSteps).toHaveLength(2);
  });

  it("demo and test region ids are real", () => {
    for (const id of [
      "neck-posterior-left",
      "chest-upper-left",
      "back-low-right",
      "buttock-right",
      "scapula-right",
      "shoulder-anterior-right",
      "calf-left",
      "temple-left",
    ])
      expect(isRegionId(id)).toBe(true);
  });
});

describe("the amendment contract (src/core/api/charting.ts)", () => {
  it("keeps only the fields an amendment names: no default fills a field left out", () => {
    const id = "7f1f2f7e-52a4-4f1c-9d64-0d6f1b0b7c11";
    const parsed = AmendmentChangesSchema.parse({
      note: { painAfter: 3 },
      points: [{ id, set: { release: "full" } }],
    });
    expect(parsed).toEqual({ note: { painAfter: 3 }, points: [{ id, set: { release: "full" } }] });
    // Applied to a chart, every other field stays as it was.
    const point = {
      id,
      muscleId: "scalenes" as const,
      side: "left" as const,
      regionId: "neck-lateral-left",
      mapView: "front" as const,
      mapX: 400,
      mapY: 120,
      active: true,
      pressure: "gentle" as const,
      comfort: 5,
      holdSeconds: 40,
      twitch: true,
      referralReproduced: ["shoulder-front-left"],
      release: "partial" as const,
      stretchApplied: "Scalene stretch",
    };
    const note = { ...EMPTY_NOTE, subjective: "Headache.", painBefore: 6, painAfter: 2 };
    const after = applyAmendment({ note, points: [point] }, parsed);
    expect(after.note).toEqual({ ...note, painAfter: 3 });
    expect(after.points).toEqual([{ ...point, release: "full" }]);
  });

  it("still validates what it names, and lets a field be cleared with null", () => {
    const id = "7f1f2f7e-52a4-4f1c-9d64-0d6f1b0b7c11";
    expect(AmendmentChangesSchema.safeParse({ note: { painAfter: 11 } }).success).toBe(false);
    expect(AmendmentChangesSchema.safeParse({ points: [{ id, set: { muscleId: "nope" } }] }).success).toBe(
      false,
    );
    expect(AmendmentChangesSchema.parse({ note: { painAfter: null } })).toEqual({
      note: { painAfter: null },
    });
  });
});
