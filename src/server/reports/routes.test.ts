/**
 * `GET /api/reports/NAME`: who may read which figures, input checks, the CSV answer (quotes, commas,
 * newlines and a formula in a client's name) and the audit trail.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_NAMES } from "../../core/api/reports";
import { instantToLocal } from "../../core/scheduling";
import { appointments, auditEvents, clients, clinics, services, therapists, users } from "../db/schema";
import { DEMO_CLINIC_SLUG, DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { OTHER_PASSWORD, seedOtherClinic } from "../testing/fixtures";
import { type Agent, createTestApp, signIn, type TestApp } from "../testing/harness";

let t: TestApp;
let owner: Agent;
let therapist: Agent;
let desk: Agent;
let client: Agent;
let otherOwner: Agent;
let otherTherapistId: string;
let ownTherapistId: string;
let colleagueId: string;
let clinicId: string;
const today = instantToLocal(Date.now(), "America/Boise").date;
const monthAgo = instantToLocal(Date.now() - 30 * 86_400_000, "America/Boise").date;
const EVIL_FIRST = '=HYPERLINK("http://evil.example")';
const EVIL_LAST = 'Smith, "Jr"\nSecond line';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await seedDemoClinic(db);
  const other = await seedOtherClinic(db);
  otherTherapistId = other.therapist.id;
  const [clinic] = await db.select().from(clinics).where(eq(clinics.slug, DEMO_CLINIC_SLUG));
  clinicId = clinic?.id as string;
  const [marcus] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .innerJoin(users, eq(users.id, therapists.userId))
    .where(eq(users.email, "therapist@knotwork.test"));
  ownTherapistId = marcus?.id as string;
  const [colleague] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.clinicId, clinicId), eq(therapists.displayName, "Priya Nair")));
  colleagueId = colleague?.id as string;
  // A no-show yesterday by a client whose name is built to break a naive CSV writer.
  const [evil] = await db
    .insert(clients)
    .values({ clinicId, firstName: EVIL_FIRST, lastName: EVIL_LAST })
    .returning();
  const [service] = await db.select().from(services).where(eq(services.clinicId, clinicId)).limit(1);
  const start = new Date(Date.now() - 86_400_000 - 3 * 3_600_000);
  start.setUTCMinutes(7, 0, 0);
  const end = new Date(start.getTime() + 30 * 60_000);
  await db.insert(appointments).values({
    clinicId,
    clientId: evil?.id as string,
    therapistId: colleagueId,
    serviceId: service?.id as string,
    status: "no_show",
    source: "phone",
    startsAt: start,
    endsAt: end,
    blocksFrom: start,
    blocksUntil: end,
  });
  owner = await signIn(t.app, "owner@knotwork.test", DEMO_PASSWORD);
  therapist = await signIn(t.app, "therapist@knotwork.test", DEMO_PASSWORD);
  desk = await signIn(t.app, "desk@knotwork.test", DEMO_PASSWORD);
  client = await signIn(t.app, "client@knotwork.test", DEMO_PASSWORD);
  otherOwner = await signIn(t.app, "owner@other.test", OTHER_PASSWORD);
});
afterAll(async () => t.close());

const url = (name: string, extra = "") => `/api/reports/${name}?from=${monthAgo}&to=${today}${extra}`;

describe("reports: access", () => {
  it("the owner reads every report as JSON", async () => {
    for (const name of REPORT_NAMES) {
      const response = await owner.request("GET", url(name));
      expect(response.statusCode, name).toBe(200);
      expect(response.json()).toMatchObject({
        from: monthAgo,
        to: today,
        timeZone: "America/Boise",
        therapistId: null,
      });
    }
  });

  it("a therapist sees only their own figures, whatever they ask for", async () => {
    const response = await therapist.request("GET", url("appointments"));
    expect(response.statusCode).toBe(200);
    expect(response.json().therapistId).toBe(ownTherapistId);
    expect(
      (await therapist.request("GET", url("appointments", `&therapistId=${ownTherapistId}`))).statusCode,
    ).toBe(200);
    expect(
      (await therapist.request("GET", url("appointments", `&therapistId=${colleagueId}`))).statusCode,
    ).toBe(404);
    const utilisation = (await therapist.request("GET", url("utilisation"))).json();
    expect(new Set(utilisation.rows.map((r: { id: string }) => r.id))).toEqual(new Set([ownTherapistId]));
  });

  it("front desk and clients are refused; anonymous callers must sign in", async () => {
    expect((await desk.request("GET", url("appointments"))).statusCode).toBe(403);
    expect((await client.request("GET", url("outcomes"))).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: url("appointments") })).statusCode).toBe(401);
  });

  it("another clinic's therapist is not found, and the other clinic's owner sees none of this clinic's rows", async () => {
    expect((await owner.request("GET", url("no-shows", `&therapistId=${otherTherapistId}`))).statusCode).toBe(
      404,
    );
    const theirs = await otherOwner.request("GET", url("no-shows"));
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().clients).toEqual([]);
    expect(theirs.body).not.toContain("HYPERLINK");
  });

  it("refuses bad ranges with 400", async () => {
    for (const query of [
      "from=2026-02-30&to=2026-03-01",
      "from=2026-03-02&to=2026-03-01",
      "from=2025-01-01&to=2026-03-01",
      "from=yesterday&to=2026-03-01",
      "to=2026-03-01",
      "from=2026-03-01&to=2026-03-02&format=xlsx",
      "from=2026-03-01&to=2026-03-02&therapistId=nope",
    ]) {
      const response = await owner.request("GET", `/api/reports/appointments?${query}`);
      expect(response.statusCode, query).toBe(400);
    }
    expect((await owner.request("GET", `/api/reports/nope?from=${today}&to=${today}`)).statusCode).toBe(404);
  });
});

describe("reports: CSV", () => {
  it("answers text/csv that keeps quotes, commas and newlines and neutralises formulas", async () => {
    const response = await owner.request("GET", url("no-shows", "&format=csv"));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^text\/csv/);
    expect(response.headers["content-disposition"]).toBe(
      `attachment; filename="no-shows-${monthAgo}-${today}.csv"`,
    );
    const name = `'${EVIL_FIRST} ${EVIL_LAST}`;
    expect(response.body.startsWith("Client,No-shows,Late cancellations\r\n")).toBe(true);
    expect(response.body).toContain(`"${name.replace(/"/g, '""')}",1,0\r\n`);
  });

  it("every report has a CSV form", async () => {
    for (const name of REPORT_NAMES) {
      const response = await owner.request("GET", url(name, "&format=csv"));
      expect(response.statusCode, name).toBe(200);
      expect(response.body.split("\r\n")[0]?.length).toBeGreaterThan(0);
    }
  });

  it("audits each read and export", async () => {
    const events = await t.database.db
      .select({ action: auditEvents.action, entityId: auditEvents.entityId })
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.entity, "report")));
    expect(events).toEqual(
      expect.arrayContaining([
        { action: "export", entityId: "no-shows" },
        { action: "read", entityId: "outcomes" },
      ]),
    );
  });
});
