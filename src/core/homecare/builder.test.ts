import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MUSCLE_IDS, muscleById } from "../atlas";
import { buildHomeCarePlan, uniqueMuscleIds } from "./builder";

describe("buildHomeCarePlan", () => {
  it("gives each treated muscle its atlas self-treatment and stretch, then posture, hydration, activity, stress", () => {
    const items = buildHomeCarePlan(["upper-trapezius", "levator-scapulae", "upper-trapezius"]);
    const self = items.filter((i) => i.kind === "self-treatment");
    expect(self.map((i) => i.muscleId)).toEqual(["upper-trapezius", "levator-scapulae"]);
    const trap = muscleById("upper-trapezius");
    expect(self[0]).toMatchObject({
      title: trap?.name,
      tool: trap?.selfTreatment.tool,
      how: trap?.selfTreatment.how,
      frequency: trap?.selfTreatment.frequency,
      stretch: trap?.stretch,
    });
    expect(items.slice(-4).map((i) => i.kind)).toEqual(["posture", "hydration", "activity", "stress"]);
  });

  it("drops ids the atlas does not know", () => {
    expect(uniqueMuscleIds(["not-a-muscle", "upper-trapezius"])).toEqual(["upper-trapezius"]);
  });

  it("property: every treated muscle appears exactly once, with its atlas self-treatment and stretch", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MUSCLE_IDS), { maxLength: 30 }), (treated) => {
        const items = buildHomeCarePlan(treated);
        const self = items.filter((i) => i.kind === "self-treatment");
        for (const id of new Set(treated)) {
          const matching = self.filter((i) => i.muscleId === id);
          expect(matching).toHaveLength(1);
          const muscle = muscleById(id);
          const item = matching[0];
          expect(item?.tool).toBe(muscle?.selfTreatment.tool);
          expect(item?.how).toBe(muscle?.selfTreatment.how);
          expect(item?.holdSeconds).toEqual([...(muscle?.selfTreatment.holdSeconds ?? [])]);
          expect(item?.frequency).toBe(muscle?.selfTreatment.frequency);
          expect(item?.stretch).toBe(muscle?.stretch);
        }
        expect(self).toHaveLength(new Set(treated).size);
        expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
      }),
    );
  });
});
