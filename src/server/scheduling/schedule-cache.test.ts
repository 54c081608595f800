/**
 * The cached schedule (./schedule-cache.ts, docs/decisions/0027-schedule-cache.md). Changes made
 * straight in the database stand for another server's: this server's cache does not hear of them,
 * only the schedule version (set by triggers) tells, so every answer here depends on that check.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantToLocal } from "../../core/scheduling";
import {
  boise,
  type DemoIds,
  newClient,
  openDemoWorld,
  overlappingHolders,
  workday,
} from "../appointments/test-helpers";
import { appointments, clinics, dateOverrides, outboxMessages, services, timeOff } from "../db/schema";
import type { Agent, TestApp } from "../testing/harness";

let t: TestApp;
let ids: DemoIds;
let jordan: Agent;
let desk: Agent;
/** A 30-minute service without a room: bookings for one therapist plan on the cache alone. */
let walk: string;

beforeAll(async () => {
  ({ t, ids, jordan, desk } = await openDemoWorld());
  const [row] = await t.database.db
    .insert(services)
    .values({
      clinicId: ids.clinicId,
      kind: "session",
      name: "Walk-through 30",
      durationMin: 30,
      bookingMode: "instant",
      needsRoom: false,
    })
    .returning({ id: services.id });
  walk = row?.id as string;
});
afterAll(async () => {
  expect(await overlappingHolders(t.database.db)).toBe(0);
  await t.close();
});

const BOOK = "/api/public/clinics/demo/appointments";

async function version(): Promise<bigint> {
  const [row] = await t.database.db
    .select({ v: sql<string>`${clinics.scheduleVersion}::text` })
    .from(clinics)
    .where(eq(clinics.id, ids.clinicId));
  return BigInt(row?.v as string);
}

async function heldAt(start: string): Promise<number> {
  const rows = await t.database.db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.clinicId, ids.clinicId), eq(appointments.startsAt, new Date(start))));
  return rows.length;
}

const bookWalk = (agent: Agent, start: string, therapistId = ids.marcus) =>
  agent.request("POST", BOOK, { serviceId: walk, therapistId, start });

/** The next Saturday after `date` (Marcus does not work Saturdays). */
function saturdayAfter(date: string): string {
  for (let d = 1; d <= 7; d++) {
    const local = instantToLocal(Date.parse(`${date}T12:00:00Z`) + d * 86_400_000, "America/Boise");
    if (local.weekday === 6) return local.date;
  }
  throw new Error("no Saturday in a week");
}

describe("schedule version", () => {
  it("moves on with every change the slot engine would see, and not with a booking", async () => {
    const db = t.database.db;
    const changes = [
      sql`UPDATE services SET name = name || ' ' WHERE id = ${walk}`,
      sql`UPDATE therapists SET display_name = display_name WHERE id = ${ids.priya}`,
      sql`UPDATE working_hours SET end_time = end_time WHERE therapist_id = ${ids.sam}`,
      sql`INSERT INTO date_overrides (clinic_id, therapist_id, date, intervals)
          VALUES (${ids.clinicId}, ${ids.sam}, ${workday(30)}, '[]'::jsonb)`,
      sql`DELETE FROM date_overrides WHERE therapist_id = ${ids.sam} AND date = ${workday(30)}`,
      sql`INSERT INTO time_off (clinic_id, therapist_id, starts_at, ends_at)
          VALUES (${ids.clinicId}, ${ids.sam}, ${boise(workday(31), "09:00")}, ${boise(workday(31), "10:00")})`,
      sql`DELETE FROM time_off WHERE therapist_id = ${ids.sam}`,
      sql`UPDATE rooms SET name = name WHERE id = ${ids.sage}`,
      sql`UPDATE clinics SET policies = policies WHERE id = ${ids.clinicId}`,
      sql`TRUNCATE date_overrides`,
    ];
    let before = await version();
    for (const change of changes) {
      await db.execute(change);
      const after = await version();
      expect(after, String(change.queryChunks[0])).toBeGreaterThan(before);
      before = after;
    }
    const booked = await bookWalk(jordan, boise(workday(3), "09:00"));
    expect(booked.statusCode).toBe(201);
    expect(await version()).toBe(before);
  });
});

describe("a schedule changed by another server", () => {
  it("refuses a time closed there, writing nothing, though the cache here still has it open", async () => {
    const date = workday(4);
    // Warm this server's cache.
    expect((await bookWalk(jordan, boise(date, "09:00"))).statusCode).toBe(201);
    const closed = boise(date, "11:00");
    await t.database.db.insert(timeOff).values({
      clinicId: ids.clinicId,
      therapistId: ids.marcus,
      startsAt: new Date(boise(date, "10:30")),
      endsAt: new Date(boise(date, "12:00")),
    });
    const outboxBefore = (await t.database.db.select({ id: outboxMessages.id }).from(outboxMessages)).length;
    const refused = await bookWalk(jordan, closed);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe("not_bookable");
    expect(await heldAt(closed)).toBe(0);
    expect((await t.database.db.select({ id: outboxMessages.id }).from(outboxMessages)).length).toBe(
      outboxBefore,
    );
  });

  it("books a time opened there, which the cache here still has closed", async () => {
    const date = workday(5);
    expect((await bookWalk(jordan, boise(date, "09:30"))).statusCode).toBe(201);
    const saturday = saturdayAfter(date);
    const opened = boise(saturday, "10:00");
    expect((await bookWalk(jordan, opened)).statusCode).toBe(400);
    await t.database.db.insert(dateOverrides).values({
      clinicId: ids.clinicId,
      therapistId: ids.marcus,
      date: saturday,
      intervals: [{ start: "10:00", end: "12:00" }],
    });
    const booked = await bookWalk(jordan, opened);
    expect(booked.statusCode).toBe(201);
    expect(booked.json().therapist.id).toBe(ids.marcus);
  });

  it("plans again on the new schedule when the write finds the version moved on", async () => {
    const date = workday(6);
    expect((await bookWalk(jordan, boise(date, "09:00"))).statusCode).toBe(201);
    // A change that leaves the time bookable, so the stale plan reaches the write.
    await t.database.db.update(services).set({ name: "Walk-through (renamed)" }).where(eq(services.id, walk));
    const booked = await bookWalk(jordan, boise(date, "10:00"));
    expect(booked.statusCode).toBe(201);
    expect(booked.json().service.name).toBe("Walk-through (renamed)");
    expect(await heldAt(boise(date, "10:00"))).toBe(1);
  });

  it("shows a time closed there as gone in the next availability search", async () => {
    const date = workday(7);
    const query = new URLSearchParams({ serviceId: walk, therapistId: ids.priya, from: date, to: date });
    const search = async () =>
      (
        (await desk.request("GET", `/api/clinic/availability?${query}`)).json().slots as { start: string }[]
      ).map((slot) => slot.start);
    const start = boise(date, "14:00");
    expect(await search()).toContain(start);
    await t.database.db.insert(timeOff).values({
      clinicId: ids.clinicId,
      therapistId: ids.priya,
      startsAt: new Date(boise(date, "13:30")),
      endsAt: new Date(boise(date, "15:00")),
    });
    expect(await search()).not.toContain(start);
  });
});

describe("busy time left to the write", () => {
  it("answers 409 slot_taken for a taken time of one therapist, though the plan read no busy time", async () => {
    const start = boise(workday(8), "15:00");
    expect((await bookWalk(jordan, start)).statusCode).toBe(201);
    const other = await newClient(t.app, "Second");
    const taken = await bookWalk(other, start);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe("slot_taken");
    // A time overlapping only through the first booking's span is refused the same way.
    const overlapping = await bookWalk(other, boise(workday(8), "15:15"));
    expect(overlapping.statusCode).toBe(409);
    expect(await heldAt(start)).toBe(1);
  });
});
