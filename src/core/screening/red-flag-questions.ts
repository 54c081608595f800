import { type RegionGroup, regionById } from "../body/regions";
import { RED_FLAG_RULES, type RedFlagId, type RedFlagUrgency } from "./rules";

/** One red-flag question as the public finder (and the top of the intake) asks it. */
export interface RedFlagQuestion {
  readonly id: RedFlagId;
  /** Plain words; "yes" is the answer that stops the flow. */
  readonly question: string;
  readonly help?: string;
  /** What to tell the client when they answer yes: short, direct. */
  readonly advice: string;
  readonly urgency: RedFlagUrgency;
  readonly regionGroups: readonly RegionGroup[] | "any";
}

function toQuestion(rule: (typeof RED_FLAG_RULES)[number]): RedFlagQuestion {
  const base = {
    id: rule.id,
    question: rule.question,
    advice: rule.adviceForClient,
    urgency: rule.urgency,
    regionGroups: rule.regionGroups,
  };
  return "help" in rule ? { ...base, help: rule.help } : base;
}

/** Every red-flag question, in rule order (emergencies first). */
export const RED_FLAG_QUESTIONS: readonly RedFlagQuestion[] = RED_FLAG_RULES.map(toQuestion);

function isRelevantTo(question: RedFlagQuestion, groups: ReadonlySet<RegionGroup>): boolean {
  return question.regionGroups === "any" || question.regionGroups.some((group) => groups.has(group));
}

/**
 * The red-flag questions that matter for the regions a visitor marked on the body map (§6.3: the region
 * marked can trigger region-specific questions). Questions that apply to any region are always included.
 * Unknown region ids are ignored here; validating them is the caller's job.
 */
export function redFlagQuestionsForRegions(regionIds: readonly string[]): RedFlagQuestion[] {
  const groups = new Set<RegionGroup>();
  for (const id of regionIds) {
    const region = regionById(id);
    if (region) groups.add(region.type.group);
  }
  return RED_FLAG_QUESTIONS.filter((question) => isRelevantTo(question, groups));
}
