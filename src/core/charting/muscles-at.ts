/**
 * Which muscles to offer when the therapist taps the chart (docs/product.md F6): the muscles whose
 * trigger points lie in the tapped region come first (the atlas's `group`: where the muscle sits),
 * then those of the neighbouring parts of the body, then the rest. Within each tier, muscles the
 * consultation pointed to (the finder's ranking, posture findings) come first, then catalogue order.
 */
import { MUSCLES, type MuscleId } from "../atlas";
import { type RegionGroup, regionById } from "../body/regions";
import type { FinderResult } from "../finder/rank";
import { postureFindingById } from "./posture";

/** Body parts next to each other, where a trigger point a finger-width off the tap still lies. */
const NEIGHBOUR_GROUPS: Readonly<Record<RegionGroup, readonly RegionGroup[]>> = {
  head: ["neck"],
  neck: ["head", "upper-back", "shoulder"],
  "upper-back": ["neck", "shoulder", "mid-back"],
  "mid-back": ["upper-back", "low-back", "chest"],
  "low-back": ["mid-back", "pelvis-back", "abdomen"],
  "pelvis-back": ["low-back", "hip", "thigh"],
  chest: ["shoulder", "abdomen", "neck"],
  abdomen: ["chest", "hip", "low-back"],
  shoulder: ["neck", "upper-back", "arm", "chest"],
  arm: ["shoulder", "elbow"],
  elbow: ["arm", "forearm"],
  forearm: ["elbow", "hand"],
  hand: ["forearm"],
  hip: ["pelvis-back", "thigh", "abdomen"],
  thigh: ["hip", "knee"],
  knee: ["thigh", "leg"],
  leg: ["knee", "foot"],
  foot: ["leg"],
};

export type MusclePlace = "here" | "nearby" | "elsewhere";

export interface MuscleChoice {
  muscleId: MuscleId;
  place: MusclePlace;
  /** The consultation pointed to it (finder ranking or posture). */
  suggested: boolean;
}

const PLACE_ORDER: Record<MusclePlace, number> = { here: 0, nearby: 1, elsewhere: 2 };

/**
 * Every atlas muscle, ordered for a tap in `regionId`: here, nearby, elsewhere; suggested first
 * within each. An unknown region (or none) puts every muscle "elsewhere", suggested first.
 */
export function musclesAtRegion(regionId: string | null, suggested: readonly string[] = []): MuscleChoice[] {
  const group = regionId ? regionById(regionId)?.type.group : undefined;
  const near = new Set(group ? NEIGHBOUR_GROUPS[group] : []);
  const rank = new Map(suggested.map((id, i) => [id, i]));
  const choices = MUSCLES.map((m, catalogue) => ({
    choice: {
      muscleId: m.id,
      place: (m.group === group ? "here" : near.has(m.group) ? "nearby" : "elsewhere") as MusclePlace,
      suggested: rank.has(m.id),
    },
    catalogue,
  }));
  choices.sort(
    (a, b) =>
      PLACE_ORDER[a.choice.place] - PLACE_ORDER[b.choice.place] ||
      (rank.get(a.choice.muscleId) ?? Number.MAX_SAFE_INTEGER) -
        (rank.get(b.choice.muscleId) ?? Number.MAX_SAFE_INTEGER) ||
      a.catalogue - b.catalogue,
  );
  return choices.map((c) => c.choice);
}

/**
 * The points to check first at a visit: the finder's ranking for the marked regions (best first),
 * then muscles loaded by the posture findings, each muscle once.
 */
export function pointsToCheckFirst(
  finder: readonly Pick<FinderResult, "muscle">[],
  postureFindingIds: readonly string[] = [],
  limit = 10,
): MuscleId[] {
  const out: MuscleId[] = [];
  const add = (id: MuscleId) => {
    if (!out.includes(id)) out.push(id);
  };
  for (const result of finder) add(result.muscle as MuscleId);
  for (const id of postureFindingIds) for (const m of postureFindingById(id)?.muscles ?? []) add(m);
  return out.slice(0, limit);
}
