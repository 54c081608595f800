import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clampScore,
  describeScores,
  draftProblem,
  EMPTY_DRAFT,
  marksOf,
  regionsOf,
  repeatEntry,
  withMapMarks,
  withoutRegion,
  withScore,
} from "./diary";

describe("pain diary drafts", () => {
  it("'Same as last time' copies the regions and scores but not the note", () => {
    const draft = repeatEntry({
      regions: [
        { id: "neck-back", intensity: 4 },
        { id: "lower-back", intensity: 0 },
      ],
      note: "after gardening",
    });
    expect(draft).toEqual({ scores: { "neck-back": 4, "lower-back": 0 }, note: "" });
    expect(draftProblem(draft)).toBeNull();
    expect(regionsOf(draft)).toEqual([
      { id: "neck-back", intensity: 4 },
      { id: "lower-back", intensity: 0 },
    ]);
  });

  it("the map shows only regions with pain; a 0 stays in the entry when the map changes", () => {
    const scores = { a: 0, b: 6 };
    expect(marksOf(scores)).toEqual({ b: 6 });
    // The map adds c and changes b.
    expect(withMapMarks(scores, { b: 7, c: 5 })).toEqual({ a: 0, b: 7, c: 5 });
    // The map removes b.
    expect(withMapMarks(scores, {})).toEqual({ a: 0 });
    // Marking the 0 region on the map gives it the map's score.
    expect(withMapMarks(scores, { a: 5, b: 6 })).toEqual({ a: 5, b: 6 });
  });

  it("scores stay whole numbers from 0 to 10", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), (value) => {
        const score = clampScore(value);
        expect(Number.isInteger(score)).toBe(true);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(10);
      }),
    );
    expect(withScore({}, "a", 12)).toEqual({ a: 10 });
    expect(withScore({ a: 3 }, "a", -1)).toEqual({ a: 0 });
    expect(withoutRegion({ a: 3, b: 1 }, "a")).toEqual({ b: 1 });
  });

  it("an empty entry or a very long note cannot be saved, with a reason", () => {
    expect(draftProblem(EMPTY_DRAFT)).toMatch(/Mark at least one place/);
    expect(draftProblem({ scores: { a: 1 }, note: "x".repeat(1001) })).toMatch(/under 1000/);
  });

  it("describes an entry with the regions' plain names", () => {
    expect(describeScores([{ id: "no-such-region", intensity: 3 }])).toBe("no-such-region 3");
  });
});
