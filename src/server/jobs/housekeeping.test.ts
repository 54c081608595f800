/** The purge jobs delete what has expired and keep what has not (PGlite and PostgreSQL). */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testConfig } from "../config";
import { authSessions, signInThrottle } from "../db/schema";
import { seedOtherClinic } from "../testing/fixtures";
import { createTestApp, type TestApp } from "../testing/harness";
import { backgroundJobs } from ".";
import { purgeEndedSessions, purgeStaleSignInCounters, refreshPlannerStatistics } from "./housekeeping";

const MINUTE = 60_000;
const config = testConfig({ sessionIdleMinutes: 30, loginWindowMinutes: 15 });
let t: TestApp;
let userId: string;

beforeAll(async () => {
  t = await createTestApp();
  userId = (await seedOtherClinic(t.database.db)).owner.id;
});
afterAll(() => t.close());

describe("housekeeping", () => {
  it("purges sessions past their lifetime or idle limit and keeps live ones", async () => {
    const now = new Date();
    const at = (offsetMin: number) => new Date(now.getTime() + offsetMin * MINUTE);
    const session = (idHash: string, lastSeenAt: Date, expiresAt: Date) => ({
      idHash,
      userId,
      csrfToken: "x",
      lastSeenAt,
      expiresAt,
    });
    await t.database.db
      .insert(authSessions)
      .values([
        session("past-lifetime", at(-1), at(-1)),
        session("idle-too-long", at(-31), at(600)),
        session("live", at(-29), at(600)),
        session("just-seen", now, at(1)),
      ]);
    expect(await purgeEndedSessions(t.database.db, config, now)).toBe(2);
    const left = await t.database.db.select({ idHash: authSessions.idHash }).from(authSessions);
    expect(left.map((s) => s.idHash).sort()).toEqual(["just-seen", "live"]);
  });

  it("purges sign-in counters idle past a day with no delay running, and keeps the rest", async () => {
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * MINUTE);
    const counter = (key: string, lastAttemptAt: Date, nextAttemptAt = lastAttemptAt) => ({
      key,
      windowStart: lastAttemptAt,
      lastAttemptAt,
      attempts: 6,
      nextAttemptAt,
    });
    await t.database.db
      .insert(signInThrottle)
      .values([
        counter("email:old@example.com", ago(24 * 60 + 1)),
        counter("ip:login:192.0.2.1", ago(3 * 24 * 60)),
        counter("email:recent@example.com", ago(60)),
        counter("device:still-delayed", ago(2 * 24 * 60), ago(-5)),
      ]);
    expect(await purgeStaleSignInCounters(t.database.db, config, now)).toBe(2);
    const left = await t.database.db.select({ key: signInThrottle.key }).from(signInThrottle);
    expect(left.map((c) => c.key).sort()).toEqual(["device:still-delayed", "email:recent@example.com"]);
  });

  it("keeps counters for the whole counting window when it is longer than a day", async () => {
    const now = new Date();
    const twoDaysAgo = new Date(now.getTime() - 2 * 24 * 60 * MINUTE);
    await t.database.db.insert(signInThrottle).values({
      key: "email:long-window@example.com",
      windowStart: twoDaysAgo,
      lastAttemptAt: twoDaysAgo,
      attempts: 3,
      nextAttemptAt: twoDaysAgo,
    });
    const longWindow = testConfig({ loginWindowMinutes: 3 * 24 * 60 });
    await purgeStaleSignInCounters(t.database.db, longWindow, now);
    const left = await t.database.db.select({ key: signInThrottle.key }).from(signInThrottle);
    expect(left.map((c) => c.key)).toContain("email:long-window@example.com");
  });
});

describe("the server's jobs", () => {
  it("deliver the outbox only when there is a mail transport", () => {
    const names = (jobs: { name: string }[]) => jobs.map((j) => j.name).sort();
    const onPostgres = testConfig({ databaseUrl: "postgres://app@db.invalid/knotwork" });
    expect(names(backgroundJobs(t.database.db, onPostgres, null))).toEqual([
      "erasure-purge",
      "request-expiry",
      "session-purge",
      "sign-in-counter-purge",
    ]);
    const transport = { send: async () => {} };
    expect(names(backgroundJobs(t.database.db, onPostgres, transport))).toContain("outbox");
  });

  it("refresh the planner's statistics on embedded PGlite only, which has no autovacuum", async () => {
    const embedded = testConfig({ databaseUrl: null });
    expect(backgroundJobs(t.database.db, embedded, null).map((j) => j.name)).toContain("planner-statistics");
    const analysedAt = async () => {
      const result = (await t.database.db.execute(
        sql`SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'appointments'`,
      )) as unknown as { rows: { last_analyze: unknown }[] };
      return result.rows[0]?.last_analyze ?? null;
    };
    const before = await analysedAt();
    await refreshPlannerStatistics(t.database.db);
    const after = await analysedAt();
    expect(after).not.toBeNull();
    expect(after).not.toEqual(before);
  });
});
