/**
 * Amendments to a signed note (docs/product.md F6). The signed original never changes; each
 * amendment records what it changes, and the chart as it stands is the original with every
 * amendment applied in order. History only grows: appending returns a new list that starts with
 * the old one, untouched.
 */
import type { ChartState, NoteContent, TriggerPoint, TriggerPointFields } from "./chart";

export interface AmendmentChanges {
  note?: Partial<NoteContent>;
  /** Changed fields of existing points, by point id. */
  points?: { id: string; set: Partial<TriggerPointFields> }[];
  /** Points found to be missing from the note. */
  addedPoints?: TriggerPoint[];
  /** Points recorded in error. */
  removedPointIds?: string[];
}

export interface Amendment {
  id: string;
  authorId: string | null;
  /** ISO instant. */
  createdAt: string;
  reason: string;
  changes: AmendmentChanges;
}

/** What in the changes does not fit the chart as it stands: unknown or duplicate point ids. */
export function amendmentProblems(state: ChartState, changes: AmendmentChanges): string[] {
  const ids = new Set(state.points.map((p) => p.id));
  const problems: string[] = [];
  for (const change of changes.points ?? []) {
    if (!ids.has(change.id)) problems.push(`No point ${change.id} on this note.`);
    else if (Object.values(change.set).every((v) => v === undefined))
      problems.push(`The correction of point ${change.id} changes no field.`);
  }
  for (const id of changes.removedPointIds ?? []) {
    if (!ids.has(id)) problems.push(`No point ${id} on this note.`);
  }
  for (const point of changes.addedPoints ?? []) {
    if (ids.has(point.id)) problems.push(`Point ${point.id} is already on this note.`);
    ids.add(point.id);
  }
  const nothing =
    Object.keys(changes.note ?? {}).length === 0 &&
    (changes.points ?? []).length === 0 &&
    (changes.addedPoints ?? []).length === 0 &&
    (changes.removedPointIds ?? []).length === 0;
  if (nothing) problems.push("The amendment changes nothing.");
  return problems;
}

function definedOnly<T extends object>(partial: Partial<T>): Partial<T> {
  return Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The chart after one amendment; the state given is not modified. */
export function applyAmendment(state: ChartState, changes: AmendmentChanges): ChartState {
  const removed = new Set(changes.removedPointIds ?? []);
  const sets = new Map((changes.points ?? []).map((c) => [c.id, c.set]));
  const points = state.points
    .filter((p) => !removed.has(p.id))
    .map((p) => {
      const set = sets.get(p.id);
      return set ? { ...p, ...definedOnly(set), id: p.id } : { ...p };
    });
  for (const added of changes.addedPoints ?? []) points.push({ ...added });
  return { note: { ...state.note, ...definedOnly(changes.note ?? {}) }, points };
}

/** Amendments in the order they were made (time, then id for the same instant). */
export function inAmendmentOrder<T extends Pick<Amendment, "createdAt" | "id">>(
  amendments: readonly T[],
): T[] {
  return [...amendments].sort((a, b) =>
    a.createdAt === b.createdAt
      ? a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0
      : a.createdAt < b.createdAt
        ? -1
        : 1,
  );
}

/** The chart as it stands: the original with every amendment applied in order. */
export function amendedState(original: ChartState, amendments: readonly Amendment[]): ChartState {
  return inAmendmentOrder(amendments).reduce((state, a) => applyAmendment(state, a.changes), original);
}

export interface HistoryEntry {
  /** null for the signed original. */
  amendment: Amendment | null;
  /** The chart after this entry. */
  state: ChartState;
}

/** The original, then each amendment with the chart as it stood after it. */
export function amendmentHistory(original: ChartState, amendments: readonly Amendment[]): HistoryEntry[] {
  const entries: HistoryEntry[] = [{ amendment: null, state: original }];
  let state = original;
  for (const amendment of inAmendmentOrder(amendments)) {
    state = applyAmendment(state, amendment.changes);
    entries.push({ amendment, state });
  }
  return entries;
}

/**
 * The history with one more amendment: a new list whose first entries are the old ones, unchanged.
 * An amendment dated before the last one is refused (history is never rewritten).
 */
export function appendAmendment(history: readonly Amendment[], amendment: Amendment): Amendment[] {
  const last = history[history.length - 1];
  if (last && amendment.createdAt < last.createdAt) {
    throw new Error("An amendment cannot be dated before the last one.");
  }
  return [...history, amendment];
}
