/** Pain scores of a session (0–10 numeric rating scale) and how they compare (docs/product.md F6, F7). */

export const PAIN_MIN = 0;
export const PAIN_MAX = 10;

export function isPainScore(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= PAIN_MIN && (value as number) <= PAIN_MAX;
}

export type PainBand = "none" | "mild" | "moderate" | "severe";

/** The usual bands of the 0–10 scale: 0 none, 1–3 mild, 4–6 moderate, 7–10 severe. */
export function painBand(score: number): PainBand {
  if (score <= 0) return "none";
  if (score <= 3) return "mild";
  if (score <= 6) return "moderate";
  return "severe";
}

export interface PainChange {
  /** after − before: negative is better. */
  readonly change: number;
  /** Relief as a whole percentage of the pain before (50 = halved); null when there was no pain before. */
  readonly reliefPercent: number | null;
}

/** How pain changed over a session; null unless both scores were recorded. */
export function painChange(before: number | null, after: number | null): PainChange | null {
  if (before === null || after === null) return null;
  return {
    change: after - before,
    reliefPercent: before === 0 ? null : Math.round(((before - after) / before) * 100),
  };
}
