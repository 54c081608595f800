/**
 * Who may do what with a chart (docs/product.md F6, docs/decisions/0013-charting.md): the treating
 * therapist and the owner read and write; other therapists of the clinic read when the clinic lets
 * them (policy `therapistsReadAllCharts`, on by default); the front desk and clients never reach a
 * chart's content (their roles are refused before any handler). Another clinic's chart is not found.
 */
import { and, eq } from "drizzle-orm";
import type { Scope } from "../auth/access";
import type { Db } from "../db/connect";
import { type ClinicPolicies, clinics, DEFAULT_CLINIC_POLICIES, therapists } from "../db/schema";
import { forbidden, notFound } from "../http/errors";

export type ChartRight = "write" | "read" | "none";

export interface Charting {
  /** The caller's own therapist row in this clinic, if they have one. */
  ownTherapistId: string | null;
  policies: ClinicPolicies;
}

/** The caller's therapist row and the clinic's policies: one query. */
export async function chartingContext(db: Db, scope: Scope): Promise<Charting> {
  const [row] = await db
    .select({ policies: clinics.policies, therapistId: therapists.id })
    .from(clinics)
    .leftJoin(therapists, and(eq(therapists.clinicId, clinics.id), eq(therapists.userId, scope.userId)))
    .where(eq(clinics.id, scope.clinicId))
    .limit(1);
  if (!row) throw notFound("Clinic not found.");
  return {
    ownTherapistId: row.therapistId,
    policies: { ...DEFAULT_CLINIC_POLICIES, ...row.policies },
  };
}

export function chartRight(scope: Scope, charting: Charting, treatingTherapistId: string): ChartRight {
  if (scope.role === "owner") return "write";
  if (scope.role !== "therapist") return "none";
  if (charting.ownTherapistId === treatingTherapistId) return "write";
  return charting.policies.therapistsReadAllCharts ? "read" : "none";
}

/** Refuses (403, no chart text) unless the caller has at least `need`. */
export function requireRight(right: ChartRight, need: "read" | "write"): void {
  if (right === "none") throw forbidden("This chart is for the client's therapist.");
  if (need === "write" && right !== "write")
    throw forbidden("Only the treating therapist or the owner writes this chart.");
}
