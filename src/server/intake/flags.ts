/** Screening flags for staff lists (clients, appointments): three queries for any number of clients. */
import type { ScreeningFlag } from "../../core/api/intake";
import { recordAudit } from "../audit/audit";
import type { Scope } from "../auth/access";
import type { Db } from "../db/connect";
import { loadScreeningFacts, staffScreeningOf } from "./facts";
import { flagsOf } from "./findings";

/** Client id → flags, most severe first (an empty list for a client with none). */
export async function loadScreeningFlags(
  db: Db,
  clinicId: string,
  clientIds: readonly string[],
): Promise<Map<string, ScreeningFlag[]>> {
  const facts = await loadScreeningFacts(db, clinicId, clientIds);
  const flags = new Map<string, ScreeningFlag[]>();
  for (const [clientId, clientFacts] of facts) flags.set(clientId, flagsOf(staffScreeningOf(clientFacts)));
  return flags;
}

/** Flags are clinical data: a list that shows any writes one audit event (no client: it is about a list). */
export async function auditFlagsShown(
  db: Db,
  scope: Scope,
  ip: string,
  flags: Iterable<readonly ScreeningFlag[]>,
): Promise<void> {
  if (![...flags].some((list) => list.length > 0)) return;
  await recordAudit(db, {
    clinicId: scope.clinicId,
    actorUserId: scope.userId,
    actorRole: scope.role,
    action: "read",
    entity: "screening_flags",
    ip,
  });
}
