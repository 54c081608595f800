/**
 * A body part is a smooth closed outline treated as a Coons patch: the outline is cut at four
 * corners into top, right, bottom and left edges, and (u, v) ∈ [0,1]² fills the inside, u across
 * and v along the part. Regions are then drawn as polygons in (u, v), so their dividing lines
 * follow the part's own curves (a thigh's bands bend with the thigh) and neighbouring regions of
 * a part share their edges exactly.
 */
import { type ArcPolyline, arcPolyline, type ControlPoint, sampleClosedSpline } from "./spline";
import { distance, type Point } from "./vector";

export type UvMap = (u: number, v: number) => Point;

export interface PatchOutline {
  /** Control points of the closed outline, in order around the part. */
  readonly outline: readonly ControlPoint[];
  /**
   * Control-point indices of the corners (u,v) = (0,0), (1,0), (1,1), (0,1), in outline order:
   * the outline runs top edge → right edge → bottom edge (backwards) → left edge (upwards).
   */
  readonly corners: readonly [number, number, number, number];
}

export interface SampledPatch {
  /** The outline, densely sampled (for the silhouette and the part's fill). */
  readonly outline: readonly Point[];
  readonly map: UvMap;
}

function slice(points: readonly Point[], from: number, to: number): Point[] {
  const n = points.length;
  const out: Point[] = [];
  for (let i = from; ; i = (i + 1) % n) {
    out.push(points[i] as Point);
    if (i === to % n) break;
  }
  return out;
}

export function samplePatch({ outline, corners }: PatchOutline): SampledPatch {
  const loop = sampleClosedSpline(outline);
  const [c0, c1, c2, c3] = corners.map(loop.controlIndex) as [number, number, number, number];
  const top = arcPolyline(slice(loop.points, c0, c1));
  const right = arcPolyline(slice(loop.points, c1, c2));
  const bottom = arcPolyline(slice(loop.points, c2, c3).reverse());
  const left = arcPolyline(slice(loop.points, c3, c0).reverse());
  return { outline: loop.points, map: coons(top, right, bottom, left) };
}

/** Bilinearly blended Coons patch over four edges (top and bottom run left→right, sides top→bottom). */
function coons(top: ArcPolyline, right: ArcPolyline, bottom: ArcPolyline, left: ArcPolyline): UvMap {
  const p00 = top.at(0);
  const p10 = top.at(1);
  const p01 = bottom.at(0);
  const p11 = bottom.at(1);
  return (u, v) => {
    const t = top.at(u);
    const b = bottom.at(u);
    const l = left.at(v);
    const r = right.at(v);
    const coord = (k: 0 | 1) =>
      (1 - v) * t[k] +
      v * b[k] +
      (1 - u) * l[k] +
      u * r[k] -
      ((1 - u) * (1 - v) * p00[k] + u * (1 - v) * p10[k] + (1 - u) * v * p01[k] + u * v * p11[k]);
    return [coord(0), coord(1)];
  };
}

/** uv step between samples on a region edge: dense enough that mapped edges look curved. */
const UV_STEP = 0.02;

/** Map a uv polygon into the part, sampling each edge so it follows the patch's curvature. */
export function mapUvPolygon(map: UvMap, uv: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < uv.length; i++) {
    const a = uv[i] as Point;
    const b = uv[(i + 1) % uv.length] as Point;
    const steps = Math.max(1, Math.ceil(distance(a, b) / UV_STEP));
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      out.push(map(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t));
    }
  }
  return out;
}

/* ---- uv shape helpers: how regions are written in the figure modules ---- */

/** The rectangle u ∈ [u0,u1], v ∈ [v0,v1]. */
export function uvRect(u0: number, u1: number, v0: number, v1: number): Point[] {
  return [
    [u0, v0],
    [u1, v0],
    [u1, v1],
    [u0, v1],
  ];
}

/** An ellipse centred on (cu, cv) with radii (ru, rv), as a polygon. */
export function uvEllipse(cu: number, cv: number, ru: number, rv: number, segments = 28): Point[] {
  return Array.from({ length: segments }, (_, i) => {
    const a = (i / segments) * Math.PI * 2;
    return [cu + ru * Math.cos(a), cv + rv * Math.sin(a)] as Point;
  });
}

/** A curve v = f(u) between two region bands, so both bands can share it exactly. */
export type UvCurve = (u: number) => number;

/** A gentle arc: v0 at both ends, v0 + sag in the middle (negative sag bows upwards). */
export function sagCurve(u0: number, u1: number, v0: number, sag: number): UvCurve {
  return (u) => {
    const t = (u - u0) / (u1 - u0);
    return v0 + sag * 4 * t * (1 - t);
  };
}

export function flat(v: number): UvCurve {
  return () => v;
}

/** The band between two curves over u ∈ [u0, u1] (upper curve first). */
export function uvBand(u0: number, u1: number, upper: UvCurve, lower: UvCurve, steps = 12): Point[] {
  const top: Point[] = [];
  const bottom: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const u = u0 + ((u1 - u0) * i) / steps;
    top.push([u, upper(u)]);
    bottom.push([u, lower(u)]);
  }
  return [...top, ...bottom.reverse()];
}
