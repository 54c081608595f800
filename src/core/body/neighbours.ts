/**
 * Arrow-key navigation between body-map regions (docs/design-system.md "The body map": arrow keys move
 * between neighbouring regions). Pure: it sees only each region's centre point in the current
 * view, so it works for any drawing. Screen coordinates: x grows rightwards, y downwards.
 */

export type NavigationDirection = "up" | "down" | "left" | "right";

export interface NavigationPoint {
  /** Unique within the view (a region can be drawn in several figures of one view). */
  readonly key: string;
  readonly x: number;
  readonly y: number;
}

/** The opposite arrow, for stepping back the way you came. */
export const OPPOSITE_DIRECTION: Readonly<Record<NavigationDirection, NavigationDirection>> = {
  up: "down",
  down: "up",
  left: "right",
  right: "left",
};

/** Sideways drift costs this much more than progress in the arrow's direction. */
const DRIFT_PENALTY = 2;
/** Candidates more than this many times further sideways than forwards are not "in that direction". */
const MAX_DRIFT_RATIO = 2.5;

function forwardAndDrift(dx: number, dy: number, direction: NavigationDirection): [number, number] {
  switch (direction) {
    case "right":
      return [dx, Math.abs(dy)];
    case "left":
      return [-dx, Math.abs(dy)];
    case "down":
      return [dy, Math.abs(dx)];
    case "up":
      return [-dy, Math.abs(dx)];
  }
}

/**
 * The region an arrow key moves to from `fromKey`: the nearest centre in roughly that direction,
 * preferring ones straight ahead over ones off to the side. `null` when there is none (the
 * edge of the drawing) or `fromKey` is not in `points`.
 */
export function neighbourInDirection(
  points: readonly NavigationPoint[],
  fromKey: string,
  direction: NavigationDirection,
): string | null {
  const from = points.find((p) => p.key === fromKey);
  if (!from) return null;
  let best: { key: string; score: number } | null = null;
  for (const candidate of points) {
    if (candidate.key === fromKey) continue;
    const [forward, drift] = forwardAndDrift(candidate.x - from.x, candidate.y - from.y, direction);
    if (forward <= 0 || drift > forward * MAX_DRIFT_RATIO) continue;
    const score = forward + drift * DRIFT_PENALTY;
    if (!best || score < best.score) best = { key: candidate.key, score };
  }
  return best?.key ?? null;
}

/** The last arrow move, remembered so the opposite arrow always leads straight back. */
export interface NavigationStep {
  readonly from: string;
  readonly to: string;
  readonly direction: NavigationDirection;
}

/**
 * Like `neighbourInDirection`, but pressing the opposite arrow right after a move returns to
 * where you came from, so exploring feels reversible even where the nearest-centre rule alone
 * would pick a different region on the way back.
 */
export function nextFocus(
  points: readonly NavigationPoint[],
  fromKey: string,
  direction: NavigationDirection,
  lastStep: NavigationStep | null,
): string | null {
  if (lastStep && lastStep.to === fromKey && OPPOSITE_DIRECTION[lastStep.direction] === direction) {
    if (points.some((p) => p.key === lastStep.from)) return lastStep.from;
  }
  return neighbourInDirection(points, fromKey, direction);
}

/** Every key reachable from `startKey` by arrow moves (for checking a drawing has no islands). */
export function reachableKeys(points: readonly NavigationPoint[], startKey: string): Set<string> {
  const seen = new Set<string>([startKey]);
  const queue = [startKey];
  const directions: NavigationDirection[] = ["up", "down", "left", "right"];
  while (queue.length > 0) {
    const key = queue.shift() as string;
    for (const direction of directions) {
      const next = neighbourInDirection(points, key, direction);
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
