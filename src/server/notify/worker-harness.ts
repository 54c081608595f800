/**
 * For the crash and several-servers tests: a database the test and child worker processes can all
 * open (a PGlite directory, or a PostgreSQL database cloned from the migrated template), seeded with
 * due messages, and child processes running src/server/notify/worker-process.ts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openPglite, openPostgres } from "../db/connect";
import { outboxMessages } from "../db/schema";
import { databaseUrlWithName } from "../testing/database-url";

const WORKER = fileURLToPath(new URL("./worker-process.ts", import.meta.url));

export interface SharedDatabase {
  env: Record<string, string>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function sharedDatabase(): Promise<SharedDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `kw_t_${process.ppid}_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await admin.end();
    const url = databaseUrlWithName(adminUrl, name);
    return {
      env: { DATABASE_URL: url },
      open: async () => openPostgres(url, 4).database,
      drop: async () => {
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "kw-notify-"));
  const first = await openPglite(dir);
  await first.database.migrate();
  await first.database.close();
  return {
    env: { KNOTWORK_DATA_DIR: dir },
    open: async () => (await openPglite(dir)).database,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `n` messages due now, keyed `<prefix>:<i>`. */
export async function seedDueMessages(db: Database["db"], prefix: string, n: number) {
  const due = new Date(Date.now() - 1_000);
  for (let from = 0; from < n; from += 500) {
    await db.insert(outboxMessages).values(
      Array.from({ length: Math.min(500, n - from) }, (_, k) => ({
        clinicId: null,
        dedupeKey: `${prefix}:${from + k}`,
        kind: "test",
        toAddress: `${prefix}-${from + k}@example.com`,
        subject: `${prefix} ${from + k}`,
        body: "Hello",
        sendAfter: due,
      })),
    );
  }
}

export interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  exited: Promise<number | null>;
}

export function startWorker(env: Record<string, string>): Worker {
  const child = spawn(process.execPath, ["--import", "tsx", WORKER], {
    env: { ...process.env, LOG_LEVEL: "silent", KNOTWORK_DEMO: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("worker ready")) resolve();
    });
    child.stderr?.on("data", (d: Buffer) => {
      err += d.toString();
    });
    child.on("exit", (code) =>
      reject(new Error(`worker exited (${code}) before ready: ${err.slice(-2000)}`)),
    );
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, ready, exited };
}

/** Resolves when `predicate` holds, checking every 50 ms, or rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
