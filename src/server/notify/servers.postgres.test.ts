/**
 * Several servers: two worker processes (the server's background jobs) on one PostgreSQL database with
 * 1,000 due messages deliver 1,000 messages, none twice (claims with FOR UPDATE SKIP LOCKED).
 * Runs only with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { outboxMessages } from "../db/schema";
import { type MailSink, startMailSink } from "./mail-sink";
import { type SharedDatabase, seedDueMessages, sharedDatabase, startWorker, waitFor } from "./worker-harness";

const N = 1_000;
let sink: MailSink;
let shared: SharedDatabase;

beforeAll(async () => {
  shared = await sharedDatabase();
  const database = await shared.open();
  await seedDueMessages(database.db, "servers", N);
  await database.close();
  sink = await startMailSink();
});
afterAll(async () => {
  await sink.close();
  await shared.drop();
});

it("delivers 1,000 due messages once each from two servers at once", async () => {
  const env = { ...shared.env, SMTP_URL: sink.url, MAIL_FROM: "Clinic <clinic@servers.test>" };
  // Each "250 OK" takes a little while, so both servers are busy at the same time.
  sink.setDelay(5);
  const workers = [startWorker(env), startWorker(env)];
  await Promise.all(workers.map((w) => w.ready));
  await waitFor(() => sink.received.length >= N, 120_000, "1,000 messages");
  // A little longer: a repeat would arrive now.
  await new Promise((r) => setTimeout(r, 2_000));
  for (const w of workers) w.child.kill("SIGTERM");
  await Promise.all(workers.map((w) => w.exited));

  const ids = sink.received.map((m) => m.messageId);
  const distinct = new Set(ids);
  console.log(
    `several servers: ${ids.length} received, ${distinct.size} distinct, ${ids.length - distinct.size} repeats`,
  );
  expect(distinct.size).toBe(N);
  expect(ids.length).toBe(N);
  const database = await shared.open();
  const rows = await database.db.select().from(outboxMessages);
  const unsent = rows.filter((r) => r.sentAt === null);
  await database.close();
  expect(unsent).toHaveLength(0);
  expect(rows.every((r) => r.attempts === 1)).toBe(true);
}, 300_000);
