/**
 * Smooth curves through control points. The silhouettes are authored as a handful of control
 * points each; a centripetal Catmull-Rom spline turns them into soft outlines without the
 * overshoot and cusps of the uniform variant.
 */
import { distance, lerpPoint, type Point } from "./vector";

/** A control point; a third element `"corner"` keeps a sharp corner there (e.g. a wrist cut). */
export type ControlPoint = readonly [number, number] | readonly [number, number, "corner"];

/** Samples per spline segment: smooth at every size we draw, yet small path strings. */
const SAMPLES_PER_SEGMENT = 10;

function isCorner(p: ControlPoint): boolean {
  return p[2] === "corner";
}

function xy(p: ControlPoint): Point {
  return [p[0], p[1]];
}

/** A point on the centripetal Catmull-Rom segment p1→p2 (Barry–Goldman pyramid). */
function catmullRom(p0: Point, p1: Point, p2: Point, p3: Point, t: number): Point {
  const knot = (a: Point, b: Point) => Math.max(Math.sqrt(distance(a, b)), 1e-4);
  const t0 = 0;
  const t1 = t0 + knot(p0, p1);
  const t2 = t1 + knot(p1, p2);
  const t3 = t2 + knot(p2, p3);
  const tt = t1 + (t2 - t1) * t;
  const mix = (a: Point, b: Point, ta: number, tb: number): Point => lerpPoint(a, b, (tt - ta) / (tb - ta));
  const a1 = mix(p0, p1, t0, t1);
  const a2 = mix(p1, p2, t1, t2);
  const a3 = mix(p2, p3, t2, t3);
  const b1 = mix(a1, a2, t0, t2);
  const b2 = mix(a2, a3, t1, t3);
  return mix(b1, b2, t1, t2);
}

/** The phantom neighbour that makes a segment leave a corner (or an open end) straight. */
function reflect(corner: Point, next: Point): Point {
  return [2 * corner[0] - next[0], 2 * corner[1] - next[1]];
}

function sampleSegment(
  prev: ControlPoint,
  from: ControlPoint,
  to: ControlPoint,
  next: ControlPoint,
  out: Point[],
): void {
  const p1 = xy(from);
  const p2 = xy(to);
  const p0 = isCorner(from) ? reflect(p1, p2) : xy(prev);
  const p3 = isCorner(to) ? reflect(p2, p1) : xy(next);
  for (let s = 0; s < SAMPLES_PER_SEGMENT; s++) out.push(catmullRom(p0, p1, p2, p3, s / SAMPLES_PER_SEGMENT));
}

export interface SampledLoop {
  /** The closed outline, densely sampled. */
  readonly points: readonly Point[];
  /** Index in `points` of each control point. */
  readonly controlIndex: (controlPoint: number) => number;
}

/** Sample a closed smooth loop through `controls`. */
export function sampleClosedSpline(controls: readonly ControlPoint[]): SampledLoop {
  const n = controls.length;
  const at = (i: number) => controls[((i % n) + n) % n] as ControlPoint;
  const points: Point[] = [];
  for (let i = 0; i < n; i++) sampleSegment(at(i - 1), at(i), at(i + 1), at(i + 2), points);
  return { points, controlIndex: (i) => i * SAMPLES_PER_SEGMENT };
}

/** Sample an open smooth curve through `controls` (ends leave straight). */
export function sampleOpenSpline(controls: readonly ControlPoint[]): Point[] {
  if (controls.length < 2) return controls.map(xy);
  const points: Point[] = [];
  const last = controls.length - 1;
  for (let i = 0; i < last; i++) {
    const from = controls[i] as ControlPoint;
    const to = controls[i + 1] as ControlPoint;
    const prev =
      i === 0 ? ([...reflect(xy(from), xy(to)), "corner"] as const) : (controls[i - 1] as ControlPoint);
    const next =
      i + 1 === last
        ? ([...reflect(xy(to), xy(from)), "corner"] as const)
        : (controls[i + 2] as ControlPoint);
    sampleSegment(prev, from, to, next, points);
  }
  points.push(xy(controls[last] as ControlPoint));
  return points;
}

/** A polyline parameterised by arc length, so u = 0.5 is half-way along it. */
export interface ArcPolyline {
  readonly points: readonly Point[];
  at(t: number): Point;
}

export function arcPolyline(points: readonly Point[]): ArcPolyline {
  const cumulative: number[] = [0];
  for (let i = 1; i < points.length; i++) {
    cumulative.push((cumulative[i - 1] as number) + distance(points[i - 1] as Point, points[i] as Point));
  }
  const total = cumulative[cumulative.length - 1] as number;
  return {
    points,
    at(t: number): Point {
      if (points.length === 1 || total === 0) return points[0] as Point;
      const target = Math.min(Math.max(t, 0), 1) * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) <= target) lo = mid;
        else hi = mid;
      }
      const span = (cumulative[hi] as number) - (cumulative[lo] as number);
      const local = span === 0 ? 0 : (target - (cumulative[lo] as number)) / span;
      return lerpPoint(points[lo] as Point, points[hi] as Point, local);
    },
  };
}
