import { z } from "zod";
import { HOLD_IDS, type HoldId } from "./rules";
import type { Finding, ScreeningResult } from "./screen";

/**
 * A staff member's record that a hold has been cleared (usually by the client's doctor). Who, when and a
 * note are all required: a clearance nobody can trace back is no clearance.
 */
export const ClearanceSchema = z.object({
  findingId: z.enum(HOLD_IDS),
  /** The staff member who recorded it (user id or name). */
  recordedBy: z.string().trim().min(1, "Say who recorded the clearance").max(200),
  /** ISO 8601 instant with an offset, e.g. 2026-11-23T09:30:00Z. */
  recordedAt: z.iso.datetime({ offset: true, error: "Give the date and time of the clearance" }),
  /** Who cleared it and how, e.g. "GP letter from Dr Lee, 20 Nov: BP controlled". */
  note: z.string().trim().min(1, "Add a note: who cleared it and how").max(2000),
});
export type Clearance = z.infer<typeof ClearanceSchema>;

/** The holds that need a recorded clearance before a first visit can be confirmed (empty when none). */
export function clearanceRequired(result: ScreeningResult): readonly Finding<HoldId>[] {
  return result.holds;
}

function isCompleteClearance(clearance: Clearance): boolean {
  return ClearanceSchema.safeParse(clearance).success;
}

/** The holds in `result` that have no complete clearance among `clearances`. */
export function unclearedHolds(result: ScreeningResult, clearances: readonly Clearance[]): Finding<HoldId>[] {
  const cleared = new Set(clearances.filter(isCompleteClearance).map((clearance) => clearance.findingId));
  return result.holds.filter((hold) => !cleared.has(hold.id));
}

export type ConfirmationBlockerCode =
  | "intake-not-submitted"
  | "consent-not-signed"
  | "screening-missing"
  | "red-flag"
  | "clearance-missing";

export interface ConfirmationBlocker {
  readonly code: ConfirmationBlockerCode;
  /** For staff: what is missing and what to do. */
  readonly message: string;
  /** The finding this blocker is about, for red flags and missing clearances. */
  readonly findingId?: string;
}

export interface FirstVisitReadiness {
  readonly intakeSubmitted: boolean;
  /** Signed the *current* consent version (see `isConsentCurrent`). */
  readonly consentSigned: boolean;
  /** The screening of the submitted intake; null/undefined when there is none yet. */
  readonly screening: ScreeningResult | null | undefined;
  readonly clearances: readonly Clearance[];
}

export type FirstVisitDecision =
  | { readonly ok: true }
  | { readonly ok: false; readonly reasons: ConfirmationBlocker[] };

function redFlagBlockers(screening: ScreeningResult): ConfirmationBlocker[] {
  return screening.redFlags.map((flag) => ({
    code: "red-flag",
    findingId: flag.id,
    message: `Red flag: ${flag.label}. The client was told to seek medical care; this visit cannot be confirmed online.`,
  }));
}

function clearanceBlockers(
  screening: ScreeningResult,
  clearances: readonly Clearance[],
): ConfirmationBlocker[] {
  return unclearedHolds(screening, clearances).map((hold) => ({
    code: "clearance-missing",
    findingId: hold.id,
    message: `On hold: ${hold.label}. Record who cleared it, when, and a note before confirming.`,
  }));
}

/**
 * Whether a first visit may be confirmed (F4: intake and consent first; F5: holds need a recorded clearance).
 * A red flag never proceeds online, whatever clearances exist: the client must be re-screened after seeing
 * a doctor. All blockers are listed at once so staff can fix them in one pass.
 */
export function canConfirmFirstVisit(readiness: FirstVisitReadiness): FirstVisitDecision {
  const reasons: ConfirmationBlocker[] = [];
  if (!readiness.intakeSubmitted) {
    reasons.push({
      code: "intake-not-submitted",
      message: "The client has not submitted the intake questionnaire.",
    });
  }
  if (!readiness.consentSigned) {
    reasons.push({
      code: "consent-not-signed",
      message: "The client has not signed the current consent form.",
    });
  }
  const screening = readiness.screening;
  if (!screening) {
    if (readiness.intakeSubmitted) {
      reasons.push({ code: "screening-missing", message: "The intake has not been screened yet." });
    }
  } else {
    reasons.push(...redFlagBlockers(screening), ...clearanceBlockers(screening, readiness.clearances));
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
