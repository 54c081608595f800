/**
 * The outcomes report's steps (report_pain_steps, migration 0023, docs/decisions/0024-reports-summary.md)
 * are kept by triggers on the charting tables. After each kind of change (signing, with the last
 * edit carried by the signing UPDATE; edits and deletes of drafts; amendments; the retention purge
 * deleting a point or a whole client; a rebuild) the stored steps must equal a recomputation done here
 * in plain code, and the clinic-wide report must equal the reference computation for random ranges.
 */
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MUSCLES } from "../../core/atlas";
import { computeOutcomes, type RawSession } from "../../core/reports/compute";
import { configureAudit } from "../audit/audit";
import type { Database, Db } from "../db/connect";
import { erasureRequests, noteAmendments, treatmentSessions, triggerPointRecords } from "../db/schema";
import { purgeDueErasures } from "../erasure/store";
import { createTestDatabase, usingPostgres } from "../testing/harness";
import { outcomeLabel, REPORTS, regionOf, rowsOf } from "./queries";
import { emptyWorld, insertWorld, seededRandom, type World } from "./test-world";

const DAY = 86_400_000;
const START = Date.parse("2026-01-05T15:00:00Z");
// Few muscles over three regions, few clients, many sessions: most figures reach five clients.
const CHOICES = ["upper-trapezius", "levator-scapulae", "middle-trapezius", "temporalis", "masseter"];

let database: Database;
beforeAll(async () => {
  // The purge records itself in the audit log.
  configureAudit({ key: Buffer.from("outcomes-steps-test-audit-key-0123456789"), checkpoints: null });
  database = await createTestDatabase();
});
afterAll(async () => database.close());

/** The steps as the migration defines them, from the sessions in memory, as sorted strings. */
function expectedSteps(sessions: readonly RawSession[]): string[] {
  const chains = new Map<string, RawSession[]>();
  const counted = sessions
    .filter((s) => s.signed && s.painBefore !== null)
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const session of counted) {
    const keys = new Set<string>();
    for (const muscle of session.muscleIds) {
      keys.add(`${session.clientId}|muscle|${muscle}`);
      const region = regionOf(muscle);
      if (region) keys.add(`${session.clientId}|region|${region}`);
    }
    for (const key of keys) chains.set(key, [...(chains.get(key) ?? []), session]);
  }
  const rows: string[] = [];
  for (const [key, chain] of chains) {
    chain.forEach((session, i) => {
      if (i === 0) return;
      const prev = chain[i - 1] as RawSession;
      const prevPrev = i >= 2 ? (chain[i - 2] as RawSession).createdAt : null;
      const change = (session.painBefore as number) - (prev.painBefore as number);
      rows.push(`${key}|${session.createdAt}|${prev.createdAt}|${prevPrev}|${change}`);
    });
  }
  return rows.sort();
}

async function storedSteps(db: Db, clinicId: string): Promise<string[]> {
  const rows = await rowsOf(
    db,
    sql`SELECT r.client_ref::text AS client, d.kind, d.key, r.at, r.prev_at, r.prev_prev_at, r.change
    FROM report_pain_steps r JOIN report_outcome_keys d ON d.id = r.key_id WHERE r.clinic_id = ${clinicId}::uuid`,
  );
  const ms = (value: unknown) => (value === null ? null : new Date(value as string | Date).getTime());
  return rows
    .map(
      (r) =>
        `${r.client}|${r.kind}|${r.key}|${ms(r.at)}|${ms(r.prev_at)}|${ms(r.prev_prev_at)}|${Number(r.change)}`,
    )
    .sort();
}

function date(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The steps equal a recomputation, and the clinic-wide report the reference, over random ranges. */
async function check(world: World, g: ReturnType<typeof seededRandom>): Promise<void> {
  const db = database.db;
  expect(await storedSteps(db, world.clinicId)).toEqual(expectedSteps(world.sessions));
  const ranges = [
    { from: date(START - 2 * DAY), to: date(START + 130 * DAY) },
    ...Array.from({ length: 6 }, () => {
      const from = g.int(0, 100);
      return { from: date(START + from * DAY), to: date(START + (from + g.int(0, 60)) * DAY) };
    }),
  ];
  for (const range of ranges) {
    const ctx = {
      ...range,
      timeZone: world.timeZone,
      therapistId: null,
      now: START + 200 * DAY,
      cancellationWindowHours: 24,
    };
    const report = await REPORTS.outcomes(db, { ...ctx, clinicId: world.clinicId });
    expect(report).toEqual(computeOutcomes(ctx, world.sessions, regionOf, outcomeLabel));
  }
}

function randomWorld(g: ReturnType<typeof seededRandom>): World {
  const world = emptyWorld();
  world.therapists = [0, 1].map((n) => ({ id: randomUUID(), name: `Therapist ${n}`, hours: {} }));
  world.clients = Array.from({ length: 8 }, (_, n) => ({
    id: randomUUID(),
    firstName: "Client",
    lastName: `${n}`,
  }));
  for (let i = 0; i < 90; i++) {
    world.sessions.push({
      id: randomUUID(),
      clientId: g.pick(world.clients).id,
      therapistId: g.pick(world.therapists).id,
      // Some sessions share an instant: the chains break ties by id, as the report does.
      createdAt: START + g.int(0, 120) * DAY + (g.chance(0.1) ? 0 : g.int(0, 8) * 3_600_000),
      signed: g.chance(0.8),
      painBefore: g.chance(0.9) ? g.int(0, 10) : null,
      muscleIds: CHOICES.filter(() => g.chance(0.4)).concat(g.chance(0.05) ? ["not-in-the-atlas"] : []),
    });
  }
  return world;
}

describe("report_pain_steps", () => {
  it("holds each muscle's atlas region (report_muscle_regions is a copy of code data)", async () => {
    const rows = await rowsOf(database.db, sql`SELECT muscle_id, region FROM report_muscle_regions`);
    const stored = rows.map((r) => `${r.muscle_id}|${r.region}`).sort();
    expect(stored).toEqual(MUSCLES.map((m) => `${m.id}|${m.group}`).sort());
  });

  it("equals a recomputation after signing, draft edits, amendments, purges and a rebuild", async () => {
    const g = seededRandom(20261203);
    const db = database.db;
    const world = randomWorld(g);
    await insertWorld(db, world);
    expect((await storedSteps(db, world.clinicId)).length).toBeGreaterThan(20);
    await check(world, g);

    // Signing: some drafts at once (one statement), the signing UPDATE carrying a new pain score.
    const drafts = world.sessions.filter((s) => !s.signed);
    const toSign = drafts.slice(0, Math.ceil(drafts.length / 2));
    await db
      .update(treatmentSessions)
      .set({
        signedAt: sql`created_at`,
        painBefore: sql`CASE WHEN pain_before IS NULL THEN 3 ELSE 10 - pain_before END`,
      })
      .where(
        inArray(
          treatmentSessions.id,
          toSign.map((s) => s.id),
        ),
      );
    for (const s of toSign) {
      s.signed = true;
      s.painBefore = s.painBefore === null ? 3 : 10 - s.painBefore;
    }
    await check(world, g);

    // Drafts: an autosave-like edit, points added and removed, and a draft deleted change nothing.
    const rest = world.sessions.filter((s) => !s.signed);
    expect(rest.length).toBeGreaterThan(2);
    const [edited, deleted] = rest as [RawSession, RawSession];
    await db.update(treatmentSessions).set({ painBefore: 1 }).where(eq(treatmentSessions.id, edited.id));
    edited.painBefore = 1;
    await db
      .insert(triggerPointRecords)
      .values({ clinicId: world.clinicId, sessionId: edited.id, muscleId: "masseter" });
    edited.muscleIds = [...edited.muscleIds, "masseter"];
    await db.delete(treatmentSessions).where(eq(treatmentSessions.id, deleted.id));
    world.sessions = world.sessions.filter((s) => s !== deleted);
    await check(world, g);
    // ... until it is signed.
    await db
      .update(treatmentSessions)
      .set({ signedAt: new Date() })
      .where(eq(treatmentSessions.id, edited.id));
    edited.signed = true;
    await check(world, g);

    // An amendment is applied on read; the report counts the note as signed (pain before as signed),
    // so an amendment of the pain score or a point changes no step.
    const signedWithPoints = world.sessions.find(
      (s) => s.signed && s.painBefore !== null && s.muscleIds.some((m) => m !== "not-in-the-atlas"),
    ) as RawSession;
    const [point] = await db
      .select({ id: triggerPointRecords.id })
      .from(triggerPointRecords)
      .where(eq(triggerPointRecords.sessionId, signedWithPoints.id));
    const before = await storedSteps(db, world.clinicId);
    await db.insert(noteAmendments).values({
      clinicId: world.clinicId,
      sessionId: signedWithPoints.id,
      authorId: null,
      reason: "Pain score misheard",
      changes: { note: { painBefore: 0 }, removedPointIds: [point?.id] },
    });
    expect(await storedSteps(db, world.clinicId)).toEqual(before);
    await check(world, g);

    // The retention purge may delete a signed session's point (migration 0018): the chains follow.
    const pointsOf = await db
      .select({ id: triggerPointRecords.id, muscleId: triggerPointRecords.muscleId })
      .from(triggerPointRecords)
      .where(eq(triggerPointRecords.sessionId, signedWithPoints.id));
    const gone = pointsOf[0] as { id: string; muscleId: string };
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('knotwork.retention_purge', 'on', true)`);
      await tx.delete(triggerPointRecords).where(eq(triggerPointRecords.id, gone.id));
    });
    const index = signedWithPoints.muscleIds.indexOf(gone.muscleId);
    signedWithPoints.muscleIds = signedWithPoints.muscleIds.filter((_, i) => i !== index);
    await check(world, g);

    // An erased client's purge (the real sweep) removes their sessions, and with them their steps.
    const counts = new Map<string, number>();
    for (const s of world.sessions) if (s.signed) counts.set(s.clientId, (counts.get(s.clientId) ?? 0) + 1);
    const [erased] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] as [string, number];
    await db.insert(erasureRequests).values({
      clinicId: world.clinicId,
      clientId: erased,
      status: "erased",
      erasedAt: new Date(Date.now() - 2 * DAY),
      retainUntil: new Date(Date.now() - DAY),
    });
    expect(await purgeDueErasures(db)).toBe(1);
    world.sessions = world.sessions.filter((s) => s.clientId !== erased);
    const left = await rowsOf(
      db,
      sql`SELECT count(*)::int AS n FROM report_pain_steps WHERE client_ref = ${erased}::uuid`,
    );
    expect(left[0]?.n).toBe(0);
    await check(world, g);

    // Derived data: whatever happened to it, report_rebuild recomputes it.
    await db.execute(
      sql`DELETE FROM report_pain_steps WHERE clinic_id = ${world.clinicId}::uuid
        AND key_id IN (SELECT id FROM report_outcome_keys WHERE kind = 'region')`,
    );
    await db.execute(
      sql`UPDATE report_pain_steps SET change = change + 1 WHERE clinic_id = ${world.clinicId}::uuid`,
    );
    expect(await storedSteps(db, world.clinicId)).not.toEqual(expectedSteps(world.sessions));
    await db.execute(sql`SELECT report_rebuild(${world.clinicId}::uuid)`);
    await check(world, g);

    // The signed sessions of the first world are still refused changes (the sign lock is unchanged).
    const signed = world.sessions.find((s) => s.signed) as RawSession;
    await expect(
      db.update(treatmentSessions).set({ painBefore: 2 }).where(eq(treatmentSessions.id, signed.id)),
    ).rejects.toThrow();
    const stillDraft = await db
      .select({ id: treatmentSessions.id })
      .from(treatmentSessions)
      .where(and(eq(treatmentSessions.clinicId, world.clinicId), isNull(treatmentSessions.signedAt)));
    expect(stillDraft.length).toBe(world.sessions.filter((s) => !s.signed).length);
  });

  // Concurrency needs two connections: PostgreSQL only (PGlite has one connection, nothing interleaves).
  if (usingPostgres()) {
    it("two transactions signing one client's sessions at once leave both in the chains", async () => {
      const g = seededRandom(7);
      const db = database.db;
      const world = emptyWorld();
      world.therapists = [{ id: randomUUID(), name: "Therapist", hours: {} }];
      const client = { id: randomUUID(), firstName: "Client", lastName: "Both" };
      world.clients = [client];
      for (let i = 0; i < 6; i++)
        world.sessions.push({
          id: randomUUID(),
          clientId: client.id,
          therapistId: world.therapists[0]?.id as string,
          createdAt: START + i * 7 * DAY,
          signed: i < 2,
          painBefore: 8 - i,
          muscleIds: ["upper-trapezius"],
        });
      await insertWorld(db, world);
      const [first, second] = world.sessions.slice(2) as [RawSession, RawSession];
      let signedFirst: () => void = () => {};
      const firstSigned = new Promise<void>((resolve) => {
        signedFirst = resolve;
      });
      let letGo: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        letGo = resolve;
      });
      const one = db.transaction(async (tx) => {
        await tx
          .update(treatmentSessions)
          .set({ signedAt: new Date() })
          .where(eq(treatmentSessions.id, first.id));
        signedFirst();
        await gate;
      });
      await firstSigned;
      const two = db.transaction(async (tx) => {
        await tx
          .update(treatmentSessions)
          .set({ signedAt: new Date() })
          .where(eq(treatmentSessions.id, second.id));
      });
      // The second waits for the first's per-client lock; let the first commit only then.
      for (let waiting = 0; waiting === 0; ) {
        const [row] = await rowsOf(
          db,
          sql`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
        );
        waiting = Number(row?.n ?? 0);
        if (waiting === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      letGo();
      await Promise.all([one, two]);
      first.signed = true;
      second.signed = true;
      await check(world, g);
    });
  }
});
