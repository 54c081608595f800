import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, clients, outboxMessages, services } from "../db/schema";
import type { Agent, TestApp } from "../testing/harness";
import { book } from "./booking";
import { boise, type DemoIds, newClient, openDemoWorld, overlappingHolders, workday } from "./test-helpers";

let t: TestApp;
let ids: DemoIds;
let jordan: Agent;
let desk: Agent;
let therapist: Agent;
let otherClient: Agent;

beforeAll(async () => {
  ({ t, ids, jordan, desk, marcus: therapist, otherClient } = await openDemoWorld());
});
afterAll(async () => {
  expect(await overlappingHolders(t.database.db)).toBe(0);
  await t.close();
});

const BOOK = "/api/public/clinics/demo/appointments";

async function outboxFor(appointmentId: string) {
  return t.database.db
    .select()
    .from(outboxMessages)
    .where(like(outboxMessages.dedupeKey, `%:${appointmentId}%`));
}

describe("booking online", () => {
  it("confirms an instant-booking service for a returning client, with a confirmation and a reminder queued", async () => {
    const start = boise(workday(10), "10:00");
    const response = await jordan.request("POST", BOOK, {
      serviceId: ids.session60,
      therapistId: ids.marcus,
      start,
    });
    expect(response.statusCode).toBe(201);
    const booked = response.json();
    expect(booked).toMatchObject({
      status: "confirmed",
      source: "online",
      firstVisit: false,
      startsAt: start,
      endsAt: new Date(Date.parse(start) + 60 * 60_000).toISOString(),
      blocksUntil: new Date(Date.parse(start) + 75 * 60_000).toISOString(),
      therapist: { id: ids.marcus, name: "Marcus Bell" },
      client: { id: ids.jordan },
      requestExpiresAt: null,
      timeZone: "America/Boise",
    });
    expect([ids.cedar, ids.sage]).toContain(booked.room.id);
    const messages = await outboxFor(booked.id);
    expect(messages.map((m) => m.kind).sort()).toEqual(["confirmed", "reminder"]);
    const reminder = messages.find((m) => m.kind === "reminder");
    expect(reminder?.sendAfter.getTime()).toBe(Date.parse(start) - 24 * 3_600_000);
    expect(reminder?.dedupeKey).toBe(`reminder:${booked.id}:${start}`);
    expect(messages.find((m) => m.kind === "confirmed")?.toAddress).toBe("client@knotwork.test");
  });

  it("holds a request-mode service as a request that expires after the policy's hours, and says so by e-mail", async () => {
    const start = boise(workday(10), "13:00");
    const before = Date.now();
    const response = await jordan.request("POST", BOOK, {
      serviceId: ids.session90,
      therapistId: ids.priya,
      start,
    });
    expect(response.statusCode).toBe(201);
    const booked = response.json();
    expect(booked.status).toBe("requested");
    const expires = Date.parse(booked.requestExpiresAt);
    expect(expires).toBeGreaterThanOrEqual(before + 48 * 3_600_000 - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 48 * 3_600_000);
    expect((await outboxFor(booked.id)).map((m) => m.kind)).toEqual(["request_received"]);
  });

  it("starts a first visit as a request, even for an instant-booking service", async () => {
    const newcomer = await newClient(t.app, "Nora");
    const start = boise(workday(11), "09:00");
    const response = await newcomer.request("POST", BOOK, {
      serviceId: ids.session60,
      start,
      note: "Neck pain",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ status: "requested", firstVisit: true, clientNote: "Neck pain" });
    expect(response.json().client.id).toBe(newcomer.clientId);
  });

  it("gives 'any therapist' bookings the least busy free therapist and a free room, until the rooms run out", async () => {
    const start = boise(workday(12), "15:00");
    const taken: { therapist: string; room: string }[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await jordan.request("POST", BOOK, { serviceId: ids.session30, start });
      expect(response.statusCode).toBe(201);
      taken.push({ therapist: response.json().therapist.id, room: response.json().room.id });
    }
    expect(new Set(taken.map((x) => x.therapist)).size).toBe(2);
    expect(new Set(taken.map((x) => x.room)).size).toBe(2);
    // Three therapists but two rooms: the third booking at that time finds no room.
    const third = await jordan.request("POST", BOOK, { serviceId: ids.session30, start });
    expect(third.statusCode).toBe(409);
    expect(third.json()).toEqual({ code: "slot_taken", message: expect.any(String) });
  });

  it("answers 409 slot_taken for a time someone else has just booked", async () => {
    const start = boise(workday(13), "10:00");
    const first = await jordan.request("POST", BOOK, {
      serviceId: ids.session60,
      therapistId: ids.sam,
      start,
    });
    expect(first.statusCode, first.body).toBe(201);
    const other = await newClient(t.app);
    const second = await other.request("POST", BOOK, {
      serviceId: ids.session60,
      therapistId: ids.sam,
      start,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().code).toBe("slot_taken");
    // The 15-minute buffer after it blocks a start right at its end, but not at the buffer's end.
    const atEnd = boise(workday(13), "11:00");
    const after = await other.request("POST", BOOK, {
      serviceId: ids.session30,
      therapistId: ids.sam,
      start: atEnd,
    });
    expect(after.statusCode).toBe(409);
    const later = boise(workday(13), "11:15");
    const ok = await other.request("POST", BOOK, {
      serviceId: ids.session30,
      therapistId: ids.sam,
      start: later,
    });
    expect(ok.statusCode).toBe(201);
  });

  it.each([
    ["outside working hours", "19:00"],
    ["inside the lunch break", "12:15"],
    ["off the 15-minute slot grid", "10:05"],
  ])("refuses a time %s with 400 not_bookable on start", async (_label, time) => {
    const response = await jordan.request("POST", BOOK, {
      serviceId: ids.session30,
      therapistId: ids.priya,
      start: boise(workday(14), time),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "not_bookable", field: "start" });
  });

  it("refuses times inside the minimum notice or beyond the horizon, saying which", async () => {
    const soon = new Date(Math.ceil((Date.now() + 30 * 60_000) / 900_000) * 900_000).toISOString();
    const tooSoon = await jordan.request("POST", BOOK, { serviceId: ids.session30, start: soon });
    expect(tooSoon.json()).toMatchObject({ code: "not_bookable", field: "start" });
    expect(tooSoon.json().message).toMatch(/120 minutes/);
    const far = boise(workday(70), "10:00");
    const tooFar = await jordan.request("POST", BOOK, { serviceId: ids.session30, start: far });
    expect(tooFar.json()).toMatchObject({ code: "not_bookable", field: "start" });
    expect(tooFar.json().message).toMatch(/60 days/);
  });

  it("refuses a service that is not bookable online, and another clinic's ids", async () => {
    await t.database.db.update(services).set({ bookableOnline: false }).where(eq(services.id, ids.session90));
    const start = boise(workday(15), "10:00");
    const offline = await jordan.request("POST", BOOK, { serviceId: ids.session90, start });
    expect(offline.statusCode).toBe(400);
    expect(offline.json()).toMatchObject({ code: "not_bookable_online", field: "serviceId" });
    await t.database.db.update(services).set({ bookableOnline: true }).where(eq(services.id, ids.session90));
    const unknown = await jordan.request("POST", BOOK, {
      serviceId: "5b0d6a8e-1c2f-4e3a-9b7c-0d1e2f3a4b5c",
      start,
    });
    expect(unknown.json()).toMatchObject({ code: "unknown_service", field: "serviceId" });
    const strangerTherapist = await jordan.request("POST", BOOK, {
      serviceId: ids.session60,
      therapistId: "5b0d6a8e-1c2f-4e3a-9b7c-0d1e2f3a4b5c",
      start,
    });
    expect(strangerTherapist.json()).toMatchObject({ code: "unknown_therapist", field: "therapistId" });
  });

  it("lets only a signed-in client of that clinic book there", async () => {
    const body = { serviceId: ids.session60, start: boise(workday(15), "14:00") };
    const anonymous = await t.app.inject({ method: "POST", url: BOOK, payload: body });
    expect(anonymous.statusCode).toBe(401);
    expect((await desk.request("POST", BOOK, body)).statusCode).toBe(403);
    const elsewhere = await otherClient.request("POST", BOOK, body);
    expect(elsewhere.statusCode).toBe(403);
    expect(
      (await otherClient.request("POST", "/api/public/clinics/nowhere/appointments", body)).statusCode,
    ).toBe(404);
  });

  it.each([
    [{ start: "2030-01-01T10:00:00Z" }, "serviceId"],
    [{ serviceId: "not-an-id", start: "2030-01-01T10:00:00Z" }, "serviceId"],
    [{ serviceId: "SERVICE" }, "start"],
    [{ serviceId: "SERVICE", start: "2030-01-01 10:00" }, "start"],
    [{ serviceId: "SERVICE", start: "2030-01-01T10:00:00" }, "start"],
    [{ serviceId: "SERVICE", start: "0001-01-01T10:00:00Z" }, "start"],
    [{ serviceId: "SERVICE", start: "2030-01-01T10:00:00Z", note: "LONG" }, "note"],
    [{ serviceId: "SERVICE", start: "2030-01-01T10:00:00Z", note: "a\u0000b" }, "note"],
  ])("refuses the malformed body %j with 400 naming %s", async (body, field) => {
    const filled = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [
        k,
        v === "SERVICE" ? ids.session60 : v === "LONG" ? "x".repeat(1001) : v,
      ]),
    );
    const response = await jordan.request("POST", BOOK, filled);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid_request", field });
    expect(Object.keys(response.json()).sort()).toEqual(["code", "field", "message"]);
  });
});

describe("booking by staff (phone calls)", () => {
  it("books an existing client at any whole minute inside working hours, confirmed, with no expiry", async () => {
    const start = boise(workday(16), "10:05");
    const response = await desk.request("POST", "/api/appointments", {
      clientId: ids.jordan,
      serviceId: ids.session90,
      therapistId: ids.marcus,
      start,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      status: "confirmed",
      source: "phone",
      requestExpiresAt: null,
      startsAt: start,
    });
  });

  it("creates a new client without a log-in and books their first visit as a request that does not expire", async () => {
    const start = boise(workday(16), "14:00");
    const response = await therapist.request("POST", "/api/appointments", {
      newClient: { firstName: "Pat", lastName: "Phone", phone: "208-555-0199" },
      serviceId: ids.consultation,
      therapistId: ids.marcus,
      roomId: ids.sage,
      start,
    });
    expect(response.statusCode).toBe(201);
    const booked = response.json();
    expect(booked).toMatchObject({
      status: "requested",
      firstVisit: true,
      requestExpiresAt: null,
      room: { id: ids.sage },
    });
    const [client] = await t.database.db.select().from(clients).where(eq(clients.id, booked.client.id));
    expect(client).toMatchObject({ firstName: "Pat", lastName: "Phone", userId: null, email: null });
    // No e-mail address: nothing to send.
    expect(await outboxFor(booked.id)).toEqual([]);
  });

  it("leaves no new client behind when the booking fails", async () => {
    const start = boise(workday(16), "14:00");
    const response = await desk.request("POST", "/api/appointments", {
      newClient: { firstName: "Ghost", lastName: "Booking" },
      serviceId: ids.session60,
      therapistId: ids.marcus,
      start,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: "slot_taken" });
    const ghosts = await t.database.db
      .select()
      .from(clients)
      .where(and(eq(clients.clinicId, ids.clinicId), eq(clients.lastName, "Booking")));
    expect(ghosts).toEqual([]);
  });

  it("writes a new client in the booking's transaction: an insert the calendar refuses leaves no client", async () => {
    const start = Date.parse(boise(workday(19), "09:30"));
    const slot = { startsAt: new Date(start), endsAt: new Date(start + 30 * 60_000) };
    const attempt = book(t.database.db, {
      clinicId: ids.clinicId,
      newClient: { firstName: "Raced", lastName: "Newcomer", email: null, phone: null },
      serviceId: ids.session30,
      therapistId: ids.marcus,
      start,
      channel: "staff",
      source: "phone",
      createdBy: null,
      publicUrl: "http://localhost",
      // Another booking takes the time after the plan saw it free, so the insert itself meets the
      // exclusion constraint (and this competing row is rolled back with it).
      beforeInsert: async (tx) => {
        await tx.insert(appointments).values({
          clinicId: ids.clinicId,
          clientId: ids.jordan,
          therapistId: ids.marcus,
          serviceId: ids.session30,
          status: "confirmed",
          source: "phone",
          ...slot,
          blocksFrom: slot.startsAt,
          blocksUntil: slot.endsAt,
        });
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: "slot_taken" });
    const raced = await t.database.db
      .select()
      .from(clients)
      .where(and(eq(clients.clinicId, ids.clinicId), eq(clients.lastName, "Newcomer")));
    expect(raced).toEqual([]);
  });

  it("refuses a named room that is busy, hours outside the week, and a client of another clinic", async () => {
    const start = boise(workday(16), "14:30");
    const busyRoom = await desk.request("POST", "/api/appointments", {
      clientId: ids.jordan,
      serviceId: ids.session30,
      therapistId: ids.priya,
      roomId: ids.sage,
      start,
    });
    expect(busyRoom.statusCode).toBe(409);
    const night = await desk.request("POST", "/api/appointments", {
      clientId: ids.jordan,
      serviceId: ids.session30,
      start: boise(workday(16), "21:00"),
    });
    expect(night.json()).toMatchObject({ code: "not_bookable", field: "start" });
    const [foreign] = await t.database.db
      .select()
      .from(clients)
      .where(eq(clients.email, "client@other.test"));
    const stranger = await desk.request("POST", "/api/appointments", {
      clientId: foreign?.id,
      serviceId: ids.session30,
      start: boise(workday(17), "10:00"),
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json()).toMatchObject({ code: "unknown_client", field: "clientId" });
  });

  it("needs exactly one of clientId and newClient, and refuses clients", async () => {
    const start = boise(workday(17), "10:00");
    const neither = await desk.request("POST", "/api/appointments", { serviceId: ids.session30, start });
    expect(neither.json()).toMatchObject({ code: "invalid_request", field: "clientId" });
    const both = await desk.request("POST", "/api/appointments", {
      clientId: ids.jordan,
      newClient: { firstName: "A", lastName: "B" },
      serviceId: ids.session30,
      start,
    });
    expect(both.json()).toMatchObject({ code: "invalid_request", field: "clientId" });
    const asClient = await jordan.request("POST", "/api/appointments", {
      clientId: ids.jordan,
      serviceId: ids.session30,
      start,
    });
    expect(asClient.statusCode).toBe(403);
  });
});
