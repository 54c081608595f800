/** Muscle atlas (docs/product.md F2): pure data and search, shared by the server, the web app and the CLI. */
export { GENERAL_SELF_TREATMENT_RULES } from "./cautions";
export { MUSCLE_IDS, type MuscleId } from "./muscle-ids";
export { isMuscleId, MUSCLES, muscleById } from "./muscles";
export { normalizeSearchText, searchMuscles } from "./search";
export { SOURCES, type SourceKey } from "./sources";
export {
  CAUSE_TAGS,
  type CauseTag,
  type Confidence,
  MAX_HOLD_SECONDS,
  MIN_HOLD_SECONDS,
  type Muscle,
  SELF_TREATMENT_TOOLS,
  type SelfTreatment,
  type SelfTreatmentTool,
} from "./types";
