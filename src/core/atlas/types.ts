import type { RegionGroup } from "../body/regions";
import type { MuscleId } from "./muscle-ids";
import type { SourceKey } from "./sources";

/** The broad kinds of cause the intake form asks about (docs/product.md F2, F5). */
export const CAUSE_TAGS = ["posture", "repetitive-movement", "overuse", "stress", "injury"] as const;
export type CauseTag = (typeof CAUSE_TAGS)[number];

/** What a person uses to press on their own trigger point. */
export const SELF_TREATMENT_TOOLS = [
  "massage-ball",
  "foam-roller",
  "fingers",
  /** A hooked self-massage cane, for spots the hands cannot reach (upper back). */
  "cane",
] as const;
export type SelfTreatmentTool = (typeof SELF_TREATMENT_TOOLS)[number];

/** Pressure is held between 10 and 60 seconds (docs/product.md F2, F6); the atlas keeps to that range. */
export const MIN_HOLD_SECONDS = 10;
export const MAX_HOLD_SECONDS = 60;

export interface SelfTreatment {
  readonly tool: SelfTreatmentTool;
  /** How to find the spot and apply pressure, in plain words. */
  readonly how: string;
  /** [min, max] seconds to hold pressure on one spot, within 10-60. */
  readonly holdSeconds: readonly [number, number];
  /** How often, e.g. "2-3 times a day". */
  readonly frequency: string;
}

/** How well the referral pattern is supported (the evidence levels of the published literature, see src/core/atlas/sources.ts). */
export type Confidence = "high" | "medium" | "low";

export interface Muscle {
  readonly id: MuscleId;
  /** Plain-language name shown first, e.g. "Neck-to-breastbone muscle (SCM), breastbone branch". */
  readonly name: string;
  /** The anatomical name as used in the reference data, e.g. "Sternocleidomastoid, sternal division". */
  readonly anatomicalName: string;
  /** Other names people search by ("SCM", "psoas", "calf"). */
  readonly alsoKnownAs: readonly string[];
  /** Where the muscle sits (a body-map region group). */
  readonly group: RegionGroup;
  /** Region TYPE ids where referred pain is felt in nearly everyone with an active trigger point. */
  readonly essential: readonly string[];
  /** Region TYPE ids where the pain spreads only in some people. */
  readonly spillover: readonly string[];
  /** Where the trigger points lie, in plain words. */
  readonly triggerPoints: string;
  /** The broad kinds of cause that commonly switch this muscle's trigger points on or keep them going. */
  readonly causes: readonly CauseTag[];
  /** A short plain sentence naming typical activators and perpetuating factors. */
  readonly activators: string;
  readonly selfTreatment: SelfTreatment;
  /** A stretch, in plain words. */
  readonly stretch: string;
  /** Muscle-specific safety notes (general rules are in GENERAL_SELF_TREATMENT_RULES). */
  readonly cautions: readonly string[];
  /** Keys into SOURCES for the referral pattern. */
  readonly sources: readonly SourceKey[];
  readonly confidence: Confidence;
}
