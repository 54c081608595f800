import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boise, type DemoIds, newClient, openDemoWorld, workday } from "../appointments/test-helpers";
import { timeOff } from "../db/schema";
import type { Agent, TestApp } from "../testing/harness";
import { TtlCache, writeMayChangeSlots } from "./availability-cache";

let t: TestApp;
let ids: DemoIds;
let jordan: Agent;

beforeAll(async () => {
  ({ t, ids, jordan } = await openDemoWorld());
});
afterAll(() => t.close());

type Slot = { start: string; therapists: { id: string }[] };

function search(day: string, remoteAddress: string, headers: Record<string, string> = {}) {
  const query = new URLSearchParams({
    serviceId: ids.session60,
    therapistId: ids.marcus,
    from: day,
    to: day,
  });
  return t.app.inject({
    method: "GET",
    url: `/api/public/clinics/demo/availability?${query}`,
    remoteAddress,
    headers,
  });
}
const startsOf = (body: { slots: Slot[] }) => body.slots.map((s) => s.start);

describe("anonymous availability search", () => {
  it("answers 429 in the API's error shape after 60 searches a minute from one address", async () => {
    const day = workday(20);
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await search(day, "10.99.0.1")).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    const limited = await search(day, "10.99.0.1");
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ code: "rate_limited", message: expect.any(String) });
    // Another address, and a signed-in caller from the limited one, are not held back.
    expect((await search(day, "10.99.0.2")).statusCode).toBe(200);
    const signedIn = await search(day, "10.99.0.1", { cookie: jordan.cookie });
    expect(signedIn.statusCode).toBe(200);
  });

  it("answers identical searches from the cache, and drops a slot as soon as it is booked here", async () => {
    const day = workday(21);
    const first = await search(day, "10.98.0.1");
    expect(first.statusCode).toBe(200);
    const slots = startsOf(first.json());
    expect(slots).toContain(boise(day, "10:00"));

    // Time off written straight to the database (not through the API) is not seen yet: the answer
    // comes from the cache, and equals the first one.
    await t.database.db.insert(timeOff).values({
      clinicId: ids.clinicId,
      therapistId: ids.marcus,
      startsAt: new Date(boise(day, "15:00")),
      endsAt: new Date(boise(day, "17:00")),
    });
    const cached = await search(day, "10.98.0.2");
    expect(startsOf(cached.json())).toEqual(slots);

    // A booking through the API empties the cache: the booked slot is gone at once, and the time
    // off is seen too.
    const client = await newClient(t.app, "Cache");
    const booked = await client.request("POST", "/api/public/clinics/demo/appointments", {
      serviceId: ids.session60,
      therapistId: ids.marcus,
      start: boise(day, "10:00"),
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const after = startsOf((await search(day, "10.98.0.3")).json());
    expect(after).not.toContain(boise(day, "10:00"));
    expect(after).not.toContain(boise(day, "15:00"));
    expect(after.length).toBeLessThan(slots.length);
  });
});

describe("the TTL cache", () => {
  it("is emptied by writes that may change free times, not by the finder or sign-ins", () => {
    expect(writeMayChangeSlots("POST", "/api/public/clinics/demo/appointments")).toBe(true);
    expect(writeMayChangeSlots("POST", "/api/appointments/x/cancel")).toBe(true);
    expect(writeMayChangeSlots("PUT", "/api/clinic/therapists/x/hours")).toBe(true);
    expect(writeMayChangeSlots("POST", "/api/finder")).toBe(false);
    expect(writeMayChangeSlots("POST", "/api/auth/login")).toBe(false);
    expect(writeMayChangeSlots("GET", "/api/clinic")).toBe(false);
  });

  it("forgets entries after their time and evicts the oldest when full", () => {
    let now = 0;
    const cache = new TtlCache<number>(1000, 2, () => now);
    cache.set("a", 1);
    now = 999;
    expect(cache.get("a")).toBe(1);
    now = 1000;
    expect(cache.get("a")).toBeUndefined();
    cache.set("b", 2);
    cache.set("c", 3);
    cache.set("d", 4);
    expect([cache.get("b"), cache.get("c"), cache.get("d")]).toEqual([undefined, 3, 4]);
  });
});
