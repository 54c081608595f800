import { randomUUID } from "node:crypto";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clients } from "../db/schema";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { createTestApp, signIn, type TestApp } from "../testing/harness";
import { GENESIS_HASH, hashedFieldsOf, legacyAuditHash, recordAudit, verifyAuditChain } from "./audit";
import { CheckpointLog, checkpointMac } from "./checkpoints";
import { AuditKeyError, resolveAuditKey } from "./key";

let t: TestApp;
let dir: string;
let checkpointFile: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "knotwork-audit-"));
  checkpointFile = join(dir, "audit-checkpoints.jsonl");
  t = await createTestApp({ auditCheckpointFile: checkpointFile, auditCheckpointSeconds: 0 });
  await seedDemoClinic(t.database.db);
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A chain of its own for each test: audit rows for a made-up clinic id. */
async function freshChain(length: number): Promise<string> {
  const clinicId = randomUUID();
  for (let i = 0; i < length; i++) {
    await recordAudit(t.database.db, {
      clinicId,
      actorUserId: null,
      actorRole: "owner",
      action: "read",
      entity: "client",
      entityId: `c${i}`,
    });
  }
  return clinicId;
}

function chainRows(clinicId: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.clinicId, clinicId))
    .orderBy(asc(auditEvents.id));
}

/** What someone with SQL access as the tables' owner can do: switch the append-only trigger off. */
async function withoutTrigger(change: () => Promise<unknown>): Promise<void> {
  await t.database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
  try {
    await change();
  } finally {
    await t.database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
  }
}

describe("the audit log's tamper evidence", () => {
  it("verifies an untouched chain against its signed checkpoints, through the owner's route too", async () => {
    const owner = await signIn(t.app, "owner@knotwork.test", DEMO_PASSWORD);
    const [client] = await t.database.db.select().from(clients).limit(1);
    for (let i = 0; i < 3; i++) await owner.request("GET", `/api/clients/${client?.id}`);
    const verify = await owner.request("GET", "/api/audit/verify");
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true, unkeyed: 0 });
    expect(verify.json().checkpoints).toBeGreaterThanOrEqual(3);
    const lines = readFileSync(checkpointFile, "utf8").trim().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(3);
  });

  it("refuses TRUNCATE of the audit table", async () => {
    const clinicId = await freshChain(2);
    await expect(t.database.db.execute(sql`TRUNCATE audit_events`)).rejects.toThrow();
    expect(await chainRows(clinicId)).toHaveLength(2);
  });

  it("detects the newest events deleted, which the chain alone cannot show", async () => {
    const clinicId = await freshChain(5);
    const rows = await chainRows(clinicId);
    const newest = rows.slice(-2).map((r) => r.id);
    await withoutTrigger(() => t.database.db.delete(auditEvents).where(inArray(auditEvents.id, newest)));
    const check = await verifyAuditChain(t.database.db, clinicId);
    expect(check).toMatchObject({ ok: false, checked: 3 });
    expect(check.problem).toMatch(/deleted/);
  });

  it("detects an appended event whose hash is correctly computed without the key", async () => {
    const clinicId = await freshChain(3);
    const [last] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.clinicId, clinicId))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    if (!last) throw new Error("no chain");
    const forged = {
      ...hashedFieldsOf(last),
      action: "export",
      entityId: "forged",
      at: new Date().toISOString(),
    };
    const [row] = await t.database.db
      .insert(auditEvents)
      .values({
        ...forged,
        at: new Date(forged.at),
        prevHash: last.hash,
        hash: legacyAuditHash(last.hash, forged),
      })
      .returning();
    const check = await verifyAuditChain(t.database.db, clinicId);
    expect(check).toMatchObject({ ok: false, brokenAt: row?.id });
  });

  it("detects a chain re-hashed from scratch after a deletion", async () => {
    const clinicId = await freshChain(4);
    const rows = await chainRows(clinicId);
    const victim = rows[1];
    if (!victim) throw new Error("no chain");
    // The forger deletes an event and recomputes every hash and link the only way they can: without the key.
    await withoutTrigger(async () => {
      await t.database.db.delete(auditEvents).where(eq(auditEvents.id, victim.id));
      let prevHash = GENESIS_HASH;
      for (const row of rows.filter((r) => r.id !== victim.id)) {
        const hash = legacyAuditHash(prevHash, hashedFieldsOf(row));
        await t.database.db.update(auditEvents).set({ prevHash, hash }).where(eq(auditEvents.id, row.id));
        prevHash = hash;
      }
    });
    const check = await verifyAuditChain(t.database.db, clinicId);
    expect(check.ok).toBe(false);
    expect(check.checked).toBe(3);
  });

  it("ignores checkpoint lines that are not signed with the key", async () => {
    const clinicId = await freshChain(2);
    const fake = { clinicId, count: 99, headId: 1, hash: "0".repeat(64), at: new Date().toISOString() };
    appendFileSync(
      checkpointFile,
      `${JSON.stringify({ ...fake, mac: checkpointMac(Buffer.from("guess"), fake) })}\n`,
    );
    expect(await verifyAuditChain(t.database.db, clinicId)).toMatchObject({ ok: true, checkpoints: 2 });
  });

  it("accepts rows hashed before the key existed only ahead of the first keyed row", async () => {
    const clinicId = randomUUID();
    let prevHash = GENESIS_HASH;
    for (let i = 0; i < 2; i++) {
      const fields = {
        clinicId,
        actorUserId: null,
        actorRole: "owner",
        action: "read",
        entity: "client",
        entityId: `old${i}`,
        clientId: null,
        ip: null,
        at: new Date(Date.now() - 60_000 + i).toISOString(),
      };
      const hash = legacyAuditHash(prevHash, fields);
      await t.database.db.insert(auditEvents).values({ ...fields, at: new Date(fields.at), prevHash, hash });
      prevHash = hash;
    }
    await recordAudit(t.database.db, {
      clinicId,
      actorUserId: null,
      actorRole: "owner",
      action: "read",
      entity: "client",
    });
    expect(await verifyAuditChain(t.database.db, clinicId)).toMatchObject({
      ok: true,
      checked: 3,
      unkeyed: 2,
    });
  });
});

describe("checkpoints", () => {
  it("writes one trailing checkpoint for appends that come sooner than the interval", async () => {
    const written: number[] = [];
    const log = new CheckpointLog(Buffer.from("k".repeat(32)), null, 60_000, (c) => written.push(c.count));
    const head = (count: number) => async () => ({ clinicId: "c", count, headId: count, hash: "h" });
    expect(log.due("c")).toBe(true);
    await log.write(await head(1)());
    expect(log.due("c")).toBe(false);
    log.later("c", head(2));
    log.later("c", head(3));
    await log.flush();
    expect(written).toEqual([1, 2]);
  });
});

describe("the audit key", () => {
  it("comes from KNOTWORK_AUDIT_KEY, which must be long enough", async () => {
    const key = "x".repeat(40);
    expect(
      (await resolveAuditKey({ auditKey: key, nodeEnv: "production", dataDir: dir }, "postgres")).key,
    ).toEqual(Buffer.from(key));
    await expect(
      resolveAuditKey({ auditKey: "short", nodeEnv: "development", dataDir: dir }, "pglite"),
    ).rejects.toThrow(AuditKeyError);
  });

  it("is required in production on PostgreSQL", async () => {
    await expect(
      resolveAuditKey({ auditKey: null, nodeEnv: "production", dataDir: dir }, "postgres"),
    ).rejects.toThrow(/KNOTWORK_AUDIT_KEY is required/);
  });

  it("is made once and kept in the data folder otherwise", async () => {
    const dataDir = join(dir, "data");
    const first = await resolveAuditKey({ auditKey: null, nodeEnv: "production", dataDir }, "pglite");
    const second = await resolveAuditKey({ auditKey: null, nodeEnv: "development", dataDir }, "pglite");
    expect(first.source).toBe("file");
    expect(second.key).toEqual(first.key);
    expect(first.key.length).toBeGreaterThanOrEqual(32);
  });
});
