import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BusyInterval,
  findAvailableSlots,
  formatSlotInZone,
  instantToLocal,
  type LocalInterval,
  type TherapistSchedule,
} from "../../core/scheduling";
import { boise, type DemoIds, demoIds, workday } from "../appointments/test-helpers";
import { appointments, clinics, rooms, services, therapists, workingHours } from "../db/schema";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { createTestApp, signIn, type TestApp } from "../testing/harness";

let t: TestApp;
let ids: DemoIds;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  ids = await demoIds(t.database.db);
});
afterAll(() => t.close());

const MS_PER_DAY = 86_400_000;

/** The engine's answer computed straight from the tables, without the server's windowed loader. */
async function engineSlots(serviceId: string, from: string, to: string, therapistId?: string) {
  const { db } = t.database;
  const [clinic] = await db.select().from(clinics).where(eq(clinics.id, ids.clinicId));
  const [service] = await db.select().from(services).where(eq(services.id, serviceId));
  const therapistRows = await db
    .select()
    .from(therapists)
    .where(and(eq(therapists.clinicId, ids.clinicId), eq(therapists.active, true)));
  therapistRows.sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
  const hours = await db.select().from(workingHours).where(eq(workingHours.clinicId, ids.clinicId));
  const roomRows = await db
    .select()
    .from(rooms)
    .where(and(eq(rooms.clinicId, ids.clinicId), eq(rooms.active, true)));
  roomRows.sort((a, b) => a.name.localeCompare(b.name));
  const holding = await db
    .select()
    .from(appointments)
    .where(
      and(eq(appointments.clinicId, ids.clinicId), inArray(appointments.status, ["requested", "confirmed"])),
    );
  if (!clinic || !service) throw new Error("missing demo rows");
  const schedules: TherapistSchedule[] = therapistRows.map((th) => {
    const weekly: Record<number, LocalInterval[]> = {};
    const breaks: Record<number, LocalInterval[]> = {};
    for (const h of hours.filter((h) => h.therapistId === th.id)) {
      const target = h.isBreak ? breaks : weekly;
      target[h.weekday] = [
        ...(target[h.weekday] ?? []),
        { start: h.startTime.slice(0, 5), end: h.endTime.slice(0, 5) },
      ];
    }
    return { id: th.id, weeklyHours: weekly, breaks };
  });
  const busy: BusyInterval[] = holding.map((a) => ({
    therapistId: a.therapistId,
    roomId: a.roomId,
    start: a.blocksFrom.getTime(),
    end: a.blocksUntil.getTime(),
  }));
  const fromMs = Date.parse(boise(from, "00:00"));
  const toMs = Date.parse(boise(to, "00:00")) + MS_PER_DAY;
  return findAvailableSlots({
    zone: clinic.timeZone,
    service: { ...service, needsRoom: service.needsRoom },
    therapists: schedules,
    rooms: roomRows.map((r) => ({ id: r.id })),
    busy,
    range: { from: fromMs, to: toMs },
    now: Date.now(),
    policy: {
      minNoticeMin: clinic.policies.minNoticeMin,
      horizonDays: clinic.policies.horizonDays,
      stepMin: clinic.policies.slotStepMin,
    },
    ...(therapistId ? { therapistId } : {}),
  });
}

const url = (query: Record<string, string>) =>
  `/api/public/clinics/demo/availability?${new URLSearchParams(query).toString()}`;

describe("availability over HTTP", () => {
  it("offers exactly the slots the engine computes from the demo clinic's tables, for any therapist", async () => {
    // From the day after tomorrow: the minimum notice cannot move a slot between the two calls.
    const from = instantToLocal(Date.now() + 2 * MS_PER_DAY, "America/Boise").date;
    const to = instantToLocal(Date.now() + 14 * MS_PER_DAY, "America/Boise").date;
    const response = await t.app.inject({ method: "GET", url: url({ serviceId: ids.session60, from, to }) });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const expected = await engineSlots(ids.session60, from, to);
    expect(expected.length).toBeGreaterThan(50);
    expect(body.zone).toBe("America/Boise");
    expect(body.slots.map((s: { start: string }) => s.start)).toEqual(
      expected.map((s) => new Date(s.start).toISOString()),
    );
    expect(body.slots.map((s: { therapistIds: string[] }) => s.therapistIds)).toEqual(
      expected.map((s) => s.therapistIds),
    );
    expect(response.headers["cache-control"]).toBe("no-store");
  });

  it("offers exactly the engine's slots for one therapist, with the seeded bookings left out", async () => {
    const from = instantToLocal(Date.now() + 2 * MS_PER_DAY, "America/Boise").date;
    const to = instantToLocal(Date.now() + 9 * MS_PER_DAY, "America/Boise").date;
    for (const serviceId of [ids.session30, ids.session90, ids.consultation]) {
      const response = await t.app.inject({
        method: "GET",
        url: url({ serviceId, therapistId: ids.marcus, from, to }),
      });
      expect(response.statusCode).toBe(200);
      const expected = await engineSlots(serviceId, from, to, ids.marcus);
      expect(response.json().slots.map((s: { start: string }) => s.start)).toEqual(
        expected.map((s) => new Date(s.start).toISOString()),
      );
      for (const slot of response.json().slots) expect(slot.therapistIds).toEqual([ids.marcus]);
    }
  });

  it("reads the dates in the client's zone and shows local times there when `zone` is given", async () => {
    const date = workday(10);
    const response = await t.app.inject({
      method: "GET",
      url: url({
        serviceId: ids.session60,
        therapistId: ids.marcus,
        from: date,
        to: date,
        zone: "Asia/Kolkata",
      }),
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.zone).toBe("Asia/Kolkata");
    expect(body.slots.length).toBeGreaterThan(0);
    for (const slot of body.slots) {
      // Every slot falls on that date in Kolkata, and its `local` text is Kolkata time.
      expect(instantToLocal(Date.parse(slot.start), "Asia/Kolkata").date).toBe(date);
      expect(slot.local).toBe(formatSlotInZone(Date.parse(slot.start), "Asia/Kolkata"));
      expect(slot.local).toMatch(/GMT\+5:30/);
    }
    // Boise's 09:00 on the previous Boise evening's date is Kolkata's next morning, and vice versa:
    // the Kolkata day holds the end of one Boise working day and the start of the next.
    const boiseDates = new Set(
      body.slots.map((s: { start: string }) => instantToLocal(Date.parse(s.start), "America/Boise").date),
    );
    expect(boiseDates.size).toBeGreaterThanOrEqual(1);
    const boiseView = await t.app.inject({
      method: "GET",
      url: url({ serviceId: ids.session60, therapistId: ids.marcus, from: date, to: date }),
    });
    const first = boiseView.json().slots[0];
    expect(first.start).toBe(boise(date, "09:00"));
    expect(first.local).toMatch(/9:00\s?AM M[SD]T/);
  });

  it("offers nothing before the minimum notice or beyond the booking horizon", async () => {
    const farFrom = instantToLocal(Date.now() + 61 * MS_PER_DAY, "America/Boise").date;
    const farTo = instantToLocal(Date.now() + 70 * MS_PER_DAY, "America/Boise").date;
    const far = await t.app.inject({
      method: "GET",
      url: url({ serviceId: ids.session60, from: farFrom, to: farTo }),
    });
    expect(far.statusCode).toBe(200);
    expect(far.json().slots).toEqual([]);
    const today = instantToLocal(Date.now(), "America/Boise").date;
    const soon = await t.app.inject({
      method: "GET",
      url: url({ serviceId: ids.session60, from: today, to: today }),
    });
    for (const slot of soon.json().slots)
      expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(Date.now() + 119 * 60_000);
  });

  it.each([
    ["no service", { from: "2030-01-01", to: "2030-01-02" }, "querystring.serviceId"],
    [
      "a service id that is not an id",
      { serviceId: "x", from: "2030-01-01", to: "2030-01-02" },
      "querystring.serviceId",
    ],
    [
      "a date that does not exist",
      { serviceId: "SERVICE", from: "2030-02-30", to: "2030-03-02" },
      "querystring.from",
    ],
    [
      "an end before the start",
      { serviceId: "SERVICE", from: "2030-01-05", to: "2030-01-02" },
      "querystring.to",
    ],
    ["more than 31 days", { serviceId: "SERVICE", from: "2030-01-01", to: "2030-03-01" }, "querystring.to"],
    [
      "an unknown zone",
      { serviceId: "SERVICE", from: "2030-01-01", to: "2030-01-02", zone: "Mars/Olympus" },
      "querystring.zone",
    ],
    [
      "a therapist id that is not an id",
      { serviceId: "SERVICE", therapistId: "7", from: "2030-01-01", to: "2030-01-02" },
      "querystring.therapistId",
    ],
  ])("refuses %s with 400 naming the parameter", async (_label, query, field) => {
    const filled = Object.fromEntries(
      Object.entries(query).map(([k, v]) => [k, v === "SERVICE" ? ids.session60 : v]),
    ) as Record<string, string>;
    const response = await t.app.inject({ method: "GET", url: url(filled) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: expect.any(String), message: expect.any(String), field });
  });

  it("gives staff the free times of services not bookable online too, and nobody else", async () => {
    const { db } = t.database;
    await db.update(services).set({ bookableOnline: false }).where(eq(services.id, ids.session90));
    const date = workday(12);
    const query = `serviceId=${ids.session90}&therapistId=${ids.sam}&from=${date}&to=${date}`;
    const desk = await signIn(t.app, "desk@knotwork.test", DEMO_PASSWORD);
    const staffView = await desk.request("GET", `/api/clinic/availability?${query}`);
    expect(staffView.statusCode).toBe(200);
    expect(staffView.json().slots[0].start).toBe(boise(date, "09:00"));
    const publicView = await t.app.inject({
      method: "GET",
      url: `/api/public/clinics/demo/availability?${query}`,
    });
    expect(publicView.json().code).toBe("unknown_service");
    const client = await signIn(t.app, "client@knotwork.test", DEMO_PASSWORD);
    expect((await client.request("GET", `/api/clinic/availability?${query}`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: `/api/clinic/availability?${query}` })).statusCode).toBe(
      401,
    );
    await db.update(services).set({ bookableOnline: true }).where(eq(services.id, ids.session90));
  });

  it("refuses an unknown service, a service not bookable online and another clinic's therapist", async () => {
    const { db } = t.database;
    const date = workday(10);
    const unknown = await t.app.inject({
      method: "GET",
      url: url({ serviceId: "5b0d6a8e-1c2f-4e3a-9b7c-0d1e2f3a4b5c", from: date, to: date }),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: "unknown_service", field: "querystring.serviceId" });
    await db.update(services).set({ bookableOnline: false }).where(eq(services.id, ids.session90));
    const offline = await t.app.inject({
      method: "GET",
      url: url({ serviceId: ids.session90, from: date, to: date }),
    });
    expect(offline.json()).toMatchObject({ code: "unknown_service" });
    await db.update(services).set({ bookableOnline: true }).where(eq(services.id, ids.session90));
    const stranger = await t.app.inject({
      method: "GET",
      url: url({
        serviceId: ids.session60,
        therapistId: "5b0d6a8e-1c2f-4e3a-9b7c-0d1e2f3a4b5c",
        from: date,
        to: date,
      }),
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json()).toMatchObject({ code: "unknown_therapist", field: "querystring.therapistId" });
    const noClinic = await t.app.inject({
      method: "GET",
      url: `/api/public/clinics/nowhere/availability?serviceId=${ids.session60}&from=${date}&to=${date}`,
    });
    expect(noClinic.statusCode).toBe(404);
  });
});
