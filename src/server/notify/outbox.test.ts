/**
 * The outbox's delivery (docs/decisions/0009-background-jobs.md): claim, send outside any
 * transaction, mark. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import type { AddressInfo } from "node:net";
import { eq, like } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMessages } from "../db/schema";
import { OTHER_PASSWORD, seedOtherClinic } from "../testing/fixtures";
import { createTestApp, type TestApp } from "../testing/harness";
import {
  CLAIM_LEASE_MS,
  claimDueMessage,
  deliverDueMessages,
  enqueueMessage,
  type MailTransport,
  retryDelayMs,
} from "./outbox";
import { smtpTransport } from "./smtp";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedOtherClinic(t.database.db);
});
afterAll(() => t.close());

function message(dedupeKey: string, sendAfter = new Date(Date.now() - 1_000)) {
  return {
    clinicId: null,
    dedupeKey,
    kind: "test",
    to: "someone@example.com",
    subject: "Hi",
    body: "Hello",
    sendAfter,
  };
}

async function rowsLike(prefix: string) {
  return t.database.db
    .select()
    .from(outboxMessages)
    .where(like(outboxMessages.dedupeKey, `${prefix}%`));
}

/** A promise with its resolver, to wait for an event from a callback. */
function signal<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("delivery with a slow mail server", () => {
  const SMTP_DELAY_MS = 5_000;
  let server: SMTPServer;
  let port: number;
  const events: string[] = [];
  const messageArrived = signal();

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, _session, callback) {
        stream.resume();
        stream.on("end", () => {
          events.push("smtp received the message");
          messageArrived.resolve();
          // The server takes 5 s to say "250 OK".
          setTimeout(() => {
            events.push("smtp answered");
            callback();
          }, SMTP_DELAY_MS);
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("answers other requests while a message is being sent, and marks it sent after", async () => {
    await enqueueMessage(t.database.db, message("slow-smtp:1"));
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, "clinic@example.com");
    const delivery = deliverDueMessages(t.database.db, transport);

    await messageArrived.promise;
    // The mail server now holds the delivery for 5 s. The app must answer meanwhile.
    const [health, signIn] = await Promise.all([
      t.app.inject({ method: "GET", url: "/api/health" }),
      t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: "owner@other.test", password: OTHER_PASSWORD },
      }),
    ]);
    events.push("app answered");
    expect(health.statusCode).toBe(200);
    expect(signIn.statusCode, signIn.body).toBe(200);

    expect(await delivery).toBe(1);
    expect(events).toEqual(["smtp received the message", "app answered", "smtp answered"]);
    const [row] = await rowsLike("slow-smtp:1");
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(row?.claimedUntil).toBeNull();
    expect(row?.attempts).toBe(1);
  });
});

describe("claiming", () => {
  it("delivers each message once when two workers run in parallel", async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `parallel:${i}`);
    for (const key of keys)
      await enqueueMessage(t.database.db, { ...message(key), to: `${key}@example.com` });
    const sent: string[] = [];
    // Each send yields, so the two workers' claims interleave.
    const transport: MailTransport = {
      async send(m) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        sent.push(m.to);
      },
    };
    const [a, b] = await Promise.all([
      deliverDueMessages(t.database.db, transport, { batch: 50 }),
      deliverDueMessages(t.database.db, transport, { batch: 50 }),
    ]);
    expect(a + b).toBe(keys.length);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect([...sent].sort()).toEqual(keys.map((k) => `${k}@example.com`).sort());
    const rows = await rowsLike("parallel:");
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);
  });

  it("lets another worker retry a message once a crashed worker's lease has expired", async () => {
    await enqueueMessage(t.database.db, message("lease:1"));
    const claimedAt = new Date();
    const first = await claimDueMessage(t.database.db, claimedAt);
    expect(first?.dedupeKey).toBe("lease:1");
    // The worker dies here: nothing marks the message.
    const during = new Date(claimedAt.getTime() + CLAIM_LEASE_MS - 1_000);
    expect(await claimDueMessage(t.database.db, during)).toBeNull();
    const after = new Date(claimedAt.getTime() + CLAIM_LEASE_MS + 1_000);
    const retry = await claimDueMessage(t.database.db, after);
    expect(retry?.id).toBe(first?.id);
    expect(retry?.attempts).toBe(2);
  });

  it("does not release a claim that passed to another worker after its lease ran out", async () => {
    await enqueueMessage(t.database.db, message("overtaken:1"));
    const start = new Date();
    const later = new Date(start.getTime() + 2_000);
    let secondClaim: Date | null = null;
    // The first worker's send outlives its 1 s lease; a second worker claims the message, then the
    // first worker's send fails.
    const overtaken: MailTransport = {
      async send() {
        secondClaim = (await claimDueMessage(t.database.db, later))?.claimedUntil ?? null;
        throw new Error("421 timed out");
      },
    };
    await deliverDueMessages(t.database.db, overtaken, { now: () => start, leaseMs: 1_000, batch: 1 });
    expect(secondClaim).toEqual(new Date(later.getTime() + CLAIM_LEASE_MS));
    const [row] = await rowsLike("overtaken:1");
    expect(row?.claimedUntil).toEqual(secondClaim);
    expect(row?.lastError).toBeNull();
    // Finish the second worker's claim so the messages below start from a clean queue.
    await t.database.db
      .update(outboxMessages)
      .set({ sentAt: new Date() })
      .where(eq(outboxMessages.dedupeKey, "overtaken:1"));
  });

  it("backs off after a failed send, keeping the error, and sends on a later run", async () => {
    await enqueueMessage(t.database.db, message("fails:1"));
    const failing: MailTransport = {
      send: async () => {
        throw new Error("451 try again later");
      },
    };
    const start = new Date();
    expect(await deliverDueMessages(t.database.db, failing, { now: () => start })).toBe(0);
    const [failed] = await rowsLike("fails:1");
    expect(failed).toMatchObject({
      sentAt: null,
      claimedUntil: null,
      attempts: 1,
      lastError: "451 try again later",
    });
    expect(failed?.sendAfter.getTime()).toBe(start.getTime() + retryDelayMs(1));

    const sent: string[] = [];
    const working: MailTransport = { send: async (m) => void sent.push(m.subject) };
    // Not before the back-off has passed…
    expect(await deliverDueMessages(t.database.db, working, { now: () => start })).toBe(0);
    // …then once.
    const later = () => new Date(start.getTime() + retryDelayMs(1) + 1_000);
    expect(await deliverDueMessages(t.database.db, working, { now: later })).toBe(1);
    expect(await deliverDueMessages(t.database.db, working, { now: later })).toBe(0);
    expect(sent).toEqual(["Hi"]);
  });

  it("never claims a cancelled message or one not yet due", async () => {
    await enqueueMessage(t.database.db, message("cancelled:1"));
    await t.database.db
      .update(outboxMessages)
      .set({ cancelledAt: new Date() })
      .where(eq(outboxMessages.dedupeKey, "cancelled:1"));
    await enqueueMessage(t.database.db, message("future:1", new Date(Date.now() + 3_600_000)));
    const claimed = await claimDueMessage(t.database.db, new Date());
    expect(claimed).toBeNull();
  });

  it("keeps one message per dedupe key", async () => {
    expect(await enqueueMessage(t.database.db, message("once:1"))).toBe(true);
    expect(await enqueueMessage(t.database.db, message("once:1"))).toBe(false);
    expect(await rowsLike("once:1")).toHaveLength(1);
  });

  it("doubles the retry delay up to six hours", () => {
    expect(retryDelayMs(1)).toBe(5 * 60_000);
    expect(retryDelayMs(2)).toBe(10 * 60_000);
    expect(retryDelayMs(30)).toBe(6 * 3_600_000);
  });

  // The SMS transport is an interface with no sender (docs/decisions/0017-notifications.md): a text
  // message row waits for a worker that has one, and the e-mail worker neither claims nor mails it.
  it("leaves a due text-message row alone: the e-mail worker never claims or sends it", async () => {
    await enqueueMessage(t.database.db, { ...message("sms:1"), to: "+12085550100" });
    await t.database.db
      .update(outboxMessages)
      .set({ channel: "sms" })
      .where(eq(outboxMessages.dedupeKey, "sms:1"));
    const mailed: string[] = [];
    const recording: MailTransport = {
      send: async (m) => {
        mailed.push(m.to);
      },
    };
    // Whatever e-mail is due (an earlier test's row) goes; the text message does not.
    await deliverDueMessages(t.database.db, recording);
    expect(await claimDueMessage(t.database.db, new Date())).toBeNull();
    expect(mailed).not.toContain("+12085550100");
    const [row] = await rowsLike("sms:1");
    expect(row).toMatchObject({ channel: "sms", attempts: 0, sentAt: null, claimedUntil: null });
  });
});
