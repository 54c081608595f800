/**
 * A server process for bench/booking.bench.ts, so the load generator never shares a thread with
 * what it measures. `node --import tsx bench/booking-server.ts app|bare|both`:
 * - app: the Knotwork app; bare: a Fastify route doing one INSERT (the booking baseline) and one
 *   reading the busy rows an availability search reads (its baseline); both: the two on one database
 *   handle, which is the only way to share an embedded PGlite.
 * The database is BENCH_PGLITE_DIR (a data folder already built) or BENCH_POSTGRES_URL. It prints one
 * JSON line with the ports (`stats` answers how many PostgreSQL round trips the process has made so
 * far), then serves until killed.
 */
import { createServer } from "node:http";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import pg from "pg";
import { buildApp } from "../src/server/app";
import { testConfig } from "../src/server/config";
import { openPglite, openPostgres } from "../src/server/db/connect";

const role = process.argv[2] ?? "both";

// Round trips to PostgreSQL: node-postgres sends one query per call and waits for its answer, so
// every `Client.query` (pooled or in a transaction, BEGIN and COMMIT included) is one round trip.
let roundTrips = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  roundTrips++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;
const database = process.env.BENCH_POSTGRES_URL
  ? openPostgres(process.env.BENCH_POSTGRES_URL, 10).database
  : (await openPglite(process.env.BENCH_PGLITE_DIR as string)).database;

const ports: Record<string, number> = {};
if (role === "app" || role === "both") {
  const app = await buildApp({ database, config: testConfig() });
  await app.listen({ port: 0, host: "127.0.0.1" });
  ports.app = (app.server.address() as { port: number }).port;
}
if (role === "bare" || role === "both") {
  const bare = Fastify();
  bare.post("/bare", async (request, reply) => {
    const { note } = request.body as { note: string };
    await database.db.execute(sql`INSERT INTO bench_bare (note) VALUES (${note})`);
    return reply.status(201).send({ ok: true });
  });
  // The rows an any-therapist availability search reads for its window (the app's own busy-time
  // predicate, schedule.ts busyRowsSql), decoded by the driver and counted: the database and driver
  // share of a search, without the slot engine or the response.
  bare.get("/bare-busy", async (request, reply) => {
    const { clinic, from, to } = request.query as { clinic: string; from: string; to: string };
    const rows = await database.db.execute(sql`SELECT a.therapist_id, a.room_id, a.blocks_from, a.blocks_until
      FROM appointments a WHERE a.clinic_id = ${clinic}::uuid
        AND tstzrange(a.blocks_from, a.blocks_until, '[)') && tstzrange(${from}::timestamptz, ${to}::timestamptz, '[)')
        AND a.status IN ('requested', 'confirmed')
        AND (a.status = 'confirmed' OR a.request_expires_at IS NULL OR a.request_expires_at > now())`);
    return reply.send({ rows: (rows as unknown as { rows: unknown[] }).rows.length });
  });
  await bare.listen({ port: 0, host: "127.0.0.1" });
  ports.bare = (bare.server.address() as { port: number }).port;
}
// The count so far, for the load generator to read before and after a run.
const stats = createServer((_request, response) => response.end(String(roundTrips)));
await new Promise<void>((resolve) => stats.listen(0, "127.0.0.1", resolve));
ports.stats = (stats.address() as { port: number }).port;
process.stdout.write(`${JSON.stringify(ports)}\n`);
// A normal exit on SIGINT, so a CPU profile asked for with --cpu-prof is written.
process.once("SIGINT", () => process.exit(0));
