/**
 * The tamper-evident audit log (F11). Each event's hash covers its content and the previous event's
 * hash in the same clinic. Appends in one clinic are serialised by a transaction-scoped advisory
 * lock, so concurrent requests cannot fork the chain; different clinics never wait on each other.
 */
import { createHash } from "node:crypto";
import { asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/connect";
import { auditEvents } from "../db/schema";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEntry {
  clinicId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: "read" | "create" | "update" | "delete" | "sign" | "export" | "login" | "logout" | string;
  entity: string;
  entityId?: string | null;
  clientId?: string | null;
  ip?: string | null;
}

interface HashedFields {
  clinicId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  clientId: string | null;
  ip: string | null;
  at: string;
}

/** Canonical JSON (fixed key order) so the same event always hashes the same way. */
export function auditHash(prevHash: string, fields: HashedFields): string {
  const canonical = JSON.stringify([
    fields.clinicId,
    fields.actorUserId,
    fields.actorRole,
    fields.action,
    fields.entity,
    fields.entityId,
    fields.clientId,
    fields.ip,
    fields.at,
  ]);
  return createHash("sha256").update(prevHash).update(canonical).digest("hex");
}

function chainCondition(clinicId: string | null) {
  return clinicId ? eq(auditEvents.clinicId, clinicId) : isNull(auditEvents.clinicId);
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${entry.clinicId ?? "global"}, 7))`);
    const last = await tx
      .select({ hash: auditEvents.hash })
      .from(auditEvents)
      .where(chainCondition(entry.clinicId))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    const prevHash = last[0]?.hash ?? GENESIS_HASH;
    // Millisecond precision survives the round trip through timestamptz, so verification can recompute it.
    const at = new Date();
    const fields: HashedFields = {
      clinicId: entry.clinicId,
      actorUserId: entry.actorUserId,
      actorRole: entry.actorRole,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      clientId: entry.clientId ?? null,
      ip: entry.ip ?? null,
      at: at.toISOString(),
    };
    await tx.insert(auditEvents).values({ ...fields, at, prevHash, hash: auditHash(prevHash, fields) });
  });
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The id of the first event whose hash or link does not match. */
  brokenAt?: number;
}

export async function verifyAuditChain(db: Db, clinicId: string | null): Promise<ChainCheck> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(chainCondition(clinicId))
    .orderBy(asc(auditEvents.id));
  let prevHash = GENESIS_HASH;
  for (const row of rows) {
    const expected = auditHash(prevHash, {
      clinicId: row.clinicId,
      actorUserId: row.actorUserId,
      actorRole: row.actorRole,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      clientId: row.clientId,
      ip: row.ip,
      at: row.at.toISOString(),
    });
    if (row.prevHash !== prevHash || row.hash !== expected)
      return { ok: false, checked: rows.length, brokenAt: row.id };
    prevHash = row.hash;
  }
  return { ok: true, checked: rows.length };
}
