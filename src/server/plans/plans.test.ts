/**
 * Treatment plans over the API (F7): making and editing a plan, the client's view, booking the series
 * through the one booking path (a collision gets a per-slot answer; two overlapping series racing never
 * double-book), planned vs done and the re-assessment prompt, aftercare and the soreness check-in, and
 * access (own only, another clinic 404, staff reads audited). PGlite, and PostgreSQL with TEST_DATABASE_URL.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Plan, SeriesBookResult, SeriesOffer } from "../../core/api/plans";
import { instantToLocal } from "../../core/scheduling";
import {
  type DemoWorld,
  newClient,
  openDemoWorld,
  overlappingHolders,
  workday,
} from "../appointments/test-helpers";
import { auditEvents } from "../db/schema";
import { insertSession, insertVisit } from "./test-helpers";

let w: DemoWorld;
const DAY = 86_400_000;

beforeAll(async () => {
  w = await openDemoWorld();
});
afterAll(() => w.t.close());

async function makePlan(clientId: string, body: Record<string, unknown>): Promise<Plan> {
  const response = await w.marcus.request("POST", `/api/clients/${clientId}/plans`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Plan;
}

async function auditCount(action: string, entity: string, clientId: string) {
  const rows = await w.t.database.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.action, action), eq(auditEvents.entity, entity), eq(auditEvents.clientId, clientId)),
    );
  return rows.length;
}

describe("plans", () => {
  it("suggests a plan from the intake, makes and edits it; the client sees it without the therapist's notes", async () => {
    const suggestion = await w.marcus.request("GET", `/api/clients/${w.ids.jordan}/plan-suggestion`);
    expect(suggestion.statusCode).toBe(200);
    const { suggestion: s } = suggestion.json();
    expect(s.sessions).toBeGreaterThanOrEqual(1);
    expect(s.sessions).toBeLessThanOrEqual(6);

    const client = await newClient(w.t.app, "Planny");
    const plan = await makePlan(client.clientId, {
      plannedSessions: 4,
      goals: "Turn my head when driving",
      notes: "Check levator on the left",
    });
    expect(plan).toMatchObject({ plannedSessions: 4, status: "active", goals: "Turn my head when driving" });
    expect(plan.therapist?.name).toBe("Marcus Bell");
    expect(plan.service?.name).toMatch(/60 min/);
    expect(plan.suggestion?.sessions).toBe(1); // no intake yet: mild and recent, said so
    expect(plan.progress).toMatchObject({ planned: 4, completed: 0, remaining: 4 });

    const edited = await w.marcus.request("PATCH", `/api/plans/${plan.id}`, {
      plannedSessions: 5,
      status: "active",
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().plannedSessions).toBe(5);
    const invalid = await w.marcus.request("PATCH", `/api/plans/${plan.id}`, { plannedSessions: 0 });
    expect(invalid.statusCode).toBe(400);

    const mine = await client.request("GET", "/api/me/plan");
    expect(mine.statusCode).toBe(200);
    expect(mine.json().plan).toMatchObject({
      id: plan.id,
      plannedSessions: 5,
      goals: "Turn my head when driving",
    });
    expect(mine.json().plan.notes).toBeUndefined();
    expect(mine.body).not.toContain("levator");
  });

  it("keeps plans to the clinic's clinical staff: another clinic gets 404, clients and the desk 403, reads audited", async () => {
    const client = await newClient(w.t.app, "Private");
    const plan = await makePlan(client.clientId, { plannedSessions: 2 });
    expect((await w.otherOwner.request("GET", `/api/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await w.otherOwner.request("GET", `/api/clients/${client.clientId}/plans`)).statusCode).toBe(404);
    expect((await w.otherOwner.request("PATCH", `/api/plans/${plan.id}`, { goals: "x" })).statusCode).toBe(
      404,
    );
    expect((await w.jordan.request("GET", `/api/plans/${plan.id}`)).statusCode).toBe(403);
    expect((await w.desk.request("GET", `/api/plans/${plan.id}`)).statusCode).toBe(403);
    // Jordan's own plan view never shows another client's plan.
    const jordanPlan = (await w.jordan.request("GET", "/api/me/plan")).json().plan;
    expect(jordanPlan?.id).not.toBe(plan.id);

    const before = await auditCount("read", "treatment_plan", client.clientId);
    expect((await w.owner.request("GET", `/api/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await w.owner.request("GET", `/api/clients/${client.clientId}/plans`)).statusCode).toBe(200);
    expect(await auditCount("read", "treatment_plan", client.clientId)).toBe(before + 2);
  });

  it("owner sets the clinic's plan rule; a bad rule is refused", async () => {
    const rule = (await w.marcus.request("GET", "/api/clinic/plan-rule")).json();
    expect(rule.course).toEqual([4, 6]);
    expect((await w.marcus.request("PUT", "/api/clinic/plan-rule", rule)).statusCode).toBe(403);
    const bad = await w.owner.request("PUT", "/api/clinic/plan-rule", {
      ...rule,
      shortCourse: [1, 5],
      course: [4, 6],
    });
    expect(bad.statusCode).toBe(400);
    const saved = await w.owner.request("PUT", "/api/clinic/plan-rule", { ...rule, chronicFromDays: 60 });
    expect(saved.statusCode).toBe(200);
    expect((await w.marcus.request("GET", "/api/clinic/plan-rule")).json().chronicFromDays).toBe(60);
    await w.owner.request("PUT", "/api/clinic/plan-rule", rule);
  });
});

describe("booking the series", () => {
  it("offers the sessions at the planned interval with the plan's therapist, and answers per slot when one collides", async () => {
    const client = await newClient(w.t.app, "Series");
    const plan = await makePlan(client.clientId, {
      plannedSessions: 4,
      sessionIntervalDays: 7,
      therapistId: w.ids.priya,
      serviceId: w.ids.session60,
    });
    const offerResponse = await w.marcus.request(
      "GET",
      `/api/plans/${plan.id}/series-offer?from=${workday(12)}&time=10:00`,
    );
    expect(offerResponse.statusCode, offerResponse.body).toBe(200);
    const offer = offerResponse.json() as SeriesOffer;
    expect(offer.therapist.name).toBe("Priya Nair");
    expect(offer.slots).toHaveLength(4);
    const starts = offer.slots.map((s) => s.start as string);
    expect(starts.every(Boolean)).toBe(true);
    const dates = starts.map((s) => instantToLocal(Date.parse(s), "America/Boise").date);
    expect(new Set(dates).size).toBe(4);
    for (let i = 1; i < starts.length; i++) {
      const gapDays = (Date.parse(starts[i] as string) - Date.parse(starts[i - 1] as string)) / DAY;
      expect(gapDays).toBeGreaterThanOrEqual(4);
      expect(gapDays).toBeLessThanOrEqual(10);
    }

    // Someone else takes the second slot with Priya first.
    const taken = await w.desk.request("POST", "/api/appointments", {
      clientId: w.ids.jordan,
      serviceId: w.ids.session60,
      therapistId: w.ids.priya,
      start: starts[1],
    });
    expect(taken.statusCode, taken.body).toBe(201);

    const booked = await w.marcus.request("POST", `/api/plans/${plan.id}/series`, { starts });
    expect(booked.statusCode, booked.body).toBe(200);
    const result = booked.json() as SeriesBookResult;
    expect(result.booked).toBe(3);
    expect(result.unavailable).toBe(1);
    const missed = result.slots.find((s) => s.outcome === "unavailable");
    expect(missed).toMatchObject({ start: new Date(starts[1] as string).toISOString(), code: "slot_taken" });
    expect(missed?.message).toBeTruthy();
    expect(await overlappingHolders(w.t.database.db)).toBe(0);

    const after = (await w.marcus.request("GET", `/api/plans/${plan.id}`)).json() as Plan;
    expect(after.visits.filter((v) => v.inSeries)).toHaveLength(3);
    expect(after.progress).toMatchObject({ planned: 4, upcoming: 3, remaining: 1 });
  });

  it("refuses a start outside the therapist's hours for that slot only", async () => {
    const client = await newClient(w.t.app, "Night");
    const plan = await makePlan(client.clientId, {
      plannedSessions: 2,
      therapistId: w.ids.sam,
      serviceId: w.ids.session30,
    });
    const offer = (
      await w.marcus.request("GET", `/api/plans/${plan.id}/series-offer?from=${workday(14)}&time=14:00`)
    ).json() as SeriesOffer;
    const good = offer.slots[0]?.start as string;
    const night = new Date(Date.parse(good) + 10 * 3_600_000).toISOString();
    const result = (
      await w.marcus.request("POST", `/api/plans/${plan.id}/series`, { starts: [good, night] })
    ).json() as SeriesBookResult;
    expect(result.slots.map((s) => s.outcome)).toEqual(["booked", "unavailable"]);
    expect(result.slots[1]?.code).toBe("not_bookable");
  });

  it("two clients booking overlapping series in parallel never double-book", async () => {
    const [b, c] = await Promise.all([newClient(w.t.app, "Racer"), newClient(w.t.app, "Chaser")]);
    const planB = await makePlan(b.clientId, {
      plannedSessions: 3,
      therapistId: w.ids.sam,
      serviceId: w.ids.session60,
    });
    await makePlan(c.clientId, { plannedSessions: 3, therapistId: w.ids.sam, serviceId: w.ids.session60 });
    const offer = (
      await b.request("GET", `/api/me/plan/series-offer?from=${workday(20)}&time=14:00`)
    ).json() as SeriesOffer;
    const startsB = offer.slots.map((s) => s.start as string);
    expect(startsB.every(Boolean)).toBe(true);
    // C wants the same days half an hour later (each time bookable on its own): every pair overlaps on Sam.
    const startsC = startsB.map((s) => new Date(Date.parse(s) + 30 * 60_000).toISOString());
    const [rb, rc] = await Promise.all([
      b.request("POST", "/api/me/plan/series", { starts: startsB }),
      c.request("POST", "/api/me/plan/series", { starts: startsC }),
    ]);
    expect(rb.statusCode, rb.body).toBe(200);
    expect(rc.statusCode, rc.body).toBe(200);
    const resultB = rb.json() as SeriesBookResult;
    const resultC = rc.json() as SeriesBookResult;
    for (let i = 0; i < 3; i++) {
      const outcomes = [resultB.slots[i]?.outcome, resultC.slots[i]?.outcome].sort();
      expect(outcomes).toEqual(["booked", "unavailable"]);
    }
    for (const slot of [...resultB.slots, ...resultC.slots].filter((s) => s.outcome === "unavailable"))
      expect(slot.code).toBe("slot_taken");
    expect(resultB.booked + resultC.booked).toBe(3);
    expect(await overlappingHolders(w.t.database.db)).toBe(0);
    // Clients book only their own plan's series.
    const own = (await b.request("GET", "/api/me/plan")).json().plan as Plan;
    expect(own.id).toBe(planB.id);
  });
});

describe("planned vs done, re-assessment, aftercare and check-ins", () => {
  it("prompts a re-assessment when the planned sessions are done and pain fell less than 30 %", async () => {
    const client = await newClient(w.t.app, "Slow");
    const startsOn = instantToLocal(Date.now() - 40 * DAY, "America/Boise").date;
    const plan = await makePlan(client.clientId, { plannedSessions: 2, startsOn });
    const base = { clinicId: w.ids.clinicId, clientId: client.clientId, therapistId: w.ids.marcus };
    for (const [daysAgo, pain] of [
      [30, 8],
      [20, 7],
    ] as const) {
      const appointmentId = await insertVisit(w.t.database.db, {
        ...base,
        serviceId: w.ids.session60,
        startsAt: new Date(Date.now() - daysAgo * DAY),
      });
      await insertSession(w.t.database.db, { ...base, appointmentId, painBefore: pain, painAfter: pain - 3 });
    }
    await insertVisit(w.t.database.db, {
      ...base,
      serviceId: w.ids.session60,
      startsAt: new Date(Date.now() - 10 * DAY),
      status: "no_show",
    });
    const after = (await w.marcus.request("GET", `/api/plans/${plan.id}`)).json() as Plan;
    expect(after.progress).toMatchObject({
      planned: 2,
      completed: 2,
      noShow: 1,
      baselinePain: 8,
      latestPain: 7,
    });
    expect(after.progress.reassessment.due).toBe(true);
    const alerts = (await w.owner.request("GET", "/api/plans/alerts")).json();
    expect(alerts.reassessments.map((r: { planId: string }) => r.planId)).toContain(plan.id);
  });

  it("shows aftercare after a completed visit; a flagged check-in reaches the therapist, once per visit", async () => {
    const client = await newClient(w.t.app, "Sore");
    const base = { clinicId: w.ids.clinicId, clientId: client.clientId, therapistId: w.ids.marcus };
    const visit = await insertVisit(w.t.database.db, {
      ...base,
      serviceId: w.ids.session60,
      startsAt: new Date(Date.now() - 30 * 3_600_000),
    });
    await insertSession(w.t.database.db, {
      ...base,
      appointmentId: visit,
      points: [{ muscleId: "upper-trapezius" }],
    });
    const aftercare = (await client.request("GET", "/api/me/aftercare")).json();
    expect(aftercare.visits).toHaveLength(1);
    expect(aftercare.visits[0].checkInDue).toBe(true);
    const text = JSON.stringify(aftercare.visits[0].aftercare);
    expect(text).toMatch(/1-2 days/);
    expect(text).toMatch(/Upper trapezius|trapezius/i);

    const invalid = await client.request("POST", "/api/me/check-ins", { appointmentId: visit, soreness: 11 });
    expect(invalid.statusCode).toBe(400);
    const answer = await client.request("POST", "/api/me/check-ins", {
      appointmentId: visit,
      soreness: 8,
      symptoms: ["bruising"],
      note: "Quite tender",
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json()).toMatchObject({ flagged: true, flags: ["severe-soreness", "bruising"] });
    expect(
      (await client.request("POST", "/api/me/check-ins", { appointmentId: visit, soreness: 2 })).statusCode,
    ).toBe(409);
    // Someone else's visit is not found; a visit still to come cannot be checked in on.
    expect(
      (await w.jordan.request("POST", "/api/me/check-ins", { appointmentId: visit, soreness: 2 })).statusCode,
    ).toBe(404);

    const alerts = (await w.owner.request("GET", "/api/plans/alerts")).json();
    expect(alerts.flaggedCheckIns.map((c: { appointmentId: string }) => c.appointmentId)).toContain(visit);
    const before = await auditCount("read", "check_in", client.clientId);
    const list = await w.marcus.request("GET", `/api/clients/${client.clientId}/check-ins`);
    expect(list.json()[0]).toMatchObject({ soreness: 8, flagged: true });
    expect(await auditCount("read", "check_in", client.clientId)).toBe(before + 1);
    expect((await w.otherOwner.request("GET", `/api/clients/${client.clientId}/check-ins`)).statusCode).toBe(
      404,
    );
    expect((await client.request("GET", "/api/me/aftercare")).json().visits[0].checkInDue).toBe(false);
  });
});

describe("demo data", () => {
  it("gives Jordan a plan in progress, shared home care and weeks of diary; Alex maintenance with improvement; Ben a prompt", async () => {
    const plan = (await w.jordan.request("GET", "/api/me/plan")).json().plan as Plan;
    expect(plan.status).toBe("active");
    expect(plan.progress.completed).toBeGreaterThanOrEqual(1);
    expect(plan.progress.completed).toBeLessThan(plan.plannedSessions);
    const homeCare = (await w.jordan.request("GET", "/api/me/home-care")).json().plan;
    expect(homeCare.shared).toBe(true);
    expect(homeCare.items.some((i: { kind: string }) => i.kind === "self-treatment")).toBe(true);
    const diary = (await w.jordan.request("GET", "/api/me/diary")).json() as { recordedAt: string }[];
    expect(diary.length).toBeGreaterThanOrEqual(6);
    const span = Date.parse(diary[0]?.recordedAt ?? "") - Date.parse(diary.at(-1)?.recordedAt ?? "");
    expect(span).toBeGreaterThan(21 * DAY);
    expect((await w.jordan.request("GET", "/api/me/home-care.pdf")).statusCode).toBe(200);

    const clients = (await w.owner.request("GET", "/api/clients?q=Morgan")).json();
    const alexId = clients[0]?.id as string;
    const [alexPlan] = (await w.owner.request("GET", `/api/clients/${alexId}/plans`)).json() as Plan[];
    expect(alexPlan?.status).toBe("maintenance");
    expect(alexPlan?.progress.completed).toBeGreaterThanOrEqual(4);
    expect(alexPlan?.progress.improvement).toBeGreaterThanOrEqual(0.5);
    expect(alexPlan?.nextMaintenanceOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const progress = (await w.owner.request("GET", `/api/clients/${alexId}/progress`)).json();
    expect(progress.sessions.length).toBeGreaterThanOrEqual(4);
    expect(progress.rangeOfMotion[0].points.length).toBeGreaterThanOrEqual(4);

    const alerts = (await w.marcus.request("GET", "/api/plans/alerts")).json();
    expect(alerts.reassessments.map((r: { clientName: string }) => r.clientName)).toContain("Ben Carter");
    const ownerAlerts = (await w.owner.request("GET", "/api/plans/alerts")).json();
    expect(ownerAlerts.flaggedCheckIns.map((c: { clientName: string }) => c.clientName)).toContain(
      "Alex Morgan",
    );
  });
});
