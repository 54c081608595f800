import { MUSCLE_IDS, type MuscleId } from "./muscle-ids";
import { HEAD_NECK_MUSCLES } from "./muscles-head-neck";
import { HIP_LEG_MUSCLES } from "./muscles-hip-leg";
import { SHOULDER_ARM_MUSCLES } from "./muscles-shoulder-arm";
import { TRUNK_MUSCLES } from "./muscles-trunk";
import type { Muscle } from "./types";

/** Every atlas entry, in catalogue order (the order of MUSCLE_IDS: head to foot). */
export const MUSCLES: readonly Muscle[] = [
  ...HEAD_NECK_MUSCLES,
  ...SHOULDER_ARM_MUSCLES,
  ...TRUNK_MUSCLES,
  ...HIP_LEG_MUSCLES,
];

const MUSCLES_BY_ID: ReadonlyMap<string, Muscle> = new Map(MUSCLES.map((m) => [m.id, m]));
const MUSCLE_ID_SET: ReadonlySet<string> = new Set(MUSCLE_IDS);

export function isMuscleId(id: string): id is MuscleId {
  return MUSCLE_ID_SET.has(id);
}

export function muscleById(id: string): Muscle | undefined {
  return MUSCLES_BY_ID.get(id);
}
