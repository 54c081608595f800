/**
 * Applies the committed migrations, skipping drizzle's migrator when the database is already at the
 * newest one. The migrator reads and hashes every SQL file and runs two DDL statements before it
 * can tell that nothing is to do; a later start only needs the journal's newest timestamp and one
 * SELECT. The skip decides exactly as the migrator does (it applies a migration only when its
 * timestamp is newer than the newest recorded one), so a new migration still runs.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { MIGRATIONS_FOLDER } from "../paths";
import type { Db } from "./connect";

/** The newest migration's timestamp in drizzle's journal (the migrator's `folderMillis`). */
export function newestJournalEntry(folder = MIGRATIONS_FOLDER): number {
  const journal = JSON.parse(readFileSync(join(folder, "meta/_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return Math.max(0, ...journal.entries.map((entry) => entry.when));
}

/** The newest migration the database has recorded, or null when it has none (or no table yet). */
async function newestAppliedMigration(db: Db): Promise<number | null> {
  try {
    const rows = (await db.execute(
      sql`SELECT max(created_at)::text AS newest FROM drizzle.__drizzle_migrations`,
    )) as unknown as { rows?: { newest: string | null }[] } | { newest: string | null }[];
    const list = Array.isArray(rows) ? rows : (rows.rows ?? []);
    const newest = list[0]?.newest;
    return newest == null ? null : Number(newest);
  } catch {
    return null;
  }
}

/** Whether the database already has every migration in the journal. */
export async function migrationsAreCurrent(db: Db, folder = MIGRATIONS_FOLDER): Promise<boolean> {
  const applied = await newestAppliedMigration(db);
  return applied !== null && applied >= newestJournalEntry(folder);
}

/** Runs `migrateAll` (drizzle's migrator) unless the database is already current. */
export async function migrateWhenBehind(db: Db, migrateAll: () => Promise<void>): Promise<void> {
  if (await migrationsAreCurrent(db)) return;
  await migrateAll();
}
