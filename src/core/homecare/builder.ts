/**
 * The home-care plan builder (docs/product.md F7): from the muscles treated in the client's sessions,
 * one self-treatment item per muscle with the atlas's tool, where, how long and how often, and its
 * stretch and cautions; then the general items (posture, hydration, activity, stress). The therapist
 * edits the result before sharing it, so this is a starting point, not the last word.
 */
import { isMuscleId, muscleById } from "../atlas";
import type { CauseTag, SelfTreatmentTool } from "../atlas/types";

export const HOME_CARE_KINDS = [
  "self-treatment",
  "posture",
  "hydration",
  "activity",
  "stress",
  "other",
] as const;
export type HomeCareKind = (typeof HOME_CARE_KINDS)[number];

/** One item of a home-care plan; the same shape for built and hand-written items, so all are editable. */
export interface HomeCareItem {
  /** Stable within one plan: `muscle:<id>` for built self-treatment, `posture` etc., or any for added ones. */
  id: string;
  kind: HomeCareKind;
  /** The atlas muscle of a self-treatment item, else null. */
  muscleId: string | null;
  title: string;
  /** Self-treatment: what to press with. */
  tool: SelfTreatmentTool | null;
  /** Where and how, in plain words (the atlas's "how" for self-treatment). */
  how: string;
  /** Seconds to hold pressure [min, max], self-treatment only. */
  holdSeconds: [number, number] | null;
  /** How often, e.g. "2-3 times a day". */
  frequency: string;
  /** The stretch that goes with it, or null. */
  stretch: string | null;
  cautions: string[];
}

const TOOL_WORDS: Readonly<Record<SelfTreatmentTool, string>> = {
  "massage-ball": "massage ball",
  "foam-roller": "foam roller",
  fingers: "fingers",
  cane: "self-massage cane",
};

/** The tool in words ("massage ball"), for the portal and the handout. */
export function toolWords(tool: SelfTreatmentTool): string {
  return TOOL_WORDS[tool];
}

/** Each known muscle once, in the order first treated; unknown ids (a retired atlas entry) are dropped. */
export function uniqueMuscleIds(treated: readonly string[]): string[] {
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const id of treated) {
    if (!isMuscleId(id) || seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

export function selfTreatmentItem(muscleId: string): HomeCareItem | null {
  const muscle = muscleById(muscleId);
  if (!muscle) return null;
  const { selfTreatment } = muscle;
  return {
    id: `muscle:${muscle.id}`,
    kind: "self-treatment",
    muscleId: muscle.id,
    title: muscle.name,
    tool: selfTreatment.tool,
    how: selfTreatment.how,
    holdSeconds: [selfTreatment.holdSeconds[0], selfTreatment.holdSeconds[1]],
    frequency: selfTreatment.frequency,
    stretch: muscle.stretch,
    cautions: [...muscle.cautions],
  };
}

function general(
  kind: Exclude<HomeCareKind, "self-treatment" | "other">,
  title: string,
  how: string,
  frequency: string,
): HomeCareItem {
  return {
    id: kind,
    kind,
    muscleId: null,
    title,
    tool: null,
    how,
    holdSeconds: null,
    frequency,
    stretch: null,
    cautions: [],
  };
}

/**
 * The general items. Posture and stress wording leans on what the treated muscles' atlas entries name
 * as causes, so a desk worker's neck plan talks about the screen and a lifter's back plan about lifting.
 */
export function generalItems(causes: ReadonlySet<CauseTag>): HomeCareItem[] {
  const posture = causes.has("posture")
    ? "Set the screen at eye height and the chair so your feet rest flat; get up and move every 30-45 minutes, and change position before you stiffen."
    : "Change position often: every 30-45 minutes get up, roll the shoulders and walk a few steps.";
  const activity =
    causes.has("overuse") || causes.has("repetitive-movement")
      ? "Keep moving gently every day (walking is ideal). Break repetitive tasks into shorter spells with pauses, and build back up slowly."
      : "Keep moving gently every day: a 20-30 minute walk helps the treated muscles more than rest alone.";
  const stress = causes.has("stress")
    ? "Stress keeps muscles tense: twice a day, take 5 slow breaths, letting the shoulders drop and the jaw loosen on each breath out."
    : "A few minutes of slow breathing or a quiet walk each day helps tense muscles let go.";
  return [
    general("posture", "Posture and position", posture, "through the day"),
    general(
      "hydration",
      "Drink water",
      "Drink water through the day (about 8 glasses), more on the day of a session and the day after.",
      "every day",
    ),
    general("activity", "Stay active", activity, "every day"),
    general("stress", "Ease stress", stress, "twice a day"),
  ];
}

/** The plan as built: self-treatment for every treated muscle once, then the general items. */
export function buildHomeCarePlan(treatedMuscleIds: readonly string[]): HomeCareItem[] {
  const ids = uniqueMuscleIds(treatedMuscleIds);
  const causes = new Set<CauseTag>();
  const items: HomeCareItem[] = [];
  for (const id of ids) {
    const item = selfTreatmentItem(id);
    if (!item) continue;
    items.push(item);
    for (const cause of muscleById(id)?.causes ?? []) causes.add(cause);
  }
  return [...items, ...generalItems(causes)];
}
