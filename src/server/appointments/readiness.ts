/**
 * Whether an appointment may be confirmed (PRODUCT.md F4 "first visit requires intake and consent";
 * F5 holds need a recorded clearance, red flags stop online confirmation).
 *
 * `canConfirm` is pure: the rules. `loadReadiness` reads the facts from the intakes,
 * consent_signatures, consent_versions and clearances tables. With those tables empty a first
 * visit cannot be confirmed. There is deliberately no staff override: the way to confirm is to
 * record the intake and consent (staff can do so on a client's behalf through the intake and
 * consent endpoints), and red flags are never overridable.
 */
import { and, desc, eq, isNotNull, max, sql } from "drizzle-orm";
import type { Readiness } from "../../core/api/scheduling";
import { CURRENT_CONSENT, isConsentCurrent } from "../../core/consent";
import {
  type Clearance,
  canConfirmFirstVisit,
  type FirstVisitReadiness,
  type ScreenableIntake,
  type ScreeningResult,
  screenIntake,
} from "../../core/screening";
import type { Db } from "../db/connect";
import { clearances, consentSignatures, consentVersions, intakes } from "../db/schema";

export interface ConfirmableAppointment {
  status: string;
  firstVisit: boolean;
  /** Epoch ms. */
  startsAt: number;
  /** Epoch ms, or null when the request does not expire. */
  requestExpiresAt: number | null;
}

/**
 * The rules for confirming: only a live request (not expired, not yet started) can be confirmed;
 * a first visit also needs a submitted intake, the current consent signed, no red flag and a
 * clearance for every hold. Every blocker is listed so staff can fix them in one pass.
 * `readiness` may be null for an appointment that is not a first visit.
 */
export function canConfirm(
  appointment: ConfirmableAppointment,
  readiness: FirstVisitReadiness | null,
  now: number,
): Omit<Readiness, "firstVisit"> {
  const reasons: Readiness["reasons"] = [];
  if (appointment.status !== "requested") {
    reasons.push({
      code: "not-requested",
      message: `Only a request can be confirmed; this appointment is ${appointment.status.replace("_", "-")}.`,
    });
    return { ok: false, reasons };
  }
  if (appointment.requestExpiresAt !== null && appointment.requestExpiresAt <= now) {
    reasons.push({
      code: "request-expired",
      message: "The request has expired and no longer holds its slot.",
    });
  }
  if (appointment.startsAt <= now) {
    reasons.push({ code: "already-started", message: "The appointment's start has passed." });
  }
  if (appointment.firstVisit) {
    const decision = canConfirmFirstVisit(
      readiness ?? { intakeSubmitted: false, consentSigned: false, screening: null, clearances: [] },
    );
    if (!decision.ok) {
      for (const reason of decision.reasons) {
        reasons.push({
          code: reason.code,
          message: reason.message,
          ...(reason.findingId ? { findingId: reason.findingId } : {}),
        });
      }
    }
  }
  return { ok: reasons.length === 0, reasons };
}

function looksLikeScreening(value: unknown): value is ScreeningResult {
  if (!value || typeof value !== "object") return false;
  const v = value as Partial<ScreeningResult>;
  return Array.isArray(v.holds) && Array.isArray(v.redFlags) && Array.isArray(v.cautions);
}

/** The facts for `canConfirm` about one client of one clinic. */
export async function loadReadiness(
  db: Db,
  clinicId: string,
  clientId: string,
): Promise<FirstVisitReadiness> {
  const [intakeRows, versionRows, clearanceRows] = await Promise.all([
    db
      .select({ answers: intakes.answers, screening: intakes.screening })
      .from(intakes)
      .where(
        and(eq(intakes.clinicId, clinicId), eq(intakes.clientId, clientId), isNotNull(intakes.submittedAt)),
      )
      .orderBy(desc(intakes.version))
      .limit(1),
    db
      .select({ version: max(consentVersions.version) })
      .from(consentVersions)
      .where(eq(consentVersions.clinicId, clinicId)),
    db
      .select()
      .from(clearances)
      .where(and(eq(clearances.clinicId, clinicId), eq(clearances.clientId, clientId))),
  ]);
  const currentVersion = versionRows[0]?.version ?? CURRENT_CONSENT.version;
  const [signature] = await db
    .select({ version: consentSignatures.version })
    .from(consentSignatures)
    .where(
      and(
        eq(consentSignatures.clinicId, clinicId),
        eq(consentSignatures.clientId, clientId),
        sql`${consentSignatures.version} = ${currentVersion}`,
      ),
    )
    .limit(1);
  const intake = intakeRows[0];
  let screening: ScreeningResult | null = null;
  if (intake) {
    screening = looksLikeScreening(intake.screening)
      ? intake.screening
      : screenIntake((intake.answers ?? {}) as ScreenableIntake);
  }
  const clearanceList: Clearance[] = clearanceRows.map((row) => ({
    findingId: row.findingId as Clearance["findingId"],
    recordedBy: row.recordedBy ?? row.clearedBy,
    recordedAt: row.createdAt.toISOString(),
    note: row.note.trim() || `Cleared by ${row.clearedBy} on ${row.clearedOn}`,
  }));
  return {
    intakeSubmitted: Boolean(intake),
    consentSigned: isConsentCurrent(signature?.version, currentVersion),
    screening,
    clearances: clearanceList,
  };
}
