import { z } from "zod";
import {
  CAUTION_RULES,
  type CautionId,
  HEALTH_HISTORY_QUESTION_IDS,
  HOLD_RULES,
  type HoldId,
  RED_FLAG_IDS,
  RED_FLAG_RULES,
  type RedFlagId,
  type ScreeningRuleId,
} from "./rules";

/** A yes/no answer per rule id; a missing answer counts the same as "no" (see `screenAnswers`). */
export type SafetyAnswers = Partial<Record<ScreeningRuleId, boolean>>;
export type RedFlagAnswers = Partial<Record<RedFlagId, boolean>>;

/** Answers to the red-flag questions alone, as the public finder sends them. Unknown ids are rejected. */
export const RedFlagAnswersSchema = z.partialRecord(z.enum(RED_FLAG_IDS), z.boolean());

export type ScreeningOutcome = "clear" | "caution" | "hold" | "stop";

/** Least to most severe: the outcome is the most severe kind of finding present. */
export const SCREENING_OUTCOMES: readonly ScreeningOutcome[] = ["clear", "caution", "hold", "stop"];

export interface Finding<Id extends ScreeningRuleId = ScreeningRuleId> {
  readonly id: Id;
  readonly label: string;
  /** Plain, short, for a lay reader; never a diagnosis. */
  readonly adviceForClient: string;
  /** Why the rule exists and, for cautions, the technique change. */
  readonly reasonForStaff: string;
}

export interface ScreeningResult {
  readonly outcome: ScreeningOutcome;
  readonly holds: readonly Finding<HoldId>[];
  readonly cautions: readonly Finding<CautionId>[];
  /** Emergency red flags come first, so whoever shows only the first one shows the most urgent. */
  readonly redFlags: readonly Finding<RedFlagId>[];
  /** True when at least one red flag calls for an emergency number rather than a doctor today. */
  readonly emergency: boolean;
}

export function outcomeSeverity(outcome: ScreeningOutcome): number {
  return SCREENING_OUTCOMES.indexOf(outcome);
}

interface RuleLike<Id extends ScreeningRuleId> {
  readonly id: Id;
  readonly label: string;
  readonly adviceForClient: string;
  readonly reasonForStaff: string;
}

function toFinding<Id extends ScreeningRuleId>(rule: RuleLike<Id>): Finding<Id> {
  return {
    id: rule.id,
    label: rule.label,
    adviceForClient: rule.adviceForClient,
    reasonForStaff: rule.reasonForStaff,
  };
}

/** Only an explicit `true` counts: screening reports what the client said, never what they left blank. */
function saidYes(answers: SafetyAnswers, id: ScreeningRuleId): boolean {
  return Object.hasOwn(answers, id) && answers[id] === true;
}

function findingsFor<Id extends ScreeningRuleId>(
  rules: readonly RuleLike<Id>[],
  answers: SafetyAnswers,
): Finding<Id>[] {
  return rules.filter((rule) => saidYes(answers, rule.id)).map(toFinding);
}

const RED_FLAG_RULES_MOST_URGENT_FIRST = [...RED_FLAG_RULES].sort(
  (a, b) => Number(a.urgency !== "emergency") - Number(b.urgency !== "emergency"),
);

const EMERGENCY_RED_FLAG_IDS: ReadonlySet<RedFlagId> = new Set(
  RED_FLAG_RULES.filter((rule) => rule.urgency === "emergency").map((rule) => rule.id),
);

function outcomeOf(findings: Pick<ScreeningResult, "holds" | "cautions" | "redFlags">): ScreeningOutcome {
  if (findings.redFlags.length > 0) return "stop";
  if (findings.holds.length > 0) return "hold";
  if (findings.cautions.length > 0) return "caution";
  return "clear";
}

function resultFrom(
  holds: Finding<HoldId>[],
  cautions: Finding<CautionId>[],
  redFlags: Finding<RedFlagId>[],
): ScreeningResult {
  return {
    outcome: outcomeOf({ holds, cautions, redFlags }),
    holds,
    cautions,
    redFlags,
    emergency: redFlags.some((finding) => EMERGENCY_RED_FLAG_IDS.has(finding.id)),
  };
}

/**
 * Screens flat yes/no answers against every rule. Precedence: stop (any red flag) > hold > caution > clear.
 * All findings are returned, not just the deciding kind: a stopped client who later returns
 * still has holds and cautions staff must see.
 *
 * Unanswered questions do not block here; whether the questionnaire is complete is
 * `missingIntakeFields`' job, and confirmation requires a submitted (complete) intake.
 */
export function screenAnswers(answers: SafetyAnswers): ScreeningResult {
  return resultFrom(
    findingsFor(HOLD_RULES, answers),
    findingsFor(CAUTION_RULES, answers),
    findingsFor(RED_FLAG_RULES_MOST_URGENT_FIRST, answers),
  );
}

/** The red-flag questions alone, for the public finder before it shows any result. Outcome is "clear" or "stop". */
export function screenRedFlags(answers: RedFlagAnswers): ScreeningResult {
  return resultFrom([], [], findingsFor(RED_FLAG_RULES_MOST_URGENT_FIRST, answers));
}

/**
 * The parts of an intake that screening reads. Declared here (structurally) rather than imported,
 * so screening does not depend on the intake module; an intake draft or submission fits it as is.
 */
export interface ScreenableIntake {
  readonly healthHistory?: Readonly<
    Partial<Record<string, { readonly answer?: boolean | undefined } | undefined>>
  >;
  readonly medications?: { readonly bloodThinners?: boolean | undefined } | undefined;
  readonly pregnancy?: { readonly status?: string | undefined } | undefined;
}

function healthHistoryAnswer(intake: ScreenableIntake, id: string): boolean | undefined {
  const history = intake.healthHistory;
  if (!history || !Object.hasOwn(history, id)) return undefined;
  return history[id]?.answer;
}

function pregnancyAnswer(status: string | undefined): boolean | undefined {
  if (status === undefined) return undefined;
  return status === "yes";
}

/** Flattens an intake into one answer per rule id, including the rules asked outside the health history. */
export function safetyAnswersFromIntake(intake: ScreenableIntake): SafetyAnswers {
  const answers: SafetyAnswers = {};
  for (const id of HEALTH_HISTORY_QUESTION_IDS) {
    const answer = healthHistoryAnswer(intake, id);
    if (answer !== undefined) answers[id] = answer;
  }
  const bloodThinners = intake.medications?.bloodThinners;
  if (bloodThinners !== undefined) answers["blood-thinners"] = bloodThinners;
  const pregnant = pregnancyAnswer(intake.pregnancy?.status);
  if (pregnant !== undefined) answers.pregnancy = pregnant;
  return answers;
}

/** Screens an intake draft or submission. A draft gives a provisional result from what is answered so far. */
export function screenIntake(intake: ScreenableIntake): ScreeningResult {
  return screenAnswers(safetyAnswersFromIntake(intake));
}
