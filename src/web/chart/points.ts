/**
 * The trigger points of a chart as the page edits them, and the plain rules around them: which
 * muscles to offer first for a tapped spot, a point's label, how a point is drawn.
 */
import { MUSCLES, type Muscle, muscleById } from "../../core/atlas";
import { regionById } from "../../core/body/regions";
import type { BodyMapView } from "../body";

export type Side = "left" | "right";
export type Pressure = "gentle" | "strong" | "deep";
export type Release = "full" | "partial" | "none";

export interface ChartPoint {
  /** Stable on this device (a new point gets one before the server has seen it). */
  readonly key: string;
  readonly muscleId: string | null;
  readonly side: Side | null;
  /** The region tapped (public region id). */
  readonly regionId: string;
  readonly view: BodyMapView;
  readonly figure: string;
  readonly x: number;
  readonly y: number;
  /** Active (refers pain spontaneously) or latent (only when pressed). */
  readonly active: boolean;
  readonly pressure: Pressure | null;
  /** Client comfort under pressure, 0 (none) to 10 (worst). */
  readonly comfort: number | null;
  readonly holdSeconds: number;
  readonly twitch: boolean;
  /** Region ids where pressing reproduced the client's referred pain. */
  readonly referral: readonly string[];
  readonly release: Release | null;
  /** The stretch applied (the atlas's text for the muscle, or the therapist's own), or null. */
  readonly stretchApplied: string | null;
}

export function newPoint(
  key: string,
  at: { regionId: string; view: BodyMapView; figure: string; x: number; y: number },
): ChartPoint {
  return {
    key,
    muscleId: null,
    side: regionById(at.regionId)?.side ?? null,
    regionId: at.regionId,
    view: at.view,
    figure: at.figure,
    x: Math.round(at.x),
    y: Math.round(at.y),
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

export function muscleName(muscleId: string | null): string {
  if (!muscleId) return "Muscle not chosen yet";
  return muscleById(muscleId)?.name ?? muscleId;
}

/** "Upper trapezius, right" — the short name used in the list and on the map. */
export function pointLabel(point: Pick<ChartPoint, "muscleId" | "side" | "regionId">): string {
  const muscle = point.muscleId ? muscleById(point.muscleId) : undefined;
  const name = muscle ? shortName(muscle) : `Point on ${regionById(point.regionId)?.label ?? point.regionId}`;
  return point.side && muscle ? `${name}, ${point.side}` : name;
}

/** The plain name without its parenthesis: "Upper trapezius" from "Upper trapezius (top of the shoulder)". */
export function shortName(muscle: Muscle): string {
  return muscle.name.replace(/\s*\(.*\)\s*$/, "");
}

/**
 * The muscles to offer for a tapped region: those whose trigger points lie in that part of the body
 * (the atlas's `group`) first, then those that refer pain there (a point found here may belong to
 * a muscle nearby), then the rest by name.
 */
export function musclesForRegion(regionId: string): { here: Muscle[]; others: Muscle[] } {
  const region = regionById(regionId);
  if (!region) return { here: [], others: byName([...MUSCLES]) };
  const group = region.type.group;
  const typeId = region.type.id;
  const lieHere = MUSCLES.filter((m) => m.group === group);
  const referHere = MUSCLES.filter(
    (m) => m.group !== group && (m.essential.includes(typeId) || m.spillover.includes(typeId)),
  );
  const chosen = new Set([...lieHere, ...referHere]);
  return {
    here: [...byName(lieHere), ...byName(referHere)],
    others: byName(MUSCLES.filter((m) => !chosen.has(m))),
  };
}

function byName(muscles: Muscle[]): Muscle[] {
  return muscles.sort((a, b) => a.name.localeCompare(b.name));
}
