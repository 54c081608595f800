/** `knotwork backup FILE` and `knotwork restore FILE` for both engines (docs/decisions/0019-backup-and-erasure.md). */
import { open, readFile, rename, rm, writeFile } from "node:fs/promises";
import pg from "pg";
import type { Config } from "../config";
import { openPglite } from "../db/connect";
import { requestDump, serverHoldsDataDir } from "./control";
import { BackupError, dumpPglite, holdsDatabase, restorePglite } from "./pglite";
import { isPgDump, pgDump, pgRestore } from "./postgres";

/** Written beside the target and renamed, so FILE is either the old file or a whole backup. */
async function writeWhole(file: string, bytes: Buffer): Promise<void> {
  const temp = `${file}.partial`;
  await writeFile(temp, bytes, { mode: 0o600 });
  await rename(temp, file);
}

export async function backup(
  config: Config,
  file: string,
): Promise<{ engine: string; bytes: number; viaServer: boolean }> {
  if (config.databaseUrl) {
    const temp = `${file}.partial`;
    try {
      await pgDump(config.databaseUrl, temp);
      await rename(temp, file);
    } finally {
      await rm(temp, { force: true });
    }
    const handle = await open(file);
    const { size } = await handle.stat();
    await handle.close();
    return { engine: "postgres", bytes: size, viaServer: false };
  }
  // The server holds the folder: it makes the dump. Otherwise nobody does, and we may open it.
  const fromServer = await requestDump(config.dataDir);
  if (fromServer) {
    await writeWhole(file, fromServer);
    return { engine: "pglite", bytes: fromServer.length, viaServer: true };
  }
  if (!holdsDatabase(config.dataDir))
    throw new BackupError(`There is no database at ${config.dataDir} to back up.`);
  const { client, database } = await openPglite(config.dataDir);
  try {
    const bytes = await dumpPglite(client);
    await writeWhole(file, bytes);
    return { engine: "pglite", bytes: bytes.length, viaServer: false };
  } finally {
    await database.close();
  }
}

/** Restores into an EMPTY database only: a restore never silently overwrites live data. */
export async function restore(config: Config, file: string): Promise<{ engine: string }> {
  const head = (await readFile(file)).subarray(0, 8);
  if (config.databaseUrl) {
    if (!isPgDump(head))
      throw new BackupError(
        `${file} is not a PostgreSQL backup (made by "knotwork backup" with DATABASE_URL set).`,
      );
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
      );
      if ((rows[0]?.n ?? 0) > 0)
        throw new BackupError(
          "The database at DATABASE_URL is not empty. Create an empty database (createdb NAME), point DATABASE_URL at it, and restore again.",
        );
    } finally {
      await client.end();
    }
    await pgRestore(file, config.databaseUrl);
    return { engine: "postgres" };
  }
  if (await serverHoldsDataDir(config.dataDir))
    throw new BackupError(`A Knotwork server is running on ${config.dataDir}. Stop it before restoring.`);
  await restorePglite(file, config.dataDir);
  return { engine: "pglite" };
}
