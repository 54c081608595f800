/**
 * Notifications end to end (F8) against a real SMTP server in the test process, with a controllable
 * clock: each kind once per appointment at its instant, none after a cancel, a reschedule moving the
 * reminder, DST, a mail server that is down then up, dead letters, consent and one-click unsubscribe.
 * Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_NOTIFICATION_POLICIES } from "../../core/notify/policies";
import { inQuietHours, outsideQuietHours } from "../../core/notify/timing";
import { localToInstant } from "../../core/scheduling/zone";
import { enqueueTimedMessages, type MessageFacts } from "../appointments/messages";
import { boise, type DemoIds, newClient, openDemoWorld, workday } from "../appointments/test-helpers";
import { appointments, outboxMessages, treatmentPlans } from "../db/schema";
import type { Agent, TestApp } from "../testing/harness";
import { calendarPartOf, headerOf, type MailSink, type ReceivedMail, startMailSink } from "./mail-sink";
import { deliverDueMessages, MAX_ATTEMPTS, retryDelayMs } from "./outbox";
import { deliveryPreflight } from "./preflight";
import { schedulePlanFollowUp, scheduleRecall } from "./schedule";
import { smtpTransport } from "./smtp";
import { signUnsubscribeToken } from "./tokens";

let t: TestApp;
let ids: DemoIds;
let desk: Agent;
let owner: Agent;
let otherOwner: Agent;
let otherClient: Agent;
let marcus: Agent;
let sink: MailSink;
const HOUR = 3_600_000;

beforeAll(async () => {
  ({ t, ids, desk, owner, otherOwner, otherClient, marcus } = await openDemoWorld());
  sink = await startMailSink();
});
afterAll(async () => {
  await sink.close();
  await t.close();
});
beforeEach(() => sink.rejectWith(null));

/** Delivers everything due at `at` (the controllable clock) to the sink. */
async function deliverAt(at: number, url = sink.url) {
  const transport = smtpTransport(url, "clinic@knotwork.test");
  try {
    return await deliverDueMessages(t.database.db, transport, {
      now: () => new Date(at),
      batch: 10_000,
      messageIdHost: "knotwork.test",
      preflight: deliveryPreflight(t.database.db, {
        secret: t.app.config.secret,
        publicUrl: t.app.config.publicUrl,
      }),
    });
  } finally {
    transport.close();
  }
}

async function rowsOf(appointmentId: string) {
  return t.database.db.select().from(outboxMessages).where(eq(outboxMessages.appointmentId, appointmentId));
}

/** Mails the sink received for one appointment's rows, by kind. */
async function receivedFor(appointmentId: string) {
  const rows = await rowsOf(appointmentId);
  const byId = new Map(rows.map((r) => [`<${r.id}@knotwork.test>`, r.kind]));
  const kinds: string[] = [];
  for (const mail of sink.received) {
    const kind = byId.get(mail.messageId);
    if (kind) kinds.push(kind);
  }
  return kinds.sort();
}

async function book(agent: Agent, serviceId: string, start: string) {
  const response = await agent.request("POST", "/api/public/clinics/demo/appointments", {
    serviceId,
    therapistId: ids.marcus,
    start,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; status: string; startsAt: string };
}

describe("each kind once, at its instant", () => {
  it("sends request received, confirmed (with an invitation) and the reminder once each, the reminder not before it is due", async () => {
    const client = await agentWithHistory("Rena");
    const booked = await book(client, ids.session90, boise(workday(30), "10:00"));
    expect(booked.status).toBe("requested");
    const now = Date.now();
    await deliverAt(now);
    expect(await receivedFor(booked.id)).toContain("request_received");

    const confirm = await desk.request("POST", `/api/appointments/${booked.id}/confirm`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    await deliverAt(now);
    const start = new Date(booked.startsAt).getTime();
    const reminder = (await rowsOf(booked.id)).find((r) => r.kind === "reminder");
    expect(reminder?.sendAfter.getTime()).toBe(start - 24 * HOUR);
    await deliverAt(start - 24 * HOUR - 1_000);
    expect(await receivedFor(booked.id)).not.toContain("reminder");
    await deliverAt(start - 24 * HOUR);
    await deliverAt(start);
    expect(await receivedFor(booked.id)).toEqual(["confirmed", "reminder", "request_received"]);
  });

  it("sends the confirmation of an instant booking with an ICS invitation, the reminder 24 h before, each once", async () => {
    const booked = await book(await agentWithHistory("Ivo"), ids.session60, boise(workday(31), "10:00"));
    expect(booked.status).toBe("confirmed");
    const start = new Date(booked.startsAt).getTime();
    for (const at of [Date.now(), start - 24 * HOUR - 1, start - 24 * HOUR, start + HOUR, start + 48 * HOUR])
      await deliverAt(at);
    expect(await receivedFor(booked.id)).toEqual(["confirmed", "reminder"]);
    const rows = await rowsOf(booked.id);
    const confirmation = sink.received.find(
      (m) => m.messageId === `<${rows.find((r) => r.kind === "confirmed")?.id}@knotwork.test>`,
    );
    const ics = calendarPartOf(confirmation as ReceivedMail);
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain(`UID:appointment-${booked.id}@`);
    expect(ics).toContain("METHOD:REQUEST");
    const reminder = rows.find((r) => r.kind === "reminder");
    expect(reminder?.sentAt?.getTime()).toBe(start - 24 * HOUR);
  });

  it("signs the messages written at booking time with the clinic's profile, as every later one is", async () => {
    const requested = await book(await agentWithHistory("Fen"), ids.session90, boise(workday(37), "10:00"));
    const instant = await book(await agentWithHistory("Gus"), ids.session60, boise(workday(37), "14:00"));
    expect([requested.status, instant.status]).toEqual(["requested", "confirmed"]);
    const confirm = await desk.request("POST", `/api/appointments/${requested.id}/confirm`);
    expect(confirm.statusCode, confirm.body).toBe(200);
    const rows = [...(await rowsOf(requested.id)), ...(await rowsOf(instant.id))];
    // request_received and the instant confirmation are written by booking; the other confirmation
    // and the reminders by the confirm action: the same footer in each, in text and in HTML.
    expect(rows.map((r) => r.kind)).toEqual(
      expect.arrayContaining(["request_received", "confirmed", "reminder"]),
    );
    for (const row of rows) {
      expect(row.body, row.kind).toContain(
        "Knotwork Demo Clinic\n410 W Main St, Boise, ID 83702\n208-555-0100",
      );
      expect(row.html, row.kind).toContain(
        "<p>Knotwork Demo Clinic<br>410 W Main St, Boise, ID 83702<br>208-555-0100</p>",
      );
    }
  });

  it("sends nothing more after a cancel: the reminder is cancelled, the cancellation notice goes once", async () => {
    const client = await agentWithHistory("Cato");
    const booked = await book(client, ids.session60, boise(workday(32), "14:00"));
    await deliverAt(Date.now());
    const cancel = await client.request("POST", `/api/appointments/${booked.id}/cancel`, { reason: "Away" });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const start = new Date(booked.startsAt).getTime();
    for (const at of [Date.now(), start - 24 * HOUR, start + HOUR]) await deliverAt(at);
    expect(await receivedFor(booked.id)).toEqual(["cancelled", "confirmed"]);
    const reminder = (await rowsOf(booked.id)).find((r) => r.kind === "reminder");
    expect(reminder?.cancelledAt).toBeInstanceOf(Date);
    expect(reminder?.sentAt).toBeNull();
  });

  it("sends one notice for a reschedule, with an invitation, and moves the reminder", async () => {
    const client = await agentWithHistory("Remy");
    const booked = await book(client, ids.session60, boise(workday(33), "09:00"));
    const moved = boise(workday(34), "13:00");
    const response = await desk.request("POST", `/api/appointments/${booked.id}/reschedule`, {
      start: moved,
    });
    expect(response.statusCode, response.body).toBe(200);
    const oldStart = new Date(booked.startsAt).getTime();
    const newStart = new Date(moved).getTime();
    for (const at of [
      Date.now(),
      oldStart - 24 * HOUR,
      oldStart,
      newStart - 24 * HOUR - 1,
      newStart - 24 * HOUR,
      newStart,
    ])
      await deliverAt(at);
    expect(await receivedFor(booked.id)).toEqual(["confirmed", "reminder", "rescheduled"]);
    const rows = await rowsOf(booked.id);
    const sentReminder = rows.find((r) => r.kind === "reminder" && r.sentAt !== null);
    expect(sentReminder?.sentAt?.getTime()).toBe(newStart - 24 * HOUR);
    const notice = sink.received.find(
      (m) => m.messageId === `<${rows.find((r) => r.kind === "rescheduled")?.id}@knotwork.test>`,
    );
    const ics = calendarPartOf(notice as ReceivedMail);
    expect(ics).toContain(`UID:appointment-${booked.id}@`);
    expect(ics).toContain(`DTSTART:${moved.replace(/[-:]/g, "").replace(".000", "")}`);
  });

  it("sends aftercare when a session is completed and the check-in the next morning, once each", async () => {
    const client = await agentWithHistory("Ada");
    const start = Date.now() - 2 * HOUR;
    const row = await confirmedVisit(client.clientId, start);
    const id = row?.id as string;
    const done = await desk.request("POST", `/api/appointments/${id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    const rows = await rowsOf(id);
    const checkIn = rows.find((r) => r.kind === "check_in");
    expect(rows.map((r) => r.kind).sort()).toEqual(["aftercare", "check_in"]);
    // The check-in: 10:00 in Boise on the local day after the session.
    const local = new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/Boise",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
    expect(local.format(checkIn?.sendAfter)).toBe("10:00");
    expect(checkIn?.sendAfter.getTime()).toBeGreaterThan(start + HOUR);
    expect(checkIn?.sendAfter.getTime()).toBeLessThan(start + HOUR + 48 * HOUR);
    const far = (checkIn?.sendAfter.getTime() ?? 0) + HOUR;
    await deliverAt(far);
    await deliverAt(far + 24 * HOUR);
    expect(await receivedFor(id)).toEqual(["aftercare", "check_in"]);
    const mail = sink.received.find((m) => m.messageId === `<${checkIn?.id}@knotwork.test>`);
    expect(headerOf(mail as never, "List-Unsubscribe")).toContain("/api/notify/unsubscribe?token=u1.");
    expect(headerOf(mail as never, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  });

  it("after a completed session of a plan: the next session's follow-up while sessions remain, the recall once they are done", async () => {
    const completeOneFor = async (first: string, plannedSessions: number) => {
      const client = await agentWithHistory(first);
      await t.database.db.insert(treatmentPlans).values({
        clinicId: ids.clinicId,
        clientId: client.clientId,
        plannedSessions,
        maintenanceIntervalWeeks: 5,
        startsOn: new Date(Date.now() - 60 * 24 * HOUR).toISOString().slice(0, 10),
        details: {},
      });
      const start = Date.now() - 2 * HOUR;
      const row = await confirmedVisit(client.clientId, start);
      const done = await desk.request("POST", `/api/appointments/${row?.id}/complete`);
      expect(done.statusCode, done.body).toBe(200);
      const followUps = await t.database.db
        .select()
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.clientId, client.clientId),
            inArray(outboxMessages.kind, ["recall", "plan_follow_up"]),
          ),
        );
      return { start, followUps };
    };
    // Two of four sessions done (the earlier visit and this one): remind to book the third.
    const midway = await completeOneFor("Mid", 4);
    expect(midway.followUps.map((m) => [m.kind, m.dedupeKey.split(":").at(-1)])).toEqual([
      ["plan_follow_up", "3"],
    ]);
    expect(midway.followUps[0]?.sendAfter.getTime()).toBeGreaterThanOrEqual(
      midway.start + HOUR + 48 * HOUR - HOUR,
    );
    // Both of two sessions done: the maintenance recall five weeks after this session.
    const finished = await completeOneFor("Fin", 2);
    expect(finished.followUps.map((m) => m.kind)).toEqual(["recall"]);
    const weeks = ((finished.followUps[0]?.sendAfter.getTime() ?? 0) - finished.start) / (7 * 24 * HOUR);
    expect(weeks).toBeGreaterThan(4.8);
    expect(weeks).toBeLessThan(5.2);
  });
});

/** A confirmed 60-minute visit with Marcus from `start`, booked by phone (e.g. one for the desk to complete). */
async function confirmedVisit(clientId: string, start: number) {
  const [row] = await t.database.db
    .insert(appointments)
    .values({
      clinicId: ids.clinicId,
      clientId,
      therapistId: ids.marcus,
      serviceId: ids.session60,
      status: "confirmed",
      source: "phone",
      startsAt: new Date(start),
      endsAt: new Date(start + HOUR),
      blocksFrom: new Date(start),
      blocksUntil: new Date(start + HOUR),
    })
    .returning();
  return row;
}

let histories = 0;
/** A client who has had a completed session, so their bookings are not first visits. */
async function agentWithHistory(first: string) {
  const agent = await newClient(t.app, first);
  const past = Date.now() - 30 * 24 * HOUR - histories++ * HOUR;
  await t.database.db.insert(appointments).values({
    clinicId: ids.clinicId,
    clientId: agent.clientId,
    therapistId: ids.marcus,
    serviceId: ids.session60,
    status: "completed",
    source: "phone",
    startsAt: new Date(past),
    endsAt: new Date(past + HOUR),
    blocksFrom: new Date(past),
    blocksUntil: new Date(past + HOUR),
  });
  return agent;
}

describe("DST", () => {
  it("sends the reminder for the morning after the spring change 24 real hours before (08:00 by the clock)", async () => {
    const client = await agentWithHistory("Dusty");
    // 2027-03-14: clocks in Boise go from 02:00 to 03:00. A 09:00 appointment that morning.
    const start = localToInstant("2027-03-14", "09:00", "America/Boise");
    if (!start.ok) throw new Error("no such time");
    const facts: MessageFacts = {
      clinicId: ids.clinicId,
      clinicName: "Demo",
      clinicAddress: null,
      clinicPhone: null,
      timeZone: "America/Boise",
      appointmentId: (
        await t.database.db
          .insert(appointments)
          .values({
            clinicId: ids.clinicId,
            clientId: client.clientId,
            therapistId: ids.marcus,
            serviceId: ids.session60,
            status: "confirmed",
            source: "phone",
            startsAt: new Date(start.instant),
            endsAt: new Date(start.instant + HOUR),
            blocksFrom: new Date(start.instant),
            blocksUntil: new Date(start.instant + HOUR),
          })
          .returning({ id: appointments.id })
      )[0]?.id as string,
      clientId: client.clientId,
      clientEmail: "dusty@example.com",
      clientFirstName: "Dusty",
      serviceName: "Session",
      therapistName: "Marcus",
      startsAt: start.instant,
      publicUrl: "http://localhost:3000",
    };
    await enqueueTimedMessages(t.database.db, facts, Date.parse("2027-03-01T00:00:00Z"), true);
    const due = start.instant - 24 * HOUR;
    const eightLocal = localToInstant("2027-03-13", "08:00", "America/Boise");
    expect(eightLocal.ok && eightLocal.instant).toBe(due);
    await deliverAt(due - 1_000);
    expect(await receivedFor(facts.appointmentId)).toEqual([]);
    await deliverAt(due);
    await deliverAt(start.instant);
    expect(await receivedFor(facts.appointmentId)).toEqual(["reminder"]);
  });
});

describe("a mail server that is down, refuses, or rejects for good", () => {
  async function enqueueBatch(prefix: string, n: number, to = (i: number) => `${prefix}-${i}@example.com`) {
    await t.database.db.insert(outboxMessages).values(
      Array.from({ length: n }, (_, i) => ({
        clinicId: ids.clinicId,
        dedupeKey: `${prefix}:${i}`,
        kind: "test",
        toAddress: to(i),
        subject: `${prefix} ${i}`,
        body: "Hello",
        sendAfter: new Date(Date.now() - 1_000),
      })),
    );
    return t.database.db
      .select()
      .from(outboxMessages)
      .where(
        inArray(
          outboxMessages.dedupeKey,
          Array.from({ length: n }, (_, i) => `${prefix}:${i}`),
        ),
      );
  }

  it("loses nothing while the server is down, then delivers each message once", async () => {
    const rows = await enqueueBatch("down", 20);
    const now = Date.now();
    // Nothing listens on port 1: connection refused.
    expect(await deliverAt(now, "smtp://127.0.0.1:1")).toBe(0);
    // The server answers 421/451 for a while.
    sink.rejectWith((a) => (a.startsWith("down-") ? 451 : null));
    expect(await deliverAt(now + retryDelayMs(1))).toBe(0);
    sink.rejectWith(null);
    await deliverAt(now + retryDelayMs(1) + retryDelayMs(2));
    const ids_ = new Set(rows.map((r) => `<${r.id}@knotwork.test>`));
    const got = sink.received.filter((m) => ids_.has(m.messageId)).map((m) => m.messageId);
    expect(got.sort()).toEqual([...ids_].sort());
    const after = await t.database.db
      .select()
      .from(outboxMessages)
      .where(
        inArray(
          outboxMessages.id,
          rows.map((r) => r.id),
        ),
      );
    expect(after.every((r) => r.sentAt !== null && r.deadAt === null && r.attempts === 3)).toBe(true);
  });

  it("dead-letters a permanent refusal at once, and a temporary one after the last try", async () => {
    const [permanent] = await enqueueBatch("gone", 1);
    const [temporary] = await enqueueBatch("busy", 1);
    sink.rejectWith((a) => (a.startsWith("gone-") ? 550 : a.startsWith("busy-") ? 451 : null));
    let at = Date.now();
    await deliverAt(at);
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      at += retryDelayMs(attempt);
      await deliverAt(at);
    }
    const rows = await t.database.db
      .select()
      .from(outboxMessages)
      .where(inArray(outboxMessages.id, [permanent?.id as string, temporary?.id as string]));
    const gone = rows.find((r) => r.id === permanent?.id);
    const busy = rows.find((r) => r.id === temporary?.id);
    expect(gone).toMatchObject({ attempts: 1, sentAt: null });
    expect(gone?.deadAt).toBeInstanceOf(Date);
    expect(busy).toMatchObject({ attempts: MAX_ATTEMPTS, sentAt: null });
    expect(busy?.deadAt).toBeInstanceOf(Date);
    // Dead is dead: a later run does not try again.
    await deliverAt(at + 48 * HOUR);
    const [again] = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.id, temporary?.id as string));
    expect(again?.attempts).toBe(MAX_ATTEMPTS);
    const overview = await owner.request("GET", "/api/notify/messages?status=failed&kind=test");
    expect(overview.statusCode).toBe(200);
    expect(
      overview
        .json()
        .messages.map((m: { id: string }) => m.id)
        .sort(),
    ).toEqual([permanent?.id, temporary?.id].sort());
  });
});

describe("consent and one-click unsubscribe", () => {
  it("turns reminders off without signing in, and cancels that client's pending reminders at send time", async () => {
    const client = await agentWithHistory("Una");
    const booked = await book(client, ids.session60, boise(workday(35), "14:00"));
    const token = signUnsubscribeToken(t.app.config.secret, client.clientId, "reminders");
    const page = await t.app.inject({ method: "GET", url: `/api/notify/unsubscribe?token=${token}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<form");
    // A GET changes nothing (link scanners).
    expect((await client.request("GET", "/api/portal/contact-preferences")).json().reminders).toBe(true);
    const post = await t.app.inject({
      method: "POST",
      url: `/api/notify/unsubscribe?token=${token}`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(post.statusCode, post.body).toBe(200);
    expect((await client.request("GET", "/api/portal/contact-preferences")).json()).toEqual({
      reminders: false,
      recalls: true,
      checkIns: true,
    });
    const start = new Date(booked.startsAt).getTime();
    await deliverAt(start);
    // Transactional messages still go; the reminder does not.
    expect(await receivedFor(booked.id)).toEqual(["confirmed"]);
    const reminder = (await rowsOf(booked.id)).find((r) => r.kind === "reminder");
    expect(reminder?.cancelReason).toBe("client opted out");
  });

  it("refuses a token altered to name another client, or signed with another key", async () => {
    const victim = await agentWithHistory("Vic");
    const attacker = await agentWithHistory("Atta");
    const own = signUnsubscribeToken(t.app.config.secret, attacker.clientId, "recalls");
    const forged = own.replace(attacker.clientId, victim.clientId);
    const otherKey = signUnsubscribeToken("not-the-app-secret-0123456789abcdef", victim.clientId, "recalls");
    for (const token of [forged, otherKey, "u1.garbage", `${own}x`]) {
      const response = await t.app.inject({
        method: "POST",
        url: `/api/notify/unsubscribe?token=${encodeURIComponent(token)}`,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: "List-Unsubscribe=One-Click",
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe("invalid_token");
    }
    expect((await victim.request("GET", "/api/portal/contact-preferences")).json().recalls).toBe(true);
  });

  // A signed-in browser sends its session cookie (and, from the unsubscribe page or a web mail client,
  // an Origin) but never the CSRF header: the signed token alone decides, whoever is signed in.
  it("works from a signed-in browser: the page's form post and a cross-site one-click post", async () => {
    const client = await agentWithHistory("Sina");
    const token = encodeURIComponent(signUnsubscribeToken(t.app.config.secret, client.clientId, "check_ins"));
    const ownOrigin = new URL(t.app.config.publicUrl).origin;
    const formPost = await t.app.inject({
      method: "POST",
      url: `/api/notify/unsubscribe?token=${token}`,
      headers: {
        cookie: client.cookie,
        origin: ownOrigin,
        accept: "text/html",
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: "",
    });
    expect(formPost.statusCode, formPost.body).toBe(200);
    expect(formPost.body).toContain("Done");
    expect((await client.request("GET", "/api/portal/contact-preferences")).json().checkIns).toBe(false);

    const recalls = encodeURIComponent(signUnsubscribeToken(t.app.config.secret, client.clientId, "recalls"));
    const oneClick = await t.app.inject({
      method: "POST",
      url: `/api/notify/unsubscribe?token=${recalls}`,
      headers: {
        cookie: client.cookie,
        origin: "https://mail.example.net",
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(oneClick.statusCode, oneClick.body).toBe(200);
    expect(oneClick.json()).toEqual({ topic: "recalls", done: true });
    expect((await client.request("GET", "/api/portal/contact-preferences")).json()).toEqual({
      reminders: true,
      recalls: false,
      checkIns: false,
    });
  });

  it("is still unforgeable with a session: a signed-in client cannot use it on another client", async () => {
    const victim = await agentWithHistory("Vera");
    const attacker = await agentWithHistory("Axel");
    const forged = signUnsubscribeToken(t.app.config.secret, attacker.clientId, "reminders").replace(
      attacker.clientId,
      victim.clientId,
    );
    const response = await t.app.inject({
      method: "POST",
      url: `/api/notify/unsubscribe?token=${encodeURIComponent(forged)}`,
      headers: {
        cookie: attacker.cookie,
        "x-csrf-token": attacker.csrfToken,
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: "List-Unsubscribe=One-Click",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe("invalid_token");
    expect((await victim.request("GET", "/api/portal/contact-preferences")).json().reminders).toBe(true);
    // The session does not stand in for the token either.
    const noToken = await attacker.request("POST", "/api/notify/unsubscribe");
    expect(noToken.statusCode).toBe(400);
    expect((await attacker.request("GET", "/api/portal/contact-preferences")).json().reminders).toBe(true);
  });
});

describe("the message centre", () => {
  it("shows a client only their own due and sent messages, and lets them change their preferences", async () => {
    const client = await agentWithHistory("Mina");
    const other = await agentWithHistory("Otto");
    const booked = await book(client, ids.session60, boise(workday(36), "15:00"));
    await book(other, ids.session60, boise(workday(36), "09:00"));
    const mine = await client.request("GET", "/api/portal/messages");
    expect(mine.statusCode).toBe(200);
    const messages = mine.json().messages as { kind: string; subject: string }[];
    // The confirmation is due (shown in the app whether or not it was e-mailed); the reminder is not yet.
    expect(messages.map((m) => m.kind)).toEqual(["confirmed"]);
    expect((await rowsOf(booked.id)).map((r) => r.kind).sort()).toEqual(["confirmed", "reminder"]);
    const put = await client.request("PUT", "/api/portal/contact-preferences", { checkIns: false });
    expect(put.json()).toEqual({ reminders: true, recalls: true, checkIns: false });
    expect((await client.request("GET", "/api/notify/messages")).statusCode).toBe(403);
    const bad = await client.request("PUT", "/api/portal/contact-preferences", { checkIns: "no" });
    expect(bad.statusCode).toBe(400);
  });

  it("gives staff counts per kind and per client, only of their clinic", async () => {
    const response = await owner.request("GET", "/api/notify/messages");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.byKind.find((k: { kind: string }) => k.kind === "confirmed")?.sent).toBeGreaterThan(0);
    expect(body.byClient.length).toBeGreaterThan(0);
    expect(JSON.stringify(body)).not.toContain("Otherclinic");
    expect((await t.app.inject({ method: "GET", url: "/api/notify/messages" })).statusCode).toBe(401);
  });
});

describe("plan follow-up and recall (for the plans module to call)", () => {
  it("schedules a recall at the interval after the last session, replaces an older one, and drops it when the client has booked", async () => {
    const client = await agentWithHistory("Rhea");
    const first = Date.parse("2027-01-05T17:00:00Z");
    const base = {
      clinicId: ids.clinicId,
      clientId: client.clientId,
      intervalWeeks: 4,
      publicUrl: "http://localhost:3000",
    };
    const [a1, a2] = (
      await t.database.db
        .select({ id: appointments.id })
        .from(appointments)
        .where(eq(appointments.clientId, client.clientId))
    ).map((r) => r.id);
    expect(
      await scheduleRecall(t.database.db, { ...base, lastAppointmentId: a1 as string, lastSessionAt: first }),
    ).toBe(true);
    expect(
      await scheduleRecall(t.database.db, { ...base, lastAppointmentId: a1 as string, lastSessionAt: first }),
    ).toBe(false);
    const rows = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.clientId, client.clientId), eq(outboxMessages.kind, "recall")));
    expect(rows).toHaveLength(1);
    const expected = localToInstant("2027-02-02", "10:00", "America/Boise");
    expect(expected.ok && expected.instant).toBe(rows[0]?.sendAfter.getTime());
    expect(a2).toBeUndefined();

    expect(
      await schedulePlanFollowUp(t.database.db, {
        clinicId: ids.clinicId,
        clientId: client.clientId,
        planId: "00000000-0000-4000-8000-000000000001",
        sessionNumber: 2,
        dueAt: Date.parse("2027-01-20T05:00:00Z"), // 22:00 in Boise: quiet hours, so 08:00 next morning
        publicUrl: "http://localhost:3000",
      }),
    ).toBe(true);
    const [followUp] = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.clientId, client.clientId), eq(outboxMessages.kind, "plan_follow_up")));
    const eight = localToInstant("2027-01-20", "08:00", "America/Boise");
    expect(eight.ok && eight.instant).toBe(followUp?.sendAfter.getTime());
    // The client books: at send time both are cancelled rather than sent.
    await book(client, ids.session60, boise(workday(28), "10:00"));
    await deliverAt(Date.parse("2027-02-03T00:00:00Z"));
    const after = await t.database.db
      .select()
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.clientId, client.clientId),
          inArray(outboxMessages.kind, ["recall", "plan_follow_up"]),
        ),
      );
    expect(after.map((r) => r.cancelReason)).toEqual(["already booked", "already booked"]);
  });
});

describe("the clinic's notification settings (PATCH /api/clinic, policies.notifications)", () => {
  const DEFAULTS = {
    reminderLeadHours: 24,
    secondReminderLeadHours: null,
    intakeReminderLeadHours: 48,
    quietHoursStart: "21:00",
    quietHoursEnd: "08:00",
    checkInLocalTime: "10:00",
    turnedOff: [],
  };
  const save = (agent: Agent, notifications: object) =>
    agent.request("PATCH", "/api/clinic", { policies: { notifications } });

  it("are the defaults at first, and only the owner may change them", async () => {
    expect((await owner.request("GET", "/api/clinic")).json().policies.notifications).toEqual(DEFAULTS);
    for (const agent of [desk, marcus, await newClient(t.app, "Nosy")]) {
      expect((await save(agent, { ...DEFAULTS, reminderLeadHours: 2 })).statusCode).toBe(403);
    }
    const anonymous = await t.app.inject({
      method: "PATCH",
      url: "/api/clinic",
      payload: { policies: { notifications: DEFAULTS } },
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await owner.request("GET", "/api/clinic")).json().policies.notifications).toEqual(DEFAULTS);
  });

  it("refuses bad values with the field that is wrong, and changes nothing", async () => {
    const cases: [object, string][] = [
      [{ ...DEFAULTS, reminderLeadHours: 0 }, "reminderLeadHours"],
      [{ ...DEFAULTS, reminderLeadHours: 2.5 }, "reminderLeadHours"],
      [{ ...DEFAULTS, quietHoursStart: "25:00" }, "quietHoursStart"],
      [{ ...DEFAULTS, quietHoursEnd: "8am" }, "quietHoursEnd"],
      [{ ...DEFAULTS, secondReminderLeadHours: 24 }, "secondReminderLeadHours"],
      [{ ...DEFAULTS, secondReminderLeadHours: 48 }, "secondReminderLeadHours"],
      [{ ...DEFAULTS, turnedOff: ["confirmed"] }, "turnedOff"],
      [{ ...DEFAULTS, checkInLocalTime: undefined }, "checkInLocalTime"],
    ];
    for (const [notifications, field] of cases) {
      const response = await save(owner, notifications);
      expect(response.statusCode, JSON.stringify(notifications)).toBe(400);
      expect(response.json().field).toContain(field);
    }
    expect((await owner.request("GET", "/api/clinic")).json().policies.notifications).toEqual(DEFAULTS);
  });

  it("schedules with the saved lead times, and a kind the clinic turned off is not sent (other clinics unaffected)", async () => {
    const settings = {
      ...DEFAULTS,
      reminderLeadHours: 48,
      secondReminderLeadHours: 3,
      quietHoursStart: "22:00",
      quietHoursEnd: "07:00",
    };
    const saved = await save(owner, settings);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().policies.notifications).toEqual(settings);
    // Another clinic's owner changes only their own clinic.
    const theirs = await save(otherOwner, { ...DEFAULTS, turnedOff: ["reminder", "recall"] });
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect((await otherClient.request("GET", "/api/clinic")).json().policies.notifications.turnedOff).toEqual(
      ["reminder", "recall"],
    );
    expect((await owner.request("GET", "/api/clinic")).json().policies.notifications).toEqual(settings);
    try {
      const first = await book(await agentWithHistory("Lea"), ids.session60, boise(workday(29), "13:00"));
      const start = new Date(first.startsAt).getTime();
      const rows = await rowsOf(first.id);
      expect(rows.find((r) => r.kind === "reminder")?.sendAfter.getTime()).toBe(start - 48 * HOUR);
      expect(rows.find((r) => r.kind === "second_reminder")?.sendAfter.getTime()).toBe(start - 3 * HOUR);

      // Turned off after they were queued: both reminders are cancelled when due, the confirmation goes.
      expect((await save(owner, { ...settings, turnedOff: ["reminder"] })).statusCode).toBe(200);
      for (const at of [Date.now(), start - 48 * HOUR, start - 3 * HOUR]) await deliverAt(at);
      expect(await receivedFor(first.id)).toEqual(["confirmed"]);
      const reasons = (await rowsOf(first.id))
        .filter((r) => r.kind !== "confirmed")
        .map((r) => r.cancelReason);
      expect(reasons).toEqual(["turned off by the clinic", "turned off by the clinic"]);
    } finally {
      expect((await save(owner, DEFAULTS)).statusCode).toBe(200);
    }
  });
});

describe("contact preferences belong to the signed-in client only", () => {
  it("keeps each client's, and another clinic's client, apart; staff have none", async () => {
    const client = await agentWithHistory("Pia");
    expect(
      (await client.request("PUT", "/api/portal/contact-preferences", { recalls: false })).statusCode,
    ).toBe(200);
    const theirs = await otherClient.request("GET", "/api/portal/contact-preferences");
    expect(theirs.json()).toEqual({ reminders: true, recalls: true, checkIns: true });
    expect(
      (await otherClient.request("PUT", "/api/portal/contact-preferences", { reminders: false })).statusCode,
    ).toBe(200);
    expect((await client.request("GET", "/api/portal/contact-preferences")).json()).toEqual({
      reminders: true,
      recalls: false,
      checkIns: true,
    });
    for (const agent of [owner, desk, marcus]) {
      expect((await agent.request("GET", "/api/portal/contact-preferences")).statusCode).toBe(403);
    }
    const unknownField = await client.request("PUT", "/api/portal/contact-preferences", {
      transactional: false,
    });
    expect(unknownField.statusCode).toBe(400);
    expect((await t.app.inject({ method: "GET", url: "/api/portal/contact-preferences" })).statusCode).toBe(
      401,
    );
  });
});

/** Mails the sink received for a client's rows of `kind` (rows without an appointment: offers, follow-ups). */
async function receivedForClient(clientId: string, kind: string) {
  const rows = await t.database.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.clientId, clientId), eq(outboxMessages.kind, kind)));
  const ids = new Set(rows.map((r) => `<${r.id}@knotwork.test>`));
  return { rows, mails: sink.received.filter((m) => ids.has(m.messageId)) };
}

const QUIET = { start: "21:00", end: "08:00" };

describe("every other kind through the mail server, once, at its instant", () => {
  it("a declined request: the notice once, no reminder ever", async () => {
    const booked = await book(await agentWithHistory("Dee"), ids.session90, boise(workday(20), "09:00"));
    expect(booked.status).toBe("requested");
    const declined = await desk.request("POST", `/api/appointments/${booked.id}/decline`, {
      reason: "Marcus is away",
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const start = new Date(booked.startsAt).getTime();
    for (const at of [Date.now(), Date.now(), start - 24 * HOUR, start]) await deliverAt(at);
    expect(await receivedFor(booked.id)).toEqual(["declined", "request_received"]);
  });

  it("another time proposed: the proposal once; accepted, its confirmation and reminder once each", async () => {
    const client = await agentWithHistory("Pim");
    const booked = await book(client, ids.session90, boise(workday(20), "13:00"));
    const proposedStart = boise(workday(21), "13:00");
    const response = await desk.request("POST", `/api/appointments/${booked.id}/propose`, {
      start: proposedStart,
      reason: "Afternoons are full",
    });
    expect(response.statusCode, response.body).toBe(201);
    const proposedId = response.json().proposed.id as string;
    await deliverAt(Date.now());
    await deliverAt(Date.now());
    expect(await receivedFor(proposedId)).toEqual(["proposed"]);
    const accept = await client.request("POST", `/api/appointments/${proposedId}/accept`);
    expect(accept.statusCode, accept.body).toBe(200);
    const start = new Date(proposedStart).getTime();
    for (const at of [Date.now(), start - 24 * HOUR - 1, start - 24 * HOUR, start]) await deliverAt(at);
    expect(await receivedFor(proposedId)).toEqual(["confirmed", "proposed", "reminder"]);
    expect(await receivedFor(booked.id)).toEqual(["request_received"]);
  });

  it("the optional second reminder at its lead; a clinic's cancel sends one notice and neither reminder", async () => {
    const save = (notifications: object) =>
      owner.request("PATCH", "/api/clinic", {
        policies: { notifications: { ...DEFAULT_NOTIFICATION_POLICIES, ...notifications } },
      });
    expect((await save({ secondReminderLeadHours: 3 })).statusCode).toBe(200);
    try {
      const kept = await book(await agentWithHistory("Sev"), ids.session60, boise(workday(22), "13:00"));
      const dropped = await book(await agentWithHistory("Cal"), ids.session60, boise(workday(22), "15:00"));
      const cancel = await desk.request("POST", `/api/appointments/${dropped.id}/cancel`, {
        reason: "Therapist ill",
      });
      expect(cancel.statusCode, cancel.body).toBe(200);
      const start = new Date(kept.startsAt).getTime();
      for (const at of [Date.now(), start - 24 * HOUR, start - 3 * HOUR - 1]) await deliverAt(at);
      expect(await receivedFor(kept.id)).toEqual(["confirmed", "reminder"]);
      await deliverAt(start - 3 * HOUR);
      await deliverAt(start + 2 * HOUR);
      expect(await receivedFor(kept.id)).toEqual(["confirmed", "reminder", "second_reminder"]);
      const second = (await rowsOf(kept.id)).find((r) => r.kind === "second_reminder");
      expect(second?.sentAt?.getTime()).toBe(start - 3 * HOUR);

      expect(await receivedFor(dropped.id)).toEqual(["cancelled", "confirmed"]);
      const reminders = (await rowsOf(dropped.id)).filter((r) => r.kind.endsWith("reminder"));
      expect(reminders.map((r) => r.kind).sort()).toEqual(["reminder", "second_reminder"]);
      expect(reminders.every((r) => r.sentAt === null && r.cancelledAt !== null)).toBe(true);
    } finally {
      expect((await save({})).statusCode).toBe(200);
    }
  });

  it("the intake reminder before a first visit while intake is missing, once; none after a cancel", async () => {
    const newcomer = await newClient(t.app, "Neve");
    const booked = await book(newcomer, ids.session60, boise(workday(23), "10:00"));
    const start = new Date(booked.startsAt).getTime();
    const row = (await rowsOf(booked.id)).find((r) => r.kind === "intake_reminder");
    // 48 h before a 10:00 appointment is 10:00 two days earlier: outside quiet hours.
    expect(row?.sendAfter.getTime()).toBe(start - 48 * HOUR);
    await deliverAt(start - 48 * HOUR - 1);
    expect(await receivedFor(booked.id)).not.toContain("intake_reminder");
    for (const at of [start - 48 * HOUR, start - 24 * HOUR, start]) await deliverAt(at);
    expect((await receivedFor(booked.id)).filter((k) => k === "intake_reminder")).toHaveLength(1);

    const other = await newClient(t.app, "Noor");
    const cancelled = await book(other, ids.session60, boise(workday(23), "14:00"));
    const cancel = await other.request("POST", `/api/appointments/${cancelled.id}/cancel`, {
      reason: "Changed my mind",
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const otherStart = new Date(cancelled.startsAt).getTime();
    for (const at of [Date.now(), otherStart - 48 * HOUR, otherStart]) await deliverAt(at);
    expect(await receivedFor(cancelled.id)).not.toContain("intake_reminder");
    expect(await receivedFor(cancelled.id)).toContain("cancelled");
  });

  it("aftercare at completion (or the end of quiet hours), not a moment before", async () => {
    const client = await agentWithHistory("Aft");
    const start = Date.now() - 2 * HOUR;
    const appointment = await confirmedVisit(client.clientId, start);
    const before = Date.now();
    const done = await desk.request("POST", `/api/appointments/${appointment?.id}/complete`);
    const after = Date.now();
    expect(done.statusCode, done.body).toBe(200);
    const aftercare = (await rowsOf(appointment?.id as string)).find((r) => r.kind === "aftercare");
    const due = aftercare?.sendAfter.getTime() ?? 0;
    expect(due).toBeGreaterThanOrEqual(outsideQuietHours(before, "America/Boise", QUIET) - 1_000);
    expect(due).toBeLessThanOrEqual(outsideQuietHours(after, "America/Boise", QUIET));
    expect(inQuietHours(due, "America/Boise", QUIET)).toBe(false);
    await deliverAt(due - 1);
    expect(await receivedFor(appointment?.id as string)).toEqual([]);
    await deliverAt(due);
    await deliverAt(due + HOUR);
    expect(await receivedFor(appointment?.id as string)).toEqual(["aftercare"]);
  });

  it("the plan follow-up and the maintenance recall at their instants, once each", async () => {
    const client = await agentWithHistory("Reca");
    const [past] = await t.database.db
      .select()
      .from(appointments)
      .where(eq(appointments.clientId, client.clientId));
    const followUpAt = new Date(boise(workday(2), "11:00")).getTime();
    expect(
      await schedulePlanFollowUp(t.database.db, {
        clinicId: ids.clinicId,
        clientId: client.clientId,
        planId: "00000000-0000-4000-8000-000000000002",
        sessionNumber: 3,
        dueAt: followUpAt,
        publicUrl: "http://localhost:3000",
      }),
    ).toBe(true);
    expect(
      await scheduleRecall(t.database.db, {
        clinicId: ids.clinicId,
        clientId: client.clientId,
        lastAppointmentId: past?.id as string,
        lastSessionAt: past?.startsAt.getTime() as number,
        intervalWeeks: 6,
        publicUrl: "http://localhost:3000",
      }),
    ).toBe(true);
    await deliverAt(followUpAt - 1);
    expect((await receivedForClient(client.clientId, "plan_follow_up")).mails).toHaveLength(0);
    await deliverAt(followUpAt);
    await deliverAt(followUpAt + HOUR);
    const followUp = await receivedForClient(client.clientId, "plan_follow_up");
    expect(followUp.mails).toHaveLength(1);
    expect(followUp.rows[0]?.sentAt?.getTime()).toBe(followUpAt);

    const recallAt = (await receivedForClient(client.clientId, "recall")).rows[0]?.sendAfter.getTime() ?? 0;
    expect(recallAt).toBeGreaterThan((past?.startsAt.getTime() ?? 0) + 41 * 24 * HOUR);
    await deliverAt(recallAt - 1);
    expect((await receivedForClient(client.clientId, "recall")).mails).toHaveLength(0);
    await deliverAt(recallAt);
    await deliverAt(recallAt + 24 * HOUR);
    const recall = await receivedForClient(client.clientId, "recall");
    expect(recall.mails).toHaveLength(1);
    expect(recall.rows[0]?.sentAt?.getTime()).toBe(recallAt);
    // Recalls and follow-ups may be turned off by the client: each carries the one-click link.
    expect(headerOf(recall.mails[0] as ReceivedMail, "List-Unsubscribe-Post")).toBe(
      "List-Unsubscribe=One-Click",
    );
  });

  it("a waitlist offer when a slot frees, once, and the client books it the normal way", async () => {
    const waiting = await agentWithHistory("Wai");
    const day = workday(24);
    const join = await waiting.request("POST", "/api/waitlist", {
      serviceId: ids.session60,
      earliest: boise(day, "00:00"),
      latest: boise(workday(25), "00:00"),
    });
    expect(join.statusCode, join.body).toBe(201);
    const canceller = await agentWithHistory("Can");
    const slot = boise(day, "10:00");
    const booked = await book(canceller, ids.session60, slot);
    const cancel = await canceller.request("POST", `/api/appointments/${booked.id}/cancel`, {
      reason: "Sorry",
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    await deliverAt(Date.now());
    await deliverAt(Date.now() + HOUR);
    const offer = await receivedForClient(waiting.clientId, "waitlist_offer");
    expect(offer.mails).toHaveLength(1);
    expect(offer.mails[0]?.to).toEqual([offer.rows[0]?.toAddress]);
    const taken = await book(waiting, ids.session60, slot);
    expect(taken.startsAt).toBe(slot);
  });

  it("no mail the sink received carries health details", () => {
    expect(sink.received.length).toBeGreaterThan(20);
    for (const mail of sink.received)
      expect(mail.raw, mail.subject).not.toMatch(/diagnos|screening|red flag|contraindicat|pain score/i);
  });
});
