/**
 * The migration that made therapist rows one per person and feed tokens hashes, run over data
 * written by the schema before it: duplicates keep their bookings, and old feed URLs keep working.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedTokenHash } from "../clinic/feed-token";
import { type Database, MIGRATIONS_FOLDER, openPglite, openPostgres } from "../db/connect";
import { databaseUrlWithName } from "../testing/database-url";
import { usingPostgres } from "../testing/harness";

// By name, not number: migrations are renumbered when branches merge.
const BEFORE = "_records_hardening";
let folder: string;
let database: Database;
let dropDatabase: () => Promise<void> = async () => {};

/** The committed migrations up to (not including) this one. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), "knotwork-migrations-"));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  if (index < 0) throw new Error(`no migration named *${tag}`);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function migrateWith(migrationsFolder: string) {
  if (database.engine === "pglite") await migratePglite(database.db as never, { migrationsFolder });
  else await migrateNodePostgres(database.db as never, { migrationsFolder });
}

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

beforeAll(async () => {
  folder = migrationsBefore(BEFORE);
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (usingPostgres() && adminUrl) {
    const name = `kw_t_${process.ppid}_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    database = openPostgres(databaseUrlWithName(adminUrl, name), 2).database;
    dropDatabase = async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    };
  } else {
    database = (await openPglite(null)).database;
  }
  await migrateWith(folder);
});
afterAll(async () => {
  await database.close();
  await dropDatabase();
  rmSync(folder, { recursive: true, force: true });
});

describe("the records-hardening migration over earlier data", () => {
  it("keeps the oldest therapist row's sign-in, unlinks duplicates, and hashes feed tokens", async () => {
    const clinicId = randomUUID();
    const userId = randomUUID();
    const [oldest, duplicate, other] = [randomUUID(), randomUUID(), randomUUID()];
    await database.db.execute(
      sql`INSERT INTO clinics (id, slug, name, time_zone, policies) VALUES (${clinicId}, 'mig', 'Mig', 'UTC', '{}')`,
    );
    await database.db.execute(
      sql`INSERT INTO users (id, email, name, password_hash) VALUES (${userId}, 'dup@example.com', 'Dup', 'x')`,
    );
    const insert = (id: string, user: string | null, token: string, created: string) =>
      database.db.execute(sql`INSERT INTO therapists (id, clinic_id, user_id, display_name, feed_token, created_at)
        VALUES (${id}, ${clinicId}, ${user}, 'Dup', ${token}, ${created}::timestamptz)`);
    await insert(oldest, userId, "token-oldest", "2026-01-01T00:00:00Z");
    await insert(duplicate, userId, "token-duplicate", "2026-02-01T00:00:00Z");
    await insert(other, null, "token-other", "2026-03-01T00:00:00Z");

    await migrateWith(MIGRATIONS_FOLDER);

    const after = await rows<{ id: string; user_id: string | null; feed_token_hash: string }>(
      sql`SELECT id, user_id, feed_token_hash FROM therapists WHERE clinic_id = ${clinicId}`,
    );
    const byId = new Map(after.map((r) => [r.id, r]));
    expect(byId.get(oldest)).toMatchObject({
      user_id: userId,
      feed_token_hash: feedTokenHash("token-oldest"),
    });
    expect(byId.get(duplicate)).toMatchObject({
      user_id: null,
      feed_token_hash: feedTokenHash("token-duplicate"),
    });
    expect(byId.get(other)?.feed_token_hash).toBe(feedTokenHash("token-other"));
    const columns = await rows<{ column_name: string }>(
      sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'therapists'`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain("feed_token");
  });
});
