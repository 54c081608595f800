/**
 * Whether staff entered a client's intake for them (a phone client without a log-in). No column
 * records it: the audit log already names who wrote each version, so the latest write of a version
 * tells whether the client or staff (action `enter-for-client`) last wrote it.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../db/connect";
import { auditEvents } from "../db/schema";

export const STAFF_ENTRY = "enter-for-client" as const;

/** The staff role and time of the latest write of this intake version, when staff made it. */
export async function enteredByStaff(
  db: Db,
  clinicId: string,
  intakeId: string,
): Promise<{ role: string; at: string } | null> {
  const [latest] = await db
    .select({ action: auditEvents.action, role: auditEvents.actorRole, at: auditEvents.at })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.clinicId, clinicId),
        eq(auditEvents.entity, "intake"),
        eq(auditEvents.entityId, intakeId),
        inArray(auditEvents.action, ["create", "update", STAFF_ENTRY]),
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1);
  if (!latest || latest.action !== STAFF_ENTRY) return null;
  return { role: latest.role ?? "staff", at: latest.at.toISOString() };
}
