/**
 * `knotwork backup` / `knotwork restore` round trip on the engine under test: a backup of a seeded
 * database with audit events, restored into an empty database, has every table with the same row
 * count and audit chains that still verify. The embedded backup is made by the "running server"
 * (its control socket) while it holds the folder.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { configureAudit, recordAudit } from "../audit/audit";
import { testConfig } from "../config";
import { type Database, openPglite, openPostgres } from "../db/connect";
import { seedDemoClinic } from "../seed/demo";
import { databaseUrlWithName } from "../testing/database-url";
import { usingPostgres } from "../testing/harness";
import { backup, restore } from "./backup";
import { startControlSocket } from "./control";
import { BackupError, dumpPglite } from "./pglite";
import { pgDump } from "./postgres";
import { auditChains, rowCounts } from "./testing";

const dir = mkdtempSync(join(tmpdir(), "kw-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(() =>
  configureAudit({ key: Buffer.from("backup-test-audit-key-0123456789abcdef"), checkpoints: null }),
);

async function fillWithRecords(database: Database) {
  await seedDemoClinic(database.db);
  for (const action of ["read", "update", "export"] as const)
    await recordAudit(database.db, {
      clinicId: null,
      actorUserId: null,
      actorRole: "cli",
      action,
      entity: "client",
      entityId: "x",
    });
}

if (usingPostgres()) {
  describe("backup and restore on PostgreSQL (pg_dump / pg_restore)", () => {
    const adminUrl = process.env.TEST_DATABASE_URL ?? "";
    const names = [`kw_bk_src_${process.pid}`, `kw_bk_dst_${process.pid}`];
    const admin = new pg.Client({ connectionString: adminUrl });
    beforeAll(async () => {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${names[0]} TEMPLATE ${inject("postgresTemplate")}`);
      await admin.query(`CREATE DATABASE ${names[1]} TEMPLATE template0`);
    });
    afterAll(async () => {
      for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });

    it("restores into an empty database with every row and the audit chain", async () => {
      const sourceUrl = databaseUrlWithName(adminUrl, names[0] ?? "");
      const targetUrl = databaseUrlWithName(adminUrl, names[1] ?? "");
      const source = openPostgres(sourceUrl, 2).database;
      await fillWithRecords(source);
      const file = join(dir, "pg.dump");
      // The source stays open (the "server" keeps running): pg_dump reads one snapshot.
      await backup(testConfig({ databaseUrl: sourceUrl }), file);
      expect((await readFile(file)).subarray(0, 5).toString()).toBe("PGDMP");
      await restore(testConfig({ databaseUrl: targetUrl }), file);
      const target = openPostgres(targetUrl, 2).database;
      try {
        const before = await rowCounts(source.db);
        expect(before["public.audit_events"]).toBeGreaterThan(2);
        expect(await rowCounts(target.db)).toEqual(before);
        const chains = await auditChains(target.db);
        expect(chains).toEqual(await auditChains(source.db));
        expect(Object.values(chains).every((c) => c.ok)).toBe(true);
        // A second restore over the now-full database is refused, not merged.
        await expect(restore(testConfig({ databaseUrl: targetUrl }), file)).rejects.toThrow(/not empty/);
      } finally {
        await source.close();
        await target.close();
      }
    });

    it("says clearly when pg_dump is not installed", async () => {
      const error = await pgDump(
        "postgres://nowhere/x",
        join(dir, "never"),
        "pg_dump_not_installed_here",
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackupError);
      expect((error as Error).message).toMatch(/pg_dump_not_installed_here is not installed/);
    });
  });
} else {
  describe("backup and restore of the embedded database (PGlite)", () => {
    it("backs up through the running server and restores into an empty folder with every row and the audit chain", async () => {
      const sourceDir = join(dir, "source");
      const targetDir = join(dir, "target");
      const template = new Blob([await readFile(inject("pgliteTemplatePath"))]);
      const { client, database: source } = await openPglite(sourceDir, template);
      await fillWithRecords(source);
      // The "server": holds the folder and answers on its control socket.
      const control = await startControlSocket(sourceDir, { dump: () => dumpPglite(client) });
      const file = join(dir, "embedded.tar.gz");
      try {
        const made = await backup(testConfig({ dataDir: sourceDir }), file);
        expect(made.viaServer).toBe(true);
        // Restoring over a folder a server holds, or one with a database in it, is refused.
        await expect(restore(testConfig({ dataDir: sourceDir }), file)).rejects.toThrow(/running/);
      } finally {
        await new Promise((resolve) => control.close(resolve));
      }
      await expect(restore(testConfig({ dataDir: sourceDir }), file)).rejects.toThrow(
        /already holds a database/,
      );
      await restore(testConfig({ dataDir: targetDir }), file);
      const { database: target } = await openPglite(targetDir);
      try {
        const before = await rowCounts(source.db);
        expect(before["public.audit_events"]).toBeGreaterThan(2);
        expect(await rowCounts(target.db)).toEqual(before);
        const chains = await auditChains(target.db);
        expect(chains).toEqual(await auditChains(source.db));
        expect(Object.values(chains).every((c) => c.ok)).toBe(true);
      } finally {
        await source.close();
        await target.close();
      }
      // Two database folders packed and unpacked: on a shared, busy machine this outlasts the default minute.
    }, 180_000);

    it("refuses a file that is not an embedded backup", async () => {
      const bogus = join(dir, "bogus.bin");
      writeFileSync(bogus, "PGDMP not a tarball");
      await expect(restore(testConfig({ dataDir: join(dir, "empty") }), bogus)).rejects.toThrow(
        /not an embedded-database backup/,
      );
    });
  });
}
