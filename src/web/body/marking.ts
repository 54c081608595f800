/**
 * Pure rules of the body map: what marking a region does, what colour a region shows, what the
 * live region says. Kept apart from React so they are easy to read and to test.
 */
import { regionById } from "../../core/body/regions";

/** Marked regions and their pain intensity, 1 (mild) to 10 (worst). */
export type RegionMarks = Readonly<Record<string, number>>;

/** A muscle's referral pattern: where its pain is felt most (essential) and sometimes (spillover). */
export interface ReferralPattern {
  readonly essential: readonly string[];
  readonly spillover: readonly string[];
}

export const DEFAULT_INTENSITY = 5;
export const MIN_INTENSITY = 1;
export const MAX_INTENSITY = 10;

export function clampIntensity(value: number): number {
  return Math.min(MAX_INTENSITY, Math.max(MIN_INTENSITY, Math.round(value)));
}

export function withMark(marks: RegionMarks, regionId: string, intensity: number): RegionMarks {
  return { ...marks, [regionId]: clampIntensity(intensity) };
}

export function withoutMark(marks: RegionMarks, regionId: string): RegionMarks {
  const { [regionId]: _removed, ...rest } = marks;
  return rest;
}

export function isMarked(marks: RegionMarks, regionId: string): boolean {
  return marks[regionId] !== undefined;
}

/** Digits 1-9 set that intensity and 0 sets 10 (docs/design-system.md); anything else is not an intensity key. */
export function intensityForKey(key: string): number | null {
  if (key === "0") return MAX_INTENSITY;
  return /^[1-9]$/.test(key) ? Number(key) : null;
}

export type RegionAppearance =
  | { readonly kind: "plain" }
  | { readonly kind: "marked"; readonly intensity: number }
  | { readonly kind: "essential" }
  | { readonly kind: "spillover" };

/** In pattern mode a region shows the pattern; otherwise its mark. */
export function regionAppearance(
  regionId: string,
  showPattern: boolean,
  marks: RegionMarks,
  pattern: ReferralPattern | undefined,
): RegionAppearance {
  if (showPattern) {
    if (pattern?.essential.includes(regionId)) return { kind: "essential" };
    if (pattern?.spillover.includes(regionId)) return { kind: "spillover" };
    return { kind: "plain" };
  }
  const intensity = marks[regionId];
  return intensity === undefined
    ? { kind: "plain" }
    : { kind: "marked", intensity: clampIntensity(intensity) };
}

/** The region's plain name, e.g. "Temple (left)"; falls back to the id for an unknown one. */
export function regionLabel(regionId: string): string {
  return regionById(regionId)?.label ?? regionId;
}

/** A short description of a region's state, for screen readers and the name bar. */
export function describeAppearance(appearance: RegionAppearance): string | null {
  switch (appearance.kind) {
    case "marked":
      return `intensity ${appearance.intensity}`;
    case "essential":
      return "main pain area";
    case "spillover":
      return "sometimes felt here";
    case "plain":
      return null;
  }
}

export const announce = {
  marked: (regionId: string, intensity: number) => `${regionLabel(regionId)} marked, intensity ${intensity}`,
  intensity: (regionId: string, intensity: number) => `${regionLabel(regionId)}, intensity ${intensity}`,
  unmarked: (regionId: string) => `${regionLabel(regionId)} unmarked`,
  deselected: () => "Selection cleared",
  pointAdded: (regionId: string) => `Trigger point added on ${regionLabel(regionId)}`,
};
