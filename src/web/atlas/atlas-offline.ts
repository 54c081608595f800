/**
 * The atlas API's answers computed in the browser from the core atlas (used when the network is
 * gone). The finder has this data loaded already, so opening a muscle from its results works offline.
 */
import { GENERAL_SELF_TREATMENT_RULES, MUSCLES, muscleById, SOURCES, searchMuscles } from "../../core/atlas";
import type { Muscle } from "../../core/atlas/types";
import type { MuscleDetail, MuscleSummary } from "./atlas-api";

function summary(muscle: Muscle): MuscleSummary {
  const { id, name, anatomicalName, alsoKnownAs, group, essential, spillover } = muscle;
  return { id, name, anatomicalName, alsoKnownAs, group, essential, spillover };
}

export function offlineMuscleList(): MuscleSummary[] {
  return MUSCLES.map(summary);
}

export function offlineSearch(query: string): MuscleSummary[] {
  return query === "" ? offlineMuscleList() : searchMuscles(query).map(summary);
}

export function offlineMuscle(id: string): MuscleDetail | null {
  const muscle = muscleById(id);
  if (!muscle) return null;
  return {
    muscle,
    sources: muscle.sources.map((key) => ({ key, citation: SOURCES[key] })),
    generalRules: GENERAL_SELF_TREATMENT_RULES,
  };
}
