/**
 * Driver benchmark (issue 15): node-postgres (`pg`, what the app uses) against postgres.js
 * (`postgres`, which pipelines queries on a busy connection and coalesces small writes), on
 * PostgreSQL only (TEST_DATABASE_URL or BENCH_DATABASE_URL gives an admin URL; a fresh database).
 *
 * What runs is the booking hot path's own statements with the app's own values: the fixture of
 * bench/booking.bench.ts is built, the real app (in this process) makes BENCH_DRIVER_OPS online
 * bookings of distinct free slots while its pool records every named statement it sends, and those
 * bookings are deleted again. Each recorded booking is then one operation: the session lookup, the
 * snapshot read and the booking write, one after the other (each needs the one before in the app),
 * replayed through
 * - pg: a `pg.Pool` of 10, named prepared statements (`pool.query({ name, text, values })`), as
 *   src/server/db/prepared.ts runs them;
 * - postgres.js: `postgres(url, { max: 10 })`, `sql.unsafe(text, values, { prepare: true })`, so
 *   its own prepared statements and its pipelining when callers outnumber connections.
 * A plain one-row INSERT (the bare route's statement) is the baseline. Each workload runs with 8 and
 * 32 concurrent callers, in BENCH_PAIRS pairs (default 5) whose order alternates (pg first, then
 * postgres.js first, …), so a drift in this shared machine's load favours neither. Every run does the
 * same rows: afterwards the appointments, outbox rows and baseline rows are counted (a wrong count
 * aborts the bench), then deleted and the tables vacuumed, so the next run starts from the same data.
 * Figures: throughput (operations/s) and this process's CPU per operation (process.cpuUsage: the
 * driver's encoding, decoding and socket work; the server's CPU is not in it), min/median/max of
 * the per-pair postgres.js ÷ pg ratios.
 *
 * `TEST_DATABASE_URL=postgres://… npm run bench driver` (opt-in in bench/index.ts).
 */
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import postgres from "postgres";
import { buildApp } from "../src/server/app";
import { testConfig } from "../src/server/config";
import { openPostgres } from "../src/server/db/connect";
import { DEMO_PASSWORD } from "../src/server/seed/demo";
import { databaseUrlWithName } from "../src/server/testing/database-url";
import { type BenchFigure, buildFixture, freeSlots } from "./booking.bench";

const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
/** Bookings per run (each a session lookup, a snapshot read and a write). */
const BOOKINGS = Number(process.env.BENCH_DRIVER_OPS ?? 600);
/** Baseline INSERTs per run. */
const INSERTS = Number(process.env.BENCH_DRIVER_INSERTS ?? 6000);
const CONCURRENCY = (process.env.BENCH_DRIVER_CONCURRENCY ?? "8,32").split(",").map(Number);
const POOL_SIZE = 10; // the app's default (src/server/db/connect.ts)
const BARE_INSERT = "INSERT INTO bench_bare (note) VALUES ($1)";

/** One statement as the app handed it to the pool. */
interface Call {
  name: string;
  text: string;
  values: unknown[];
}

/** One online booking's hot-path statements, recorded from the app. */
interface Booking {
  session: Call;
  snapshot: Call;
  write: Call;
  appointmentId: string;
}

interface Driver {
  label: "pg" | "postgres.js";
  run(call: Call): Promise<readonly unknown[]>;
  close(): Promise<void>;
}

function pgDriver(url: string): Driver {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  pool.on("error", () => {});
  return {
    label: "pg",
    run: async (call) => (await pool.query({ name: call.name, text: call.text, values: call.values })).rows,
    close: () => pool.end(),
  };
}

function postgresJsDriver(url: string): Driver {
  const sql = postgres(url, { max: POOL_SIZE, onnotice: () => {} });
  return {
    label: "postgres.js",
    run: (call) => sql.unsafe(call.text, call.values as never[], { prepare: true }),
    close: () => sql.end({ timeout: 5 }),
  };
}

/**
 * Builds the app on `url` with a pool that records the named statements it runs, signs the demo
 * client in and makes `count` online bookings of distinct free slots; returns each booking's
 * session lookup, snapshot read and write (the app's own texts and values) and deletes the bookings.
 */
async function recordBookings(url: string, therapistIds: string[], serviceId: string, count: number) {
  const { pool, database } = openPostgres(url, POOL_SIZE);
  let calls: Call[] = [];
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const config = args[0] as Partial<Call> | string;
    if (typeof config === "object" && config?.name && config.text)
      calls.push({ name: config.name, text: config.text, values: [...(config.values ?? [])] });
    return query(...args);
  };
  const app = await buildApp({ database, config: testConfig() });
  try {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "client@knotwork.test", password: DEMO_PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`login ${login.statusCode}`);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const { csrfToken } = login.json() as { csrfToken: string };
    const slots = freeSlots(therapistIds).slice(0, count);
    if (slots.length < count) throw new Error(`only ${slots.length} free slots`);
    const bookings: Booking[] = [];
    for (const slot of slots) {
      calls = [];
      const response = await app.inject({
        method: "POST",
        url: "/api/public/clinics/demo/appointments",
        headers: { cookie, "x-csrf-token": csrfToken },
        payload: { serviceId, ...slot },
      });
      if (response.statusCode !== 201) throw new Error(`booking ${response.statusCode}: ${response.body}`);
      const of = (label: string) => {
        const found = calls.filter((call) => call.name.startsWith(`kw_${label}_`));
        if (found.length !== 1) throw new Error(`expected one ${label} statement, saw ${found.length}`);
        return found[0] as Call;
      };
      if (bookings.length === 0) {
        process.stderr.write(`  one booking's named statements: ${calls.map((c) => c.name).join(", ")}\n`);
      }
      bookings.push({
        session: of("session"),
        snapshot: of("snapshot"),
        write: of("book"),
        appointmentId: (response.json() as { id: string }).id,
      });
    }
    return bookings;
  } finally {
    await app.close();
    await database.close().catch(() => {});
  }
}

/** Counts what a run wrote (it must be exactly the expected rows), then deletes it and vacuums. */
async function checkAndReset(
  admin: pg.Client,
  ids: string[],
  expected: { appointments: number; outbox: number; bare: number },
): Promise<void> {
  const counted = await admin.query(
    `SELECT (SELECT count(*) FROM appointments WHERE id = ANY($1::uuid[]))::int AS appointments,
            (SELECT count(*) FROM outbox_messages WHERE appointment_id = ANY($1::uuid[]))::int AS outbox,
            (SELECT count(*) FROM bench_bare)::int AS bare`,
    [ids],
  );
  const found = counted.rows[0] as typeof expected;
  if (!isDeepStrictEqual(found, expected)) {
    throw new Error(`a run wrote ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
  }
  await admin.query("DELETE FROM outbox_messages WHERE appointment_id = ANY($1::uuid[])", [ids]);
  await admin.query("DELETE FROM appointments WHERE id = ANY($1::uuid[])", [ids]);
  await admin.query("TRUNCATE bench_bare");
  await admin.query("VACUUM appointments, outbox_messages, bench_bare");
}

interface RunFigures {
  perSecond: number;
  /** This process's CPU (user + system) per operation, ms. */
  cpuMs: number;
}

/** Runs operations 0‥count-1 with `concurrency` callers, each taking the next operation when free. */
async function timed(count: number, concurrency: number, operation: (i: number) => Promise<void>) {
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await operation(i);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { perSecond: count / seconds, cpuMs: (cpu.user + cpu.system) / 1000 / count } satisfies RunFigures;
}

/** The hot path of one booking: each statement waits for the one before, as in the app. */
async function book(driver: Driver, booking: Booking): Promise<void> {
  const [session] = await driver.run(booking.session);
  if (!session) throw new Error("no session");
  const [snapshot] = await driver.run(booking.snapshot);
  if (!snapshot) throw new Error("no snapshot");
  const written = await driver.run(booking.write);
  if (written.length !== 1) throw new Error("the booking wrote nothing");
}

function spread(values: number[], digits = 2): string {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  return [sorted[0] as number, median, sorted.at(-1) as number].map((v) => v.toFixed(digits)).join(" / ");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export default async function benchDriver(): Promise<BenchFigure[]> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    process.stderr.write("  driver: skipped (set TEST_DATABASE_URL to a PostgreSQL server)\n");
    return [];
  }
  const benchDb = `kw_driver_${process.pid}`;
  const setup = new pg.Client({ connectionString: adminUrl });
  await setup.connect();
  await setup.query(`DROP DATABASE IF EXISTS ${benchDb}`);
  await setup.query(`CREATE DATABASE ${benchDb}`);
  await setup.end();
  const url = databaseUrlWithName(adminUrl, benchDb);
  const admin = new pg.Client({ connectionString: url });
  const drivers: Driver[] = [];
  try {
    const { database } = openPostgres(url, POOL_SIZE);
    await database.migrate();
    process.stderr.write("  building 100 therapists × 100,000 appointments…\n");
    const fixture = await buildFixture(database);
    await database.close();
    await admin.connect();
    await admin.query(
      "CREATE TABLE bench_bare (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), note text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
    );

    process.stderr.write(`  recording ${BOOKINGS} bookings made by the app…\n`);
    const bookings = await recordBookings(url, fixture.therapistIds, fixture.bench15, BOOKINGS);
    const ids = bookings.map((b) => b.appointmentId);
    const outboxPerBooking =
      ((
        await admin.query(
          "SELECT count(*)::int AS n FROM outbox_messages WHERE appointment_id = ANY($1::uuid[])",
          [ids],
        )
      ).rows[0]?.n as number) / BOOKINGS;
    if (!Number.isInteger(outboxPerBooking)) throw new Error("bookings wrote different numbers of e-mails");
    const expectBookings = { appointments: BOOKINGS, outbox: BOOKINGS * outboxPerBooking, bare: 0 };
    const expectInserts = { appointments: 0, outbox: 0, bare: INSERTS };
    await checkAndReset(admin, ids, expectBookings);

    const pgd = pgDriver(url);
    const pjs = postgresJsDriver(url);
    drivers.push(pgd, pjs);

    // The two drivers must read the same rows for the same statement (parsed JSON, Dates).
    const first = bookings[0] as Booking;
    for (const call of [first.session, first.snapshot]) {
      const [a, b] = [await pgd.run(call), await pjs.run(call)];
      if (JSON.stringify(a) !== JSON.stringify(b))
        throw new Error(`${call.name}: the drivers read different rows`);
    }

    const bookingRun = (driver: Driver, concurrency: number) =>
      timed(BOOKINGS, concurrency, (i) => book(driver, bookings[i] as Booking));
    let runCounter = 0;
    const insertRun = (driver: Driver, concurrency: number) => {
      const tag = `run ${runCounter++}`;
      const call = (i: number): Call => ({
        name: "bench_bare_insert",
        text: BARE_INSERT,
        values: [`${tag} row ${i}`],
      });
      return timed(INSERTS, concurrency, async (i) => {
        await driver.run(call(i));
      });
    };

    // Warm-up: every connection of both pools opened and every statement prepared on it.
    process.stderr.write("  warming up…\n");
    for (const driver of drivers) {
      await bookingRun(driver, Math.max(...CONCURRENCY));
      await checkAndReset(admin, ids, expectBookings);
      await insertRun(driver, Math.max(...CONCURRENCY));
      await checkAndReset(admin, ids, expectInserts);
    }

    const loadBefore = loadavg();
    const figures: BenchFigure[] = [];
    const workloads = [
      { name: "booking path (session + snapshot + write)", run: bookingRun, expected: expectBookings },
      { name: "one-row INSERT", run: insertRun, expected: expectInserts },
    ];
    for (const workload of workloads) {
      for (const concurrency of CONCURRENCY) {
        const results: Record<Driver["label"], RunFigures[]> = { pg: [], "postgres.js": [] };
        for (let pair = 0; pair < PAIRS; pair++) {
          const order = pair % 2 === 0 ? [pgd, pjs] : [pjs, pgd];
          for (const driver of order) {
            results[driver.label].push(await workload.run(driver, concurrency));
            await checkAndReset(admin, ids, workload.expected);
          }
        }
        const ratio = (pick: (r: RunFigures) => number) =>
          results.pg.map((r, i) => pick(results["postgres.js"][i] as RunFigures) / pick(r));
        const throughputRatio = ratio((r) => r.perSecond);
        const cpuRatio = ratio((r) => r.cpuMs);
        const label = `${workload.name}, ${concurrency} callers`;
        process.stderr.write(`  ${label}, ${PAIRS} pairs (min / median / max):\n`);
        for (const driver of drivers) {
          const runs = results[driver.label];
          process.stderr.write(
            `    ${driver.label.padEnd(11)} ${spread(
              runs.map((r) => r.perSecond),
              0,
            )} op/s; client CPU ${spread(
              runs.map((r) => r.cpuMs),
              3,
            )} ms/op\n`,
          );
        }
        process.stderr.write(
          `    postgres.js ÷ pg: throughput ${spread(throughputRatio)} ×; client CPU ${spread(cpuRatio)} ×\n`,
        );
        figures.push(
          {
            name: `driver: ${label}: pg throughput (median)`,
            value: Math.round(median(results.pg.map((r) => r.perSecond))),
            unit: "op/s",
          },
          {
            name: `driver: ${label}: postgres.js throughput (median)`,
            value: Math.round(median(results["postgres.js"].map((r) => r.perSecond))),
            unit: "op/s",
          },
          {
            name: `driver: ${label}: postgres.js ÷ pg throughput (median pair)`,
            value: round(median(throughputRatio)),
            unit: "×",
          },
          {
            name: `driver: ${label}: pg client CPU per op (median)`,
            value: round(median(results.pg.map((r) => r.cpuMs)), 3),
            unit: "ms",
          },
          {
            name: `driver: ${label}: postgres.js client CPU per op (median)`,
            value: round(median(results["postgres.js"].map((r) => r.cpuMs)), 3),
            unit: "ms",
          },
          {
            name: `driver: ${label}: postgres.js ÷ pg client CPU (median pair)`,
            value: round(median(cpuRatio)),
            unit: "×",
          },
        );
      }
    }
    const loadAfter = loadavg();
    process.stderr.write(
      `  load average (1 min) ${loadBefore[0]?.toFixed(2)} before, ${loadAfter[0]?.toFixed(2)} after; ${BOOKINGS} bookings (${outboxPerBooking} e-mail each) and ${INSERTS} INSERTs per run\n`,
    );
    return figures;
  } finally {
    for (const driver of drivers) await driver.close().catch(() => {});
    await admin.end().catch(() => {});
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${benchDb} WITH (FORCE)`);
    await cleanup.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const row of await benchDriver()) {
    console.log(`${row.name.padEnd(90)} ${String(row.value).padStart(9)} ${row.unit}`);
  }
  process.exit(0);
}
