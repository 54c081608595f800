/**
 * Where the audit key comes from (docs/decisions/0004-audit-log.md):
 * - `KNOTWORK_AUDIT_KEY` (at least 32 characters, e.g. `openssl rand -base64 32`) always wins.
 * - Unset with NODE_ENV=production on PostgreSQL: the server refuses to start. Several servers
 *   share one database there, so each inventing its own key would make their events look forged
 *   to each other, and running without a key would make the chain forgeable again.
 * - Otherwise (the embedded database, or development): a random key is made once and kept in
 *   `audit.key` in the data folder (mode 0600), so `npm start` needs no configuration. The key is
 *   still outside the database: SQL access alone cannot forge events.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Config } from "../config";

export const MIN_KEY_LENGTH = 32;
export const KEY_FILE_NAME = "audit.key";

export class AuditKeyError extends Error {}

export async function resolveAuditKey(
  config: Pick<Config, "auditKey" | "nodeEnv" | "dataDir">,
  engine: "pglite" | "postgres",
): Promise<{ key: Buffer; source: "environment" | "file" }> {
  if (config.auditKey) {
    if (config.auditKey.length < MIN_KEY_LENGTH)
      throw new AuditKeyError(`KNOTWORK_AUDIT_KEY must have at least ${MIN_KEY_LENGTH} characters.`);
    return { key: Buffer.from(config.auditKey, "utf8"), source: "environment" };
  }
  if (config.nodeEnv === "production" && engine === "postgres") {
    throw new AuditKeyError(
      "KNOTWORK_AUDIT_KEY is required in production on PostgreSQL: set the same secret on every server (e.g. the output of `openssl rand -base64 32`) and keep it out of the database.",
    );
  }
  const file = join(config.dataDir, KEY_FILE_NAME);
  try {
    return { key: Buffer.from((await readFile(file, "utf8")).trim(), "utf8"), source: "file" };
  } catch (error) {
    if ((error as { code?: string }).code !== "ENOENT") throw error;
  }
  await mkdir(config.dataDir, { recursive: true });
  // `wx`: if another process made the file meanwhile, keep theirs.
  await writeFile(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" }).catch(
    (error: { code?: string }) => {
      if (error.code !== "EEXIST") throw error;
    },
  );
  return { key: Buffer.from((await readFile(file, "utf8")).trim(), "utf8"), source: "file" };
}
