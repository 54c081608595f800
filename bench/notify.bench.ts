/**
 * Notification delivery benchmark (docs/decisions/0017-notifications.md): 10,000 due messages
 * delivered by the outbox job (the production options: 4 lanes, pooled SMTP, 1 s interval) to a
 * local SMTP server (smtp-server) in this process.
 * - burst: all 10,000 (BENCH_NOTIFY_N) due at once → messages per second;
 * - steady: 10,000 due evenly over BENCH_NOTIFY_WINDOW_S seconds (default 600,
 *   about 17 a second) → due-to-sent lag p95
 *   (target ≤ 5 s), the lag being the SMTP server's receipt minus the row's due instant.
 * PGlite data folder by default; BENCH_DATABASE_URL (an admin URL) runs it on a fresh PostgreSQL database.
 * BENCH_NOTIFY_SCENARIOS=steady (or burst) runs one scenario only. The steady run also prints the lag's
 * min / median / max, and the machine's load average at its start and end (the machine is shared).
 * `npm run bench notify`, or alone: `node --import tsx bench/notify.bench.ts`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { testConfig } from "../src/server/config";
import { type Database, openPglite, openPostgres } from "../src/server/db/connect";
import { outboxMessages } from "../src/server/db/schema";
import { JOB_INTERVALS_MS, outboxOptions } from "../src/server/jobs";
import { startJobs } from "../src/server/jobs/scheduler";
import { startMailSink } from "../src/server/notify/mail-sink";
import { deliverDueMessages } from "../src/server/notify/outbox";
import { smtpTransport } from "../src/server/notify/smtp";
import { databaseUrlWithName } from "../src/server/testing/database-url";

interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

/** BENCH_NOTIFY_N: how many messages (default 10,000). */
const N = Number(process.env.BENCH_NOTIFY_N ?? 10_000);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function seed(db: Database["db"], prefix: string, dueAt: (i: number) => Date) {
  for (let from = 0; from < N; from += 1_000) {
    await db.insert(outboxMessages).values(
      Array.from({ length: Math.min(1_000, N - from) }, (_, k) => ({
        clinicId: null,
        dedupeKey: `${prefix}:${from + k}`,
        kind: "test",
        toAddress: `${prefix}-${from + k}@example.com`,
        subject: `Reminder ${from + k}`,
        body: "Hello,\n\nA reminder of your appointment.\n\nDemo clinic",
        sendAfter: dueAt(from + k),
      })),
    );
  }
}

/** Runs the outbox job until `prefix`'s N messages have arrived; returns each one's lag (ms) and the span. */
async function run(database: Database, prefix: string, dueAt: (i: number) => Date) {
  const sink = await startMailSink();
  const config = testConfig({ smtpUrl: sink.url, mailFrom: "Demo <clinic@bench.test>" });
  await seed(database.db, prefix, dueAt);
  const rows = await database.db
    .select({ id: outboxMessages.id, due: outboxMessages.sendAfter })
    .from(outboxMessages);
  const dueById = new Map(rows.map((r) => [`<${r.id}@bench.test>`, r.due.getTime()]));
  const transport = smtpTransport(sink.url, config.mailFrom, { pool: true });
  const started = Date.now();
  // CPU time of this process (worker, PGlite and the SMTP sink together): on a shared machine the
  // wall-clock rate follows the load, CPU per message much less.
  const cpuBefore = process.cpuUsage();
  const jobs = startJobs(
    [
      {
        name: "outbox",
        intervalMs: JOB_INTERVALS_MS.outbox,
        run: () => deliverDueMessages(database.db, transport, outboxOptions(database.db, config)),
      },
    ],
    { warn: (details, message) => console.error(message, details) },
  );
  const deadline = Date.now() + 20 * 60_000;
  while (sink.received.length < N && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  await jobs.stop();
  const cpu = process.cpuUsage(cpuBefore);
  transport.close();
  await sink.close();
  const lags = sink.received.map((m) => m.receivedAt - (dueById.get(m.messageId) ?? Number.NaN));
  const last = Math.max(...sink.received.map((m) => m.receivedAt));
  return {
    lags,
    received: sink.received.length,
    distinct: new Set(sink.received.map((m) => m.messageId)).size,
    seconds: (last - started) / 1000,
    cpuMsPerMessage: (cpu.user + cpu.system) / 1000 / Math.max(1, sink.received.length),
  };
}

export default async function benchNotify(): Promise<BenchFigure[]> {
  const adminUrl = process.env.BENCH_DATABASE_URL;
  const windowS = Number(process.env.BENCH_NOTIFY_WINDOW_S ?? 600);
  const figures: BenchFigure[] = [];
  const scenarios = (process.env.BENCH_NOTIFY_SCENARIOS ?? "burst,steady")
    .split(",")
    .filter((s): s is "burst" | "steady" => s === "burst" || s === "steady");
  for (const scenario of scenarios) {
    const dir = mkdtempSync(join(tmpdir(), "knotwork-notify-bench-"));
    const name = `kw_notify_bench_${process.pid}_${scenario}`;
    let database: Database;
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      database = openPostgres(databaseUrlWithName(adminUrl, name), 10).database;
    } else {
      database = (await openPglite(dir)).database;
    }
    const engine = adminUrl ? "PostgreSQL" : "PGlite";
    try {
      await database.migrate();
      // The steady run starts a little ahead, so seeding is not counted as lag.
      const start = Date.now() + 3_000;
      const dueAt =
        scenario === "burst"
          ? () => new Date(Date.now())
          : (i: number) => new Date(start + (i * windowS * 1000) / N);
      const loadBefore = loadavg()[0] ?? Number.NaN;
      const result = await run(database, scenario, dueAt);
      const loadAfter = loadavg()[0] ?? Number.NaN;
      const repeats = result.received - result.distinct;
      if (scenario === "burst") {
        figures.push(
          {
            name: `notify (${engine}): messages/s, ${N} due at once`,
            value: Math.round(N / result.seconds),
            unit: "msg/s",
          },
          {
            name: `notify (${engine}): CPU per message (worker + PGlite/pg client + SMTP sink, one process)`,
            value: Math.round(result.cpuMsPerMessage * 100) / 100,
            unit: "ms",
          },
          {
            name: `notify (${engine}): lag p95, ${N} due at once (drain time)`,
            value: Math.round(percentile(result.lags, 95)) / 1000,
            unit: "s",
          },
        );
      } else {
        const lag = (p: number) => Math.round(percentile(result.lags, p)) / 1000;
        figures.push(
          {
            name: `notify (${engine}): due-to-sent lag p95, ${N} over ${windowS} s`,
            value: lag(95),
            unit: "s",
            target: "≤ 5 s",
          },
          { name: `notify (${engine}): lag min (steady)`, value: lag(0), unit: "s" },
          { name: `notify (${engine}): lag median (steady)`, value: lag(50), unit: "s" },
          { name: `notify (${engine}): lag max (steady)`, value: lag(100), unit: "s" },
        );
      }
      figures.push({
        name: `notify (${engine}): load average 1 min at start / end (${scenario}): ${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)}`,
        value: Math.round(loadAfter * 10) / 10,
        unit: "",
      });
      figures.push({
        name: `notify (${engine}): repeats (${scenario})`,
        value: repeats,
        unit: "msgs",
        target: "0",
      });
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
      if (adminUrl) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const row of await benchNotify()) {
    console.log(`${row.name.padEnd(64)} ${String(row.value).padStart(9)} ${row.unit}  ${row.target ?? ""}`);
  }
  process.exit(0);
}
