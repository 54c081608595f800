/**
 * Memory benchmark (`npm run bench memory`; opt-in, it builds the booking fixture and starts the real
 * server): resident memory of `knotwork start` on the embedded database while it serves 10,000
 * requests (bookings, with an availability search every fifth request), read from /proc at
 * checkpoints. The server is the compiled one `npm start` runs, on the booking benchmark's fixture
 * (100 therapists, ~115,000 appointments). Target (issue 15): ≤ 400 MB after 10,000 requests.
 *
 * MEMORY_REQUESTS changes the count; MEMORY_FIXTURE_DIR keeps the built fixture in that folder and
 * reuses it on the next run (each run serves from a copy); MEMORY_NODE_OPTIONS are passed to the
 * server's node.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
// @ts-expect-error autocannon ships no type declarations
import autocannon from "autocannon";
import { localToInstant } from "../src/core/scheduling";
import { openPglite } from "../src/server/db/connect";
import { DEMO_PASSWORD, DEMO_TIME_ZONE } from "../src/server/seed/demo";
import type { BenchFigure } from "./booking.bench";
import { buildFixture } from "./booking.bench";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const REQUESTS = Number(process.env.MEMORY_REQUESTS ?? 10_000);
const MS_PER_DAY = 86_400_000;

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

function localDate(ms: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: DEMO_TIME_ZONE }).format(ms);
}

/** A fixture folder: MEMORY_FIXTURE_DIR when it already holds one, else built (there) once. */
async function fixtureFolder(): Promise<{ dir: string; keep: boolean }> {
  const kept = process.env.MEMORY_FIXTURE_DIR;
  if (kept && existsSync(join(kept, "fixture.json"))) return { dir: kept, keep: true };
  const dir = kept ?? mkdtempSync(join(tmpdir(), "knotwork-memory-fixture-"));
  const { database } = await openPglite(dir);
  await database.migrate();
  process.stderr.write("  building 100 therapists × 100,000 appointments…\n");
  const fixture = await buildFixture(database);
  await database.close();
  const { writeFileSync } = await import("node:fs");
  writeFileSync(join(dir, "fixture.json"), JSON.stringify(fixture));
  return { dir, keep: Boolean(kept) };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 12_000; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the server did not answer");
}

export default async function memoryBench(): Promise<BenchFigure[]> {
  const { dir: fixtureDir, keep } = await fixtureFolder();
  const fixture = JSON.parse(readFileSync(join(fixtureDir, "fixture.json"), "utf8")) as {
    therapistIds: string[];
    bench15: string;
    bench60: string;
  };
  const dataDir = mkdtempSync(join(tmpdir(), "knotwork-memory-"));
  cpSync(fixtureDir, dataDir, { recursive: true });
  const port = 4300 + Math.floor(Math.random() * 500);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["bin/knotwork.js", "start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: process.env.MEMORY_NODE_OPTIONS ?? "",
      PORT: String(port),
      KNOTWORK_DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
    },
    stdio: "ignore",
  });
  try {
    await waitForHealth(base, child);
    const pid = child.pid as number;
    const afterStart = rssMegabytes(pid);
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "client@knotwork.test", password: DEMO_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    // Distinct free 15-minute afternoon slots (as in the booking benchmark), in a shuffled order.
    const slots: { therapistId: string; start: string }[] = [];
    for (let day = 2; day <= 58; day++) {
      const date = localDate(Date.now() + day * MS_PER_DAY);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      for (const time of ["13:00", "13:15", "13:30", "13:45", "15:15", "15:30", "15:45", "16:00"]) {
        const local = localToInstant(date, time, DEMO_TIME_ZONE);
        if (!local.ok) continue;
        const start = new Date(local.instant).toISOString();
        for (const therapistId of fixture.therapistIds) slots.push({ therapistId, start });
      }
    }
    slots.sort(() => Math.random() - 0.5);
    let next = 0;
    let searches = 0;
    const headers = { cookie, "x-csrf-token": csrfToken };
    const booking = {
      method: "POST",
      path: "/api/public/clinics/demo/appointments",
      headers: { ...headers, "content-type": "application/json" },
      setupRequest: (req: { body?: string }) => {
        req.body = JSON.stringify({ serviceId: fixture.bench15, ...slots[next++ % slots.length] });
        return req;
      },
    };
    // A week's availability search for any therapist.
    const search = {
      method: "GET",
      headers,
      setupRequest: (req: { path?: string }) => {
        const offset = 2 + (searches++ % 45);
        const params = new URLSearchParams({
          serviceId: fixture.bench60,
          from: localDate(Date.now() + offset * MS_PER_DAY),
          to: localDate(Date.now() + (offset + 6) * MS_PER_DAY),
        });
        req.path = `/api/public/clinics/demo/availability?${params}`;
        return req;
      },
    };
    // autocannon sends the list in turn: four bookings, then a search.
    const requests = [booking, booking, booking, booking, search];
    const checkpoints: { served: number; rss: number }[] = [{ served: 0, rss: afterStart }];
    let served = 0;
    let failed = 0;
    for (const share of [0.25, 0.25, 0.25, 0.25]) {
      const amount = Math.round(REQUESTS * share);
      const result = (await autocannon({
        url: base,
        connections: 10,
        amount,
        requests,
      } as never)) as unknown as { non2xx: number; errors: number; statusCodeStats: object };
      if (result.non2xx > 0) process.stderr.write(`  answers: ${JSON.stringify(result.statusCodeStats)}\n`);
      served += amount;
      failed += result.non2xx + result.errors;
      checkpoints.push({ served, rss: rssMegabytes(pid) });
      process.stderr.write(`  after ${served} requests: RSS ${checkpoints.at(-1)?.rss} MB\n`);
    }
    return [
      { name: "RSS after start (PGlite, compiled server)", value: afterStart, unit: "MB" },
      ...checkpoints.slice(1).map((c) => ({
        name: `RSS after ${c.served} requests (4/5 bookings, 1/5 searches)`,
        value: c.rss,
        unit: "MB",
        ...(c.served === REQUESTS ? { target: "≤ 400 MB" } : {}),
      })),
      { name: "requests refused or failed", value: failed, unit: "requests" },
    ];
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (!keep) rmSync(fixtureDir, { recursive: true, force: true });
  }
}
