/** Starts the server: open the database, migrate, seed the demo clinic on first run, serve. */
import type { FastifyInstance } from "fastify";
import { buildApp } from "./app";
import { grantAppRole, roleOf } from "./audit/app-role";
import type { Config } from "./config";
import { type Database, openDatabase, openPostgres } from "./db/connect";
import { startOutboxWorker } from "./notify/worker";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoClinic } from "./seed/demo";
import { ensureWebBuild } from "./web-build";

export function databaseConfigFrom(config: Config) {
  return config.databaseUrl
    ? ({ engine: "postgres", url: config.databaseUrl } as const)
    : ({ engine: "pglite", dataDir: config.dataDir } as const);
}

export async function openMigratedDatabase(config: Config): Promise<Database> {
  if (config.databaseUrl && config.migrationDatabaseUrl) {
    // Two roles: the owner migrates and grants; the app's role only uses the tables.
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

export function demoLoginsText(): string {
  const lines = DEMO_LOGINS.map((l) => `  ${l.role.padEnd(11)} ${l.email.padEnd(26)} ${DEMO_PASSWORD}`);
  return ["Demo log-ins (role, e-mail, password):", ...lines].join("\n");
}

export async function startServer(
  config: Config,
): Promise<{ app: FastifyInstance; stop: () => Promise<void> }> {
  const startedAt = Date.now();
  await ensureWebBuild((m) => console.log(m));
  const database = await openMigratedDatabase(config);
  const seeded = await seedDemoClinic(database.db);
  const app = await buildApp({ database, config });
  const worker = startOutboxWorker(database.db, config, app.log);
  await app.listen({ port: config.port, host: config.host });
  const where = database.engine === "pglite" ? `embedded PGlite at ${config.dataDir}` : "PostgreSQL";
  console.log(
    `\nKnotwork is running at ${config.publicUrl} (${where}), ready in ${Date.now() - startedAt} ms.`,
  );
  console.log(seeded.created ? "Seeded the demo clinic (first run)." : "Demo clinic present.");
  console.log(`${demoLoginsText()}\nAPI reference: ${config.publicUrl}/api/docs\n`);
  const stop = async () => {
    worker.stop();
    await app.close();
    await database.close();
  };
  return { app, stop };
}
