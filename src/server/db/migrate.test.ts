/**
 * A start skips drizzle's migrator only when the database already has the journal's newest
 * migration (src/server/db/migrate.ts): a database that lacks one must still be migrated.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "../paths";
import { createTestDatabase } from "../testing/harness";
import type { Database } from "./connect";
import { migrateWhenBehind, migrationsAreCurrent, newestJournalEntry } from "./migrate";

let database: Database;
let folder: string;

beforeAll(async () => {
  database = await createTestDatabase();
  // A copy of the migrations with one more entry in the journal, as after pulling a new migration.
  folder = mkdtempSync(join(tmpdir(), "knotwork-migrations-"));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8"));
  journal.entries.push({
    idx: journal.entries.length,
    version: "7",
    when: newestJournalEntry() + 1,
    tag: "9999_next",
    breakpoints: true,
  });
  writeFileSync(journalPath, JSON.stringify(journal));
});

afterAll(async () => {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("migrations on a later start", () => {
  it("finds a migrated database current, and skips the migrator", async () => {
    expect(await migrationsAreCurrent(database.db)).toBe(true);
    let ran = false;
    await migrateWhenBehind(database.db, async () => {
      ran = true;
    });
    expect(ran).toBe(false);
  });

  it("finds a database without the journal's newest migration behind", async () => {
    expect(await migrationsAreCurrent(database.db, folder)).toBe(false);
  });

  it("finds a database with no migrations table behind, so the migrator runs", async () => {
    await database.db.execute(sql`ALTER TABLE drizzle.__drizzle_migrations RENAME TO moved_away`);
    try {
      expect(await migrationsAreCurrent(database.db)).toBe(false);
      let ran = false;
      await migrateWhenBehind(database.db, async () => {
        ran = true;
      });
      expect(ran).toBe(true);
    } finally {
      await database.db.execute(sql`ALTER TABLE drizzle.moved_away RENAME TO __drizzle_migrations`);
    }
  });
});
