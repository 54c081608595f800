/**
 * Planned vs done, and when to prompt the therapist to re-assess (docs/product.md F7): when the
 * planned sessions are done and the pain has not come down by about 30 % from where it started.
 */
import { DEFAULT_PLAN_RULE } from "./rule";

/** Appointment statuses as they count for a plan. */
export type PlanVisitStatus = "requested" | "confirmed" | "declined" | "cancelled" | "completed" | "no_show";

export interface PlanTally {
  planned: number;
  completed: number;
  /** Booked and still to come (requested or confirmed). */
  upcoming: number;
  cancelled: number;
  noShow: number;
  /** Planned sessions not yet booked or done. */
  remaining: number;
}

/** Counts a plan's visits. Declined requests never happened, so they count as nothing. */
export function tallyPlan(planned: number, statuses: readonly PlanVisitStatus[]): PlanTally {
  const count = (...wanted: PlanVisitStatus[]) => statuses.filter((s) => wanted.includes(s)).length;
  const completed = count("completed");
  const upcoming = count("requested", "confirmed");
  return {
    planned,
    completed,
    upcoming,
    cancelled: count("cancelled"),
    noShow: count("no_show"),
    remaining: Math.max(0, planned - completed - upcoming),
  };
}

/** Share of the starting pain that is gone (negative when worse); null when it cannot be said. */
export function painImprovement(baseline: number | null, latest: number | null): number | null {
  if (baseline === null || latest === null || baseline <= 0) return null;
  return (baseline - latest) / baseline;
}

export interface ReassessmentInput {
  planned: number;
  completed: number;
  /** Pain when the plan started (0-10). */
  baselinePain: number | null;
  /** The latest pain (0-10): the last session's "before" score or the last diary entry. */
  latestPain: number | null;
  /** 0.3 by default (the clinic's setting). */
  target?: number;
}

export interface Reassessment {
  due: boolean;
  improvement: number | null;
  /** Plain words for the therapist, or null when no prompt is due. */
  message: string | null;
}

/**
 * Due once the planned sessions are completed and the improvement is below the target. Without a
 * baseline or a later score there is nothing to compare, so no prompt: the plan view shows the gap.
 */
export function reassessmentDue(input: ReassessmentInput): Reassessment {
  const target = input.target ?? DEFAULT_PLAN_RULE.improvementTarget;
  const improvement = painImprovement(input.baselinePain, input.latestPain);
  const finished = input.planned > 0 && input.completed >= input.planned;
  if (!finished || improvement === null || improvement >= target) {
    return { due: false, improvement, message: null };
  }
  const percent = Math.round(improvement * 100);
  const change = percent >= 0 ? `improved ${percent} %` : `worsened ${-percent} %`;
  return {
    due: true,
    improvement,
    message: `After ${input.completed} of ${input.planned} planned sessions the pain has ${change} (from ${input.baselinePain}/10 to ${input.latestPain}/10), short of the ${Math.round(target * 100)} % expected: re-assess.`,
  };
}

/** The planned session dates: every `intervalDays` from the first, `count` of them (civil dates, YYYY-MM-DD). */
export function seriesDates(firstDate: string, count: number, intervalDays: number): string[] {
  const [y, m, d] = firstDate.split("-").map(Number) as [number, number, number];
  const dates: string[] = [];
  for (let i = 0; i < count; i++) {
    const date = new Date(Date.UTC(y, m - 1, d + i * intervalDays));
    dates.push(date.toISOString().slice(0, 10));
  }
  return dates;
}
