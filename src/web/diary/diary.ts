/**
 * The pain diary's rules (F7, F9), apart from React: what a draft entry holds, how "Same as last
 * time" fills it, how the body map's marks (1–10) and the diary's scores (0–10) live together.
 * A region scored 0 stays in the entry ("no pain there today" is worth charting) but is not
 * coloured on the map, which only shows pain.
 */
import { regionById } from "../../core/body/regions";

export const MIN_SCORE = 0;
export const MAX_SCORE = 10;
/** What a newly marked region starts at (the body map's default). */
export const NEW_REGION_SCORE = 5;
export const NOTE_MAX = 1000;

/** Region id → pain 0–10, in the order the regions were added. */
export type DiaryScores = Readonly<Record<string, number>>;

export interface DiaryDraft {
  readonly scores: DiaryScores;
  readonly note: string;
}

export interface DiaryEntryLike {
  readonly regions: readonly { readonly id: string; readonly intensity: number }[];
  readonly note?: string | null;
}

export const EMPTY_DRAFT: DiaryDraft = { scores: {}, note: "" };

export function clampScore(value: number): number {
  if (!Number.isFinite(value)) return MIN_SCORE;
  return Math.min(MAX_SCORE, Math.max(MIN_SCORE, Math.round(value)));
}

/**
 * "Same as last time": the last entry's regions and scores, ready to save or adjust. The note is
 * not repeated: it describes that day, not this one.
 */
export function repeatEntry(last: DiaryEntryLike): DiaryDraft {
  return {
    scores: Object.fromEntries(last.regions.map((r) => [r.id, clampScore(r.intensity)])),
    note: "",
  };
}

/** What the body map colours: regions with some pain (the map's scale is 1–10). */
export function marksOf(scores: DiaryScores): Readonly<Record<string, number>> {
  return Object.fromEntries(Object.entries(scores).filter(([, score]) => score >= 1));
}

/**
 * The scores after the body map changed its marks: new and changed marks take the map's value,
 * a mark the map removed leaves the entry, and regions at 0 (which the map never shows) stay.
 */
export function withMapMarks(scores: DiaryScores, marks: DiaryScores): DiaryScores {
  const next: Record<string, number> = {};
  for (const [id, score] of Object.entries(scores)) {
    if (score === 0 && marks[id] === undefined) next[id] = 0;
    else if (marks[id] !== undefined) next[id] = clampScore(marks[id]);
    // else: the map removed it.
  }
  for (const [id, score] of Object.entries(marks)) {
    if (next[id] === undefined) next[id] = clampScore(score);
  }
  return next;
}

export function withScore(scores: DiaryScores, regionId: string, score: number): DiaryScores {
  return { ...scores, [regionId]: clampScore(score) };
}

export function withoutRegion(scores: DiaryScores, regionId: string): DiaryScores {
  const { [regionId]: _removed, ...rest } = scores;
  return rest;
}

/** Why the draft cannot be saved yet, in plain words, or null when it can. */
export function draftProblem(draft: DiaryDraft): string | null {
  if (Object.keys(draft.scores).length === 0) return "Mark at least one place on the body map first.";
  if (draft.note.length > NOTE_MAX) return `Keep the note under ${NOTE_MAX} characters.`;
  return null;
}

/** The draft as the API's regions list, in the order they were added. */
export function regionsOf(draft: DiaryDraft): { id: string; intensity: number }[] {
  return Object.entries(draft.scores).map(([id, intensity]) => ({ id, intensity }));
}

export function regionName(regionId: string): string {
  return regionById(regionId)?.label ?? regionId;
}

/** "Lower back (left) 5, Neck 3": an entry in one line. */
export function describeScores(regions: DiaryEntryLike["regions"]): string {
  return regions.map((r) => `${regionName(r.id)} ${r.intensity}`).join(", ");
}
