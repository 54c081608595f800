/**
 * The `knotwork` command as an operator runs it, for tests: `node bin/knotwork.js …` in a child
 * process, on storage of its own that the test and the command take turns on (a data folder on
 * PGlite; a database made from the migrated template on PostgreSQL, with TEST_DATABASE_URL).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../db/connect";
import { databaseUrlWithName } from "./database-url";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

export interface CliStorage {
  /** The environment that points the command at this storage. */
  env: Record<string, string>;
  /** Opens it in this process (close it before the command runs: PGlite serves one process). */
  open(): Promise<Database>;
  /** Removes the folder or drops the database. */
  remove(): Promise<void>;
}

/**
 * Fresh storage: migrated already on PostgreSQL (from the template); on PGlite an empty folder, or,
 * with `migrated`, a folder holding the migrated template.
 */
export async function freshStorage({ migrated = false } = {}): Promise<CliStorage> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `kw_cli_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
    await admin.end();
    const url = databaseUrlWithName(adminUrl, name);
    return {
      env: { DATABASE_URL: url },
      open: async () => openPostgres(url, 2).database,
      remove: async () => {
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "knotwork-cli-"));
  let template: Blob | undefined = migrated
    ? new Blob([readFileSync(inject("pgliteTemplatePath"))])
    : undefined;
  return {
    env: { KNOTWORK_DATA_DIR: dir, DATABASE_URL: "" },
    open: async () => {
      // The template is loaded once, into the empty folder; later opens read the folder.
      const { database } = await openPglite(dir, template);
      template = undefined;
      return database;
    },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `knotwork ARGS…` with `env` added, `stdin` written to it; resolves when it exits. */
export function knotwork(args: string[], env: Record<string, string>, stdin = ""): Promise<CliResult> {
  const child = spawn(process.execPath, ["bin/knotwork.js", ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "silent", KNOTWORK_OWNER_PASSWORD: "", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdin.end(stdin);
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}
