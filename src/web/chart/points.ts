/**
 * The trigger points of a chart as the page edits them, and the plain rules around them: converting
 * to and from the API's points (map position in thousandths of the drawing), which muscles to offer
 * first for a tapped spot, a point's label and status.
 */

import type { ChartPoint as ApiPoint } from "../../core/api/charting";
import { type MuscleId, muscleById } from "../../core/atlas";
import { regionById } from "../../core/body/regions";
import {
  type ChartSide,
  MAP_SCALE,
  type MapView,
  type MuscleChoice,
  musclesAtRegion,
  type Pressure,
  type Release,
} from "../../core/charting";
import type { BodyMapView } from "../body";
import { compiledView } from "../body/geometry/views";

export type { ChartSide, Pressure, Release };

/** A point being charted: the API's fields, except that the muscle may not be chosen yet. */
export interface ChartPoint {
  /** Chosen on this device (a UUID), kept by the server: a replayed save is idempotent. */
  readonly id: string;
  readonly muscleId: MuscleId | null;
  readonly side: ChartSide | null;
  /** The region tapped (public region id). */
  readonly regionId: string | null;
  readonly view: BodyMapView;
  /** The drawing of the view the point is on (a view may show several, e.g. both palms). */
  readonly figure: string;
  /** Position in the figure's own drawing coordinates. */
  readonly x: number;
  readonly y: number;
  /** Active (refers pain spontaneously) or latent (only when pressed). */
  readonly active: boolean;
  readonly pressure: Pressure | null;
  /** Client comfort under pressure, 0 (comfortable) to 10 (unbearable). */
  readonly comfort: number | null;
  readonly holdSeconds: number;
  readonly twitch: boolean;
  /** Region ids where pressing reproduced the client's referred pain. */
  readonly referral: readonly string[];
  readonly release: Release | null;
  /** The stretch applied (the atlas's text for the muscle), or null. */
  readonly stretchApplied: string | null;
}

export function newPointId(): string {
  if (typeof crypto !== "undefined" && "randomUUID" in crypto) return crypto.randomUUID();
  // Old browsers: a version-4 UUID from Math.random (ids only need to be unique within a chart).
  return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (c) => {
    const r = Math.floor(Math.random() * 16);
    return (c === "x" ? r : (r & 0x3) | 0x8).toString(16);
  });
}

export function newPoint(
  id: string,
  at: { regionId: string; view: BodyMapView; figure: string; x: number; y: number },
): ChartPoint {
  return {
    id,
    muscleId: null,
    side: regionById(at.regionId)?.side ?? null,
    regionId: at.regionId,
    view: at.view,
    figure: at.figure,
    x: at.x,
    y: at.y,
    active: true,
    pressure: null,
    comfort: null,
    holdSeconds: 0,
    twitch: false,
    referral: [],
    release: null,
    stretchApplied: null,
  };
}

/** The figure of `view` that draws `regionId` (or the view's first). */
function figureFor(view: BodyMapView, regionId: string | null) {
  const figures = compiledView(view).figures;
  return (
    (regionId ? figures.find((f) => f.regions.some((r) => r.regionId === regionId)) : undefined) ?? figures[0]
  );
}

const clampScale = (n: number) => Math.min(MAP_SCALE, Math.max(0, Math.round(n)));

/** The API's point: position as thousandths of the figure's drawing. Null while the muscle is not chosen. */
export function toApiPoint(point: ChartPoint): ApiPoint | null {
  if (!point.muscleId) return null;
  const figure = figureFor(point.view, point.regionId);
  const [vx, vy, vw, vh] = figure?.viewBox ?? [0, 0, 1, 1];
  return {
    id: point.id,
    muscleId: point.muscleId,
    side: point.side,
    regionId: point.regionId,
    mapView: point.view as MapView,
    mapX: clampScale(((point.x - vx) / vw) * MAP_SCALE),
    mapY: clampScale(((point.y - vy) / vh) * MAP_SCALE),
    active: point.active,
    pressure: point.pressure,
    comfort: point.comfort,
    holdSeconds: point.holdSeconds,
    twitch: point.twitch,
    referralReproduced: [...point.referral],
    release: point.release,
    stretchApplied: point.stretchApplied,
  };
}

/** A point from the API, placed back on its figure (points without a map position sit at their region's centre). */
export function fromApiPoint(point: ApiPoint): ChartPoint {
  const view: BodyMapView = point.mapView ?? "back";
  const figure = figureFor(view, point.regionId);
  const [vx, vy, vw, vh] = figure?.viewBox ?? [0, 0, 1, 1];
  const region = figure?.regions.find((r) => r.regionId === point.regionId);
  const x = point.mapX !== null ? vx + (point.mapX / MAP_SCALE) * vw : (region?.centroid[0] ?? vx + vw / 2);
  const y = point.mapY !== null ? vy + (point.mapY / MAP_SCALE) * vh : (region?.centroid[1] ?? vy + vh / 2);
  return {
    id: point.id,
    muscleId: point.muscleId,
    side: point.side,
    regionId: point.regionId,
    view,
    figure: figure?.id ?? view,
    x,
    y,
    active: point.active,
    pressure: point.pressure,
    comfort: point.comfort,
    holdSeconds: point.holdSeconds,
    twitch: point.twitch,
    referral: point.referralReproduced,
    release: point.release,
    stretchApplied: point.stretchApplied,
  };
}

/** How a point is drawn and listed: released points read as done, the rest by active/latent. */
export type PointStatus = "active" | "latent" | "released";

export function pointStatus(point: Pick<ChartPoint, "active" | "release">): PointStatus {
  if (point.release === "full") return "released";
  return point.active ? "active" : "latent";
}

export const STATUS_LABEL: Record<PointStatus, string> = {
  active: "Active",
  latent: "Latent",
  released: "Released",
};

/** The plain name without its parenthesis: "Upper trapezius" from "Upper trapezius (top of the shoulder)". */
export function shortName(muscleId: string): string {
  const muscle = muscleById(muscleId);
  return muscle ? muscle.name.replace(/\s*\(.*\)\s*$/, "") : muscleId;
}

/** "Upper trapezius, right" — the short name used in the list and on the map. */
export function pointLabel(point: Pick<ChartPoint, "muscleId" | "side" | "regionId">): string {
  if (!point.muscleId) {
    const region = point.regionId ? regionById(point.regionId)?.label : undefined;
    return region ? `New point: ${region}` : "New point";
  }
  const name = shortName(point.muscleId);
  return point.side ? `${name}, ${point.side}` : name;
}

/** The muscles to offer for a tap (core/charting/muscles-at): trigger points here first, then nearby. */
export function muscleChoices(regionId: string | null, suggested: readonly string[]): MuscleChoice[] {
  return musclesAtRegion(regionId, suggested);
}
