export const DURATION_UNITS = ["days", "weeks", "months", "years"] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

export type Chronicity = "recent" | "chronic";

/**
 * Days per unit. Months count as 30 days and years as 365: people answer "how long" in round
 * numbers, so calendar precision would be false precision, and with 30-day months "3 months"
 * lands exactly on the threshold below, as a reader would expect.
 */
export const DAYS_PER_DURATION_UNIT: Readonly<Record<DurationUnit, number>> = {
  days: 1,
  weeks: 7,
  months: 30,
  years: 365,
};

/**
 * Pain counts as chronic from 3 months (90 days). This is the usual clinical line (IASP and ICD-11 call
 * pain chronic when it persists or recurs for longer than 3 months): by then normal tissue healing is
 * over, so the pain is being kept going by something else, which is when trigger points and their
 * perpetuating factors matter most. The plan rules (F7) use it: recent → 1-3 sessions, chronic → 4-6.
 */
export const CHRONIC_FROM_DAYS = 90;

export function durationInDays(duration: Duration): number {
  return duration.amount * DAYS_PER_DURATION_UNIT[duration.unit];
}

/** "chronic" from 90 days (3 months, 13 weeks, 1 year), "recent" below (89 days, 12 weeks, 2 months). */
export function classifyChronicity(duration: Duration): Chronicity {
  return durationInDays(duration) >= CHRONIC_FROM_DAYS ? "chronic" : "recent";
}
