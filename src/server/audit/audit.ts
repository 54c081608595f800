/**
 * The tamper-evident audit log (F11, docs/decisions/0004-audit-log.md). Each event's hash is an
 * HMAC-SHA256, under a key that lives in configuration and never in the database, of its content
 * and the previous event's hash in the same clinic: whoever can write to the database but does not
 * hold the key cannot alter, insert or re-hash rows without `verify` noticing. Signed checkpoints
 * of each chain's head (./checkpoints.ts), kept outside the database, catch what a chain alone
 * cannot: rows deleted from its end, or the whole table emptied.
 *
 * Appends in one clinic are serialised by a transaction-scoped advisory lock, so concurrent
 * requests cannot fork the chain; different clinics never wait on each other.
 */
import { createHash, createHmac } from "node:crypto";
import { asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "../db/connect";
import { auditEvents } from "../db/schema";
import { type Checkpoint, type CheckpointLog, checkpointProblem } from "./checkpoints";
import type { AuditAction, AuditEntity } from "./vocabulary";

export type { AuditAction, AuditEntity } from "./vocabulary";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditEntry {
  clinicId: string | null;
  actorUserId: string | null;
  actorRole: string | null;
  action: AuditAction;
  entity: AuditEntity;
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

/** The fields of a stored row that its hash covers, in the form they were hashed. */
export function hashedFieldsOf(row: typeof auditEvents.$inferSelect): HashedFields {
  return {
    clinicId: row.clinicId,
    actorUserId: row.actorUserId,
    actorRole: row.actorRole,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    clientId: row.clientId,
    ip: row.ip,
    at: row.at.toISOString(),
  };
}

/** Canonical JSON (fixed key order) so the same event always hashes the same way. */
function canonical(fields: HashedFields): string {
  return JSON.stringify([
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
}

/** The keyed hash of an event: HMAC-SHA256 under the audit key. */
export function auditHash(key: Buffer, prevHash: string, fields: HashedFields): string {
  return createHmac("sha256", key).update(prevHash).update(canonical(fields)).digest("hex");
}

/**
 * The unkeyed hash that rows written before the audit key existed carry. `verify` accepts it only
 * for rows that come before the chain's first keyed row, and never behind a checkpoint.
 */
export function legacyAuditHash(prevHash: string, fields: HashedFields): string {
  return createHash("sha256").update(prevHash).update(canonical(fields)).digest("hex");
}

export interface AuditSettings {
  key: Buffer;
  /** Where signed checkpoints of each chain's head are written and read back; null: none. */
  checkpoints: CheckpointLog | null;
}

// One app per process (src/server/app.ts) configures this once at build time, so every caller of
// `recordAudit` gets the key without threading it through each route.
let settings: AuditSettings | null = null;

export function configureAudit(next: AuditSettings): void {
  settings = next;
}

function currentSettings(): AuditSettings {
  if (!settings) throw new Error("The audit log is not configured (buildApp configures it).");
  return settings;
}

function chainCondition(clinicId: string | null) {
  return clinicId ? eq(auditEvents.clinicId, clinicId) : isNull(auditEvents.clinicId);
}

function lockChain(db: Db, clinicId: string | null) {
  return db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${clinicId ?? "global"}, 7))`);
}

/** The chain's length and head, read under the chain's lock so they belong together. */
async function chainHead(db: Db, clinicId: string | null): Promise<Omit<Checkpoint, "at"> | null> {
  const [head] = await db
    .select({ id: auditEvents.id, hash: auditEvents.hash })
    .from(auditEvents)
    .where(chainCondition(clinicId))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  if (!head) return null;
  const [rows] = await db.select({ n: count() }).from(auditEvents).where(chainCondition(clinicId));
  return { clinicId, count: Number(rows?.n ?? 0), headId: head.id, hash: head.hash };
}

export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  const { key, checkpoints } = currentSettings();
  // Inside a caller's transaction the row may still be rolled back: a checkpoint of it would later
  // look like a deleted row, so the next append outside a transaction checkpoints instead.
  const committedHere = !(db instanceof PgTransaction);
  const head = await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await lockChain(txDb, entry.clinicId);
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
    await tx.insert(auditEvents).values({ ...fields, at, prevHash, hash: auditHash(key, prevHash, fields) });
    return checkpoints?.due(entry.clinicId) && committedHere ? chainHead(txDb, entry.clinicId) : null;
  });
  if (head && checkpoints) await checkpoints.write(head);
  else if (checkpoints && committedHere)
    checkpoints.later(entry.clinicId, () => readHead(db, entry.clinicId));
}

/** The head of a chain read in its own short transaction (for a checkpoint written later). */
export function readHead(db: Db, clinicId: string | null) {
  return db.transaction(async (tx) => {
    await lockChain(tx as unknown as Db, clinicId);
    return chainHead(tx as unknown as Db, clinicId);
  });
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The id of the first event whose hash or link does not match, or that a checkpoint misses. */
  brokenAt?: number;
  /** What is wrong, in words, when `ok` is false. */
  problem?: string;
  /** How many signed checkpoints of this chain were compared (0: none found). */
  checkpoints: number;
  /** Rows from before the audit key, hashed without it (accepted only ahead of every keyed row). */
  unkeyed: number;
}

export async function verifyAuditChain(db: Db, clinicId: string | null): Promise<ChainCheck> {
  const { key, checkpoints } = currentSettings();
  const rows = await db
    .select()
    .from(auditEvents)
    .where(chainCondition(clinicId))
    .orderBy(asc(auditEvents.id));
  let prevHash = GENESIS_HASH;
  let keyedSeen = false;
  let unkeyed = 0;
  const signed = checkpoints ? await checkpoints.read(clinicId) : [];
  const result = (extra: Partial<ChainCheck>): ChainCheck => ({
    ok: true,
    checked: rows.length,
    checkpoints: signed.length,
    unkeyed,
    ...extra,
  });
  for (const row of rows) {
    const fields = hashedFieldsOf(row);
    const keyed = row.hash === auditHash(key, prevHash, fields);
    const legacy = !keyed && !keyedSeen && row.hash === legacyAuditHash(prevHash, fields);
    if (row.prevHash !== prevHash || !(keyed || legacy)) {
      return result({
        ok: false,
        brokenAt: row.id,
        problem: "This event's hash does not match its content and the event before it.",
      });
    }
    if (keyed) keyedSeen = true;
    else unkeyed++;
    prevHash = row.hash;
  }
  const missed = checkpointProblem(rows, signed);
  return missed ? result({ ok: false, ...missed }) : result({});
}
