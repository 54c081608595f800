/**
 * What the screening says about a client, put together from what they submitted, what they have
 * told us since without submitting, and the clearances staff recorded. Pure: the queries live in
 * facts.ts. One combination feeds the staff view, the flags in every list and the readiness check,
 * so they cannot disagree.
 *
 * Safety first: a finding the client reported only in unsubmitted changes still counts (they told
 * us); it is marked provisional. A finding they have since unticked in a draft still counts until
 * they submit, because the submitted version is the record the clinic acts on.
 */
import type { ClearanceRecord, ClientScreening, ScreeningFlag, StaffScreening } from "../../core/api/intake";
import type { IntakeDraft } from "../../core/intake";
import {
  type Clearance,
  type Finding,
  type ScreeningOutcome,
  type ScreeningResult,
  screenIntake,
} from "../../core/screening";

/** Canonical JSON (object keys sorted), so two answer sets compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== "object" || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

export function sameAnswers(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** A stored screening as written at submission; anything else is recomputed from the answers. */
export function storedScreening(stored: unknown, answers: unknown): ScreeningResult {
  const value = stored as Partial<ScreeningResult> | null;
  const looksRight =
    value !== null &&
    typeof value === "object" &&
    typeof value.outcome === "string" &&
    Array.isArray(value.holds) &&
    Array.isArray(value.cautions) &&
    Array.isArray(value.redFlags);
  return looksRight ? (value as ScreeningResult) : screenIntake((answers ?? {}) as IntakeDraft);
}

export interface ScreeningSources {
  /** The screening stored with the latest submitted version, if any. */
  readonly submitted: ScreeningResult | null;
  /** The screening of the client's working copy when it differs from what they submitted. */
  readonly pending: ScreeningResult | null;
}

type Provisional<F> = F & { readonly provisional: boolean };

export interface CombinedFindings {
  readonly redFlags: readonly Provisional<Finding>[];
  readonly holds: readonly Provisional<Finding>[];
  readonly cautions: readonly Provisional<Finding>[];
  readonly emergency: boolean;
}

function union(
  submitted: readonly Finding[] | undefined,
  pending: readonly Finding[] | undefined,
): Provisional<Finding>[] {
  const out: Provisional<Finding>[] = (submitted ?? []).map((f) => ({ ...f, provisional: false }));
  const seen = new Set(out.map((f) => f.id));
  for (const finding of pending ?? []) {
    if (!seen.has(finding.id)) out.push({ ...finding, provisional: true });
  }
  return out;
}

export function combineFindings(sources: ScreeningSources): CombinedFindings {
  const { submitted, pending } = sources;
  return {
    redFlags: union(submitted?.redFlags, pending?.redFlags),
    holds: union(submitted?.holds, pending?.holds),
    cautions: union(submitted?.cautions, pending?.cautions),
    emergency: Boolean(submitted?.emergency || pending?.emergency),
  };
}

/** The clearance that counts for a hold: the latest one recorded. */
function clearanceFor(findingId: string, clearances: readonly ClearanceRecord[]): ClearanceRecord | null {
  let latest: ClearanceRecord | null = null;
  for (const clearance of clearances) {
    if (clearance.findingId === findingId && (!latest || clearance.recordedAt > latest.recordedAt))
      latest = clearance;
  }
  return latest;
}

function staffFinding(finding: Provisional<Finding>) {
  return {
    id: finding.id,
    label: finding.label,
    adviceForClient: finding.adviceForClient,
    reasonForStaff: finding.reasonForStaff,
    provisional: finding.provisional,
  };
}

/** Most severe first: a red flag stops; an uncleared hold holds; a cleared hold or a caution is a caution. */
function outcomeOf(counts: {
  redFlags: number;
  openHolds: number;
  holds: number;
  cautions: number;
}): ScreeningOutcome {
  if (counts.redFlags > 0) return "stop";
  if (counts.openHolds > 0) return "hold";
  return counts.holds > 0 || counts.cautions > 0 ? "caution" : "clear";
}

export function staffScreening(
  combined: CombinedFindings,
  clearances: readonly ClearanceRecord[],
): StaffScreening {
  const holds = combined.holds.map((hold) => ({
    ...staffFinding(hold),
    clearance: clearanceFor(hold.id, clearances),
  }));
  return {
    outcome: outcomeOf({
      redFlags: combined.redFlags.length,
      openHolds: holds.filter((hold) => hold.clearance === null).length,
      holds: holds.length,
      cautions: combined.cautions.length,
    }),
    emergency: combined.emergency,
    redFlags: combined.redFlags.map(staffFinding),
    holds,
    cautions: combined.cautions.map(staffFinding),
  };
}

/** The flags staff lists show, most severe first: red flags, holds not yet cleared, cautions, cleared holds. */
export function flagsOf(screening: StaffScreening): ScreeningFlag[] {
  const flag = (
    kind: ScreeningFlag["kind"],
    f: { id: string; label: string; provisional: boolean },
    cleared = false,
  ) => ({
    kind,
    id: f.id,
    label: f.label,
    cleared,
    provisional: f.provisional,
  });
  return [
    ...screening.redFlags.map((f) => flag("red-flag", f)),
    ...screening.holds.filter((h) => h.clearance === null).map((f) => flag("hold", f)),
    ...screening.cautions.map((f) => flag("caution", f)),
    ...screening.holds.filter((h) => h.clearance !== null).map((f) => flag("hold", f, true)),
  ];
}

/** What the client is shown about their submitted screening: advice, never the staff reasoning. */
export function clientScreening(result: ScreeningResult, clearedIds: ReadonlySet<string>): ClientScreening {
  const forClient = (f: Finding) => ({ id: f.id, label: f.label, adviceForClient: f.adviceForClient });
  const holds = result.holds.map((h) => ({ ...forClient(h), cleared: clearedIds.has(h.id) }));
  return {
    outcome: outcomeOf({
      redFlags: result.redFlags.length,
      openHolds: holds.filter((h) => !h.cleared).length,
      holds: holds.length,
      cautions: result.cautions.length,
    }),
    emergency: result.emergency,
    redFlags: result.redFlags.map(forClient),
    holds,
    cautions: result.cautions.map(forClient),
  };
}

/** The combined findings as the core readiness rules read them (`canConfirmFirstVisit`). */
export function asScreeningResult(combined: CombinedFindings): ScreeningResult {
  const strip = <F extends Finding>({ provisional: _p, ...finding }: Provisional<F>) =>
    finding as unknown as F;
  const redFlags = combined.redFlags.map(strip);
  const holds = combined.holds.map(strip);
  const cautions = combined.cautions.map(strip);
  return {
    outcome:
      redFlags.length > 0 ? "stop" : holds.length > 0 ? "hold" : cautions.length > 0 ? "caution" : "clear",
    redFlags: redFlags as ScreeningResult["redFlags"],
    holds: holds as ScreeningResult["holds"],
    cautions: cautions as ScreeningResult["cautions"],
    emergency: combined.emergency,
  };
}

/** A recorded clearance in the shape of core/screening's `Clearance` (who recorded it, when, and how it was cleared). */
export function asCoreClearance(record: ClearanceRecord): Clearance {
  return {
    findingId: record.findingId as Clearance["findingId"],
    recordedBy: record.recordedBy?.name || record.recordedBy?.id || record.clearedBy,
    recordedAt: record.recordedAt,
    note: `Cleared by ${record.clearedBy} on ${record.clearedOn}: ${record.note}`,
  };
}
