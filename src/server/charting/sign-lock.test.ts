/**
 * Sign and lock is enforced by the database (migration charting_sign_lock), not only by the routes:
 * raw SQL cannot change or delete a signed note or its points, and amendments are append-only. The
 * signing UPDATE itself, and any change to an unsigned note, still go through.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresErrorCode } from "../http/errors";
import { clinicIdBySlug } from "../intake/testing";
import { seedDemoClinic } from "../seed/demo";
import { createTestApp, type TestApp } from "../testing/harness";

let t: TestApp;
let clinicId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  clinicId = await clinicIdBySlug(t.database.db, "demo");
});
afterAll(() => t.close());

async function refused(statement: ReturnType<typeof sql>): Promise<string | undefined> {
  try {
    await t.database.db.execute(statement);
  } catch (error) {
    return postgresErrorCode(error);
  }
  return "accepted";
}

async function one<T>(statement: ReturnType<typeof sql>): Promise<T> {
  const result = await t.database.db.execute(statement);
  return (result as { rows: T[] }).rows[0] as T;
}

async function newUnsignedSession(): Promise<{ id: string }> {
  return one(sql`
    INSERT INTO treatment_sessions (clinic_id, client_id, therapist_id, subjective)
    SELECT ${clinicId}, c.id, th.id, 'draft text'
    FROM clients c, therapists th WHERE c.clinic_id = ${clinicId} AND th.clinic_id = ${clinicId}
    LIMIT 1 RETURNING id`);
}

async function addPoint(sessionId: string): Promise<{ id: string }> {
  return one(sql`
    INSERT INTO trigger_point_records (clinic_id, session_id, muscle_id)
    VALUES (${clinicId}, ${sessionId}, 'upper-trapezius') RETURNING id`);
}

describe("a signed note in the database", () => {
  it("refuses UPDATE and DELETE of the note, and any change to its points", async () => {
    const session = await newUnsignedSession();
    const point = await addPoint(session.id);
    // The signing UPDATE is allowed (judged by the row as it was: unsigned), with a last edit in it.
    expect(
      await refused(
        sql`UPDATE treatment_sessions SET signed_at = now(), subjective = 'final text' WHERE id = ${session.id}`,
      ),
    ).toBe("accepted");

    expect(
      await refused(sql`UPDATE treatment_sessions SET subjective = 'changed' WHERE id = ${session.id}`),
    ).toBe("KW001");
    expect(await refused(sql`UPDATE treatment_sessions SET signed_at = NULL WHERE id = ${session.id}`)).toBe(
      "KW001",
    );
    expect(await refused(sql`DELETE FROM treatment_sessions WHERE id = ${session.id}`)).toBe("KW001");
    expect(await refused(sql`UPDATE trigger_point_records SET release = 'full' WHERE id = ${point.id}`)).toBe(
      "KW001",
    );
    expect(await refused(sql`DELETE FROM trigger_point_records WHERE id = ${point.id}`)).toBe("KW001");
    expect(
      await refused(sql`INSERT INTO trigger_point_records (clinic_id, session_id, muscle_id)
        VALUES (${clinicId}, ${session.id}, 'scalenes')`),
    ).toBe("KW001");

    const after = await one<{ subjective: string; signed: boolean; points: number }>(sql`
      SELECT subjective, signed_at IS NOT NULL AS signed,
        (SELECT count(*)::int FROM trigger_point_records WHERE session_id = ${session.id}) AS points
      FROM treatment_sessions WHERE id = ${session.id}`);
    expect(after).toEqual({ subjective: "final text", signed: true, points: 1 });
  });

  it("refuses moving a point of an unsigned note into a signed one", async () => {
    const signed = await newUnsignedSession();
    await t.database.db.execute(sql`UPDATE treatment_sessions SET signed_at = now() WHERE id = ${signed.id}`);
    const draft = await newUnsignedSession();
    const point = await addPoint(draft.id);
    expect(
      await refused(sql`UPDATE trigger_point_records SET session_id = ${signed.id} WHERE id = ${point.id}`),
    ).toBe("KW001");
  });

  it("lets an unsigned note and its points change and go", async () => {
    const session = await newUnsignedSession();
    const point = await addPoint(session.id);
    expect(await refused(sql`UPDATE trigger_point_records SET release = 'full' WHERE id = ${point.id}`)).toBe(
      "accepted",
    );
    expect(await refused(sql`UPDATE treatment_sessions SET plan = 'p' WHERE id = ${session.id}`)).toBe(
      "accepted",
    );
    expect(await refused(sql`DELETE FROM treatment_sessions WHERE id = ${session.id}`)).toBe("accepted");
  });

  it("keeps amendments append-only, and only for a signed note", async () => {
    const session = await newUnsignedSession();
    const amend = sql`INSERT INTO note_amendments (clinic_id, session_id, reason, changes)
      VALUES (${clinicId}, ${session.id}, 'why', '{}'::jsonb) RETURNING id`;
    expect(await refused(amend)).toBe("KW001");
    await t.database.db.execute(
      sql`UPDATE treatment_sessions SET signed_at = now() WHERE id = ${session.id}`,
    );
    const amendment = await one<{ id: string }>(amend);
    expect(await refused(sql`UPDATE note_amendments SET reason = 'other' WHERE id = ${amendment.id}`)).toBe(
      "KW001",
    );
    expect(await refused(sql`DELETE FROM note_amendments WHERE id = ${amendment.id}`)).toBe("KW001");
    expect(await refused(sql`TRUNCATE note_amendments`)).toBe("KW001");
    const kept = await one<{ reason: string }>(
      sql`SELECT reason FROM note_amendments WHERE id = ${amendment.id}`,
    );
    expect(kept.reason).toBe("why");
  });

  it("answers the routes' writes to a signed note with 409 signed, not 500", async () => {
    const { toApiError } = await import("../http/errors");
    const error = Object.assign(new Error("locked"), { code: "KW001" });
    expect(toApiError(error)).toEqual({
      status: 409,
      body: { code: "signed", message: expect.stringContaining("signed") },
    });
  });
});
