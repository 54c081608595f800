/**
 * Whether an appointment may be confirmed (docs/product.md F4 "first visit requires intake and consent";
 * F5 holds need a recorded clearance, red flags stop online confirmation).
 *
 * `canConfirm` is pure: the rules. `loadReadiness` reads the facts from the intakes, consent and
 * clearances tables. With those tables empty a first visit cannot be confirmed. There is
 * deliberately no staff override: the way to confirm is for the client to submit the intake and
 * sign the consent (in the portal, or on the clinic's tablet, signed in as themself) and for staff
 * to record any clearance; red flags are never overridable.
 */
import type { Readiness } from "../../core/api/scheduling";
import { canConfirmFirstVisit, type FirstVisitReadiness } from "../../core/screening";
import type { Db } from "../db/connect";
import { loadConfirmationReadiness } from "../intake/readiness";

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

/**
 * The facts for `canConfirm` about one client of one clinic: the intake module's reading of the
 * intakes, intake drafts, consent and clearances tables (src/server/intake/readiness.ts), so the
 * confirm step and the staff intake view can never disagree.
 */
export function loadReadiness(db: Db, clinicId: string, clientId: string): Promise<FirstVisitReadiness> {
  return loadConfirmationReadiness(db, clinicId, clientId);
}
