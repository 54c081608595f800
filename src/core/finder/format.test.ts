import { describe, expect, it } from "vitest";
import { formatRankingTable } from "./format";
import { rankMuscles } from "./rank";

const marks = [
  { id: "temple-left", intensity: 6 },
  { id: "neck-posterior-left", intensity: 5 },
];

describe("the CLI ranking table", () => {
  it("opens by saying it lists muscles commonly associated with pain here, not a diagnosis", () => {
    const [first] = formatRankingTable(rankMuscles(marks), marks).split("\n");
    expect(first).toMatch(/muscles commonly associated with pain here/i);
    expect(first).toMatch(/not a diagnosis/);
  });

  it("shows the marked regions with their intensities", () => {
    expect(formatRankingTable(rankMuscles(marks), marks)).toContain(
      "Marked: temple-left (6/10), neck-posterior-left (5/10)",
    );
  });

  it("has one row per result with rank, muscle name, side, score and what it explains", () => {
    const results = rankMuscles(marks, { limit: 3 });
    const lines = formatRankingTable(results, marks).split("\n");
    const header = lines.findIndex((line) => /^#\s+Muscle\s+Side\s+Score\s+Explains$/.test(line));
    expect(header).toBeGreaterThan(0);
    expect(lines[header + 1]).toMatch(
      /^1\s+Upper trapezius\s+left\s+0\.\d\d\s+essential: temple-left, neck-posterior-left$/,
    );
    expect(lines[header + 2]).toMatch(/^2\s+\S/);
    expect(lines[header + 3]).toMatch(/^3\s+\S/);
  });

  it("aligns the columns", () => {
    const lines = formatRankingTable(rankMuscles(marks, { limit: 5 }), marks).split("\n");
    const rows = lines.filter((line) => /^(#|\d+)\s/.test(line));
    const scoreColumn = rows.map((row) => row.search(/(Score|\d\.\d\d)/));
    expect(new Set(scoreColumn).size).toBe(1);
  });

  it("shows 'either' for a muscle that could be on either side", () => {
    const sacrum = [{ id: "sacrum", intensity: 4 }];
    expect(formatRankingTable(rankMuscles(sacrum), sacrum)).toMatch(
      /Multifidi.*\beither\b.*essential: sacrum/,
    );
  });

  it("says so when no muscle explains the marked regions", () => {
    const text = formatRankingTable([], [{ id: "temple-left", intensity: 3 }]);
    expect(text).toMatch(/no muscle in the atlas/i);
    expect(text.split("\n")[0]).toMatch(/not a diagnosis/);
  });
});
