/**
 * Records benchmark (F11/F12): the FHIR export of a client with 50 charted sessions, and backup and
 * restore of the demo database as `knotwork start` makes it (with its six months of history). Embedded database always; PostgreSQL too when BENCH_DATABASE_URL
 * names a server (its admin database: two scratch databases are made and dropped).
 * Opt-in (`npm run bench records`): it builds a database on disk. Also runnable alone:
 * `node --import tsx bench/records.bench.ts`.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { eq } from "drizzle-orm";
import pg from "pg";
import { configureAudit } from "../src/server/audit/audit";
import { backup, restore } from "../src/server/backup/backup";
import { startControlSocket } from "../src/server/backup/control";
import { dumpPglite } from "../src/server/backup/pglite";
import { testConfig } from "../src/server/config";
import { type Database, openPglite, openPostgres } from "../src/server/db/connect";
import { clients } from "../src/server/db/schema";
import { exportClientFhir } from "../src/server/export/fhir";
import { seedChartedHistory } from "../src/server/export/testing";
import { exportClientData } from "../src/server/portal/export";
import { seedDemoClinic } from "../src/server/seed/demo";
import { databaseUrlWithName } from "../src/server/testing/database-url";

interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const ms = (start: bigint) => Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function exportFigures(database: Database): Promise<BenchFigure[]> {
  const [jordan] = await database.db.select().from(clients).where(eq(clients.email, "client@knotwork.test"));
  if (!jordan) throw new Error("no demo client");
  await seedChartedHistory(database.db, jordan.clinicId, jordan.id, 50);
  const fhirTimes: number[] = [];
  const jsonTimes: number[] = [];
  let entries = 0;
  let bytes = 0;
  for (let i = 0; i < 7; i++) {
    let start = process.hrtime.bigint();
    const bundle = await exportClientFhir(database.db, jordan.clinicId, jordan.id);
    fhirTimes.push(ms(start));
    entries = bundle?.entry.length ?? 0;
    bytes = JSON.stringify(bundle).length;
    start = process.hrtime.bigint();
    await exportClientData(database.db, jordan.clinicId, jordan.id, null);
    jsonTimes.push(ms(start));
  }
  return [
    {
      name: `export: FHIR Bundle, 50 sessions (${entries} resources), median of 7`,
      value: median(fhirTimes),
      unit: "ms",
    },
    { name: "export: FHIR Bundle size", value: Math.round(bytes / 1024), unit: "KB" },
    { name: "export: JSON, 50 sessions, median of 7", value: median(jsonTimes), unit: "ms" },
  ];
}

async function embedded(dir: string): Promise<BenchFigure[]> {
  const sourceDir = join(dir, "source");
  const { client, database } = await openPglite(sourceDir);
  await database.migrate();
  await seedDemoClinic(database.db, undefined, { history: true });
  const figures = await exportFigures(database);
  const control = await startControlSocket(sourceDir, { dump: () => dumpPglite(client) });
  const file = join(dir, "embedded.tar.gz");
  let start = process.hrtime.bigint();
  await backup(testConfig({ dataDir: sourceDir }), file);
  figures.push({
    name: "backup: embedded demo database, by the running server",
    value: ms(start),
    unit: "ms",
  });
  figures.push({
    name: "backup: embedded file size",
    value: Math.round(statSync(file).size / 1024),
    unit: "KB",
  });
  await new Promise((resolve) => control.close(resolve));
  await database.close();
  start = process.hrtime.bigint();
  await restore(testConfig({ dataDir: join(dir, "target") }), file);
  figures.push({
    name: "restore: embedded demo database into an empty folder",
    value: ms(start),
    unit: "ms",
  });
  return figures;
}

async function postgres(adminUrl: string, dir: string): Promise<BenchFigure[]> {
  const suffix = randomBytes(4).toString("hex");
  const [src, dst] = [`kw_bench_src_${suffix}`, `kw_bench_dst_${suffix}`];
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${src}`);
    await admin.query(`CREATE DATABASE ${dst}`);
    const source = openPostgres(databaseUrlWithName(adminUrl, src), 4).database;
    await source.migrate();
    await seedDemoClinic(source.db, undefined, { history: true });
    const figures = (await exportFigures(source)).map((f) => ({ ...f, name: `${f.name} [PostgreSQL]` }));
    await source.close();
    const file = join(dir, "pg.dump");
    let start = process.hrtime.bigint();
    await backup(testConfig({ databaseUrl: databaseUrlWithName(adminUrl, src) }), file);
    figures.push({ name: "backup: PostgreSQL demo database (pg_dump)", value: ms(start), unit: "ms" });
    start = process.hrtime.bigint();
    await restore(testConfig({ databaseUrl: databaseUrlWithName(adminUrl, dst) }), file);
    figures.push({ name: "restore: PostgreSQL demo database (pg_restore)", value: ms(start), unit: "ms" });
    return figures;
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${src} WITH (FORCE)`);
    await admin.query(`DROP DATABASE IF EXISTS ${dst} WITH (FORCE)`);
    await admin.end();
  }
}

export default async function recordsBench(): Promise<BenchFigure[]> {
  configureAudit({ key: randomBytes(32), checkpoints: null });
  const dir = mkdtempSync(join(tmpdir(), "kw-records-bench-"));
  try {
    const figures = await embedded(dir);
    const url = process.env.BENCH_DATABASE_URL;
    if (url) figures.push(...(await postgres(url, dir)));
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const row of await recordsBench()) console.log(`${row.name}: ${row.value} ${row.unit}`);
}
