import { describe, expect, it } from "vitest";
import { reachableKeys } from "../../../core/body/neighbours";
import { REGION_TYPES, REGIONS } from "../../../core/body/regions";
import { navigationPoints } from "./navigation";
import { containsPoint } from "./vector";
import { BODY_MAP_VIEWS, compiledView, isHomeView, viewsShowingRegion } from "./views";

const DETAIL_VIEW_OF = { head: "head", hand: "hands", foot: "feet" } as const;

describe("body map views", () => {
  it("draw every region id of the vocabulary in at least one view", () => {
    const drawn = new Set(
      BODY_MAP_VIEWS.flatMap((v) => v.figures.flatMap((f) => f.regions.map((r) => r.regionId))),
    );
    const missing = REGIONS.map((r) => r.id).filter((id) => !drawn.has(id));
    expect(missing).toEqual([]);
  });

  it("draw each region where the vocabulary says it is seen: its zoomed view, else front/back", () => {
    for (const region of REGIONS) {
      const views = viewsShowingRegion(region.id);
      const { view, detailView } = region.type;
      if (detailView) {
        expect(views, region.id).toContain(DETAIL_VIEW_OF[detailView]);
      } else {
        if (view.includes("F")) expect(views, region.id).toContain("front");
        if (view.includes("B")) expect(views, region.id).toContain("back");
      }
    }
  });

  it("name the view each region is meant to be tapped in: its zoomed view, else front and back", () => {
    expect(isHomeView("temple-left", "head")).toBe(true);
    expect(isHomeView("temple-left", "front")).toBe(false);
    expect(isHomeView("scapula-right", "back")).toBe(true);
    expect(isHomeView("scapula-right", "head")).toBe(false);
    for (const region of REGIONS) {
      expect(
        viewsShowingRegion(region.id).filter((view) => isHomeView(region.id, view)),
        region.id,
      ).not.toEqual([]);
    }
  });

  it("only draw ids that exist in the vocabulary", () => {
    const known = new Set(REGIONS.map((r) => r.id));
    for (const view of BODY_MAP_VIEWS)
      for (const figure of view.figures)
        for (const r of figure.regions) expect(known.has(r.regionId), r.regionId).toBe(true);
    expect(REGION_TYPES).toHaveLength(80);
  });

  it("give every drawn region a unique key within its view", () => {
    for (const view of BODY_MAP_VIEWS) {
      const keys = view.figures.flatMap((f) => f.regions.map((r) => r.key));
      expect(new Set(keys).size, view.id).toBe(keys.length);
    }
  });

  it("draw every region with a real area inside its figure's frame", () => {
    for (const view of BODY_MAP_VIEWS) {
      for (const figure of view.figures) {
        const [x, y, w, h] = figure.viewBox;
        for (const r of figure.regions) {
          expect(r.area, `${view.id} ${r.key}`).toBeGreaterThan(2);
          expect(r.centroid[0], r.key).toBeGreaterThan(x);
          expect(r.centroid[0], r.key).toBeLessThan(x + w);
          expect(r.centroid[1], r.key).toBeGreaterThan(y);
          expect(r.centroid[1], r.key).toBeLessThan(y + h);
        }
      }
    }
  });

  it("put each region's centre inside (or on) its own shape, so a point placed there lands on it", () => {
    const outside: string[] = [];
    for (const view of BODY_MAP_VIEWS)
      for (const figure of view.figures)
        for (const r of figure.regions)
          if (!r.polygons.some((p) => containsPoint(p, r.centroid))) outside.push(`${view.id} ${r.key}`);
    expect(outside).toEqual([]);
  });
});

describe("arrow-key navigation", () => {
  it("reaches every region of each view from any starting region", () => {
    for (const view of BODY_MAP_VIEWS) {
      const points = navigationPoints(view);
      for (const start of points) {
        const reached = reachableKeys(points, start.key);
        const unreached = points.filter((p) => !reached.has(p.key)).map((p) => p.key);
        expect(unreached, `${view.id} from ${start.key}`).toEqual([]);
      }
    }
  });

  it("lays out the hands view two to a row: right from the left palm reaches the right palm", () => {
    const points = navigationPoints(compiledView("hands"));
    const leftPalm = points.find((p) => p.key === "palm-left:hand-palm-left");
    const rightPalm = points.find((p) => p.key === "palm-right:hand-palm-right");
    expect(leftPalm && rightPalm && rightPalm.x > leftPalm.x).toBe(true);
  });
});
