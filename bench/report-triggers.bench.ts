/**
 * Report triggers benchmark (issue 15): what the reports summaries' triggers
 * (docs/decisions/0024-reports-summary.md) add to one booking's database work. On the clinic of
 * bench/reports-data.ts (100 therapists, 20,000 clients, BENCH_TRIG_APPOINTMENTS appointments,
 * default 50,000: generating 200,000 with their summaries takes PGlite over a quarter of an hour on
 * this 2-core machine), on PGlite (temp data folder) and, with BENCH_DATABASE_URL or TEST_DATABASE_URL
 * (an admin URL), on a fresh PostgreSQL database.
 *
 * Two tables take the same writes: `appointments` with its triggers, and `bench_plain_appointments`,
 * a copy (LIKE … INCLUDING ALL, plus the same foreign keys) without them; likewise `audit_events`
 * and `bench_plain_audit`. Each pair books one new slot (an existing client, a free hour after the
 * data's last one) in both tables, in alternating order, as three single-row autocommit statements:
 * - insert: the booking's INSERT of a 'requested' appointment;
 * - confirm: the status UPDATE a confirmation does (status, request_expires_at, updated_at);
 * - audit: the confirmation's 'confirm' audit event.
 * Each statement is timed from send to result on one connection (named prepared statements on
 * PostgreSQL, so neither side parses on the client); per pair, triggers ÷ plain is one ratio.
 * Printed: min / median / max of the ratios and of each side's ms, BENCH_TRIG_PAIRS pairs (default
 * 400) after 100 warm-up pairs, and the load average.
 *
 * `npm run bench report-triggers` (opt-in in bench/index.ts); BENCH_ENGINES=pglite,postgres picks engines.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Database } from "../src/server/db/connect";
import { openPglite, openPostgres } from "../src/server/db/connect";
import { databaseUrlWithName } from "../src/server/testing/database-url";
import type { BenchFigure } from "./booking.bench";
import { generateReportData, REPORT_DATA_DEFAULTS } from "./reports-data";

const PAIRS = Number(process.env.BENCH_TRIG_PAIRS ?? 400);
const WARM_UP = 100;
const APPOINTMENTS = Number(process.env.BENCH_TRIG_APPOINTMENTS ?? 50_000);
const ENGINES = (process.env.BENCH_ENGINES ?? "pglite,postgres").split(",").map((e) => e.trim());
const OPS = ["insert", "confirm", "audit"] as const;
type Op = (typeof OPS)[number];

/** Runs one statement and returns its wall time in ms. */
type Run = (name: string, text: string, values: unknown[]) => Promise<number>;

/** The statements of one side; `%A` and `%E` name its appointments and audit tables. */
const STATEMENTS: Record<Op, string> = {
  insert: `INSERT INTO %A (id, clinic_id, client_id, therapist_id, room_id, service_id, status, source,
      starts_at, ends_at, blocks_from, blocks_until, first_visit, request_expires_at, created_at, updated_at)
    VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, NULL, $5::uuid, 'requested', 'online', $6::timestamptz,
      $6::timestamptz + interval '60 minutes', $6::timestamptz, $6::timestamptz + interval '60 minutes', false,
      now() + interval '48 hours', now(), now())`,
  confirm: `UPDATE %A SET status = 'confirmed', request_expires_at = NULL, updated_at = now()
    WHERE clinic_id = $1::uuid AND id = $2::uuid AND status = 'requested'`,
  audit: `INSERT INTO %E (clinic_id, action, entity, entity_id, client_id, at, prev_hash, hash)
    VALUES ($1::uuid, 'confirm', 'appointment', $2::text, $3::uuid, now(), 'bench', 'bench')`,
};

const SIDES = {
  triggers: { appointments: "appointments", audit: "audit_events" },
  plain: { appointments: "bench_plain_appointments", audit: "bench_plain_audit" },
} as const;
type Side = keyof typeof SIDES;

function statement(op: Op, side: Side): string {
  return STATEMENTS[op].replace("%A", SIDES[side].appointments).replace("%E", SIDES[side].audit);
}

/** The plain copies: same columns, defaults, checks, indexes and exclusion constraints, same foreign keys. */
async function createPlainTables(exec: (text: string) => Promise<{ rows: Record<string, unknown>[] }>) {
  for (const [source, copy] of [
    ["appointments", "bench_plain_appointments"],
    ["audit_events", "bench_plain_audit"],
  ] as const) {
    await exec(`CREATE TABLE ${copy} (LIKE ${source} INCLUDING ALL)`);
    const { rows } = await exec(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '${source}'::regclass AND contype = 'f'`,
    );
    for (const row of rows) await exec(`ALTER TABLE ${copy} ADD ${row.def as string}`);
  }
  await exec("ANALYZE bench_plain_appointments, bench_plain_audit");
}

interface Fixture {
  clinicId: string;
  serviceId: string;
  therapistIds: string[];
  clientIds: string[];
  /** The first free hour: after every appointment of the data. */
  from: number;
}

async function loadFixture(
  exec: (text: string) => Promise<{ rows: Record<string, unknown>[] }>,
  clinicId: string,
): Promise<Fixture> {
  const one = async (text: string) => (await exec(text)).rows.map((r) => Object.values(r)[0]);
  const [serviceId] = await one(
    `SELECT id FROM services WHERE clinic_id = '${clinicId}' ORDER BY name LIMIT 1`,
  );
  const therapistIds = await one(`SELECT id FROM therapists WHERE clinic_id = '${clinicId}' ORDER BY id`);
  // Clients with history, the common case (a seeded pick, so every run books the same clients).
  const clientIds = await one(
    `SELECT id FROM clients WHERE clinic_id = '${clinicId}' ORDER BY md5(id::text) LIMIT ${PAIRS + WARM_UP}`,
  );
  const [last] = await one(`SELECT max(ends_at) FROM appointments WHERE clinic_id = '${clinicId}'`);
  const from = Math.ceil(new Date(last as string).getTime() / 3_600_000 + 24) * 3_600_000;
  return {
    clinicId,
    serviceId: serviceId as string,
    therapistIds: therapistIds as string[],
    clientIds: clientIds as string[],
    from,
  };
}

type Times = Record<Side, Record<Op, number[]>>;

/** One pair: the same booking, confirmation and audit event on both sides, `first` side first. */
async function pair(run: Run, fixture: Fixture, k: number, first: Side, times: Times | null) {
  const therapistId = fixture.therapistIds[k % fixture.therapistIds.length] as string;
  const startsAt = new Date(fixture.from + Math.floor(k / fixture.therapistIds.length) * 3_600_000);
  const clientId = fixture.clientIds[k % fixture.clientIds.length] as string;
  const id = crypto.randomUUID();
  const order: Side[] = first === "triggers" ? ["triggers", "plain"] : ["plain", "triggers"];
  for (const side of order) {
    const values: Record<Op, unknown[]> = {
      insert: [id, fixture.clinicId, clientId, therapistId, fixture.serviceId, startsAt.toISOString()],
      confirm: [fixture.clinicId, id],
      audit: [fixture.clinicId, id, clientId],
    };
    for (const op of OPS) {
      const ms = await run(`trig_${side}_${op}`, statement(op, side), values[op]);
      times?.[side][op].push(ms);
    }
  }
}

function spread(values: number[], digits = 3): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  return [sorted[0] as number, median, sorted.at(-1) as number].map((v) => v.toFixed(digits)).join(" / ");
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

async function measure(engine: string, run: Run, fixture: Fixture): Promise<BenchFigure[]> {
  for (let k = 0; k < WARM_UP; k++) await pair(run, fixture, k, k % 2 === 0 ? "triggers" : "plain", null);
  const times: Times = {
    triggers: { insert: [], confirm: [], audit: [] },
    plain: { insert: [], confirm: [], audit: [] },
  };
  const loadBefore = loadavg();
  for (let k = WARM_UP; k < WARM_UP + PAIRS; k++) {
    await pair(run, fixture, k, k % 2 === 0 ? "triggers" : "plain", times);
  }
  const loadAfter = loadavg();
  const figures: BenchFigure[] = [];
  process.stderr.write(`  ${engine}, ${PAIRS} pairs (min / median / max):\n`);
  const total = (side: Side) =>
    times[side].insert.map((_, i) => OPS.reduce((s, op) => s + (times[side][op][i] as number), 0));
  const rows: [string, number[], number[]][] = [
    ...OPS.map((op) => [op, times.triggers[op], times.plain[op]] as [string, number[], number[]]),
    ["all three", total("triggers"), total("plain")],
  ];
  for (const [label, withTriggers, plain] of rows) {
    const ratios = withTriggers.map((ms, i) => ms / (plain[i] as number));
    process.stderr.write(
      `    ${label.padEnd(9)} triggers ${spread(withTriggers)} ms; plain ${spread(plain)} ms; ratio ${spread(ratios, 2)} ×\n`,
    );
    figures.push(
      {
        name: `report triggers ${engine}: ${label}, with triggers (median)`,
        value: round(median(withTriggers)),
        unit: "ms",
      },
      {
        name: `report triggers ${engine}: ${label}, plain table (median)`,
        value: round(median(plain)),
        unit: "ms",
      },
      {
        name: `report triggers ${engine}: ${label}, triggers ÷ plain (median pair)`,
        value: round(median(ratios), 2),
        unit: "×",
      },
    );
  }
  process.stderr.write(
    `  load average (1 min) ${loadBefore[0]?.toFixed(2)} before, ${loadAfter[0]?.toFixed(2)} after\n`,
  );
  return figures;
}

async function onPglite(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), "kw-bench-trig-"));
  let database: Database | undefined;
  try {
    const opened = await openPglite(dir);
    database = opened.database;
    const client: PGlite = opened.client;
    process.stderr.write(`  pglite: generating ${APPOINTMENTS} appointments…\n`);
    const clinicId = await generateReportData(database.db, {
      ...REPORT_DATA_DEFAULTS,
      appointments: APPOINTMENTS,
      now: Date.now(),
    });
    const exec = async (text: string) =>
      (await client.query<Record<string, unknown>>(text)) as { rows: Record<string, unknown>[] };
    await createPlainTables(exec);
    const fixture = await loadFixture(exec, clinicId);
    const run: Run = async (_name, text, values) => {
      const t0 = performance.now();
      await client.query(text, values);
      return performance.now() - t0;
    };
    return await measure("pglite", run, fixture);
  } finally {
    await database?.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onPostgres(adminUrl: string): Promise<BenchFigure[]> {
  const name = `kw_trig_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = databaseUrlWithName(adminUrl, name);
  const client = new pg.Client({ connectionString: url });
  try {
    const { database } = openPostgres(url, 4);
    await database.migrate();
    process.stderr.write(`  postgres: generating ${APPOINTMENTS} appointments…\n`);
    const clinicId = await generateReportData(database.db, {
      ...REPORT_DATA_DEFAULTS,
      appointments: APPOINTMENTS,
      now: Date.now(),
    });
    await database.close();
    await client.connect();
    const exec = (text: string) => client.query(text);
    await createPlainTables(exec);
    const fixture = await loadFixture(exec, clinicId);
    const run: Run = async (statementName, text, values) => {
      const t0 = performance.now();
      await client.query({ name: statementName, text, values });
      return performance.now() - t0;
    };
    return await measure("postgres", run, fixture);
  } finally {
    await client.end().catch(() => {});
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export default async function benchReportTriggers(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = [];
  if (ENGINES.includes("pglite")) figures.push(...(await onPglite()));
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (ENGINES.includes("postgres")) {
    if (adminUrl) figures.push(...(await onPostgres(adminUrl)));
    else process.stderr.write("  postgres: skipped (set TEST_DATABASE_URL to a PostgreSQL server)\n");
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const row of await benchReportTriggers()) {
    console.log(`${row.name.padEnd(80)} ${String(row.value).padStart(9)} ${row.unit}`);
  }
  process.exit(0);
}
