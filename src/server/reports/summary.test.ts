/**
 * The reports' summaries (migration 0019, docs/decisions/0024-reports-summary.md) are kept by database
 * triggers. After each kind of change (inserts, status changes, reschedules, moves to another
 * therapist or room, deletes, confirmations, a new clinic time zone or cancellation window) every summary table must equal
 * a recomputation, done here in plain code from the appointments and the audit log.
 */
import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppointmentSource, AppointmentStatus, RawAppointment } from "../../core/reports/compute";
import { instantToLocal } from "../../core/scheduling";
import type { Database, Db } from "../db/connect";
import { appointments, auditEvents, clinics } from "../db/schema";
import { createTestDatabase } from "../testing/harness";
import { rowsOf } from "./queries";
import { emptyWorld, insertWorld, seededRandom, type World } from "./test-world";

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

type Gen = ReturnType<typeof seededRandom>;

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

const ms = (value: unknown) => new Date(value as string | Date).getTime();

/** The summaries as stored, as sorted strings (numbers normalised). */
async function stored(db: Db, clinicId: string) {
  const days = await rowsOf(
    db,
    sql`SELECT day::text AS day, status::text AS status, source::text AS source, expiring, late, appointments
    FROM report_clinic_days WHERE clinic_id = ${clinicId}::uuid`,
  );
  const booked = await rowsOf(
    db,
    sql`SELECT day::text AS day, therapist_id::text AS therapist_id, room_id::text AS room_id, appointments,
      seconds::float8 AS seconds
    FROM report_booked_days WHERE clinic_id = ${clinicId}::uuid`,
  );
  const confirmations = await rowsOf(
    db,
    sql`SELECT appointment_id::text AS id, therapist_id::text AS therapist_id, starts_at, created_at, flagged, confirmed_at
    FROM report_confirmations WHERE clinic_id = ${clinicId}::uuid`,
  );
  const firsts = await rowsOf(
    db,
    sql`SELECT client_ref::text AS client_id, first_visit_at, again_at FROM report_client_firsts WHERE clinic_id = ${clinicId}::uuid`,
  );
  return {
    days: days
      .map((r) => `${r.day}|${r.status}|${r.source}|${r.expiring}|${r.late}|${r.appointments}`)
      .sort(),
    booked: booked
      .map((r) => `${r.day}|${r.therapist_id}|${r.room_id}|${r.appointments}|${Number(r.seconds)}`)
      .sort(),
    confirmations: confirmations
      .map(
        (r) =>
          `${r.id}|${r.therapist_id}|${ms(r.starts_at)}|${ms(r.created_at)}|${r.flagged}|${ms(r.confirmed_at)}`,
      )
      .sort(),
    firsts: firsts
      .map((r) => `${r.client_id}|${ms(r.first_visit_at)}|${r.again_at === null ? null : ms(r.again_at)}`)
      .sort(),
  };
}

/** The same three summaries recomputed from every appointment and confirm event of the clinic. */
async function recomputed(db: Db, clinicId: string) {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.id, clinicId));
  const zone = clinic?.timeZone as string;
  const rows = await db.select().from(appointments).where(eq(appointments.clinicId, clinicId));
  const events = await db
    .select()
    .from(auditEvents)
    .where(
      sql`${auditEvents.clinicId} = ${clinicId}::uuid AND action = 'confirm' AND entity = 'appointment'`,
    );
  const windowMs = (clinic?.policies.cancellationWindowHours as number) * HOUR;
  const days = new Map<string, number>();
  const booked = new Map<string, { n: number; seconds: number }>();
  for (const a of rows) {
    const startsAt = a.startsAt.getTime();
    const day = instantToLocal(startsAt, zone).date;
    const late = a.status === "cancelled" && a.updatedAt.getTime() > startsAt - windowMs;
    const key = [day, a.status, a.source, a.requestExpiresAt !== null, late].join("|");
    days.set(key, (days.get(key) ?? 0) + 1);
    if (!["confirmed", "completed", "no_show"].includes(a.status)) continue;
    const bookedKey = `${day}|${a.therapistId}|${a.roomId}`;
    const entry = booked.get(bookedKey) ?? { n: 0, seconds: 0 };
    entry.n++;
    entry.seconds += (a.endsAt.getTime() - startsAt) / 1000;
    booked.set(bookedKey, entry);
  }
  const confirmedAt = new Map<string, number>();
  for (const e of events) {
    const at = e.at.getTime();
    const known = confirmedAt.get(e.entityId as string);
    if (known === undefined || at < known) confirmedAt.set(e.entityId as string, at);
  }
  const confirmations = rows
    .filter((a) => confirmedAt.has(a.id))
    .map((a) => {
      const flagged = a.status === "requested" || a.status === "declined" || a.requestExpiresAt !== null;
      return `${a.id}|${a.therapistId}|${a.startsAt.getTime()}|${a.createdAt.getTime()}|${flagged}|${confirmedAt.get(a.id)}`;
    });
  const firsts: string[] = [];
  for (const clientId of new Set(rows.map((a) => a.clientId))) {
    const own = rows.filter((a) => a.clientId === clientId);
    const visits = own.filter((a) => a.status === "completed").map((a) => a.startsAt.getTime());
    if (visits.length === 0) continue;
    const first = Math.min(...visits);
    const later = own
      .filter((a) => REBOOK.includes(a.status) && a.startsAt.getTime() > first)
      .map((a) => a.startsAt.getTime());
    firsts.push(`${clientId}|${first}|${later.length ? Math.min(...later) : null}`);
  }
  return {
    days: [...days].map(([key, n]) => `${key}|${n}`).sort(),
    booked: [...booked].map(([key, v]) => `${key}|${v.n}|${v.seconds}`).sort(),
    confirmations: confirmations.sort(),
    firsts: firsts.sort(),
  };
}

async function expectInStep(db: Db, clinicId: string, step: string) {
  const [actual, expected] = await Promise.all([stored(db, clinicId), recomputed(db, clinicId)]);
  expect(actual, step).toEqual(expected);
}

function randomAppointment(g: Gen, world: World, slot: () => number): RawAppointment {
  const startsAt = slot();
  const createdAt = startsAt - g.int(60, 20 * 24 * 60) * MIN;
  return {
    id: randomUUID(),
    clientId: g.pick(world.clients).id,
    clientName: "",
    therapistId: g.pick(world.therapists).id,
    roomId: g.chance(0.6) ? g.pick(world.rooms).id : null,
    serviceId: world.serviceIds[0] as string,
    status: g.pick(STATUSES),
    source: g.pick(SOURCES),
    startsAt,
    endsAt: startsAt + g.pick([30, 45, 60, 90]) * MIN,
    createdAt,
    updatedAt: startsAt - g.int(-5, 400) * HOUR + g.int(0, 59) * MIN,
    requestExpiresAt: g.chance(0.3) ? createdAt + DAY : null,
    confirmedAt: g.chance(0.3) ? createdAt + g.int(1, 3000) * MIN : null,
  };
}

describe("report summaries follow every appointment change", () => {
  it("equal a recomputation after inserts, confirmations, updates, deletes, a time zone change and a new cancellation window", async () => {
    const db = database.db;
    for (const seed of [1, 2, 3]) {
      const g = seededRandom(seed);
      const world = emptyWorld(g.pick(["America/Boise", "Europe/London", "Asia/Kolkata"]));
      for (let i = 0; i < 3; i++)
        world.therapists.push({
          id: randomUUID(),
          name: `T${i}`,
          hours: { 1: [{ start: "09:00", end: "17:00" }] },
        });
      for (let i = 0; i < 2; i++) world.rooms.push({ id: randomUUID(), name: `Room ${i}` });
      for (let i = 0; i < 6; i++) world.clients.push({ id: randomUUID(), firstName: `C${i}`, lastName: "Z" });
      // Five-hour slots never reused: no two appointments overlap, whatever their therapist or room.
      let next = 0;
      const slot = () => START + next++ * 5 * HOUR;
      for (let i = 0; i < 40; i++) world.appointments.push(randomAppointment(g, world, slot));
      await insertWorld(db, world);
      const clinicId = world.clinicId;
      await expectInStep(db, clinicId, `seed ${seed}: after the bulk insert`);

      const ids = () => world.appointments.map((a) => a.id);
      for (let step = 0; step < 25; step++) {
        const id = g.pick(ids());
        const where = eq(appointments.id, id);
        const kind = g.pick(["insert", "status", "reschedule", "move", "touch", "delete", "confirm", "bulk"]);
        if (kind === "insert") {
          const a = randomAppointment(g, world, slot);
          world.appointments.push(a);
          await db.insert(appointments).values({
            ...a,
            clinicId,
            startsAt: new Date(a.startsAt),
            endsAt: new Date(a.endsAt),
            blocksFrom: new Date(a.startsAt),
            blocksUntil: new Date(a.endsAt),
            requestExpiresAt: a.requestExpiresAt === null ? null : new Date(a.requestExpiresAt),
            createdAt: new Date(a.createdAt),
            updatedAt: new Date(a.updatedAt),
          });
        } else if (kind === "status") {
          await db
            .update(appointments)
            .set({ status: g.pick(STATUSES), updatedAt: new Date(START + g.int(0, 90) * DAY) })
            .where(where);
        } else if (kind === "reschedule") {
          const startsAt = slot();
          const end = new Date(startsAt + g.pick([30, 60]) * MIN);
          await db
            .update(appointments)
            .set({
              startsAt: new Date(startsAt),
              endsAt: end,
              blocksFrom: new Date(startsAt),
              blocksUntil: end,
            })
            .where(where);
        } else if (kind === "move") {
          await db
            .update(appointments)
            .set({
              therapistId: g.pick(world.therapists).id,
              roomId: g.chance(0.5) ? g.pick(world.rooms).id : null,
              source: g.pick(SOURCES),
              requestExpiresAt: g.chance(0.5) ? new Date(START) : null,
            })
            .where(where);
        } else if (kind === "touch") {
          // A change no report reads: the summaries must not move.
          await db
            .update(appointments)
            .set({ clientNote: `note ${step}` })
            .where(where);
        } else if (kind === "delete") {
          world.appointments = world.appointments.filter((a) => a.id !== id);
          await db.delete(appointments).where(where);
        } else if (kind === "confirm") {
          await db.insert(auditEvents).values({
            clinicId,
            action: "confirm",
            entity: "appointment",
            entityId: id,
            at: new Date(START + g.int(-30, 30) * DAY),
            prevHash: "test",
            hash: "test",
          });
        } else {
          // One statement changing several rows, as a batch job would.
          const some = ids().filter(() => g.chance(0.3));
          if (some.length)
            await db
              .update(appointments)
              .set({ status: "cancelled", updatedAt: new Date(START + g.int(0, 90) * DAY) })
              .where(inArray(appointments.id, some));
        }
        await expectInStep(db, clinicId, `seed ${seed}, step ${step}: ${kind}`);
      }

      const some = ids().filter(() => g.chance(0.4));
      world.appointments = world.appointments.filter((a) => !some.includes(a.id));
      await db.delete(appointments).where(inArray(appointments.id, some));
      await expectInStep(db, clinicId, `seed ${seed}: after a bulk delete`);

      await db.update(clinics).set({ timeZone: "Australia/Adelaide" }).where(eq(clinics.id, clinicId));
      await expectInStep(db, clinicId, `seed ${seed}: after a time zone change`);
      await db
        .update(clinics)
        .set({
          policies: sql`jsonb_set(policies, '{cancellationWindowHours}', ${String(g.int(0, 72))}::jsonb)`,
        })
        .where(eq(clinics.id, clinicId));
      await expectInStep(db, clinicId, `seed ${seed}: after a new cancellation window`);

      await db.delete(appointments).where(eq(appointments.clinicId, clinicId));
      await expectInStep(db, clinicId, `seed ${seed}: after deleting everything`);
      const left = await stored(db, clinicId);
      expect([...left.days, ...left.booked], "nothing left behind").toEqual([]);
    }
  });
});
