import { regionTypeById } from "../body/regions";
import { MUSCLES } from "./muscles";
import type { Muscle } from "./types";

/**
 * Atlas search: finds muscles by their own names ("trap", "psoas", "SCM") and by where they send pain
 * ("temple", "heel", "low back"). A name hit ranks above an essential-zone hit, which ranks above a
 * spillover-zone hit, because that is the order in which a person is likely to mean them.
 */

/** Relative importance of what matched. */
const NAME_WEIGHT = 3;
const ESSENTIAL_REGION_WEIGHT = 2;
const SPILLOVER_REGION_WEIGHT = 1;

/** How closely a query matched one text. */
const EXACT = 1;
const WHOLE_WORDS = 0.9;
const WORD_PREFIX = 0.8;
const SUBSTRING = 0.5;

/**
 * Words that carry no search meaning here, so "pain in my left heel" searches for "heel".
 * Sides are dropped because the atlas describes a muscle once, for either side.
 */
const STOPWORDS: ReadonlySet<string> = new Set([
  "a",
  "an",
  "and",
  "at",
  "in",
  "my",
  "of",
  "on",
  "the",
  "pain",
  "ache",
  "aching",
  "hurts",
  "sore",
  "left",
  "right",
]);

interface SearchText {
  readonly text: string;
  readonly words: readonly string[];
}

/** One thing a muscle can be found by: its names, or one of its referral regions. */
interface SearchEntry {
  readonly weight: number;
  readonly texts: readonly SearchText[];
}

interface IndexedMuscle {
  readonly muscle: Muscle;
  readonly catalogueIndex: number;
  readonly entries: readonly SearchEntry[];
}

/** Lower-case, strip accents and turn punctuation (hyphens, brackets, slashes) into spaces. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function toSearchText(raw: string): SearchText {
  const text = normalizeSearchText(raw);
  return { text, words: text.split(" ") };
}

function regionEntry(typeId: string, weight: number): SearchEntry {
  const label = regionTypeById(typeId)?.label ?? typeId;
  return { weight, texts: [toSearchText(label), toSearchText(typeId)] };
}

function indexMuscle(muscle: Muscle, catalogueIndex: number): IndexedMuscle {
  const names = [muscle.name, muscle.anatomicalName, muscle.id, ...muscle.alsoKnownAs];
  return {
    muscle,
    catalogueIndex,
    entries: [
      { weight: NAME_WEIGHT, texts: names.map(toSearchText) },
      ...muscle.essential.map((t) => regionEntry(t, ESSENTIAL_REGION_WEIGHT)),
      ...muscle.spillover.map((t) => regionEntry(t, SPILLOVER_REGION_WEIGHT)),
    ],
  };
}

/** Built once: normalising labels on every keystroke would be wasted work. */
const SEARCH_INDEX: readonly IndexedMuscle[] = MUSCLES.map(indexMuscle);

function queryTokens(query: string): string[] {
  const normalized = normalizeSearchText(query);
  if (normalized === "") return [];
  return normalized.split(" ").filter((token) => !STOPWORDS.has(token));
}

/**
 * How well every token matches one text: the whole text, whole words ("low back" in "Low back (lumbar)"),
 * word starts ("low back" in "Mid back (lower thoracic)"), anywhere, or not at all (0).
 */
function matchQuality(tokens: readonly string[], target: SearchText): number {
  if (target.text === tokens.join(" ")) return EXACT;
  if (tokens.every((token) => target.words.includes(token))) return WHOLE_WORDS;
  if (tokens.every((token) => target.words.some((word) => word.startsWith(token)))) return WORD_PREFIX;
  if (tokens.every((token) => target.text.includes(token))) return SUBSTRING;
  return 0;
}

function entryScore(tokens: readonly string[], entry: SearchEntry): number {
  let best = 0;
  for (const text of entry.texts) best = Math.max(best, matchQuality(tokens, text));
  return best * entry.weight;
}

interface ScoredMuscle {
  readonly indexed: IndexedMuscle;
  /** The strongest single match: a name beats an essential zone, which beats a spillover zone. */
  readonly best: number;
}

function scoreMuscle(tokens: readonly string[], indexed: IndexedMuscle): ScoredMuscle {
  let best = 0;
  for (const entry of indexed.entries) best = Math.max(best, entryScore(tokens, entry));
  return { indexed, best };
}

/** Equal matches keep catalogue order (head to foot), which keeps related muscles together. */
function compareScored(a: ScoredMuscle, b: ScoredMuscle): number {
  return b.best - a.best || a.indexed.catalogueIndex - b.indexed.catalogueIndex;
}

/**
 * Muscles matching `query` by name, id, other names or referral-region labels, case-insensitively,
 * best first. A blank query (or one made only of words like "pain", "left") returns no muscles.
 */
export function searchMuscles(query: string): Muscle[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [];
  return SEARCH_INDEX.map((indexed) => scoreMuscle(tokens, indexed))
    .filter((scored) => scored.best > 0)
    .sort(compareScored)
    .map((scored) => scored.indexed.muscle);
}
