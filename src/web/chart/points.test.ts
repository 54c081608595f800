import { describe, expect, it } from "vitest";
import type { ChartPoint as ApiPoint } from "../../core/api/charting";
import { MAP_SCALE } from "../../core/charting";
import { fromApiPoint, newPoint, pointLabel, pointStatus, shortName, toApiPoint } from "./points";

const api: ApiPoint = {
  id: "0b8f6a49-5d0e-4f9f-9a39-3b8a1d3f0a01",
  muscleId: "upper-trapezius",
  side: "right",
  regionId: "neck-posterior-right",
  mapView: "back",
  mapX: 420,
  mapY: 160,
  active: false,
  pressure: "deep",
  comfort: 7,
  holdSeconds: 45,
  twitch: true,
  referralReproduced: ["temple-right"],
  release: "partial",
  stretchApplied: null,
};

describe("a point between the page and the API", () => {
  it("comes back from the page unchanged (map position in thousandths of its figure)", () => {
    const onPage = fromApiPoint(api);
    expect(onPage.view).toBe("back");
    expect(onPage.referral).toEqual(["temple-right"]);
    expect(toApiPoint(onPage)).toEqual(api);
  });

  it("keeps a point without a muscle on the device (the API needs one)", () => {
    const tapped = newPoint("p1", { regionId: "calf-left", view: "back", figure: "back", x: 10, y: 20 });
    expect(tapped.muscleId).toBeNull();
    expect(tapped.side).toBe("left"); // from the tapped region
    expect(toApiPoint(tapped)).toBeNull();
  });

  it("keeps the position on the drawing, whatever the figure's coordinates", () => {
    const sent = toApiPoint({ ...fromApiPoint(api), x: -1e6, y: 1e6 });
    expect(sent?.mapX).toBe(0);
    expect(sent?.mapY).toBe(MAP_SCALE);
  });

  it("places a point without a stored position inside its figure", () => {
    const placed = fromApiPoint({ ...api, mapX: null, mapY: null });
    expect(Number.isFinite(placed.x) && Number.isFinite(placed.y)).toBe(true);
    const back = toApiPoint(placed);
    expect(back?.mapX).toBeGreaterThanOrEqual(0);
    expect(back?.mapX).toBeLessThanOrEqual(MAP_SCALE);
  });
});

describe("how a point reads", () => {
  it("is released once fully released, else active or latent", () => {
    expect(pointStatus({ active: true, release: "full" })).toBe("released");
    expect(pointStatus({ active: false, release: "partial" })).toBe("latent");
    expect(pointStatus({ active: true, release: null })).toBe("active");
  });

  it("is named by its muscle's short name and side, or by where it was tapped", () => {
    expect(shortName("upper-trapezius")).not.toMatch(/\(/);
    expect(pointLabel(api)).toBe(`${shortName("upper-trapezius")}, right`);
    expect(pointLabel({ muscleId: null, side: null, regionId: null })).toBe("New point");
    expect(pointLabel({ muscleId: null, side: "left", regionId: "calf-left" })).toMatch(/^New point: /);
  });
});
