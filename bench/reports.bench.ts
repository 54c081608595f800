/**
 * Reports benchmark (docs/decisions/0021-reports.md; target p95 ≤ 300 ms per report): every report over
 * the clinic of bench/reports-data.ts (100 therapists, 200,000 appointments), for the last quarter
 * (13 weeks) and the last year, clinic-wide and for one therapist. On PGlite in a temp data folder;
 * with BENCH_DATABASE_URL or TEST_DATABASE_URL (an admin URL) also on a fresh PostgreSQL database.
 * The queries are timed as the route runs them (src/server/reports/queries.ts), without HTTP; the
 * clinic-wide ones read the trigger-kept summaries of docs/decisions/0024-reports-summary.md, so the
 * generation time includes keeping them. Min, median, p95 and max go to stderr as each figure is done.
 * `npm run bench reports`; REPORTS_BENCH_RUNS sets the runs per figure (default 20), REPORTS_BENCH_ONLY
 * (e.g. `clients,outcomes`) the reports measured (default all).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import pg from "pg";
import { REPORT_NAMES } from "../src/core/api/reports";
import { instantToLocal } from "../src/core/scheduling";
import { type Database, openPglite, openPostgres } from "../src/server/db/connect";
import { REPORTS, type ReportScope, rowsOf } from "../src/server/reports/queries";
import { databaseUrlWithName } from "../src/server/testing/database-url";
import { generateReportData, REPORT_DATA_DEFAULTS } from "./reports-data";

interface Row {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const RUNS = Number(process.env.REPORTS_BENCH_RUNS ?? 20);
const DAY = 86_400_000;
const ONLY = process.env.REPORTS_BENCH_ONLY?.split(",").map((name) => name.trim());
const NAMES = REPORT_NAMES.filter((name) => !ONLY || ONLY.includes(name));

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number;
}

async function measure(database: Database, engine: string): Promise<Row[]> {
  const now = Date.now();
  const started = performance.now();
  const clinicId = await generateReportData(database.db, { ...REPORT_DATA_DEFAULTS, now });
  const generated = performance.now() - started;
  const [count] = await rowsOf(database.db, sql`SELECT count(*)::int AS n FROM appointments`);
  const [therapist] = await rowsOf(database.db, sql`SELECT id FROM therapists ORDER BY display_name LIMIT 1`);
  const rows: Row[] = [
    {
      name: `reports ${engine}: generate ${count?.n} appointments`,
      value: Math.round(generated),
      unit: "ms",
    },
  ];
  const zone = REPORT_DATA_DEFAULTS.timeZone;
  const to = instantToLocal(now, zone).date;
  const ranges = [
    { label: "quarter", from: instantToLocal(now - 91 * DAY, zone).date },
    { label: "year", from: instantToLocal(now - 364 * DAY, zone).date },
  ];
  for (const range of ranges) {
    for (const therapistId of [null, String(therapist?.id)]) {
      for (const name of NAMES) {
        const scope: ReportScope = {
          clinicId,
          from: range.from,
          to,
          timeZone: zone,
          therapistId,
          now,
          cancellationWindowHours: 24,
        };
        await REPORTS[name](database.db, scope); // warm-up: plans, caches
        const samples: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const t0 = performance.now();
          await REPORTS[name](database.db, scope);
          samples.push(performance.now() - t0);
        }
        const sorted = [...samples].sort((a, b) => a - b);
        const label = `reports ${engine}: ${name}, ${range.label}${therapistId ? ", one therapist" : ""}`;
        // As it goes, with the spread: the machine is shared, so one slow run says little on its own.
        process.stderr.write(
          `${label}: min ${sorted[0]?.toFixed(1)} median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} p95 ${p95(samples).toFixed(1)} max ${sorted.at(-1)?.toFixed(1)} ms\n`,
        );
        rows.push({
          name: `${label} p95`,
          value: Math.round(p95(samples) * 10) / 10,
          unit: "ms",
          target: "≤ 300 ms",
        });
      }
    }
  }
  return rows;
}

export default async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  // REPORTS_BENCH_ENGINES=postgres (or pglite) runs only one engine.
  const engines = (process.env.REPORTS_BENCH_ENGINES ?? "pglite,postgres").split(",");
  if (engines.includes("pglite")) rows.push(...(await onPglite()));
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl && engines.includes("postgres")) rows.push(...(await onPostgres(adminUrl)));
  return rows;
}

async function onPglite(): Promise<Row[]> {
  const rows: Row[] = [];
  const dir = mkdtempSync(join(tmpdir(), "kw-bench-reports-"));
  try {
    const { database } = await openPglite(dir);
    await database.migrate();
    rows.push(...(await measure(database, "PGlite")));
    await database.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

async function onPostgres(adminUrl: string): Promise<Row[]> {
  const rows: Row[] = [];
  {
    const name = `kw_bench_reports_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const { database } = openPostgres(databaseUrlWithName(adminUrl, name), 4);
      await database.migrate();
      rows.push(...(await measure(database, "PostgreSQL")));
      await database.close();
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const row of await run())
    console.log(`${row.name.padEnd(60)} ${row.value} ${row.unit} ${row.target ?? ""}`);
  process.exit(0);
}
