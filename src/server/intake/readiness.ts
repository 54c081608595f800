/**
 * The facts a first visit's confirmation depends on (docs/product.md F4/F5), read from intakes,
 * intake_drafts, clearances and the consent tables, in the shape `canConfirmFirstVisit` takes:
 *
 *   const decision = canConfirmFirstVisit(await loadConfirmationReadiness(db, clinicId, clientId));
 *
 * - intakeSubmitted: a submitted version exists.
 * - consentSigned: the client signed the consent version in force at the clinic.
 * - screening: the submitted findings plus any the client has reported since in unsubmitted changes
 *   (they told us, so a red flag or a hold there blocks too); null when they have told us nothing.
 * - clearances: every clearance staff recorded for the client.
 */
import type { ConsentStatus } from "../../core/api/intake";
import type { Clearance, FirstVisitReadiness, ScreeningResult } from "../../core/screening";
import { consentStatus } from "../consent/store";
import type { Db } from "../db/connect";
import { loadClientScreeningFacts, type ScreeningFacts, screeningSources } from "./facts";
import { asCoreClearance, asScreeningResult, combineFindings } from "./findings";

export interface ConfirmationReadiness extends FirstVisitReadiness {
  readonly screening: ScreeningResult | null;
  readonly clearances: readonly Clearance[];
}

/** Pure: the readiness facts from what was already read. */
export function readinessFrom(facts: ScreeningFacts, consent: ConsentStatus): ConfirmationReadiness {
  const sources = screeningSources(facts);
  return {
    intakeSubmitted: facts.submitted !== null,
    consentSigned: consent.signedCurrent,
    screening: sources.submitted || sources.pending ? asScreeningResult(combineFindings(sources)) : null,
    clearances: facts.clearances.map(asCoreClearance),
  };
}

export async function loadConfirmationReadiness(
  db: Db,
  clinicId: string,
  clientId: string,
): Promise<ConfirmationReadiness> {
  const [facts, consent] = await Promise.all([
    loadClientScreeningFacts(db, clinicId, clientId),
    consentStatus(db, clinicId, clientId),
  ]);
  return readinessFrom(facts, consent);
}
