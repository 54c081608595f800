/**
 * The summaries' triggers on appointments and their chains are generated (migration 0025,
 * docs/decisions/0024-reports-summary.md "what a booking pays") from the same report_*_sql
 * definitions report_rebuild runs, so the two cannot count differently. These tests hold that link:
 * the installed trigger functions are exactly what report_triggers_compile() generates now (a
 * migration that changes a definition without recompiling fails here), and after writes the cheap
 * paths skip (a change of nothing the summaries read, single-row bookings and confirmations) the
 * summaries equal what report_rebuild computes from scratch.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "../db/connect";
import { createTestDatabase } from "../testing/harness";
import { rowsOf } from "./queries";
import { emptyWorld, insertWorld, type World } from "./test-world";

const HOUR = 3_600_000;
const DAY = 86_400_000;
const START = Date.parse("2026-03-02T16:00:00Z");
const GENERATED = [
  "report_appointments_changed",
  "report_client_days_appointments_changed",
  "report_client_days_changed",
  "report_client_firsts_changed",
];
const SUMMARIES: Record<string, string> = {
  report_clinic_days: "day, status, source, expiring, late, appointments",
  report_booked_days: "day, therapist_id, room_id, appointments, seconds",
  report_confirmations: "appointment_id, therapist_id, starts_at, created_at, flagged, confirmed_at",
  report_client_firsts: "client_ref, first_visit_at, again_at",
  report_client_days: "client_ref, day, prev_day",
  report_client_weeks: "week, prev_day, clients",
  report_client_first_days: "day, clients, rebooked",
};

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

async function sources(db: Db): Promise<Record<string, string>> {
  const rows = await rowsOf(
    db,
    sql`SELECT proname, prosrc FROM pg_proc WHERE proname IN (${sql.join(
      GENERATED.map((name) => sql`${name}`),
      sql`, `,
    )}) ORDER BY proname`,
  );
  return Object.fromEntries(rows.map((r) => [r.proname as string, r.prosrc as string]));
}

/** Every summary row of the clinic, as sorted text. */
async function summaries(db: Db, clinicId: string): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const [table, columns] of Object.entries(SUMMARIES)) {
    const rows = await rowsOf(
      db,
      sql.raw(`SELECT (${columns})::text AS row FROM ${table} WHERE clinic_id = '${clinicId}' ORDER BY 1`),
    );
    result[table] = rows.map((r) => r.row as string);
  }
  return result;
}

/** The summaries as the triggers left them must be what a rebuild from scratch computes. */
async function expectRebuildAgrees(db: Db, clinicId: string) {
  const kept = await summaries(db, clinicId);
  await db.execute(sql`SELECT report_rebuild(${clinicId}::uuid)`);
  expect(kept).toEqual(await summaries(db, clinicId));
  return kept;
}

/** A clinic with one therapist and three clients, each with completed, cancelled and booked visits. */
function world(): World {
  const w = emptyWorld();
  const therapistId = randomUUID();
  w.therapists.push({ id: therapistId, name: "T", hours: {} });
  for (let c = 0; c < 3; c++) {
    const clientId = randomUUID();
    w.clients.push({ id: clientId, firstName: "C", lastName: String(c) });
    (["completed", "completed", "cancelled", "confirmed"] as const).forEach((status, i) => {
      const startsAt = START + (c * 4 + i) * 2 * DAY;
      w.appointments.push({
        id: randomUUID(),
        clientId,
        clientName: `C ${c}`,
        therapistId,
        roomId: null,
        serviceId: w.serviceIds[0] as string,
        status,
        source: "online",
        startsAt,
        endsAt: startsAt + HOUR,
        createdAt: startsAt - 3 * DAY,
        updatedAt: status === "cancelled" ? startsAt - 72 * HOUR : startsAt - 3 * DAY,
        requestExpiresAt: null,
        confirmedAt: null,
      });
    });
  }
  return w;
}

describe("the summaries' triggers and report_rebuild share one definition", () => {
  it("the installed trigger functions are what report_triggers_compile() generates from the report_*_sql functions", async () => {
    const { db } = database;
    const installed = await sources(db);
    expect(Object.keys(installed)).toEqual(GENERATED);
    await db.execute(sql`SELECT report_triggers_compile()`);
    expect(await sources(db)).toEqual(installed);
    // The statements are the definitions' own text, inlined as static SQL.
    const [inlined] = await rowsOf(
      db,
      sql`SELECT strpos(prosrc, report_clinic_days_sql('SELECT id, clinic_id, client_id, therapist_id, room_id, status, source, starts_at, ends_at, created_at, updated_at, request_expires_at, 1 AS sign FROM new_rows')) > 0 AS found
        FROM pg_proc WHERE proname = 'report_appointments_changed'`,
    );
    expect(inlined?.found).toBe(true);
  });

  it("a change of nothing the summaries read leaves them as they were; bookings, confirmations, a late cancellation and completions equal a rebuild", async () => {
    const { db } = database;
    const w = world();
    await insertWorld(db, w);
    const before = await expectRebuildAgrees(db, w.clinicId);
    const [first, , cancelled] = w.appointments;

    // A note and a non-cancelled row's updated_at: nothing counted changes.
    await db.execute(
      sql`UPDATE appointments SET client_note = 'bring shorts', updated_at = now() WHERE id = ${first?.id}::uuid`,
    );
    expect(await expectRebuildAgrees(db, w.clinicId)).toEqual(before);

    // A cancelled row's updated_at inside the window makes it late: only updated_at changes.
    await db.execute(
      sql`UPDATE appointments SET updated_at = starts_at - interval '1 hour' WHERE id = ${cancelled?.id}::uuid`,
    );
    const late = await expectRebuildAgrees(db, w.clinicId);
    expect(late.report_clinic_days).not.toEqual(before.report_clinic_days);

    // Single-row bookings (requests), their confirmation and its audit event, one by one.
    const [therapist] = w.therapists;
    for (const [i, client] of w.clients.entries()) {
      const id = randomUUID();
      const startsAt = new Date(START + (40 + i) * DAY).toISOString();
      await db.execute(sql`INSERT INTO appointments (id, clinic_id, client_id, therapist_id, service_id, status, source,
          starts_at, ends_at, blocks_from, blocks_until, request_expires_at)
        VALUES (${id}::uuid, ${w.clinicId}::uuid, ${client.id}::uuid, ${therapist?.id}::uuid, ${w.serviceIds[0]}::uuid,
          'requested', 'online', ${startsAt}::timestamptz, ${startsAt}::timestamptz + interval '1 hour',
          ${startsAt}::timestamptz, ${startsAt}::timestamptz + interval '1 hour', now() + interval '2 days')`);
      await expectRebuildAgrees(db, w.clinicId);
      await db.execute(
        sql`UPDATE appointments SET status = 'confirmed', request_expires_at = NULL, updated_at = now() WHERE id = ${id}::uuid`,
      );
      await db.execute(sql`INSERT INTO audit_events (clinic_id, action, entity, entity_id, client_id, at, prev_hash, hash)
        VALUES (${w.clinicId}::uuid, 'confirm', 'appointment', ${id}, ${client.id}::uuid, now(), 'test', 'test')`);
      const kept = await expectRebuildAgrees(db, w.clinicId);
      expect((kept.report_confirmations ?? []).some((row) => row.includes(id))).toBe(true);
      // The visit becomes completed: visit days, weeks and firsts follow.
      await db.execute(sql`UPDATE appointments SET status = 'completed' WHERE id = ${id}::uuid`);
      await expectRebuildAgrees(db, w.clinicId);
    }
    // Every booking of one client deleted at once: the counts drop back, empty keys are swept.
    await db.execute(sql`DELETE FROM appointments WHERE client_id = ${w.clients[0]?.id}::uuid`);
    const after = await expectRebuildAgrees(db, w.clinicId);
    expect((after.report_clinic_days ?? []).every((row) => !row.endsWith(",0)"))).toBe(true);
  });
});
