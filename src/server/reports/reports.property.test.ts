/**
 * The SQL reports against the reference computations of src/core/reports/compute.ts, on random
 * clinics: random hours, overrides, time off, appointments in every status and source, sessions,
 * plans and waitlist entries, a random range, "now" and therapist filter. Each run is its own clinic
 * in one database, so the runs also check that reports never count another clinic's rows.
 */
import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AppointmentSource,
  type AppointmentStatus,
  computeAppointments,
  computeClients,
  computeNoShows,
  computeOutcomes,
  computePlans,
  computeUtilisation,
  computeWaitlist,
  type ReportContext,
} from "../../core/reports/compute";
import type { Database } from "../db/connect";
import { createTestDatabase } from "../testing/harness";
import { outcomeLabel, REPORTS, regionOf } from "./queries";
import { emptyWorld, insertWorld, seededRandom, type World } from "./test-world";

const MIN = 60_000;
const DAY = 86_400_000;
const SPAN_START = Date.parse("2026-01-05T00:00:00Z");
const SPAN_DAYS = 120;
const STATUSES: AppointmentStatus[] = [
  "requested",
  "confirmed",
  "declined",
  "cancelled",
  "completed",
  "no_show",
];
const SOURCES: AppointmentSource[] = ["online", "phone", "staff"];
const MUSCLES = ["upper-trapezius", "levator-scapulae", "infraspinatus", "gluteus-medius"];

function date(dayOffset: number): string {
  return new Date(SPAN_START + dayOffset * DAY).toISOString().slice(0, 10);
}

function randomWorld(seed: number): { world: World; ctx: ReportContext } {
  const g = seededRandom(seed);
  const world = emptyWorld(g.pick(["America/Boise", "Europe/London", "Australia/Adelaide"]));
  world.serviceIds.push(randomUUID());
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  for (let i = 0; i < g.int(1, 3); i++) {
    const hours: Record<number, { start: string; end: string }[]> = {};
    const breaks: Record<number, { start: string; end: string }[]> = {};
    for (let weekday = 0; weekday < 7; weekday++) {
      if (!g.chance(0.6)) continue;
      const start = g.int(14, 22) * 30;
      const end = start + g.int(4, 18) * 30;
      hours[weekday] = [{ start: hhmm(start), end: hhmm(Math.min(end, 1440)) }];
      if (g.chance(0.4)) breaks[weekday] = [{ start: hhmm(start + 60), end: hhmm(start + 90) }];
    }
    const overrides = Array.from({ length: g.int(0, 3) }, (_, k) => ({
      date: date(k * 30 + g.int(0, 29)),
      intervals: g.chance(0.3) ? [] : [{ start: "10:00", end: hhmm(g.int(22, 40) * 30) }],
    }));
    const timeOff = Array.from({ length: g.int(0, 2) }, () => {
      const start = SPAN_START + g.int(0, SPAN_DAYS * 24) * 3_600_000;
      return { start, end: start + g.int(1, 96) * 3_600_000 };
    });
    world.therapists.push({ id: randomUUID(), name: `T${i} "x", y`, hours, breaks, overrides, timeOff });
  }
  for (let i = 0; i < g.int(0, 2); i++) world.rooms.push({ id: randomUUID(), name: `Room ${i}` });
  for (let i = 0; i < g.int(1, 12); i++)
    world.clients.push({ id: randomUUID(), firstName: `C${i}`, lastName: "Z" });
  const clientName = new Map(world.clients.map((c) => [c.id, `${c.firstName} ${c.lastName}`]));

  // Distinct two-hour slots: no two appointments overlap, so the no-double-booking constraints hold.
  const slots = new Set<number>();
  const freshSlot = () => {
    for (;;) {
      const slot = g.int(0, SPAN_DAYS * 12);
      if (!slots.has(slot)) {
        slots.add(slot);
        return SPAN_START + slot * 2 * 3_600_000;
      }
    }
  };
  for (let i = 0; i < g.int(0, 60); i++) {
    const startsAt = freshSlot();
    const createdAt = startsAt - g.int(1, 20 * 24 * 60) * MIN;
    const client = g.pick(world.clients);
    world.appointments.push({
      id: randomUUID(),
      clientId: client.id,
      clientName: clientName.get(client.id) as string,
      therapistId: g.pick(world.therapists).id,
      roomId: world.rooms.length && g.chance(0.7) ? g.pick(world.rooms).id : null,
      serviceId: g.pick(world.serviceIds),
      status: g.pick(STATUSES),
      source: g.pick(SOURCES),
      startsAt,
      endsAt: startsAt + g.pick([30, 60, 90]) * MIN,
      createdAt,
      updatedAt: startsAt - g.int(-5, 72) * 3_600_000 + g.int(0, 59) * MIN,
      requestExpiresAt: g.chance(0.3) ? createdAt + DAY : null,
      confirmedAt: g.chance(0.4) ? createdAt + g.int(1, 3000) * MIN : null,
    });
  }
  for (let i = 0; i < g.int(0, 80); i++) {
    world.sessions.push({
      id: randomUUID(),
      clientId: g.pick(world.clients).id,
      therapistId: g.pick(world.therapists).id,
      createdAt: freshSlot() + g.int(0, 59) * MIN,
      signed: g.chance(0.85),
      painBefore: g.chance(0.9) ? g.int(0, 10) : null,
      muscleIds: MUSCLES.filter(() => g.chance(0.4)),
    });
  }
  for (let i = 0; i < g.int(0, 8); i++) {
    world.plans.push({
      id: randomUUID(),
      clientId: g.pick(world.clients).id,
      createdAt: freshSlot() + 7 * MIN,
      plannedSessions: g.int(1, 6),
      maintenanceIntervalWeeks: g.chance(0.5) ? 4 : null,
    });
  }
  for (let i = 0; i < g.int(0, 10); i++) {
    const createdAt = freshSlot() + 11 * MIN;
    world.waitlist.push({
      clientId: g.pick(world.clients).id,
      serviceId: g.pick(world.serviceIds),
      therapistId: g.chance(0.5) ? g.pick(world.therapists).id : null,
      createdAt,
      notifiedAt: g.chance(0.6) ? createdAt + g.int(1, 200) * 3_600_000 : null,
      latest: createdAt + g.int(1, 60) * DAY,
    });
  }
  const fromOffset = g.int(0, 80);
  const ctx: ReportContext = {
    from: date(fromOffset),
    to: date(fromOffset + g.int(0, 45)),
    timeZone: world.timeZone,
    therapistId: g.chance(0.4) ? g.pick(world.therapists).id : null,
    now: SPAN_START + g.int(0, SPAN_DAYS) * DAY + g.int(0, DAY),
    cancellationWindowHours: 24,
  };
  return { world, ctx };
}

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database.close());

describe("SQL reports equal the reference computations on random clinics", () => {
  it("all seven reports agree", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), async (seed) => {
        const { world, ctx } = randomWorld(seed);
        await insertWorld(database.db, world);
        const scope = { ...ctx, clinicId: world.clinicId };
        const db = database.db;
        const schedules = world.therapists.map((t) => ({
          id: t.id,
          name: t.name,
          weeklyHours: t.hours,
          breaks: t.breaks ?? {},
          dateOverrides: t.overrides ?? [],
          timeOff: t.timeOff ?? [],
        }));
        expect(await REPORTS.appointments(db, scope)).toEqual(computeAppointments(ctx, world.appointments));
        const sortedRooms = [...world.rooms].sort((a, b) => (a.name < b.name ? -1 : 1));
        const sortedSchedules = [...schedules].sort((a, b) =>
          a.name < b.name || (a.name === b.name && a.id < b.id) ? -1 : 1,
        );
        expect(await REPORTS.utilisation(db, scope)).toEqual(
          computeUtilisation(ctx, world.appointments, sortedSchedules, sortedRooms),
        );
        expect(await REPORTS["no-shows"](db, scope)).toEqual(computeNoShows(ctx, world.appointments));
        expect(await REPORTS.clients(db, scope)).toEqual(computeClients(ctx, world.appointments));
        expect(await REPORTS.plans(db, scope)).toEqual(
          computePlans(ctx, world.plans, world.sessions, world.appointments),
        );
        expect(await REPORTS.outcomes(db, scope)).toEqual(
          computeOutcomes(ctx, world.sessions, regionOf, outcomeLabel),
        );
        expect(await REPORTS.waitlist(db, scope)).toEqual(
          computeWaitlist(ctx, world.waitlist, world.appointments),
        );
      }),
      { numRuns: 30 },
    );
  });
});
