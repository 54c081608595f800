/**
 * Opens the database: embedded PGlite by default, a PostgreSQL server when a URL is given
 * (docs/decisions/0002-database.md). Both are driven through the same drizzle schema.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePostgres } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { MIGRATIONS_FOLDER, PROJECT_ROOT } from "../paths";
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

export { MIGRATIONS_FOLDER };

export type DatabaseConfig =
  | { engine: "postgres"; url: string; poolSize?: number }
  | { engine: "pglite"; dataDir: string | null; loadDataDir?: Blob };

const PGLITE_OPTIONS_SQL = ["shared_buffers = 32MB"];

/**
 * A new data folder is created (initdb) and migrated by a short-lived child process: initdb grows
 * PGlite's WebAssembly heap by hundreds of megabytes, and a WebAssembly memory never shrinks, so
 * doing it here would leave the serving process that much larger for its whole life.
 */
async function initialisePgliteInChild(dataDir: string): Promise<void> {
  const script = `
    import { PGlite } from "@electric-sql/pglite";
    import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
    import { drizzle } from "drizzle-orm/pglite";
    import { migrate } from "drizzle-orm/pglite/migrator";
    const client = await PGlite.create("file://" + process.env.KW_DATA_DIR, {
      extensions: { btree_gist },
      postgresqlconf: JSON.parse(process.env.KW_PG_CONF),
    });
    await migrate(drizzle(client), { migrationsFolder: process.env.KW_MIGRATIONS });
    await client.close();`;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        KW_DATA_DIR: dataDir,
        KW_MIGRATIONS: MIGRATIONS_FOLDER,
        KW_PG_CONF: JSON.stringify(PGLITE_OPTIONS_SQL),
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`Creating the database in ${dataDir} failed (exit ${code}).`)),
    );
  });
}

/** `dataDir: null` gives an in-memory PGlite (tests). */
export async function openPglite(
  dataDir: string | null,
  loadDataDir?: Blob,
): Promise<{ client: PGlite; database: Database }> {
  if (dataDir && !loadDataDir && !existsSync(join(dataDir, "PG_VERSION")))
    await initialisePgliteInChild(dataDir);
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ? `file://${dataDir}` : undefined, {
    extensions: { btree_gist },
    // PostgreSQL's default 128 MB of shared buffers lives inside the WASM heap, i.e. in our process;
    // 32 MB keeps the server within its memory budget, and the OS page cache still holds the files.
    postgresqlconf: PGLITE_OPTIONS_SQL,
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
