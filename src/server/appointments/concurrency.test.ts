/**
 * No double booking, ever (docs/product.md F4; docs/architecture.md "Reliability": Concurrency), over real
 * HTTP on a listening server: parallel bookings of one slot, partial overlaps, "any therapist" races,
 * racing confirmations and reschedules. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL,
 * where the requests really run in parallel on a connection pool.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments } from "../db/schema";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { createTestApp, type TestApp } from "../testing/harness";
import { boise, type DemoIds, demoIds, overlappingHolders, workday } from "./test-helpers";

let t: TestApp;
let ids: DemoIds;
let base: string;

interface HttpAgent {
  cookie: string;
  csrf: string;
}
let jordan: HttpAgent;
let desk: HttpAgent;

async function login(email: string): Promise<HttpAgent> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

async function post(agent: HttpAgent, path: string, body: unknown = {}) {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: agent.cookie, "x-csrf-token": agent.csrf },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown> & { code?: string },
  };
}

function tally(results: { status: number }[]) {
  const counts: Record<number, number> = {};
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  ids = await demoIds(t.database.db);
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const address = t.app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  base = `http://127.0.0.1:${address.port}`;
  jordan = await login("client@knotwork.test");
  desk = await login("desk@knotwork.test");
});
afterAll(() => t.close());

const BOOK = "/api/public/clinics/demo/appointments";

describe("parallel bookings", () => {
  it("gives 200 parallel requests for one slot exactly one booking and 199 × 409 slot_taken", async () => {
    const start = boise(workday(9), "10:00");
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        post(jordan, BOOK, { serviceId: ids.session60, therapistId: ids.marcus, start }),
      ),
    );
    expect(tally(results)).toEqual({ 201: 1, 409: 199 });
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === "slot_taken")).toBe(true);
    const rows = await t.database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.clinicId, ids.clinicId), eq(appointments.startsAt, new Date(start))));
    expect(rows).toHaveLength(1);
    expect(await overlappingHolders(t.database.db)).toBe(0);
  });

  it("books exactly as many 'any therapist' requests as there are free rooms when 60 race for one time", async () => {
    const start = boise(workday(9), "14:00");
    const results = await Promise.all(
      Array.from({ length: 60 }, () => post(jordan, BOOK, { serviceId: ids.session30, start })),
    );
    // Three therapists work then, but there are only two rooms.
    expect(tally(results)).toEqual({ 201: 2, 409: 58 });
    const booked = results
      .filter((r) => r.status === 201)
      .map((r) => r.body as { therapist: { id: string }; room: { id: string } });
    expect(new Set(booked.map((b) => b.therapist.id)).size).toBe(2);
    expect(new Set(booked.map((b) => b.room.id)).size).toBe(2);
    expect(await overlappingHolders(t.database.db)).toBe(0);
  });

  it("never gives two holders to partially overlapping bookings racing for one therapist", async () => {
    const date = workday(10);
    // 120 staff bookings at random minutes 09:00-10:44 on Priya (all end before lunch), of 30 or
    // 60 minutes (+15 buffer).
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const requests = Array.from({ length: 120 }, () => {
      const minute = Math.floor(random() * 105);
      const time = `${String(9 + Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
      return {
        clientId: ids.jordan,
        serviceId: random() < 0.5 ? ids.session30 : ids.session60,
        therapistId: ids.priya,
        start: boise(date, time),
      };
    });
    const results = await Promise.all(requests.map((body) => post(desk, "/api/appointments", body)));
    const counts = tally(results);
    expect(Object.keys(counts).sort()).toEqual(["201", "409"]);
    // How many can win depends on which request commits first: a 60-minute booking at 09:40
    // (+15 buffer) blocks every other start in the range, so only "at least one" is promised.
    expect(counts[201]).toBeGreaterThanOrEqual(1);
    const holders = await t.database.db
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.clinicId, ids.clinicId),
          eq(appointments.therapistId, ids.priya),
          sql`${appointments.status} IN ('requested', 'confirmed')`,
          sql`${appointments.startsAt} >= ${boise(date, "09:00")}::timestamptz`,
          sql`${appointments.startsAt} < ${boise(date, "12:00")}::timestamptz`,
        ),
      );
    expect(holders).toHaveLength(counts[201] as number);
    const sorted = holders.sort((a, b) => a.blocksFrom.getTime() - b.blocksFrom.getTime());
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i]?.blocksFrom.getTime()).toBeGreaterThanOrEqual(
        sorted[i - 1]?.blocksUntil.getTime() as number,
      );
    }
    expect(await overlappingHolders(t.database.db)).toBe(0);
  });
});

describe("racing changes", () => {
  it("confirms a request once when 20 confirmations of it race", async () => {
    const start = boise(workday(11), "09:00");
    const booked = await post(jordan, BOOK, { serviceId: ids.session90, therapistId: ids.sam, start });
    expect(booked.status).toBe(201);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post(desk, `/api/appointments/${booked.body.id}/confirm`)),
    );
    expect(tally(results)).toEqual({ 200: 1, 409: 19 });
    expect(await overlappingHolders(t.database.db)).toBe(0);
  });

  it("never confirms two requests for one slot: an expired one loses to the request that replaced it", async () => {
    const start = boise(workday(11), "14:00");
    const first = await post(jordan, BOOK, { serviceId: ids.session90, therapistId: ids.marcus, start });
    expect(first.status).toBe(201);
    // The first request's time runs out without anyone marking it yet.
    await t.database.db
      .update(appointments)
      .set({ requestExpiresAt: new Date(Date.now() - 60_000) })
      .where(eq(appointments.id, first.body.id as string));
    const second = await post(jordan, BOOK, { serviceId: ids.session90, therapistId: ids.marcus, start });
    expect(second.status).toBe(201);
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => post(desk, `/api/appointments/${first.body.id}/confirm`)),
      ...Array.from({ length: 10 }, () => post(desk, `/api/appointments/${second.body.id}/confirm`)),
    ]);
    expect(results.slice(0, 10).every((r) => r.status === 409)).toBe(true);
    expect(tally(results.slice(10))).toEqual({ 200: 1, 409: 9 });
    const [a] = await t.database.db
      .select()
      .from(appointments)
      .where(eq(appointments.id, first.body.id as string));
    const [b] = await t.database.db
      .select()
      .from(appointments)
      .where(eq(appointments.id, second.body.id as string));
    expect(a).toMatchObject({ status: "declined", statusReason: "expired" });
    expect(b?.status).toBe("confirmed");
    expect(await overlappingHolders(t.database.db)).toBe(0);
  });

  it("moves only one of two appointments when both are rescheduled onto one slot at once", async () => {
    const date = workday(12);
    const one = await post(desk, "/api/appointments", {
      clientId: ids.jordan,
      serviceId: ids.session30,
      therapistId: ids.sam,
      start: boise(date, "09:00"),
    });
    const two = await post(desk, "/api/appointments", {
      clientId: ids.jordan,
      serviceId: ids.session30,
      therapistId: ids.sam,
      start: boise(date, "10:00"),
    });
    expect([one.status, two.status]).toEqual([201, 201]);
    const target = { start: boise(date, "15:00"), reason: "Client asked" };
    const results = await Promise.all([
      post(desk, `/api/appointments/${one.body.id}/reschedule`, target),
      post(desk, `/api/appointments/${two.body.id}/reschedule`, target),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await overlappingHolders(t.database.db)).toBe(0);
  });
});
