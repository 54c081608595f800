import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { instantToLocal } from "../../core/scheduling/zone";
import { unissuedFeedTokenHash } from "../clinic/feed-token";
import { appointments, outboxMessages, therapists } from "../db/schema";
import { intakeWith } from "../intake/testing";
import type { Agent, TestApp } from "../testing/harness";
import { expireStaleRequests } from "./freed";
import { boise, type DemoIds, newClient, openDemoWorld, overlappingHolders, workday } from "./test-helpers";

let t: TestApp;
let ids: DemoIds;
let jordan: Agent;
let owner: Agent;
let desk: Agent;
let marcus: Agent;
let otherOwner: Agent;
let otherClient: Agent;
let someoneElse: Agent & { clientId: string };
/** A therapist with no hours, for appointments written straight into the table at any time. */
let tess: string;

const BOOK = "/api/public/clinics/demo/appointments";
const HOUR = 3_600_000;

beforeAll(async () => {
  ({ t, ids, jordan, owner, desk, marcus, otherOwner, otherClient } = await openDemoWorld());
  someoneElse = await newClient(t.app, "Sidney");
  const [row] = await t.database.db
    .insert(therapists)
    .values({ clinicId: ids.clinicId, displayName: "Tess Direct", feedTokenHash: unissuedFeedTokenHash() })
    .returning();
  tess = row?.id as string;
});
afterAll(async () => {
  expect(await overlappingHolders(t.database.db)).toBe(0);
  await t.close();
});

/** An appointment written straight into the table (for times the booking rules would refuse). */
async function direct(
  startsAt: number,
  status: "requested" | "confirmed",
  clientId = ids.jordan,
  minutes = 60,
) {
  const [row] = await t.database.db
    .insert(appointments)
    .values({
      clinicId: ids.clinicId,
      clientId,
      therapistId: tess,
      serviceId: ids.session60,
      status,
      source: "phone",
      startsAt: new Date(startsAt),
      endsAt: new Date(startsAt + minutes * 60_000),
      blocksFrom: new Date(startsAt),
      blocksUntil: new Date(startsAt + minutes * 60_000),
    })
    .returning();
  return row?.id as string;
}

async function book(agent: Agent, body: Record<string, unknown>) {
  const response = await agent.request("POST", BOOK, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function messages(appointmentId: string) {
  return t.database.db
    .select()
    .from(outboxMessages)
    .where(like(outboxMessages.dedupeKey, `%:${appointmentId}%`));
}

describe("reading one appointment", () => {
  it("shows it to the clinic's staff and its client, and answers everyone else 404 or 401", async () => {
    const booked = await book(jordan, {
      serviceId: ids.session60,
      therapistId: ids.marcus,
      start: boise(workday(20), "09:00"),
    });
    const path = `/api/appointments/${booked.id}`;
    for (const agent of [owner, desk, marcus, jordan]) {
      const response = await agent.request("GET", path);
      expect(response.statusCode).toBe(200);
      expect(response.json().id).toBe(booked.id);
    }
    expect((await marcus.request("GET", path)).json().therapist.isYou).toBe(true);
    expect((await desk.request("GET", path)).json().therapist.isYou).toBe(false);
    for (const agent of [someoneElse, otherOwner, otherClient]) {
      const response = await agent.request("GET", path);
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain("Jordan");
    }
    expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(401);
  });
});

describe("confirming", () => {
  it("lets staff confirm a request, which queues the confirmation and a reminder", async () => {
    const booked = await book(jordan, {
      serviceId: ids.session90,
      therapistId: ids.priya,
      start: boise(workday(20), "09:00"),
    });
    expect(booked.status).toBe("requested");
    expect((await jordan.request("POST", `/api/appointments/${booked.id}/confirm`)).statusCode).toBe(403);
    expect((await otherOwner.request("POST", `/api/appointments/${booked.id}/confirm`)).statusCode).toBe(404);
    const response = await desk.request("POST", `/api/appointments/${booked.id}/confirm`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: "confirmed", requestExpiresAt: null });
    expect((await messages(booked.id)).map((m) => m.kind).sort()).toEqual([
      "confirmed",
      "reminder",
      "request_received",
    ]);
    const again = await desk.request("POST", `/api/appointments/${booked.id}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe("invalid_status");
  });

  it("refuses to confirm a first visit until the intake, the consent and every clearance are in", async () => {
    const newcomer = await newClient(t.app, "Freya");
    const booked = await book(newcomer, {
      serviceId: ids.consultation,
      therapistId: ids.sam,
      start: boise(workday(21), "14:00"),
    });
    expect(booked).toMatchObject({ status: "requested", firstVisit: true });
    const confirmPath = `/api/appointments/${booked.id}/confirm`;
    const readinessPath = `/api/appointments/${booked.id}/readiness`;

    const bare = await desk.request("POST", confirmPath);
    expect(bare.statusCode).toBe(409);
    expect(bare.json().code).toBe("not_ready");
    expect(bare.json().message).toMatch(/intake/);
    expect(bare.json().message).toMatch(/consent/);
    expect((await desk.request("GET", readinessPath)).json()).toEqual({
      firstVisit: true,
      ok: false,
      reasons: [
        { code: "intake-not-submitted", message: expect.any(String) },
        { code: "consent-not-signed", message: expect.any(String) },
      ],
    });
    expect((await newcomer.request("GET", readinessPath)).statusCode).toBe(403);

    // The client submits an intake that reports recent surgery (a hold) and signs the consent.
    const submitted = await newcomer.request(
      "POST",
      "/api/me/intake/submit",
      intakeWith({ health: ["recent-surgery"] }),
    );
    expect(submitted.statusCode, submitted.body).toBe(200);
    const consent = (await newcomer.request("GET", "/api/me/consent")).json();
    const signed = await newcomer.request("POST", "/api/me/consent/signatures", {
      typedName: newcomer.name,
      consentVersion: consent.current.version,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    const held = await desk.request("POST", confirmPath);
    expect(held.statusCode).toBe(409);
    expect((await desk.request("GET", readinessPath)).json().reasons).toEqual([
      { code: "clearance-missing", findingId: "recent-surgery", message: expect.any(String) },
    ]);

    const clearance = await desk.request("POST", `/api/clients/${newcomer.clientId}/clearances`, {
      findingId: "recent-surgery",
      clearedBy: "Dr. Lee (surgeon)",
      // The clinic's today: a UTC date is already tomorrow in Boise from 17:00 local time.
      clearedOn: instantToLocal(Date.now(), "America/Boise").date,
      note: "Healed; massage away from the scar is fine.",
    });
    expect(clearance.statusCode, clearance.body).toBe(201);
    expect((await desk.request("GET", readinessPath)).json()).toEqual({
      firstVisit: true,
      ok: true,
      reasons: [],
    });
    const confirmed = await desk.request("POST", confirmPath);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().status).toBe("confirmed");
  });
});

describe("declining", () => {
  it("needs a reason, tells the client, and applies to requests only", async () => {
    const booked = await book(jordan, {
      serviceId: ids.session90,
      therapistId: ids.marcus,
      start: boise(workday(22), "09:00"),
    });
    const path = `/api/appointments/${booked.id}/decline`;
    const noReason = await desk.request("POST", path, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: "invalid_request", field: "reason" });
    expect((await jordan.request("POST", path, { reason: "no" })).statusCode).toBe(403);
    const declined = await desk.request("POST", path, { reason: "Marcus is at a course that day" });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({
      status: "declined",
      statusReason: "Marcus is at a course that day",
    });
    const mail = (await messages(booked.id)).find((m) => m.kind === "declined");
    expect(mail?.body).toContain("Marcus is at a course that day");
    expect((await desk.request("POST", path, { reason: "again" })).json().code).toBe("invalid_status");
  });
});

describe("cancelling", () => {
  it("lets a client cancel their confirmed appointment before the window, cancelling its reminder", async () => {
    const booked = await book(jordan, {
      serviceId: ids.session60,
      therapistId: ids.sam,
      start: boise(workday(22), "14:00"),
    });
    expect(booked.status).toBe("confirmed");
    const response = await jordan.request("POST", `/api/appointments/${booked.id}/cancel`, {
      reason: "Travelling",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: "cancelled", statusReason: "Travelling" });
    const mail = await messages(booked.id);
    expect(mail.find((m) => m.kind === "reminder")?.cancelledAt).toBeInstanceOf(Date);
    expect(mail.find((m) => m.kind === "cancelled")?.cancelledAt).toBeNull();
    // The slot is free again.
    const again = await someoneElse.request("POST", BOOK, {
      serviceId: ids.session60,
      therapistId: ids.sam,
      start: booked.startsAt,
    });
    expect(again.statusCode).toBe(201);
  });

  it("refuses a client's cancellation inside the window, which staff may still make", async () => {
    const soon = Math.ceil((Date.now() + 3 * HOUR) / 60_000) * 60_000;
    const id = await direct(soon, "confirmed");
    const refused = await jordan.request("POST", `/api/appointments/${id}/cancel`, { reason: "Ill" });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("too_late");
    expect(refused.json().message).toMatch(/24 hours/);
    const staff = await desk.request("POST", `/api/appointments/${id}/cancel`, {
      reason: "Client phoned, ill",
    });
    expect(staff.statusCode).toBe(200);
    // A request (not yet confirmed) can be withdrawn by the client until it starts.
    const request = await direct(soon + 2 * HOUR, "requested");
    expect(
      (await jordan.request("POST", `/api/appointments/${request}/cancel`, { reason: "Changed my mind" }))
        .statusCode,
    ).toBe(200);
  });

  it("answers 404 to a client cancelling someone else's appointment, and to another clinic", async () => {
    const booked = await book(jordan, {
      serviceId: ids.session60,
      therapistId: ids.sam,
      start: boise(workday(23), "09:00"),
    });
    for (const agent of [someoneElse, otherClient, otherOwner]) {
      const response = await agent.request("POST", `/api/appointments/${booked.id}/cancel`, {
        reason: "mine now",
      });
      expect(response.statusCode).toBe(404);
    }
    const [row] = await t.database.db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(row?.status).toBe("confirmed");
  });
});

describe("no-shows and completion", () => {
  it("marks only confirmed appointments that have started, by staff", async () => {
    const future = await book(jordan, {
      serviceId: ids.session60,
      therapistId: ids.sam,
      start: boise(workday(23), "13:00"),
    });
    const early = await desk.request("POST", `/api/appointments/${future.id}/no-show`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe("not_started");
    const past = await direct(Date.now() - 5 * HOUR, "confirmed");
    expect((await jordan.request("POST", `/api/appointments/${past}/no-show`, {})).statusCode).toBe(403);
    const noShow = await desk.request("POST", `/api/appointments/${past}/no-show`, {});
    expect(noShow.statusCode).toBe(200);
    expect(noShow.json().status).toBe("no_show");
    expect((await desk.request("POST", `/api/appointments/${past}/complete`)).json().code).toBe(
      "invalid_status",
    );
    const done = await direct(Date.now() - 3 * HOUR, "confirmed");
    const completed = await marcus.request("POST", `/api/appointments/${done}/complete`);
    expect(completed.statusCode).toBe(200);
    expect(completed.json().status).toBe("completed");
  });
});

describe("rescheduling", () => {
  it("lets staff move an appointment to another time and therapist, renewing its reminder", async () => {
    const booked = await book(jordan, {
      serviceId: ids.session60,
      therapistId: ids.marcus,
      start: boise(workday(24), "09:00"),
    });
    const start = boise(workday(24), "14:05");
    const response = await desk.request("POST", `/api/appointments/${booked.id}/reschedule`, {
      start,
      therapistId: ids.priya,
      reason: "Marcus is off",
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: "confirmed",
      startsAt: start,
      therapist: { id: ids.priya },
    });
    const mail = await messages(booked.id);
    const reminders = mail.filter((m) => m.kind === "reminder");
    expect(reminders).toHaveLength(2);
    expect(reminders.find((m) => m.dedupeKey.endsWith(booked.startsAt))?.cancelledAt).toBeInstanceOf(Date);
    expect(reminders.find((m) => m.dedupeKey.endsWith(start))?.cancelledAt).toBeNull();
    expect(mail.some((m) => m.kind === "rescheduled")).toBe(true);
    // Moving by a quarter of an hour overlaps its own old time: allowed.
    const nudge = boise(workday(24), "14:20");
    const nudged = await desk.request("POST", `/api/appointments/${booked.id}/reschedule`, { start: nudge });
    expect(nudged.statusCode).toBe(200);
    expect(nudged.json().therapist.id).toBe(ids.priya);
  });

  it("lets a client move their own appointment to an offered time with the same therapist, before the window", async () => {
    const booked = await book(jordan, {
      serviceId: ids.session60,
      therapistId: ids.sam,
      start: boise(workday(25), "09:00"),
    });
    const path = `/api/appointments/${booked.id}/reschedule`;
    const other = await jordan.request("POST", path, {
      start: boise(workday(25), "10:00"),
      therapistId: ids.marcus,
    });
    expect(other.json()).toMatchObject({ code: "forbidden_change", field: "therapistId" });
    const offGrid = await jordan.request("POST", path, { start: boise(workday(25), "10:05") });
    expect(offGrid.json()).toMatchObject({ code: "not_bookable", field: "start" });
    expect((await someoneElse.request("POST", path, { start: boise(workday(25), "10:00") })).statusCode).toBe(
      404,
    );
    const moved = await jordan.request("POST", path, { start: boise(workday(25), "10:00") });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ status: "confirmed", therapist: { id: ids.sam } });
    // Onto a taken time: 409, and nothing changes.
    await book(someoneElse, {
      serviceId: ids.session30,
      therapistId: ids.sam,
      start: boise(workday(25), "14:00"),
    });
    const taken = await jordan.request("POST", path, { start: boise(workday(25), "14:00") });
    expect(taken.statusCode).toBe(409);
    expect((await jordan.request("GET", `/api/appointments/${booked.id}`)).json().startsAt).toBe(
      boise(workday(25), "10:00"),
    );
  });

  it("turns a client's move of a request-mode booking into a request again, and refuses moves inside the window", async () => {
    const booked = await book(jordan, {
      serviceId: ids.session90,
      therapistId: ids.sam,
      start: boise(workday(26), "09:00"),
    });
    await desk.request("POST", `/api/appointments/${booked.id}/confirm`);
    const moved = await jordan.request("POST", `/api/appointments/${booked.id}/reschedule`, {
      start: boise(workday(26), "13:00"),
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().status).toBe("requested");
    expect(moved.json().requestExpiresAt).not.toBeNull();
    const soon = await direct(Math.ceil((Date.now() + 5 * HOUR) / 60_000) * 60_000, "confirmed");
    const late = await jordan.request("POST", `/api/appointments/${soon}/reschedule`, {
      start: boise(workday(27), "10:00"),
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe("too_late");
  });
});

describe("proposing another time", () => {
  it("declines the request and creates one at the proposed time, which the client accepts", async () => {
    const booked = await book(jordan, {
      serviceId: ids.session90,
      therapistId: ids.marcus,
      start: boise(workday(27), "09:00"),
    });
    const start = boise(workday(27), "13:00");
    const response = await desk.request("POST", `/api/appointments/${booked.id}/propose`, {
      start,
      reason: "Mornings are full that day",
    });
    expect(response.statusCode, response.body).toBe(201);
    const { declined, proposed } = response.json();
    expect(declined).toMatchObject({ id: booked.id, status: "declined" });
    expect(declined.statusReason).toBe("Another time proposed: Mornings are full that day");
    expect(proposed).toMatchObject({
      status: "requested",
      source: "staff",
      startsAt: start,
      therapist: { id: ids.marcus },
    });
    expect(Date.parse(proposed.requestExpiresAt)).toBeGreaterThan(Date.now() + 47 * HOUR);
    expect((await messages(proposed.id)).map((m) => m.kind)).toEqual(["proposed"]);
    expect((await messages(booked.id)).map((m) => m.kind)).toEqual(["request_received"]);

    expect((await someoneElse.request("POST", `/api/appointments/${proposed.id}/accept`)).statusCode).toBe(
      404,
    );
    expect((await desk.request("POST", `/api/appointments/${proposed.id}/accept`)).statusCode).toBe(403);
    const accepted = await jordan.request("POST", `/api/appointments/${proposed.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe("confirmed");
    expect(
      (await desk.request("POST", `/api/appointments/${booked.id}/propose`, { start, reason: "x" })).json()
        .code,
    ).toBe("invalid_status");
  });

  it("does not let a client accept their own online request (the clinic confirms those)", async () => {
    const booked = await book(jordan, {
      serviceId: ids.session90,
      therapistId: ids.priya,
      start: boise(workday(28), "09:00"),
    });
    expect((await jordan.request("POST", `/api/appointments/${booked.id}/accept`)).statusCode).toBe(403);
  });
});

describe("expiry of requests", () => {
  it("frees the slot of a request past its expiry at once, marks it on the sweep, and refuses to confirm it", async () => {
    const start = boise(workday(29), "09:00");
    const query = `/api/public/clinics/demo/availability?serviceId=${ids.session90}&therapistId=${ids.sam}&from=${workday(29)}&to=${workday(29)}`;
    const offered = async () =>
      (await t.app.inject({ method: "GET", url: query })).json().slots.map((s: { start: string }) => s.start);
    expect(await offered()).toContain(start);
    const booked = await book(jordan, { serviceId: ids.session90, therapistId: ids.sam, start });
    expect(await offered()).not.toContain(start);

    await t.database.db
      .update(appointments)
      .set({ requestExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(appointments.id, booked.id));
    // Expiry faked by a direct write, which (unlike the API's writes) does not empty the few-second
    // availability cache; a real expiry shows within that cache's lifetime.
    t.app.availabilityCache.clear();
    expect(await offered()).toContain(start);
    const refused = await desk.request("POST", `/api/appointments/${booked.id}/confirm`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe("request_expired");
    const [row] = await t.database.db.select().from(appointments).where(eq(appointments.id, booked.id));
    expect(row).toMatchObject({ status: "declined", statusReason: "expired" });
    expect((await messages(booked.id)).map((m) => m.kind).sort()).toEqual([
      "request_expired",
      "request_received",
    ]);
  });

  it("lets the sweep mark every stale request once, across clinics, and nothing else", async () => {
    const one = await book(jordan, {
      serviceId: ids.session90,
      therapistId: ids.priya,
      start: boise(workday(30), "09:00"),
    });
    const two = await book(jordan, {
      serviceId: ids.session90,
      therapistId: ids.priya,
      start: boise(workday(30), "13:00"),
    });
    await t.database.db
      .update(appointments)
      .set({ requestExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(appointments.id, one.id));
    const publicUrl = "http://localhost:3000";
    expect(await expireStaleRequests(t.database.db, { publicUrl })).toBeGreaterThanOrEqual(1);
    expect(await expireStaleRequests(t.database.db, { publicUrl })).toBe(0);
    const rows = await t.database.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.clinicId, ids.clinicId), eq(appointments.therapistId, ids.priya)));
    expect(rows.find((r) => r.id === one.id)?.status).toBe("declined");
    expect(rows.find((r) => r.id === two.id)?.status).toBe("requested");
  });
});
