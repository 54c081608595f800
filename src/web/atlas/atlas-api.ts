/**
 * Where the atlas pages get their text: the public API (`GET /api/atlas/muscles[?q=]`,
 * `GET /api/atlas/muscles/:id`), so the atlas text is data fetched by the page that shows it,
 * not JavaScript every public page downloads. Without a network (the finder is meant to work
 * offline) the same answers are computed from the core atlas module, which the finder has loaded.
 */
import type { Muscle } from "../../core/atlas/types";
import { ApiError, get } from "../api/client";

export type MuscleSummary = Pick<
  Muscle,
  "id" | "name" | "anatomicalName" | "alsoKnownAs" | "group" | "essential" | "spillover"
>;

export interface MuscleDetail {
  readonly muscle: Muscle;
  readonly sources: readonly { readonly key: string; readonly citation: string }[];
  readonly generalRules: readonly string[];
}

const loadOffline = () => import("./atlas-offline");

function isOffline(error: unknown): boolean {
  return error instanceof ApiError && error.status === 0;
}

let listCache: Promise<MuscleSummary[]> | null = null;
const searchCache = new Map<string, Promise<MuscleSummary[]>>();
const detailCache = new Map<string, Promise<MuscleDetail | null>>();

async function withFallback<T>(online: () => Promise<T>, offline: () => Promise<T>): Promise<T> {
  try {
    return await online();
  } catch (error) {
    if (isOffline(error)) return offline();
    throw error;
  }
}

/** Every muscle in catalogue order (head to foot). */
export function loadMuscleList(): Promise<MuscleSummary[]> {
  listCache ??= withFallback(
    async () => (await get<{ muscles: MuscleSummary[] }>("/api/atlas/muscles")).muscles,
    async () => (await loadOffline()).offlineMuscleList(),
  ).catch((error) => {
    listCache = null;
    throw error;
  });
  return listCache;
}

/** Muscles matching a name or a place it hurts, best first (core searchMuscles, on the server). */
export function searchAtlas(query: string): Promise<MuscleSummary[]> {
  const key = query.trim().toLowerCase();
  let found = searchCache.get(key);
  if (!found) {
    found = withFallback(
      async () =>
        (await get<{ muscles: MuscleSummary[] }>(`/api/atlas/muscles?q=${encodeURIComponent(key)}`)).muscles,
      async () => (await loadOffline()).offlineSearch(key),
    );
    found.catch(() => searchCache.delete(key));
    searchCache.set(key, found);
  }
  return found;
}

/** One entry, or null when the atlas has no muscle with that id. */
export function loadMuscle(id: string): Promise<MuscleDetail | null> {
  let found = detailCache.get(id);
  if (!found) {
    found = withFallback(
      async () => {
        try {
          return await get<MuscleDetail>(`/api/atlas/muscles/${encodeURIComponent(id)}`);
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
      async () => (await loadOffline()).offlineMuscle(id),
    );
    found.catch(() => detailCache.delete(id));
    detailCache.set(id, found);
  }
  return found;
}
