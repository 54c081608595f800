/** Opens the configured database, loading only that engine's driver (a later start need not load both). */
import type { Database, DatabaseConfig } from "./connect";

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.engine === "postgres") {
    const { openPostgres } = await import("./postgres");
    return openPostgres(config.url, config.poolSize).database;
  }
  const { openPglite } = await import("./pglite");
  return (await openPglite(config.dataDir, config.loadDataDir)).database;
}
