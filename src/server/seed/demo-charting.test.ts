/**
 * The demo's trigger points are drawn where their records say they are: inside the body-map region
 * they name (so a "left" neck point sits on the left of the neck, not across the spine). The page
 * places a stored point with fromApiPoint (src/web/chart/points.ts); this test does the same.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAP_SCALE } from "../../core/charting";
import { containsPoint } from "../../web/body/geometry/vector";
import { compiledView } from "../../web/body/geometry/views";
import { triggerPointRecords } from "../db/schema";
import { createTestApp, type TestApp } from "../testing/harness";
import { seedDemoClinic } from "./demo";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
});
afterAll(() => t.close());

describe("the demo's trigger points", () => {
  it("each lie inside the region they name, on the figure of their view", async () => {
    const points = await t.database.db.select().from(triggerPointRecords);
    const placed = points.filter((p) => p.regionId && p.mapX !== null && p.mapY !== null);
    expect(placed.length).toBeGreaterThanOrEqual(8);
    const outside = placed.filter((p) => {
      const view = (p.mapView ?? "back") as Parameters<typeof compiledView>[0];
      const figure = compiledView(view).figures.find((f) => f.regions.some((r) => r.regionId === p.regionId));
      const region = figure?.regions.find((r) => r.regionId === p.regionId);
      if (!figure || !region) return true;
      const [vx, vy, vw, vh] = figure.viewBox;
      const at = [vx + ((p.mapX ?? 0) / MAP_SCALE) * vw, vy + ((p.mapY ?? 0) / MAP_SCALE) * vh] as const;
      return !region.polygons.some((polygon) => containsPoint(polygon, at));
    });
    expect(outside.map((p) => `${p.muscleId} ${p.regionId} (${p.mapX}, ${p.mapY})`)).toEqual([]);
  });
});
