/**
 * Starts the server: open the database, migrate, run the demo or offer set-up (setup/first-run.ts), serve.
 */
import type { FastifyInstance } from "fastify";
import { grantAppRole, roleOf } from "./audit/app-role";
import { startControlSocket } from "./backup/control";
import { dumpPglite } from "./backup/pglite";
import { saveCodeCache } from "./code-cache";
import type { Config } from "./config";
import type { Database } from "./db/connect";
import { openDatabase } from "./db/open";
import { compilePgliteWasm } from "./db/pglite-wasm";
import { startBackgroundJobs } from "./jobs";
import { prepareFirstRun } from "./setup/first-run";
import { ensureWebBuild } from "./web-build";

export function databaseConfigFrom(config: Config) {
  return config.databaseUrl
    ? ({ engine: "postgres", url: config.databaseUrl } as const)
    : ({ engine: "pglite", dataDir: config.dataDir } as const);
}

export async function openMigratedDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl && config.migrationDatabaseUrl) {
    // Two roles: the owner migrates and grants; the app's role only uses the tables.
    const { openPostgres } = await import("./db/postgres");
    const owner = openPostgres(config.migrationDatabaseUrl, 1).database;
    try {
      await owner.migrate();
      await grantAppRole(owner.db, roleOf(config.databaseUrl));
    } finally {
      await owner.close();
    }
    return openDatabase(databaseConfigFrom(config));
  }
  const database = await openDatabase(databaseConfigFrom(config));
  await database.migrate();
  return database;
}

export async function startServer(
  config: Config,
): Promise<{ app: FastifyInstance; stop: () => Promise<void> }> {
  const startedAt = Date.now();
  // Node's event loop, when nothing of its own keeps it alive, waits for every V8 background task
  // (the WebAssembly compiler tiering up PGlite's code) before it returns to finished file reads:
  // that idled a start for 0.2-0.5 s. A timer keeps it alive until the server listens.
  const awake = setInterval(() => undefined, 60_000);
  try {
    return await startServing(config, startedAt);
  } finally {
    clearInterval(awake);
  }
}

async function startServing(
  config: Config,
  startedAt: number,
): Promise<{ app: FastifyInstance; stop: () => Promise<void> }> {
  // On the embedded database, V8 compiles PGlite's WebAssembly on other threads from here on.
  if (!config.databaseUrl) void compilePgliteWasm();
  await ensureWebBuild((m) => console.log(m));
  // The HTTP app's modules (Fastify, every route) load while the database opens: PGlite reads its
  // files off the main thread, and loading the modules fills those waits.
  const opening = openMigratedDatabase(config);
  const appModule = import("./app");
  appModule.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
  const database = await opening;
  const firstRun = await prepareFirstRun(database.db, config);
  const { buildApp } = await appModule;
  const app = await buildApp({ database, config });
  const jobs = startBackgroundJobs(database.db, config, app.log);
  // The embedded database: `knotwork backup` asks this process for a consistent dump (src/server/backup).
  const pglite = database.pglite;
  const control = pglite
    ? await startControlSocket(config.dataDir, { dump: () => dumpPglite(pglite) })
    : null;
  await app.listen({ port: config.port, host: config.host });
  saveCodeCache();
  const where = database.engine === "pglite" ? `embedded PGlite at ${config.dataDir}` : "PostgreSQL";
  console.log(
    `\nKnotwork is running at ${config.publicUrl} (${where}), ready in ${Date.now() - startedAt} ms.`,
  );
  console.log(`${firstRun.join("\n")}\nAPI reference: ${config.publicUrl}/api/docs\n`);
  const stop = async () => {
    await jobs.stop();
    await new Promise((resolve) => (control ? control.close(resolve) : resolve(undefined)));
    await app.close();
    await database.close();
  };
  return { app, stop };
}
