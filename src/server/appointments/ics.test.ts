import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedTokenHash, newFeedToken } from "../clinic/feed-token";
import { appointments, therapists } from "../db/schema";
import type { Agent, TestApp } from "../testing/harness";
import { boise, type DemoIds, newClient, openDemoWorld, workday } from "./test-helpers";

let t: TestApp;
let ids: DemoIds;
let jordan: Agent;
let owner: Agent;
let desk: Agent;
let marcus: Agent;
let otherOwner: Agent;

beforeAll(async () => {
  ({ t, ids, jordan, owner, desk, marcus, otherOwner } = await openDemoWorld());
});
afterAll(() => t.close());

function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
}

describe("an appointment's .ics file", () => {
  it("parses with ical.js and carries the right instants, status, title and place", async () => {
    const start = boise(workday(5), "10:00");
    const booked = (
      await jordan.request("POST", "/api/public/clinics/demo/appointments", {
        serviceId: ids.session60,
        therapistId: ids.marcus,
        start,
      })
    ).json();
    const response = await jordan.request("GET", `/api/appointments/${booked.id}/ics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="${workday(5)}-trigger-point-session-60-min.ics"`,
    );
    const [event] = events(response.body);
    expect(event?.startDate.toJSDate().toISOString()).toBe(start);
    expect(event?.endDate.toJSDate().toISOString()).toBe(booked.endsAt);
    expect(event?.uid).toBe(`${booked.id}@localhost:3000`);
    expect(event?.summary).toBe("Trigger point session, 60 min with Marcus Bell");
    expect(event?.location).toContain("Knotwork Demo Clinic");
    expect(event?.component.getFirstPropertyValue("status")).toBe("CONFIRMED");

    await desk.request("POST", `/api/appointments/${booked.id}/cancel`, {
      reason: "Closed for a burst pipe",
    });
    const cancelled = events((await owner.request("GET", `/api/appointments/${booked.id}/ics`)).body)[0];
    expect(cancelled?.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(Number(cancelled?.sequence)).toBeGreaterThanOrEqual(Number(event?.sequence));
  });

  it("has the appointment's own access: its client and the clinic's staff, else 404 or 401", async () => {
    const booked = (
      await jordan.request("POST", "/api/public/clinics/demo/appointments", {
        serviceId: ids.session30,
        therapistId: ids.priya,
        start: boise(workday(5), "14:00"),
      })
    ).json();
    const path = `/api/appointments/${booked.id}/ics`;
    expect((await marcus.request("GET", path)).statusCode).toBe(200);
    const stranger = await newClient(t.app);
    for (const agent of [stranger, otherOwner])
      expect((await agent.request("GET", path)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: path })).statusCode).toBe(401);
  });
});

describe("a therapist's private feed", () => {
  it("lists that therapist's requests, confirmed and completed appointments with first name and initial only", async () => {
    const urlResponse = await owner.request("POST", `/api/clinic/therapists/${ids.marcus}/feed-url`);
    expect(urlResponse.statusCode).toBe(200);
    const feedUrl = new URL(urlResponse.json().url);
    expect(feedUrl.pathname).toMatch(/^\/api\/feeds\/therapists\/[A-Za-z0-9_-]{20,}\.ics$/);
    const response = await t.app.inject({ method: "GET", url: feedUrl.pathname });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/calendar; charset=utf-8");

    const rows = await t.database.db
      .select()
      .from(appointments)
      .where(eq(appointments.therapistId, ids.marcus));
    const shown = rows.filter((r) => ["requested", "confirmed", "completed"].includes(r.status));
    const feed = events(response.body);
    expect(feed.map((e) => e.uid).sort()).toEqual(shown.map((r) => `${r.id}@localhost:3000`).sort());
    for (const event of feed) {
      const row = shown.find((r) => `${r.id}@localhost:3000` === event.uid);
      expect(event.startDate.toJSDate().getTime()).toBe(row?.startsAt.getTime());
    }
    // Jordan Lee appears as "Jordan L.", never with the surname, e-mail or phone.
    expect(response.body).toContain("Jordan L.");
    expect(response.body).not.toContain("Lee");
    expect(response.body).not.toContain("@knotwork.test");
    expect(response.body).not.toContain("208-555");
    expect(response.body).not.toMatch(/DESCRIPTION/);
  });

  it("answers 404 for a wrong token, and stops answering an old one once rotated", async () => {
    expect(
      (await t.app.inject({ method: "GET", url: "/api/feeds/therapists/not-the-token.ics" })).statusCode,
    ).toBe(404);
    const old = new URL(
      (await marcus.request("POST", `/api/clinic/therapists/${ids.marcus}/feed-url`)).json().url,
    );
    expect((await desk.request("POST", `/api/clinic/therapists/${ids.marcus}/feed-url`)).statusCode).toBe(
      403,
    );
    const rotated = await marcus.request("POST", `/api/clinic/therapists/${ids.marcus}/feed-url`);
    expect(rotated.statusCode).toBe(200);
    const fresh = new URL(rotated.json().url);
    expect(fresh.pathname).not.toBe(old.pathname);
    expect((await t.app.inject({ method: "GET", url: old.pathname })).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: fresh.pathname })).statusCode).toBe(200);
  });

  it("issues a therapist only their own feed URL, and no other clinic's", async () => {
    const issue = (agent: Agent, therapistId: string) =>
      agent.request("POST", `/api/clinic/therapists/${therapistId}/feed-url`);
    expect((await issue(marcus, ids.priya)).statusCode).toBe(404);
    expect((await issue(desk, ids.priya)).statusCode).toBe(403);
    expect((await issue(otherOwner, ids.marcus)).statusCode).toBe(404);
    expect((await issue(jordan, ids.marcus)).statusCode).toBe(403);
  });

  it("stores only the token's hash, and shows the URL only when it is issued", async () => {
    const url = new URL(
      (await owner.request("POST", `/api/clinic/therapists/${ids.priya}/feed-url`)).json().url,
    );
    const token = url.pathname.replace(/^.*\//, "").replace(/\.ics$/, "");
    const [row] = await t.database.db.select().from(therapists).where(eq(therapists.id, ids.priya));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row?.feedTokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    // There is no way to read an issued URL back.
    expect((await owner.request("GET", `/api/clinic/therapists/${ids.priya}/feed-url`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: url.pathname })).statusCode).toBe(200);
  });

  it("hashes tokens in SQL the way the server does, so migrated feed URLs keep working", async () => {
    // The migration that moved feed tokens to hashes uses this expression on the existing tokens.
    const token = newFeedToken();
    const result = await t.database.db.execute<{ hash: string }>(
      sql`SELECT encode(sha256(convert_to(${token}::text, 'UTF8')), 'hex') AS hash`,
    );
    const rows = (Array.isArray(result) ? result : (result as { rows: { hash: string }[] }).rows) as {
      hash: string;
    }[];
    expect(rows[0]?.hash).toBe(feedTokenHash(token));
  });
});
