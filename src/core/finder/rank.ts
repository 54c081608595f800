import type { Confidence, MuscleId } from "../atlas";
import { MUSCLES } from "../atlas";
import { REGIONS, type Side } from "../body/regions";

/**
 * The referred-pain finder (docs/product.md F3): ranks muscle-sides by how well their referral patterns
 * explain the regions a person marked. Pure and allocation-light, so it runs per keystroke in the
 * browser and per request on the server from the same code.
 *
 * Score of one candidate (a muscle on one side):
 *   coverage = Σ intensity × zoneWeight over the marked regions it explains / Σ intensity of all marks
 *              (zoneWeight 1 for an essential zone, SPILLOVER_WEIGHT for a spillover zone)
 *   focus    = zone-weighted share of its own pattern that the marks hit (1 = every zone marked)
 *   score    = coverage × (1 − BREADTH_PENALTY + BREADTH_PENALTY × focus)
 * Coverage dominates; focus only nudges broad patterns that mostly cover unmarked regions down.
 */

/** A spillover zone is felt only by some people with the trigger point, so it counts half. */
export const SPILLOVER_WEIGHT = 0.5;
/**
 * At most this share of a score is lost by a pattern that covers mostly unmarked regions (gentle).
 * Kept a power of two, like SPILLOVER_WEIGHT, so ranking comparisons stay exact in floating point.
 */
export const BREADTH_PENALTY = 0.25;
/** How many results rankMuscles returns unless asked otherwise. */
export const DEFAULT_RESULT_LIMIT = 10;

export interface RegionMark {
  /** A region id of the body-map vocabulary, e.g. `temple-left` or `sacrum`. */
  readonly id: string;
  /** 1-10. */
  readonly intensity: number;
}

export interface FinderResult {
  muscle: MuscleId;
  /** The side the muscle would be on; `null` when it explains only midline regions (either side fits). */
  side: Side | null;
  /** 0..1, rounded to 2 decimals; never 0 for a listed result. */
  score: number;
  /** Marked region ids this candidate explains, by zone, in vocabulary order. */
  explains: { essential: string[]; spillover: string[] };
  /** Marked region ids this candidate does not explain, in vocabulary order. */
  unexplained: string[];
}

export interface RankOptions {
  /** Maximum number of results (default DEFAULT_RESULT_LIMIT); `Infinity` for all. */
  readonly limit?: number;
}

type Zone = "essential" | "spillover";

interface PatternHit {
  readonly muscleIndex: number;
  readonly zone: Zone;
}

interface MarkedRegion {
  readonly id: string;
  readonly intensity: number;
  /** Position in the vocabulary; unknown ids sort after every known one. */
  readonly order: number;
  /** `undefined` for an id outside the vocabulary: nothing explains it. */
  readonly typeId: string | undefined;
  readonly side: Side | null;
}

interface Candidate {
  readonly muscleIndex: number;
  readonly side: Side;
  /** Σ intensity × zoneWeight of the marked regions explained. */
  explainedPain: number;
  /** Σ zoneWeight of the pattern's zones that are marked. */
  patternHit: number;
  /** Explained regions that are on this side (not midline); 0 means the other side would do as well. */
  lateralHits: number;
  readonly essential: string[];
  readonly spillover: string[];
}

interface ScoredCandidate {
  readonly candidate: Candidate;
  readonly side: Side | null;
  /** score × totalPain × patternSize: kept apart so comparisons need no division (see compareScored). */
  readonly fit: number;
  readonly patternSize: number;
}

const SIDES: readonly Side[] = ["left", "right"];
const SIDE_ORDER: Readonly<Record<Side | "either", number>> = { left: 0, right: 1, either: 2 };
const CONFIDENCE_ORDER: Readonly<Record<Confidence, number>> = { high: 0, medium: 1, low: 2 };

function zoneWeight(zone: Zone): number {
  return zone === "essential" ? 1 : SPILLOVER_WEIGHT;
}

// ---- Built once at module load: the finder's whole knowledge, indexed for O(marks × muscles-per-region) ranking.

/** Region type id → the muscles whose pattern covers it, and in which zone. */
function buildRegionTypeIndex(): ReadonlyMap<string, readonly PatternHit[]> {
  const index = new Map<string, PatternHit[]>();
  MUSCLES.forEach((muscle, muscleIndex) => {
    const add = (typeId: string, zone: Zone) => {
      const hits = index.get(typeId) ?? [];
      hits.push({ muscleIndex, zone });
      index.set(typeId, hits);
    };
    for (const typeId of muscle.essential) add(typeId, "essential");
    for (const typeId of muscle.spillover) add(typeId, "spillover");
  });
  return index;
}

const PATTERN_HITS_BY_REGION_TYPE = buildRegionTypeIndex();

/** Zone-weighted size of each muscle's pattern on one side, the denominator of `focus`. */
const PATTERN_SIZE: readonly number[] = MUSCLES.map(
  (m) => m.essential.length + SPILLOVER_WEIGHT * m.spillover.length,
);

const CONFIDENCE_RANK: readonly number[] = MUSCLES.map((m) => CONFIDENCE_ORDER[m.confidence]);

const REGION_POSITION: ReadonlyMap<string, { order: number; typeId: string; side: Side | null }> = new Map(
  REGIONS.map((region, order) => [region.id, { order, typeId: region.type.id, side: region.side }]),
);

// ---- Ranking.

/**
 * One entry per region id (the highest intensity wins if an id repeats), in vocabulary order.
 * A fixed order makes every sum below, and so every score, independent of input order.
 */
function canonicalMarks(marked: readonly RegionMark[]): MarkedRegion[] {
  const byId = new Map<string, MarkedRegion>();
  for (const mark of marked) {
    const previous = byId.get(mark.id);
    if (previous && previous.intensity >= mark.intensity) continue;
    const position = REGION_POSITION.get(mark.id);
    byId.set(mark.id, {
      id: mark.id,
      intensity: mark.intensity,
      order: position?.order ?? Number.MAX_SAFE_INTEGER,
      typeId: position?.typeId,
      side: position?.side ?? null,
    });
  }
  return [...byId.values()].sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function candidateKey(muscleIndex: number, side: Side): number {
  return muscleIndex * 2 + (side === "left" ? 0 : 1);
}

/** A lateral region is explained by the muscle on its own side; a midline region by either side. */
function collectCandidates(marks: readonly MarkedRegion[]): Map<number, Candidate> {
  const candidates = new Map<number, Candidate>();
  for (const mark of marks) {
    if (mark.typeId === undefined) continue;
    const hits = PATTERN_HITS_BY_REGION_TYPE.get(mark.typeId);
    if (!hits) continue;
    const sides = mark.side ? [mark.side] : SIDES;
    for (const { muscleIndex, zone } of hits) {
      for (const side of sides) {
        const key = candidateKey(muscleIndex, side);
        let candidate = candidates.get(key);
        if (!candidate) {
          candidate = {
            muscleIndex,
            side,
            explainedPain: 0,
            patternHit: 0,
            lateralHits: 0,
            essential: [],
            spillover: [],
          };
          candidates.set(key, candidate);
        }
        const weight = zoneWeight(zone);
        candidate.explainedPain += mark.intensity * weight;
        candidate.patternHit += weight;
        if (mark.side) candidate.lateralHits += 1;
        candidate[zone].push(mark.id);
      }
    }
  }
  return candidates;
}

/**
 * coverage × (1 − BREADTH_PENALTY + BREADTH_PENALTY × focus), multiplied out by totalPain × patternSize.
 * With integer intensities and power-of-two weights every term is an exactly representable number,
 * so two candidates that tie in real arithmetic tie here too, whatever order the marks came in.
 */
function scoreCandidate(candidate: Candidate, side: Side | null): ScoredCandidate {
  const patternSize = PATTERN_SIZE[candidate.muscleIndex] ?? 1;
  const fit =
    candidate.explainedPain * ((1 - BREADTH_PENALTY) * patternSize + BREADTH_PENALTY * candidate.patternHit);
  return { candidate, side, fit, patternSize };
}

function rawScore(scored: ScoredCandidate, totalPain: number): number {
  return scored.fit / (scored.patternSize * totalPain);
}

/**
 * A muscle that explains only midline regions explains them equally from either side: show it once,
 * with `side: null`, rather than as two identical rows.
 */
function scoreCandidates(candidates: ReadonlyMap<number, Candidate>): ScoredCandidate[] {
  const scored: ScoredCandidate[] = [];
  for (const candidate of candidates.values()) {
    const twin = candidates.get(
      candidateKey(candidate.muscleIndex, candidate.side === "left" ? "right" : "left"),
    );
    const midlineOnly = candidate.lateralHits === 0 && twin !== undefined && twin.lateralHits === 0;
    if (midlineOnly && candidate.side === "right") continue;
    scored.push(scoreCandidate(candidate, midlineOnly ? null : candidate.side));
  }
  return scored;
}

/**
 * Best first (a.fit / a.patternSize against b.fit / b.patternSize, cross-multiplied: exact); ties go
 * to better-supported patterns, then catalogue order, then left before right.
 */
function compareScored(a: ScoredCandidate, b: ScoredCandidate): number {
  return (
    b.fit * a.patternSize - a.fit * b.patternSize ||
    (CONFIDENCE_RANK[a.candidate.muscleIndex] ?? 0) - (CONFIDENCE_RANK[b.candidate.muscleIndex] ?? 0) ||
    a.candidate.muscleIndex - b.candidate.muscleIndex ||
    SIDE_ORDER[a.side ?? "either"] - SIDE_ORDER[b.side ?? "either"]
  );
}

/** Two decimals for display; a listed result never shows 0, since it does explain some of the pain. */
function displayScore(raw: number): number {
  return Math.min(1, Math.max(0.01, Math.round(raw * 100) / 100));
}

function toResult(scored: ScoredCandidate, marks: readonly MarkedRegion[], totalPain: number): FinderResult {
  const { candidate } = scored;
  const explained = new Set([...candidate.essential, ...candidate.spillover]);
  const muscle = MUSCLES[candidate.muscleIndex];
  if (!muscle) throw new Error(`No muscle at index ${candidate.muscleIndex}`);
  return {
    muscle: muscle.id,
    side: scored.side,
    score: displayScore(rawScore(scored, totalPain)),
    explains: { essential: [...candidate.essential], spillover: [...candidate.spillover] },
    unexplained: marks.filter((mark) => !explained.has(mark.id)).map((mark) => mark.id),
  };
}

function resultLimit(options: RankOptions | undefined): number {
  const limit = options?.limit ?? DEFAULT_RESULT_LIMIT;
  return Number.isNaN(limit) ? DEFAULT_RESULT_LIMIT : Math.max(0, Math.floor(limit));
}

/**
 * Muscles commonly associated with pain in the marked regions, best first (see the score above).
 * Expects validated input (see validateFinderInput); an id outside the vocabulary is simply
 * unexplained, and a repeated id counts once at its highest intensity. Candidates that explain
 * none of the marked regions are left out.
 */
export function rankMuscles(marked: readonly RegionMark[], options?: RankOptions): FinderResult[] {
  const marks = canonicalMarks(marked);
  const totalPain = marks.reduce((sum, mark) => sum + mark.intensity, 0);
  if (totalPain <= 0) return [];
  return scoreCandidates(collectCandidates(marks))
    .sort(compareScored)
    .slice(0, resultLimit(options))
    .map((scored) => toResult(scored, marks, totalPain));
}
