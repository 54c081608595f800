/**
 * Durability (docs/architecture.md "Reliability": kill -9 the server during a stream of bookings, restart,
 * and every booking acknowledged with 2xx is there). The server runs as a child process on a data
 * folder of its own (PGlite) or a database of its own (PostgreSQL, with TEST_DATABASE_URL); bookings
 * stream over real HTTP from several connections; the process is killed with SIGKILL while requests
 * are in flight, restarted on the same data, and asked for every acknowledged booking.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { openPglite } from "../db/connect";
import { databaseUrlWithName } from "../testing/database-url";
import { usingPostgres } from "../testing/harness";
import { overlappingHolders } from "./test-helpers";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const ENTRY = fileURLToPath(new URL("./durability-server.ts", import.meta.url));
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

interface Running {
  child: ChildProcess;
  base: string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ["--import", "tsx", ENTRY], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", LOG_LEVEL: "warn", NODE_ENV: "test", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) resolve({ child, base: `http://127.0.0.1:${match[1]}`, exited });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) =>
      reject(new Error(`server exited with ${code} before listening:\n${output}`)),
    );
  });
}

async function login(base: string, email: string) {
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: "knotwork-demo" }),
  });
  if (response.status !== 200) throw new Error(`login ${response.status}`);
  return {
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; "),
    csrf: ((await response.json()) as { csrfToken: string }).csrfToken,
  };
}

/** A data folder (PGlite) or a fresh database (PostgreSQL) that outlives one server process. */
async function freshStorage(): Promise<{ env: Record<string, string>; check(): Promise<number> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `kw_dur_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
    await admin.end();
    const url = databaseUrlWithName(adminUrl, name);
    cleanups.push(async () => {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    });
    return {
      env: { DATABASE_URL: url },
      check: async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        const { drizzle } = await import("drizzle-orm/node-postgres");
        const n = await overlappingHolders(drizzle(client) as never);
        await client.end();
        return n;
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "knotwork-durability-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return {
    env: { KNOTWORK_DATA_DIR: dir, DATABASE_URL: "" },
    check: async () => {
      const { database } = await openPglite(dir);
      const n = await overlappingHolders(database.db);
      await database.close();
      return n;
    },
  };
}

describe(`durability (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, () => {
  it("keeps every booking acknowledged with 2xx when the server is killed with SIGKILL mid-stream", async () => {
    const storage = await freshStorage();
    const first = await startServer(storage.env);
    const client = await login(first.base, "client@knotwork.test");
    const clinic = (await (await fetch(`${first.base}/api/public/clinics/demo`)).json()) as {
      services: { id: string; name: string }[];
    };
    const serviceId = clinic.services.find((s) => s.name.includes("30 min"))?.id as string;
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const slots = (await (
      await fetch(
        `${first.base}/api/public/clinics/demo/availability?serviceId=${serviceId}&from=${day(2)}&to=${day(32)}`,
      )
    ).json()) as { slots: { start: string; therapistIds: string[] }[] };
    const wanted = slots.slots.flatMap((s) =>
      s.therapistIds.map((therapistId) => ({ therapistId, start: s.start })),
    );
    expect(wanted.length).toBeGreaterThan(200);

    const acknowledged: { id: string; start: string }[] = [];
    let next = 0;
    let killed = false;
    let failures = 0;
    const worker = async () => {
      while (next < wanted.length) {
        const booking = wanted[next++];
        if (!booking) break;
        if (acknowledged.length >= 40 && !killed) {
          // Kill while this and the other connections' requests are in flight.
          killed = true;
          first.child.kill("SIGKILL");
        }
        try {
          const response = await fetch(`${first.base}/api/public/clinics/demo/appointments`, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              cookie: client.cookie,
              "x-csrf-token": client.csrf,
            },
            body: JSON.stringify({ serviceId, ...booking }),
          });
          const body = (await response.json()) as { id: string; startsAt: string };
          if (response.status >= 200 && response.status < 300)
            acknowledged.push({ id: body.id, start: body.startsAt });
        } catch {
          failures++;
          if (killed) return;
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(killed).toBe(true);
    expect(await first.exited).toBeNull(); // killed by a signal, no exit code
    expect(first.child.signalCode).toBe("SIGKILL");
    expect(failures).toBeGreaterThan(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    const second = await startServer(storage.env);
    const owner = await login(second.base, "owner@knotwork.test");
    const missing: string[] = [];
    for (const booked of acknowledged) {
      const response = await fetch(`${second.base}/api/appointments/${booked.id}`, {
        headers: { cookie: owner.cookie },
      });
      const body = (await response.json()) as { startsAt?: string; status?: string };
      if (response.status !== 200 || body.startsAt !== booked.start || body.status !== "confirmed")
        missing.push(booked.id);
    }
    expect(missing).toEqual([]);
    console.info(
      `durability: ${acknowledged.length} bookings acknowledged before SIGKILL, ${failures} requests cut off, all ${acknowledged.length} found after restart`,
    );
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(await storage.check()).toBe(0);
  }, 240_000);
});
