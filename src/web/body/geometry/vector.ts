/** Small 2-D helpers for the body map geometry: points, affine transforms, polygon measures. */

export type Point = readonly [x: number, y: number];

/** An affine transform: x' = a·x + c·y + e, y' = b·x + d·y + f (the SVG `matrix(a b c d e f)` order). */
export interface Affine {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

export const IDENTITY: Affine = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };

export function applyAffine(t: Affine, [x, y]: Point): Point {
  return [t.a * x + t.c * y + t.e, t.b * x + t.d * y + t.f];
}

/** `outer ∘ inner`: first apply `inner`, then `outer`. */
export function compose(outer: Affine, inner: Affine): Affine {
  return {
    a: outer.a * inner.a + outer.c * inner.b,
    b: outer.b * inner.a + outer.d * inner.b,
    c: outer.a * inner.c + outer.c * inner.d,
    d: outer.b * inner.c + outer.d * inner.d,
    e: outer.a * inner.e + outer.c * inner.f + outer.e,
    f: outer.b * inner.e + outer.d * inner.f + outer.f,
  };
}

/** Compose transforms written in reading order: `chain(t1, t2)` applies t1 first, then t2. */
export function chain(...transforms: readonly Affine[]): Affine {
  return transforms.reduce((acc, t) => compose(t, acc), IDENTITY);
}

export function translate(dx: number, dy: number): Affine {
  return { a: 1, b: 0, c: 0, d: 1, e: dx, f: dy };
}

export function scale(sx: number, sy: number = sx): Affine {
  return { a: sx, b: 0, c: 0, d: sy, e: 0, f: 0 };
}

/** Rotation by `degrees` (clockwise on screen, since SVG's y axis points down) around (cx, cy). */
export function rotate(degrees: number, cx = 0, cy = 0): Affine {
  const r = (degrees * Math.PI) / 180;
  const cos = Math.cos(r);
  const sin = Math.sin(r);
  return chain(translate(-cx, -cy), { a: cos, b: sin, c: -sin, d: cos, e: 0, f: 0 }, translate(cx, cy));
}

/** Mirror left↔right around the vertical line x = axisX. */
export function mirrorX(axisX: number): Affine {
  return { a: -1, b: 0, c: 0, d: 1, e: 2 * axisX, f: 0 };
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

export function lerpPoint(p: Point, q: Point, t: number): Point {
  return [lerp(p[0], q[0], t), lerp(p[1], q[1], t)];
}

export function distance(p: Point, q: Point): number {
  return Math.hypot(q[0] - p[0], q[1] - p[1]);
}

/** Signed area (positive when the points run clockwise on screen, y down). */
export function signedArea(points: readonly Point[]): number {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i] as Point;
    const [x1, y1] = points[(i + 1) % points.length] as Point;
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

/** Area-weighted centroid of a simple polygon; falls back to the vertex mean for degenerate ones. */
export function polygonCentroid(points: readonly Point[]): Point {
  const area = signedArea(points);
  if (Math.abs(area) < 1e-9) return vertexMean(points);
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < points.length; i++) {
    const [x0, y0] = points[i] as Point;
    const [x1, y1] = points[(i + 1) % points.length] as Point;
    const cross = x0 * y1 - x1 * y0;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  return [cx / (6 * area), cy / (6 * area)];
}

function vertexMean(points: readonly Point[]): Point {
  const n = Math.max(points.length, 1);
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
}

export interface Box {
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
}

export function boundingBox(points: readonly Point[]): Box {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return { minX, minY, maxX, maxY };
}

/** Even-odd point-in-polygon test. */
export function containsPoint(polygon: readonly Point[], [px, py]: Point): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i] as Point;
    const [xj, yj] = polygon[j] as Point;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** SVG path data for closed polygons, rounded to 0.1 unit (plenty at any screen size we draw). */
export function polygonsToPath(polygons: readonly (readonly Point[])[]): string {
  return polygons.map((poly) => `M${poly.map(([x, y]) => `${round(x)} ${round(y)}`).join("L")}Z`).join("");
}

export function polylineToPath(points: readonly Point[], closed = false): string {
  const d = `M${points.map(([x, y]) => `${round(x)} ${round(y)}`).join("L")}`;
  return closed ? `${d}Z` : d;
}

function round(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/**
 * A point inside the polygon near `preferred` (its centroid, usually): `preferred` itself when
 * it is inside, else the middle of the widest inside stretch of the horizontal line through it
 * (a curved band's centroid can fall outside the band).
 */
export function interiorPoint(polygon: readonly Point[], preferred: Point): Point {
  if (containsPoint(polygon, preferred)) return preferred;
  const box = boundingBox(polygon);
  for (const y of [
    preferred[1],
    ...[0.5, 0.35, 0.65, 0.2, 0.8].map((t) => box.minY + (box.maxY - box.minY) * t),
  ]) {
    const xs: number[] = [];
    for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
      const [xi, yi] = polygon[i] as Point;
      const [xj, yj] = polygon[j] as Point;
      if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
    xs.sort((a, b) => a - b);
    let best: Point | null = null;
    let widest = 0;
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const width = (xs[k + 1] as number) - (xs[k] as number);
      if (width > widest) {
        widest = width;
        best = [((xs[k] as number) + (xs[k + 1] as number)) / 2, y];
      }
    }
    if (best) return best;
  }
  return preferred;
}
