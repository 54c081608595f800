import { describe, expect, it } from "vitest";
import { MUSCLE_IDS, MUSCLES } from "../../core/atlas";
import { regionTypeById } from "../../core/body/regions";
import { bestViewFor, patternOnSide, TRIGGER_POINT_REGIONS, triggerPointMarks } from "./trigger-points";

describe("trigger points on the body map", () => {
  it("places every atlas muscle's trigger points in a real region", () => {
    expect(Object.keys(TRIGGER_POINT_REGIONS).sort()).toEqual([...MUSCLE_IDS].sort());
    for (const [muscle, types] of Object.entries(TRIGGER_POINT_REGIONS)) {
      expect(types.length, muscle).toBeGreaterThan(0);
      for (const type of types) expect(regionTypeById(type), `${muscle}: ${type}`).toBeDefined();
    }
  });

  it("draws at least one × for every muscle on either side", () => {
    for (const id of MUSCLE_IDS) {
      for (const side of ["left", "right"] as const) {
        const points = triggerPointMarks(id, side, id);
        expect(points.length, `${id} ${side}`).toBeGreaterThan(0);
        for (const p of points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
      }
    }
  });

  it("draws the upper trapezius × on the left shoulder ridge for the left side", () => {
    const points = triggerPointMarks("upper-trapezius", "left", "Upper trapezius");
    expect(points.map((p) => `${p.view}/${p.figure}`).sort()).toEqual(["back/back", "head/back-of-head"]);
    const right = triggerPointMarks("upper-trapezius", "right", "Upper trapezius");
    // Seen from behind, the client's left is on the viewer's left.
    const leftX = points.find((p) => p.view === "back")?.x ?? 0;
    const rightX = right.find((p) => p.view === "back")?.x ?? 0;
    expect(leftX).toBeLessThan(rightX);
  });

  it("puts a pattern on one side, keeping midline regions bare", () => {
    expect(
      patternOnSide({ essential: ["vertex", "occiput"], spillover: ["throat", "sternum"] }, "right"),
    ).toEqual({
      essential: ["vertex", "occiput-right"],
      spillover: ["throat", "sternum"],
    });
  });

  it("opens each pattern on the view that shows most of it", () => {
    const view = (id: string) => {
      const muscle = MUSCLES.find((m) => m.id === id);
      if (!muscle) throw new Error(id);
      return bestViewFor(patternOnSide(muscle, "left"), []);
    };
    expect(view("temporalis")).toBe("head");
    expect(view("soleus")).toBe("back");
    expect(view("pectoralis-major")).toBe("front");
  });
});
