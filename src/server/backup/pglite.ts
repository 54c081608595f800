/**
 * Backups of the embedded database (docs/decisions/0019-backup-and-erasure.md). PGlite is one
 * process's WebAssembly PostgreSQL: only the process that opened the data folder may read it, so a
 * backup while the server runs is made BY the server (asked over ./control.ts), never by copying
 * files another process is writing.
 *
 * The dump is consistent: a CHECKPOINT first writes every committed page to the files, then
 * `dumpDataDir` tars the folder while holding PGlite's query lock, so no statement runs during the
 * copy. What a still-open transaction wrote is rolled back by PostgreSQL's crash recovery when the
 * copy is opened, exactly as after a power cut at that instant.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { openPglite } from "../db/pglite";

export async function dumpPglite(client: PGlite): Promise<Buffer> {
  await client.exec("CHECKPOINT");
  const blob = await client.dumpDataDir("gzip");
  return Buffer.from(await blob.arrayBuffer());
}

/** True when the folder already holds a PostgreSQL cluster (a restore never overwrites one). */
export function holdsDatabase(dataDir: string): boolean {
  return existsSync(join(dataDir, "PG_VERSION"));
}

export function isGzip(bytes: Buffer): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export class BackupError extends Error {}

/** Unpacks a dump into an empty data folder and opens it once (recovery runs, then it is closed). */
export async function restorePglite(file: string, dataDir: string): Promise<void> {
  if (holdsDatabase(dataDir))
    throw new BackupError(
      `${dataDir} already holds a database. Restore goes into an empty folder: stop the server, move that folder away (keep it until the restore is checked), then run restore again.`,
    );
  const bytes = await readFile(file);
  if (!isGzip(bytes))
    throw new BackupError(
      `${file} is not an embedded-database backup (a .tar.gz from "knotwork backup" without DATABASE_URL).`,
    );
  const { database } = await openPglite(dataDir, new Blob([new Uint8Array(bytes)]));
  await database.close();
}
