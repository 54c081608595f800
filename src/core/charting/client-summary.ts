/**
 * The plain-language summary of a signed session a client sees in their portal (docs/product.md F6):
 * which muscles were worked on, pain before and after, and what to do next. Never the clinical note
 * (assessment, objective findings): those are for the therapist and the client's data export.
 */
import { type MuscleId, muscleById } from "../atlas";
import type { ChartSide, ChartState } from "./chart";

export interface TreatedMuscle {
  muscleId: MuscleId;
  /** Plain name from the atlas, e.g. "Upper trapezius (top of the shoulder)". */
  name: string;
  sides: ChartSide[];
  points: number;
  /** Points whose tightness let go fully. */
  released: number;
  /** The atlas's stretch for the muscle, for "what to do next". */
  stretch: string;
}

export interface PlainSummary {
  musclesTreated: TreatedMuscle[];
  painBefore: number | null;
  painAfter: number | null;
  /** Plain sentences: the therapist's note to the client first, then a stretch per muscle treated. */
  nextSteps: string[];
}

export function treatedMuscles(state: ChartState): TreatedMuscle[] {
  const byMuscle = new Map<string, TreatedMuscle>();
  for (const point of state.points) {
    const muscle = muscleById(point.muscleId);
    if (!muscle) continue;
    const entry =
      byMuscle.get(point.muscleId) ??
      ({
        muscleId: muscle.id,
        name: muscle.name,
        sides: [],
        points: 0,
        released: 0,
        stretch: muscle.stretch,
      } as TreatedMuscle);
    entry.points += 1;
    if (point.release === "full") entry.released += 1;
    if (point.side && !entry.sides.includes(point.side)) entry.sides.push(point.side);
    byMuscle.set(point.muscleId, entry);
  }
  for (const entry of byMuscle.values()) entry.sides.sort();
  return [...byMuscle.values()];
}

export function plainSessionSummary(state: ChartState): PlainSummary {
  const musclesTreated = treatedMuscles(state);
  const nextSteps: string[] = [];
  if (state.note.clientNote.trim()) nextSteps.push(state.note.clientNote.trim());
  for (const m of musclesTreated) nextSteps.push(`${m.name}: ${m.stretch}`);
  return { musclesTreated, painBefore: state.note.painBefore, painAfter: state.note.painAfter, nextSteps };
}
