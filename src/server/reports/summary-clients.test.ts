/**
 * The clients report's summaries (report_client_days, report_client_weeks, report_client_first_days;
 * ADR 0024, amendment "clients") are kept by database triggers. After booking, completing, cancelling, rescheduling,
 * moving, deleting, an erasure purge, a repair rebuild and a time zone change, both tables must equal
 * a recomputation in plain code from the appointments, and the clinic-wide clients report read from
 * them must equal the reference computation for ranges that start and end on any weekday.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RETENTION_DAYS } from "../../core/api/reports";
import {
  type AppointmentSource,
  type AppointmentStatus,
  computeClients,
  type RawAppointment,
} from "../../core/reports/compute";
import { weekOfDay } from "../../core/reports/range";
import { instantToLocal } from "../../core/scheduling";
import { formatLocalDate, parseLocalDateOrThrow } from "../../core/scheduling/civil";
import { configureAudit } from "../audit/audit";
import type { Database, Db } from "../db/connect";
import { appointments, clinics, erasureRequests } from "../db/schema";
import { purgeDueErasures } from "../erasure/store";
import { createTestDatabase } from "../testing/harness";
import { REPORTS, rowsOf } from "./queries";
import { emptyWorld, insertWorld, seededRandom } from "./test-world";

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const START = Date.parse("2026-03-02T00:00:00Z");
const STATUSES: AppointmentStatus[] = [
  "requested",
  "confirmed",
  "declined",
  "cancelled",
  "completed",
  "no_show",
];
const SOURCES: AppointmentSource[] = ["online", "phone", "staff"];
const REBOOK: AppointmentStatus[] = ["requested", "confirmed", "completed", "no_show"];

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  // The purge records an audit event; outside an app the log needs a key (no checkpoints).
  configureAudit({ key: randomBytes(32), checkpoints: null });
});
afterAll(async () => database.close());

/** Both summaries as stored, as sorted strings. */
async function stored(db: Db, clinicId: string) {
  const days = await rowsOf(
    db,
    sql`SELECT client_ref::text AS client, day::text AS day, prev_day::text AS prev
    FROM report_client_days WHERE clinic_id = ${clinicId}::uuid`,
  );
  const weeks = await rowsOf(
    db,
    sql`SELECT week::text AS week, prev_day::text AS prev, clients
    FROM report_client_weeks WHERE clinic_id = ${clinicId}::uuid`,
  );
  const firstDays = await rowsOf(
    db,
    sql`SELECT day::text AS day, clients, rebooked FROM report_client_first_days WHERE clinic_id = ${clinicId}::uuid`,
  );
  return {
    days: days.map((r) => `${r.client}|${r.day}|${r.prev}`).sort(),
    weeks: weeks.map((r) => `${r.week}|${r.prev}|${r.clients}`).sort(),
    firstDays: firstDays.map((r) => `${r.day}|${r.clients}|${r.rebooked}`).sort(),
  };
}

/** The appointments as the reference computations take them. */
async function rawAppointments(db: Db, clinicId: string): Promise<RawAppointment[]> {
  const rows = await db.select().from(appointments).where(eq(appointments.clinicId, clinicId));
  return rows.map((a) => ({
    id: a.id,
    clientId: a.clientId,
    clientName: "",
    therapistId: a.therapistId,
    roomId: a.roomId,
    serviceId: a.serviceId,
    status: a.status as AppointmentStatus,
    source: a.source as AppointmentSource,
    startsAt: a.startsAt.getTime(),
    endsAt: a.endsAt.getTime(),
    createdAt: a.createdAt.getTime(),
    updatedAt: a.updatedAt.getTime(),
    requestExpiresAt: a.requestExpiresAt?.getTime() ?? null,
    confirmedAt: null,
  }));
}

/** Each client's visit days with the day before, and those opening a week counted per week and previous day. */
function recomputed(all: readonly RawAppointment[], zone: string) {
  const byClient = new Map<string, Set<string>>();
  for (const a of all) {
    if (a.status !== "completed") continue;
    const days = byClient.get(a.clientId) ?? new Set<string>();
    days.add(instantToLocal(a.startsAt, zone).date);
    byClient.set(a.clientId, days);
  }
  const days: string[] = [];
  const weeks = new Map<string, number>();
  for (const [client, set] of byClient) {
    const sorted = [...set].sort();
    sorted.forEach((day, i) => {
      const prev = i === 0 ? null : (sorted[i - 1] as string);
      days.push(`${client}|${day}|${prev}`);
      const week = weekOfDay(parseLocalDateOrThrow(day));
      if (prev === null || prev < week) weeks.set(`${week}|${prev}`, (weeks.get(`${week}|${prev}`) ?? 0) + 1);
    });
  }
  // Per local day of a first visit: the new clients, and those who booked again within 56 days.
  const firstDays = new Map<string, { clients: number; rebooked: number }>();
  for (const client of byClient.keys()) {
    const own = all.filter((a) => a.clientId === client);
    const first = Math.min(...own.filter((a) => a.status === "completed").map((a) => a.startsAt));
    const again = own.some(
      (a) => REBOOK.includes(a.status) && a.startsAt > first && a.startsAt <= first + RETENTION_DAYS * DAY,
    );
    const day = instantToLocal(first, zone).date;
    const entry = firstDays.get(day) ?? { clients: 0, rebooked: 0 };
    entry.clients++;
    if (again) entry.rebooked++;
    firstDays.set(day, entry);
  }
  return {
    days: days.sort(),
    weeks: [...weeks].map(([key, n]) => `${key}|${n}`).sort(),
    firstDays: [...firstDays].map(([day, e]) => `${day}|${e.clients}|${e.rebooked}`).sort(),
  };
}

async function zoneOf(db: Db, clinicId: string): Promise<string> {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.id, clinicId));
  return clinic?.timeZone as string;
}

/** Ranges starting on every weekday, within one week, across whole weeks, and a single day. */
function ranges(): { from: string; to: string }[] {
  const first = parseLocalDateOrThrow("2026-03-02"); // a Monday
  const out: { from: string; to: string }[] = [];
  for (const [start, length] of [
    [0, 6],
    [0, 27],
    [3, 2],
    [3, 20],
    [6, 0],
    [6, 14],
    [2, 40],
    [-9, 60],
  ] as const)
    out.push({ from: formatLocalDate(first + start), to: formatLocalDate(first + start + length) });
  return out;
}

async function expectInStep(db: Db, clinicId: string, step: string) {
  const zone = await zoneOf(db, clinicId);
  const all = await rawAppointments(db, clinicId);
  expect(await stored(db, clinicId), step).toEqual(recomputed(all, zone));
  // Now before the visits are 56 days old (retention client by client), while some are, and long after.
  for (const [range, now] of ranges().flatMap((r) =>
    [START + 30 * DAY, START + 64 * DAY, START + 200 * DAY].map((n) => [r, n] as const),
  )) {
    const ctx = { ...range, timeZone: zone, therapistId: null, now, cancellationWindowHours: 24 };
    expect(await REPORTS.clients(db, { ...ctx, clinicId }), `${step}: ${range.from}…${range.to}`).toEqual(
      computeClients(ctx, all),
    );
  }
}

describe("the clients report's visit-day summaries follow every appointment change", () => {
  it("equal a recomputation after booking, completing, cancelling, rescheduling, deleting, an erasure, a rebuild and a time zone change", async () => {
    const db = database.db;
    for (const seed of [7, 8]) {
      const g = seededRandom(seed);
      const world = emptyWorld(g.pick(["America/Boise", "Europe/London", "Pacific/Auckland"]));
      world.therapists.push({
        id: randomUUID(),
        name: "T",
        hours: { 1: [{ start: "09:00", end: "17:00" }] },
      });
      for (let i = 0; i < 5; i++) world.clients.push({ id: randomUUID(), firstName: `C${i}`, lastName: "Z" });
      // Five-hour slots never reused (no overlaps), so a client often has two visits on one local day.
      let next = 0;
      const slot = () => START + next++ * 5 * HOUR;
      const booking = (status: AppointmentStatus) => {
        const startsAt = slot();
        return {
          id: randomUUID(),
          clinicId: world.clinicId,
          clientId: g.pick(world.clients).id,
          therapistId: world.therapists[0]?.id as string,
          serviceId: world.serviceIds[0] as string,
          status,
          source: g.pick(SOURCES),
          startsAt: new Date(startsAt),
          endsAt: new Date(startsAt + 60 * MIN),
          blocksFrom: new Date(startsAt),
          blocksUntil: new Date(startsAt + 60 * MIN),
          createdAt: new Date(startsAt - DAY),
          updatedAt: new Date(startsAt - DAY),
        };
      };
      await insertWorld(db, world);
      const clinicId = world.clinicId;
      // Bulk: one statement with many visits (the back-fill path of the triggers).
      await db.insert(appointments).values(Array.from({ length: 40 }, () => booking(g.pick(STATUSES))));
      await expectInStep(db, clinicId, `seed ${seed}: after the bulk insert`);

      const ids = async () =>
        (
          await db
            .select({ id: appointments.id })
            .from(appointments)
            .where(eq(appointments.clinicId, clinicId))
        ).map((r) => r.id);
      for (let step = 0; step < 30; step++) {
        const id = g.pick(await ids());
        const where = eq(appointments.id, id);
        const kind = g.pick([
          "book",
          "complete",
          "cancel",
          "status",
          "reschedule",
          "client",
          "delete",
          "bulk",
        ]);
        if (kind === "book") {
          await db.insert(appointments).values(booking(g.pick(["requested", "confirmed", "completed"])));
        } else if (kind === "complete" || kind === "cancel") {
          await db
            .update(appointments)
            .set({ status: kind === "complete" ? "completed" : "cancelled" })
            .where(where);
        } else if (kind === "status") {
          await db
            .update(appointments)
            .set({ status: g.pick(STATUSES) })
            .where(where);
        } else if (kind === "reschedule") {
          // To a new slot, or within the same day (the visit day stays, the row must not move).
          const [row] = await db.select().from(appointments).where(where);
          const startsAt = g.chance(0.5)
            ? slot()
            : (row?.startsAt.getTime() as number) + g.pick([-1, 1]) * MIN;
          await db
            .update(appointments)
            .set({
              startsAt: new Date(startsAt),
              endsAt: new Date(startsAt + 30 * MIN),
              blocksFrom: new Date(startsAt),
              blocksUntil: new Date(startsAt + 30 * MIN),
            })
            .where(where);
        } else if (kind === "client") {
          // Booked under the wrong client and corrected: both clients' visit days change.
          await db
            .update(appointments)
            .set({ clientId: g.pick(world.clients).id })
            .where(where);
        } else if (kind === "delete") {
          await db.delete(appointments).where(where);
        } else {
          const some = (await ids()).filter(() => g.chance(0.3));
          if (some.length)
            await db
              .update(appointments)
              .set({ status: g.pick(["completed", "cancelled"]) })
              .where(inArray(appointments.id, some));
        }
        await expectInStep(db, clinicId, `seed ${seed}, step ${step}: ${kind}`);
      }

      // An erasure purge deletes the client's appointments and the client (erasure/store.ts).
      const erased = world.clients[0]?.id as string;
      await db.insert(erasureRequests).values({
        clinicId,
        clientId: erased,
        status: "erased",
        erasedAt: new Date(START),
        retainUntil: new Date(START),
      });
      expect(await purgeDueErasures(db, new Date(START + DAY))).toBe(1);
      await expectInStep(db, clinicId, `seed ${seed}: after an erasure purge`);
      const left = await stored(db, clinicId);
      expect(
        left.days.filter((row) => row.startsWith(erased)),
        "nothing of the erased client",
      ).toEqual([]);

      // Wrong summaries (as if written by hand) are put right by report_rebuild.
      await db.execute(
        sql`UPDATE report_client_weeks SET clients = clients + 3 WHERE clinic_id = ${clinicId}::uuid`,
      );
      await db.execute(sql`INSERT INTO report_client_weeks (clinic_id, week, prev_day, clients)
        VALUES (${clinicId}::uuid, '2020-01-06', NULL, 9)`);
      await db.execute(
        sql`UPDATE report_client_days SET prev_day = '2020-01-01' WHERE clinic_id = ${clinicId}::uuid`,
      );
      expect(await stored(db, clinicId)).not.toEqual(
        recomputed(await rawAppointments(db, clinicId), world.timeZone),
      );
      await db.execute(sql`SELECT report_rebuild(${clinicId}::uuid)`);
      await expectInStep(db, clinicId, `seed ${seed}: after report_rebuild`);

      // Visit days are local days: a new time zone moves them.
      await db.update(clinics).set({ timeZone: "Asia/Kolkata" }).where(eq(clinics.id, clinicId));
      await expectInStep(db, clinicId, `seed ${seed}: after a time zone change`);

      await db.delete(appointments).where(eq(appointments.clinicId, clinicId));
      await expectInStep(db, clinicId, `seed ${seed}: after deleting everything`);
      expect(await stored(db, clinicId), "nothing left behind").toEqual({
        days: [],
        weeks: [],
        firstDays: [],
      });
    }
  });
});
