/**
 * The treatment-plan rule (docs/product.md F7, docs/decisions/0014-treatment-plan-rule.md): how many
 * sessions to suggest from the intake (how long it has hurt, pain scores) and the consultation, and how
 * often to come back for maintenance afterwards. Pure: the thresholds are data a clinic may change.
 *
 * Two bands, as the seed clinic promises its clients:
 *  - "short" course (mild or recent pain): 1-3 sessions;
 *  - "course" (chronic or severe pain): 4-6 sessions;
 * then maintenance every 3-6 weeks. Each step up (longer duration, higher pain) can only add sessions,
 * never remove one, so the suggestion is monotone in both inputs (tested as a property).
 */
import { CHRONIC_FROM_DAYS } from "../intake/chronicity";

export interface PlanRuleSettings {
  /** Pain is chronic from this many days (the intake's 3-month line by default). */
  readonly chronicFromDays: number;
  /** A short course gets one more session once the pain has lasted this long (sub-acute, 6 weeks). */
  readonly subacuteFromDays: number;
  /** A course gets one more session once the pain has lasted this long (a year and more). */
  readonly longstandingFromDays: number;
  /** Pain at or above this (0-10, the worst of the scores given) counts as severe. */
  readonly severeFromPain: number;
  /** Pain at or above this (but not severe) counts as moderate: one more session in a short course. */
  readonly moderateFromPain: number;
  /** Sessions of a short course [min, max] (mild or recent pain). */
  readonly shortCourse: readonly [number, number];
  /** Sessions of a course [min, max] (chronic or severe pain). */
  readonly course: readonly [number, number];
  /** Days between the planned sessions. */
  readonly sessionIntervalDays: number;
  /** Maintenance interval in weeks [after a short course, after a course, after chronic AND severe]. */
  readonly maintenanceWeeks: readonly [number, number, number];
  /** Share of the starting pain that should be gone after the planned sessions (0.3 = 30 %). */
  readonly improvementTarget: number;
}

/** The seed clinic's promise: 1-3 / 4-6 sessions a week apart, maintenance every 6, 4 or 3 weeks. */
export const DEFAULT_PLAN_RULE: PlanRuleSettings = {
  chronicFromDays: CHRONIC_FROM_DAYS,
  subacuteFromDays: 42,
  longstandingFromDays: 365,
  severeFromPain: 7,
  moderateFromPain: 4,
  shortCourse: [1, 3],
  course: [4, 6],
  sessionIntervalDays: 7,
  maintenanceWeeks: [6, 4, 3],
  improvementTarget: 0.3,
};

/** The hard limits of any clinic's settings: suggestions always stay within 1-6 sessions, 3-6 weeks. */
export const PLAN_LIMITS = {
  minSessions: 1,
  maxSessions: 6,
  minMaintenanceWeeks: 3,
  maxMaintenanceWeeks: 6,
} as const;

/** What the rule reads. Unknown values are null: the rule never guesses a worse case than it is told. */
export interface PlanRuleInput {
  /** How long it has hurt, in days (intake). */
  readonly durationDays: number | null;
  /** Pain scores 0-10 from the intake (now, worst) and the consultation (pain before the session). */
  readonly painScores: readonly (number | null | undefined)[];
}

export type PlanBand = "short" | "course";

export interface PlanSuggestion {
  readonly band: PlanBand;
  readonly chronic: boolean;
  readonly severe: boolean;
  readonly sessions: number;
  readonly sessionIntervalDays: number;
  readonly maintenanceIntervalWeeks: number;
  /** The pain the suggestion used (the highest score given), or null when none was given. */
  readonly pain: number | null;
  /** Plain sentences saying why, shown to the therapist beside the suggestion. */
  readonly reasons: string[];
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** The highest valid 0-10 score given, or null: a plan follows the worst pain the client reports. */
export function planPain(scores: readonly (number | null | undefined)[]): number | null {
  const valid = scores.filter((s): s is number => typeof s === "number" && Number.isFinite(s));
  if (valid.length === 0) return null;
  return clamp(Math.max(...valid), 0, 10);
}

/** Settings kept in range, so a clinic's typo cannot suggest 0 or 20 sessions. */
export function normalizePlanRule(settings: Partial<PlanRuleSettings> | null | undefined): PlanRuleSettings {
  const s = { ...DEFAULT_PLAN_RULE, ...(settings ?? {}) };
  const {
    minSessions: lo,
    maxSessions: hi,
    minMaintenanceWeeks: wlo,
    maxMaintenanceWeeks: whi,
  } = PLAN_LIMITS;
  const shortMin = clamp(Math.round(s.shortCourse[0]), lo, hi);
  const shortMax = clamp(Math.round(s.shortCourse[1]), shortMin, hi);
  const courseMin = clamp(Math.round(s.course[0]), shortMax, hi);
  const courseMax = clamp(Math.round(s.course[1]), courseMin, hi);
  const [w0, w1, w2] = s.maintenanceWeeks.map((w) => clamp(Math.round(w), wlo, whi)) as [
    number,
    number,
    number,
  ];
  return {
    ...s,
    shortCourse: [shortMin, shortMax],
    course: [courseMin, courseMax],
    // Maintenance never gets LESS frequent as the case gets worse.
    maintenanceWeeks: [w0, Math.min(w0, w1), Math.min(w0, w1, w2)],
    sessionIntervalDays: clamp(Math.round(s.sessionIntervalDays), 1, 42),
    improvementTarget: clamp(s.improvementTarget, 0.05, 0.95),
  };
}

/** Suggests a plan. Monotone: more days or more pain never gives fewer sessions or rarer maintenance. */
export function suggestPlan(
  input: PlanRuleInput,
  settings: PlanRuleSettings = DEFAULT_PLAN_RULE,
): PlanSuggestion {
  const rule = normalizePlanRule(settings);
  const days = input.durationDays !== null && input.durationDays >= 0 ? input.durationDays : null;
  const pain = planPain(input.painScores);
  const chronic = days !== null && days >= rule.chronicFromDays;
  const severe = pain !== null && pain >= rule.severeFromPain;
  const reasons: string[] = [];
  if (days === null) reasons.push("How long it has hurt is not known: read as recent.");
  if (pain === null) reasons.push("No pain score given: read as mild.");

  if (chronic || severe) {
    const [min, max] = rule.course;
    let sessions = min;
    if (chronic && severe) sessions += 1;
    if (days !== null && days >= rule.longstandingFromDays) sessions += 1;
    sessions = clamp(sessions, min, max);
    const weeks = chronic && severe ? rule.maintenanceWeeks[2] : rule.maintenanceWeeks[1];
    if (chronic) reasons.push(`Pain for ${days} days: chronic (from ${rule.chronicFromDays} days).`);
    if (severe) reasons.push(`Pain ${pain}/10: severe (from ${rule.severeFromPain}).`);
    if (days !== null && days >= rule.longstandingFromDays)
      reasons.push(`Pain for a year or more (${days} days): one more session.`);
    reasons.push(`A course of ${min}-${max} sessions; maintenance every ${weeks} weeks after.`);
    return {
      band: "course",
      chronic,
      severe,
      sessions,
      sessionIntervalDays: rule.sessionIntervalDays,
      maintenanceIntervalWeeks: weeks,
      pain,
      reasons,
    };
  }
  const [min, max] = rule.shortCourse;
  let sessions = min;
  if (pain !== null && pain >= rule.moderateFromPain) {
    sessions += 1;
    reasons.push(`Pain ${pain}/10: moderate (from ${rule.moderateFromPain}): one more session.`);
  }
  if (days !== null && days >= rule.subacuteFromDays) {
    sessions += 1;
    reasons.push(`Pain for ${days} days (from ${rule.subacuteFromDays}): one more session.`);
  }
  sessions = clamp(sessions, min, max);
  const weeks = rule.maintenanceWeeks[0];
  reasons.push(`Mild or recent pain: ${min}-${max} sessions; maintenance every ${weeks} weeks after.`);
  return {
    band: "short",
    chronic,
    severe,
    sessions,
    sessionIntervalDays: rule.sessionIntervalDays,
    maintenanceIntervalWeeks: weeks,
    pain,
    reasons,
  };
}
