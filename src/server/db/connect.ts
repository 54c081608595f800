/**
 * Opens the database: embedded PGlite by default, a PostgreSQL server when a URL is given
 * (docs/decisions/0002-database.md). Both are driven through the same drizzle schema.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly db: Db;
  readonly engine: "pglite" | "postgres";
  /** The embedded engine itself (backups dump its data folder: src/server/backup). */
  readonly pglite?: PGlite;
  /** Applies the committed SQL migrations that have not run yet. Safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

export type DatabaseConfig =
  | { engine: "postgres"; url: string; poolSize?: number }
  | { engine: "pglite"; dataDir: string | null; loadDataDir?: Blob };

/** `dataDir: null` gives an in-memory PGlite (tests). */
export async function openPglite(
  dataDir: string | null,
  loadDataDir?: Blob,
): Promise<{ client: PGlite; database: Database }> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? `file://${dataDir}` : undefined, {
    extensions: { btree_gist },
    // PostgreSQL's default 128 MB of shared buffers lives inside the WASM heap, i.e. in our process;
    // 32 MB keeps the server within its memory budget, and the OS page cache still holds the files.
    postgresqlconf: ["shared_buffers = 32MB"],
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const database: Database = {
    db,
    engine: "pglite",
    pglite: client,
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
  return { client, database };
}

export function openPostgres(url: string, poolSize = 10): { pool: pg.Pool; database: Database } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's network error must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const db = drizzleNodePostgres(pool, { schema }) as unknown as Db;
  const database: Database = {
    db,
    engine: "postgres",
    migrate: () => migrateNodePostgres(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => pool.end(),
  };
  return { pool, database };
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.engine === "postgres") return openPostgres(config.url, config.poolSize).database;
  return (await openPglite(config.dataDir, config.loadDataDir)).database;
}
