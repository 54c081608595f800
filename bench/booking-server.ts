/**
 * A server process for bench/booking.bench.ts, so the load generator never shares a thread with
 * what it measures. `node --import tsx bench/booking-server.ts app|bare|both`:
 * - app: the Knotwork app; bare: a Fastify route doing one INSERT (the baseline); both: the two on
 *   one database handle, which is the only way to share an embedded PGlite.
 * The database is BENCH_PGLITE_DIR (a data folder already built) or BENCH_POSTGRES_URL. It prints one
 * JSON line with the ports, then serves until killed.
 */
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { buildApp } from "../src/server/app";
import { testConfig } from "../src/server/config";
import { openPglite, openPostgres } from "../src/server/db/connect";

const role = process.argv[2] ?? "both";
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
  await bare.listen({ port: 0, host: "127.0.0.1" });
  ports.bare = (bare.server.address() as { port: number }).port;
}
process.stdout.write(`${JSON.stringify(ports)}\n`);
// A normal exit on SIGINT, so a CPU profile asked for with --cpu-prof is written.
process.once("SIGINT", () => process.exit(0));
