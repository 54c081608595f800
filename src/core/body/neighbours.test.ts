import { describe, expect, it } from "vitest";
import { type NavigationPoint, neighbourInDirection, nextFocus, reachableKeys } from "./neighbours";

// A 3 × 3 grid of regions, like a keypad.
const grid: NavigationPoint[] = [
  { key: "a", x: 0, y: 0 },
  { key: "b", x: 10, y: 0 },
  { key: "c", x: 20, y: 0 },
  { key: "d", x: 0, y: 10 },
  { key: "e", x: 10, y: 10 },
  { key: "f", x: 20, y: 10 },
  { key: "g", x: 0, y: 20 },
  { key: "h", x: 10, y: 20 },
  { key: "i", x: 20, y: 20 },
];

describe("neighbourInDirection", () => {
  it("moves to the adjacent region in each arrow's direction", () => {
    expect(neighbourInDirection(grid, "e", "up")).toBe("b");
    expect(neighbourInDirection(grid, "e", "down")).toBe("h");
    expect(neighbourInDirection(grid, "e", "left")).toBe("d");
    expect(neighbourInDirection(grid, "e", "right")).toBe("f");
  });

  it("stays put at the edge of the drawing", () => {
    expect(neighbourInDirection(grid, "a", "up")).toBeNull();
    expect(neighbourInDirection(grid, "c", "right")).toBeNull();
  });

  it("prefers a region straight ahead over a nearer one off to the side", () => {
    const points: NavigationPoint[] = [
      { key: "from", x: 0, y: 0 },
      { key: "ahead", x: 30, y: 0 },
      { key: "aside", x: 12, y: 14 },
    ];
    expect(neighbourInDirection(points, "from", "right")).toBe("ahead");
  });

  it("ignores regions that lie mostly sideways", () => {
    const points: NavigationPoint[] = [
      { key: "from", x: 0, y: 0 },
      { key: "below", x: 2, y: 40 },
    ];
    expect(neighbourInDirection(points, "from", "right")).toBeNull();
  });

  it("answers null for a key that is not in the view", () => {
    expect(neighbourInDirection(grid, "nope", "up")).toBeNull();
  });
});

describe("nextFocus", () => {
  it("returns the way it came when the opposite arrow follows a move", () => {
    const points: NavigationPoint[] = [
      { key: "start", x: 0, y: 0 },
      { key: "far", x: 20, y: 3 },
      { key: "near-left-of-far", x: 8, y: 0 },
    ];
    // Right from "start" goes to "near-left-of-far"; plain left from there would come back too,
    // so build a case where the nearest-centre rule alone would not return.
    const skewed: NavigationPoint[] = [
      { key: "start", x: 0, y: 12 },
      { key: "target", x: 20, y: 0 },
      { key: "other", x: 2, y: 0 },
    ];
    expect(neighbourInDirection(skewed, "start", "right")).toBe("target");
    expect(neighbourInDirection(skewed, "target", "left")).toBe("other");
    expect(nextFocus(skewed, "target", "left", { from: "start", to: "target", direction: "right" })).toBe(
      "start",
    );
    expect(nextFocus(points, "start", "right", null)).toBe("near-left-of-far");
  });
});

describe("reachableKeys", () => {
  it("reaches every region of a connected layout from any start", () => {
    for (const p of grid) expect(reachableKeys(grid, p.key).size).toBe(grid.length);
  });
});
