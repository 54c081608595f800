/**
 * Crash: a worker process (the server's background jobs) is killed with SIGKILL while 500 messages are
 * due and some are in flight; after a restart every message arrives. The only repeats are messages
 * that were in flight at the kill (the mail server had them, the worker had not marked them), and
 * they carry the same Message-ID. PGlite (a data directory) and, with TEST_DATABASE_URL, PostgreSQL.
 */
import { isNull } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { outboxMessages } from "../db/schema";
import { type MailSink, startMailSink } from "./mail-sink";
import { type SharedDatabase, seedDueMessages, sharedDatabase, startWorker, waitFor } from "./worker-harness";

const N = 500;
const LEASE_SECONDS = 3;
let sink: MailSink;
let shared: SharedDatabase;

beforeAll(async () => {
  shared = await sharedDatabase();
  const database = await shared.open();
  await seedDueMessages(database.db, "crash", N);
  await database.close();
  sink = await startMailSink();
});
afterAll(async () => {
  await sink?.close();
  await shared?.drop();
});

it("delivers every message after a kill -9 mid-delivery; repeats only of in-flight messages, same Message-ID", async () => {
  const env = {
    ...shared.env,
    SMTP_URL: sink.url,
    MAIL_FROM: "Clinic <clinic@crash.test>",
    KNOTWORK_OUTBOX_LEASE_SECONDS: String(LEASE_SECONDS),
  };
  // The mail server answers each message slowly, so a kill finds messages in flight.
  sink.setDelay(20);
  const originalLength = () => sink.received.length;
  const first = startWorker(env);
  await first.ready;
  await waitFor(() => originalLength() >= 150, 60_000, "150 messages before the kill");
  first.child.kill("SIGKILL");
  await first.exited;
  // What the mail server had from the killed worker: read only after it is gone and the sink has
  // parsed what was already in its socket buffer (a message written just before the kill lands in
  // the sink a few ticks later, and is then rightly sent again because its 250 never reached the worker).
  await new Promise((r) => setTimeout(r, 500));
  const atKill = new Set(sink.received.map((m) => m.messageId));
  sink.setDelay(0);

  const second = startWorker(env);
  await second.ready;
  const distinct = () => new Set(sink.received.map((m) => m.messageId)).size;
  await waitFor(() => distinct() >= N, 120_000, "every message after the restart");
  // Past the lease, so a message still claimed by the killed worker would have been retried by now.
  await new Promise((r) => setTimeout(r, (LEASE_SECONDS + 2) * 1000));
  second.child.kill("SIGTERM");
  await second.exited;

  const ids = sink.received.map((m) => m.messageId);
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  console.log(
    `crash test: ${ids.length} received, ${counts.size} distinct, ${repeated.length} repeated (${N} due, killed after ${atKill.size})`,
  );
  expect(counts.size).toBe(N);
  // Repeats: only messages the mail server had received before the kill, each at most twice, and no
  // more than the worker's parallel lanes (4) could have had in flight.
  expect(repeated.every((id) => atKill.has(id) && counts.get(id) === 2)).toBe(true);
  expect(repeated.length).toBeLessThanOrEqual(4);
  expect(ids.every((id) => /^<[0-9a-f-]{36}@crash\.test>$/.test(id))).toBe(true);

  const database = await shared.open();
  const unsent = await database.db.select().from(outboxMessages).where(isNull(outboxMessages.sentAt));
  await database.close();
  expect(unsent).toEqual([]);
}, 300_000);
