import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, outboxMessages, waitlistEntries } from "../db/schema";
import type { Agent, TestApp } from "../testing/harness";
import { expireStaleRequests } from "./freed";
import { boise, type DemoIds, newClient, openDemoWorld, workday } from "./test-helpers";

let t: TestApp;
let ids: DemoIds;
let jordan: Agent;
let desk: Agent;
let otherClient: Agent;
let hopeful: Agent & { clientId: string };
let picky: Agent & { clientId: string };

const BOOK = "/api/public/clinics/demo/appointments";

beforeAll(async () => {
  ({ t, ids, jordan, desk, otherClient } = await openDemoWorld());
  hopeful = await newClient(t.app, "Hope");
  picky = await newClient(t.app, "Pia");
});
afterAll(() => t.close());

async function offers(entryId: string) {
  return t.database.db
    .select()
    .from(outboxMessages)
    .where(like(outboxMessages.dedupeKey, `waitlist_offer:${entryId}:%`));
}

describe("the waitlist", () => {
  it("offers a cancelled slot once to each matching entry, never to the one who cancelled", async () => {
    const day = workday(3);
    const join = await hopeful.request("POST", "/api/waitlist", {
      serviceId: ids.session60,
      earliest: boise(day, "00:00"),
      latest: boise(workday(4), "00:00"),
    });
    expect(join.statusCode, join.body).toBe(201);
    const entry = join.json();
    expect(entry).toMatchObject({ therapist: null, notifiedAt: null, service: { id: ids.session60 } });
    // Only Priya will do for Pia: she is not offered Marcus's slot.
    const onlyPriya = await picky.request("POST", "/api/waitlist", {
      serviceId: ids.session60,
      therapistId: ids.priya,
      earliest: boise(day, "00:00"),
      latest: boise(workday(4), "00:00"),
    });
    expect(onlyPriya.statusCode).toBe(201);

    const booked = (
      await jordan.request("POST", BOOK, {
        serviceId: ids.session60,
        therapistId: ids.marcus,
        start: boise(day, "10:00"),
      })
    ).json();
    const cancel = await jordan.request("POST", `/api/appointments/${booked.id}/cancel`, { reason: "Sorry" });
    expect(cancel.statusCode).toBe(200);
    const sent = await offers(entry.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.dedupeKey).toBe(`waitlist_offer:${entry.id}:${boise(day, "10:00")}`);
    // Signed like every other message: the clinic's name, address and phone.
    expect(sent[0]?.body).toContain("Knotwork Demo Clinic\n410 W Main St, Boise, ID 83702\n208-555-0100");
    expect(sent[0]?.html).toContain(
      "<p>Knotwork Demo Clinic<br>410 W Main St, Boise, ID 83702<br>208-555-0100</p>",
    );
    expect(sent[0]?.subject).toMatch(/A time opened up/);
    expect(sent[0]?.body).toContain("Marcus Bell");
    expect(await offers(onlyPriya.json().id)).toEqual([]);
    const [row] = await t.database.db.select().from(waitlistEntries).where(eq(waitlistEntries.id, entry.id));
    expect(row?.notifiedAt).toBeInstanceOf(Date);

    // Booked and cancelled again at the same time: still one offer for that slot.
    const again = (
      await jordan.request("POST", BOOK, {
        serviceId: ids.session60,
        therapistId: ids.marcus,
        start: boise(day, "10:00"),
      })
    ).json();
    await desk.request("POST", `/api/appointments/${again.id}/cancel`, { reason: "Clinic closed" });
    expect(await offers(entry.id)).toHaveLength(1);
  });

  it("offers slots freed by a declined or expired request, when the wanted service fits", async () => {
    const day = workday(6);
    const entry = (
      await hopeful.request("POST", "/api/waitlist", {
        serviceId: ids.session30,
        therapistId: ids.sam,
        earliest: boise(day, "08:00"),
        latest: boise(day, "18:00"),
      })
    ).json();
    const declinedOne = (
      await jordan.request("POST", BOOK, {
        serviceId: ids.session90,
        therapistId: ids.sam,
        start: boise(day, "09:00"),
      })
    ).json();
    await desk.request("POST", `/api/appointments/${declinedOne.id}/decline`, {
      reason: "Sam is on a course",
    });
    expect((await offers(entry.id)).map((m) => m.dedupeKey)).toEqual([
      `waitlist_offer:${entry.id}:${boise(day, "09:00")}`,
    ]);
    const expiring = (
      await jordan.request("POST", BOOK, {
        serviceId: ids.session90,
        therapistId: ids.sam,
        start: boise(day, "14:00"),
      })
    ).json();
    await t.database.db
      .update(appointments)
      .set({ requestExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(appointments.id, expiring.id));
    await expireStaleRequests(t.database.db, { publicUrl: "http://localhost:3000", offerToWaitlist: true });
    expect((await offers(entry.id)).map((m) => m.dedupeKey).sort()).toEqual(
      [
        `waitlist_offer:${entry.id}:${boise(day, "09:00")}`,
        `waitlist_offer:${entry.id}:${boise(day, "14:00")}`,
      ].sort(),
    );
  });

  it("does not offer a freed slot outside the wanted window", async () => {
    const day = workday(8);
    const entry = (
      await hopeful.request("POST", "/api/waitlist", {
        serviceId: ids.session60,
        earliest: boise(day, "13:00"),
        latest: boise(day, "18:00"),
      })
    ).json();
    const morning = (
      await jordan.request("POST", BOOK, {
        serviceId: ids.session60,
        therapistId: ids.priya,
        start: boise(day, "09:00"),
      })
    ).json();
    await jordan.request("POST", `/api/appointments/${morning.id}/cancel`, { reason: "x" });
    expect(await offers(entry.id)).toEqual([]);
  });

  it("lists a client's own entries, the clinic's for staff, and lets only the owner of an entry or staff remove it", async () => {
    const mine = (await hopeful.request("GET", "/api/waitlist")).json();
    expect(mine.length).toBeGreaterThanOrEqual(3);
    expect(mine.every((e: { client: { id: string } }) => e.client.id === hopeful.clientId)).toBe(true);
    const all = (await desk.request("GET", "/api/waitlist")).json();
    expect(all.length).toBeGreaterThan(mine.length);
    expect((await otherClient.request("GET", "/api/waitlist")).json()).toEqual([]);
    const target = mine[0].id;
    expect((await picky.request("DELETE", `/api/waitlist/${target}`)).statusCode).toBe(404);
    expect((await otherClient.request("DELETE", `/api/waitlist/${target}`)).statusCode).toBe(404);
    expect((await hopeful.request("DELETE", `/api/waitlist/${target}`)).statusCode).toBe(200);
    expect((await hopeful.request("DELETE", `/api/waitlist/${target}`)).statusCode).toBe(404);
    const pias = (await picky.request("GET", "/api/waitlist")).json();
    expect((await desk.request("DELETE", `/api/waitlist/${pias[0].id}`)).statusCode).toBe(200);
  });

  it("refuses bad windows, unknown services and staff with 4xx naming the field", async () => {
    const base = {
      serviceId: ids.session60,
      earliest: boise(workday(9), "09:00"),
      latest: boise(workday(9), "17:00"),
    };
    const backwards = await hopeful.request("POST", "/api/waitlist", {
      ...base,
      latest: boise(workday(9), "08:00"),
    });
    expect(backwards.json()).toMatchObject({ code: "invalid_request", field: "latest" });
    const past = await hopeful.request("POST", "/api/waitlist", {
      ...base,
      earliest: "2020-01-01T00:00:00Z",
      latest: "2020-01-02T00:00:00Z",
    });
    expect(past.json()).toMatchObject({ field: "latest" });
    const unknown = await hopeful.request("POST", "/api/waitlist", {
      ...base,
      serviceId: "5b0d6a8e-1c2f-4e3a-9b7c-0d1e2f3a4b5c",
    });
    expect(unknown.json()).toMatchObject({ code: "unknown_service", field: "serviceId" });
    expect((await desk.request("POST", "/api/waitlist", base)).statusCode).toBe(403);
  });

  it("keeps the 10-entry limit under 20 parallel requests from one client", async () => {
    const eager = await newClient(t.app, "Eager");
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        eager.request("POST", "/api/waitlist", {
          serviceId: ids.session60,
          earliest: boise(workday(10 + (i % 5)), "09:00"),
          latest: boise(workday(10 + (i % 5)), "17:00"),
        }),
      ),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    const stored = await t.database.db
      .select()
      .from(waitlistEntries)
      .where(eq(waitlistEntries.clientId, eager.clientId));
    expect(stored).toHaveLength(10);
  });
});
