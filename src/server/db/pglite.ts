/**
 * The embedded database (PGlite) behind the `Database` interface (docs/decisions/0002-database.md).
 * Kept apart from the PostgreSQL driver so a server on one engine never loads the other's modules.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { MIGRATIONS_FOLDER, PROJECT_ROOT } from "../paths";
import type { Database, Db } from "./connect";
import { migrateWhenBehind } from "./migrate";
import { compilePgliteWasm } from "./pglite-wasm";
import * as schema from "./schema";

export const PGLITE_OPTIONS_SQL = ["shared_buffers = 32MB"];

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
  const pgliteWasmModule = await compilePgliteWasm();
  const client = await PGlite.create(dataDir ? `file://${dataDir}` : undefined, {
    ...(pgliteWasmModule ? { pgliteWasmModule } : {}),
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
    migrate: () =>
      migrateWhenBehind(db, async () => {
        const { migrate } = await import("drizzle-orm/pglite/migrator");
        await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      }),
    close: () => client.close(),
  };
  return { client, database };
}
