/** Helpers for authoring outlines: most of the body is left-right symmetric. */
import type { ControlPoint } from "./spline";
import type { Point } from "./vector";

/**
 * A symmetric closed outline from its right-hand half. `half` runs clockwise on screen from the
 * top point on the axis down the right side to the bottom point on the axis (both on the axis).
 * Returns the full loop (right half, then the mirrored left half back up) — index i of `half`
 * keeps index i in the loop, and the mirror of half[i] sits at index `mirrorIndex(i)`.
 */
export function symmetricOutline(
  half: readonly ControlPoint[],
  axisX: number,
): { outline: ControlPoint[]; mirrorIndex: (i: number) => number } {
  const mirrored = half
    .slice(1, -1)
    .reverse()
    .map(
      (p): ControlPoint =>
        p[2] === "corner" ? [2 * axisX - p[0], p[1], "corner"] : [2 * axisX - p[0], p[1]],
    );
  const n = half.length;
  return {
    outline: [...half, ...mirrored],
    // half[i] for 0 < i < n-1 is mirrored at index n + (n - 2 - i).
    mirrorIndex: (i) => (i === 0 || i === n - 1 ? i : n + (n - 2 - i)),
  };
}

/** Mirror a list of uv points left↔right (u → 1 − u). */
export function mirrorUv(points: readonly Point[]): Point[] {
  return points.map(([u, v]) => [1 - u, v] as Point);
}

/** Mirror a uv polygon and keep it running the same way round. */
export function mirrorUvPolygon(points: readonly Point[]): Point[] {
  return mirrorUv(points).reverse();
}

/** Which of the client's sides a drawing shows on the viewer's left (front views: their right). */
export type ViewerLeftSide = "left" | "right";

/**
 * A paired region written once for the viewer's left half of a symmetric patch (u ≤ 0.5) and
 * mirrored onto the other half with the other side's id.
 */
export function pairedRegion(
  typeId: string,
  viewerLeft: ViewerLeftSide,
  uv: readonly Point[],
): { id: string; uv: readonly Point[] }[] {
  const other = viewerLeft === "left" ? "right" : "left";
  return [
    { id: `${typeId}-${viewerLeft}`, uv },
    { id: `${typeId}-${other}`, uv: mirrorUvPolygon(uv) },
  ];
}

/** A landmark written for the viewer's left half, mirrored onto the right. */
export function pairedLandmark<T extends { uv: readonly Point[] }>(landmark: T): T[] {
  return [landmark, { ...landmark, uv: mirrorUv(landmark.uv) }];
}

export function shiftControl(p: ControlPoint, dx: number, dy: number): ControlPoint {
  return p[2] === "corner" ? [p[0] + dx, p[1] + dy, "corner"] : [p[0] + dx, p[1] + dy];
}

/**
 * A finger or toe: a tapering tube from `base` to a rounded `tip`. Its patch has v = 0 at the
 * tip and v = 1 at the base (which is tucked under the palm or the foot), u across.
 */
export function digitOutline(
  base: Point,
  tip: Point,
  widths: { base: number; middle: number; tip: number },
): { outline: ControlPoint[]; corners: [number, number, number, number] } {
  const length = Math.hypot(tip[0] - base[0], tip[1] - base[1]);
  const dx = (tip[0] - base[0]) / length;
  const dy = (tip[1] - base[1]) / length;
  // Unit normal (to the left of the base→tip direction).
  const nx = -dy;
  const ny = dx;
  const at = (along: number, across: number): [number, number] => [
    base[0] + dx * along + nx * across,
    base[1] + dy * along + ny * across,
  ];
  const capStart = length - widths.tip * 0.55;
  const outline: ControlPoint[] = [
    [...at(0, widths.base / 2), "corner"],
    at(length * 0.45, widths.middle / 2),
    at(capStart, widths.tip / 2),
    at(length - widths.tip * 0.12, widths.tip * 0.32),
    at(length, 0),
    at(length - widths.tip * 0.12, -widths.tip * 0.32),
    at(capStart, -widths.tip / 2),
    at(length * 0.45, -widths.middle / 2),
    [...at(0, -widths.base / 2), "corner"],
  ];
  return { outline, corners: [2, 6, 8, 0] };
}
