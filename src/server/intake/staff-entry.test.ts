/**
 * Staff entering a phone client's intake for them: the same validation, store and screening as the
 * client's own routes; owner and therapists only; every write audited as `enter-for-client`.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clients, intakes } from "../db/schema";
import { seedDemoClinic } from "../seed/demo";
import { OTHER_PASSWORD, seedOtherClinic } from "../testing/fixtures";
import { type Agent, createTestApp, type TestApp } from "../testing/harness";
import { clinicIdBySlug, intakeWith, newClient, signInAs } from "./testing";

let t: TestApp;
let owner: Agent;
let therapist: Agent;
let desk: Agent;
let otherOwner: Agent;
let demoClinicId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  await seedOtherClinic(t.database.db);
  owner = await signInAs(t.app, "owner@knotwork.test");
  therapist = await signInAs(t.app, "therapist@knotwork.test");
  desk = await signInAs(t.app, "desk@knotwork.test");
  otherOwner = await signInAs(t.app, "owner@other.test", OTHER_PASSWORD);
  demoClinicId = await clinicIdBySlug(t.database.db, "demo");
});
afterAll(() => t.close());

let phoneCounter = 0;
/** A client the front desk created from a phone call: a record, no log-in. */
async function phoneClient(): Promise<string> {
  phoneCounter++;
  const [row] = await t.database.db
    .insert(clients)
    .values({
      clinicId: demoClinicId,
      firstName: "Phone",
      lastName: `Caller${phoneCounter}`,
      phone: "555-0100",
    })
    .returning({ id: clients.id });
  if (!row) throw new Error("no client");
  return row.id;
}

const draftUrl = (id: string) => `/api/clients/${id}/intake/draft`;
const submitUrl = (id: string) => `/api/clients/${id}/intake/submit`;

async function auditRows(clientId: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.clientId, clientId), eq(auditEvents.action, "enter-for-client")))
    .orderBy(asc(auditEvents.id));
}

describe("staff filling in a phone client's intake", () => {
  it("saves the working copy as staff go and gives it back on the staff form", async () => {
    const id = await phoneClient();
    const empty = await therapist.request("GET", draftUrl(id));
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({
      status: "not-started",
      answers: {},
      submitted: null,
      editable: true,
    });

    const saved = await therapist.request("PUT", draftUrl(id), { reasonForVisit: "Neck since the move" });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ status: "draft", savedAt: expect.any(String) });
    expect(saved.json().missing).not.toContain("reasonForVisit");
    const back = (await owner.request("GET", draftUrl(id))).json();
    expect(back.answers).toEqual({ reasonForVisit: "Neck since the move" });
  });

  it("refuses an invalid answer with 400 naming its field, keeps the last valid copy, and refuses an incomplete submit", async () => {
    const id = await phoneClient();
    await owner.request("PUT", draftUrl(id), { reasonForVisit: "Kept" });
    const bad = await owner.request("PUT", draftUrl(id), { reasonForVisit: "Lost", pain: { now: 11 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: "invalid_request",
      field: expect.stringContaining("pain.now"),
    });
    expect((await owner.request("GET", draftUrl(id))).json().answers).toEqual({ reasonForVisit: "Kept" });

    const { goals: _goals, ...withoutGoals } = intakeWith();
    const incomplete = await owner.request("POST", submitUrl(id), withoutGoals);
    expect(incomplete.statusCode).toBe(400);
    const [row] = await t.database.db.select().from(intakes).where(eq(intakes.clientId, id));
    expect(row).toBeUndefined();
    expect(
      (await owner.request("POST", "/api/clients/not-an-id/intake/submit", intakeWith())).statusCode,
    ).toBe(400);
  });

  it("screens a staff submit exactly as a client's own: the same hold, flags and first-visit reasons", async () => {
    const answers = intakeWith({ health: ["recent-surgery"], bloodThinners: true });
    const self = await newClient(t.app, "Self");
    expect((await self.request("POST", "/api/me/intake/submit", answers)).statusCode).toBe(200);
    const phone = await phoneClient();
    const submitted = await therapist.request("POST", submitUrl(phone), answers);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: "submitted", submitted: { version: 1 } });

    const [byClient, byStaff] = await Promise.all(
      [self.clientId, phone].map(async (id) =>
        (await owner.request("GET", `/api/clients/${id}/intake`)).json(),
      ),
    );
    expect(byStaff.screening).toEqual(byClient.screening);
    expect(byStaff.flags).toEqual(byClient.flags);
    expect(byStaff.flags.map((f: { kind: string; id: string }) => `${f.kind}:${f.id}`)).toContain(
      "hold:recent-surgery",
    );
    expect(byStaff.firstVisit).toEqual(byClient.firstVisit);
    expect(byStaff.firstVisit.reasons.map((r: { code: string }) => r.code)).toContain("clearance-missing");
    // Consent is not signed by staff entering the intake: it stays missing until the client signs.
    expect(byStaff.firstVisit.reasons.map((r: { code: string }) => r.code)).toContain("consent-not-signed");
    expect(byStaff.consent).toMatchObject({ signedCurrent: false });
    // Who wrote it, from the audit log: staff for the phone client, nobody for the client's own.
    expect(byStaff.enteredByStaff).toEqual({ role: "therapist", at: expect.any(String) });
    expect(byClient.enteredByStaff).toBeNull();
  });

  it("stops on a red flag entered by staff, as for a client", async () => {
    const phone = await phoneClient();
    const body = (
      await owner.request("POST", submitUrl(phone), intakeWith({ health: ["cardiac-chest-pain"] }))
    ).json();
    expect(body.submitted.screening.outcome).toBe("stop");
    const staff = (await owner.request("GET", `/api/clients/${phone}/intake`)).json();
    expect(staff.firstVisit.reasons.map((r: { code: string }) => r.code)).toContain("red-flag");
  });

  it("updates the version a client submitted, as the client could, and marks it as entered by staff", async () => {
    const self = await newClient(t.app, "Later");
    await self.request("POST", "/api/me/intake/submit", intakeWith());
    const form = (await owner.request("GET", draftUrl(self.clientId))).json();
    expect(form).toMatchObject({ status: "submitted", editable: true });
    const changed = { ...intakeWith(), goals: "Told the therapist on the phone" };
    const response = await owner.request("POST", submitUrl(self.clientId), changed);
    expect(response.json().submitted.version).toBe(1);
    const staffView = (await therapist.request("GET", `/api/clients/${self.clientId}/intake`)).json();
    expect(staffView.intake.answers.goals).toBe("Told the therapist on the phone");
    expect(staffView.enteredByStaff).toMatchObject({ role: "owner" });
    // The client sees the change in their own portal, and sending it again makes it theirs.
    expect((await self.request("GET", "/api/me/intake")).json().answers.goals).toBe(
      "Told the therapist on the phone",
    );
    await self.request("POST", "/api/me/intake/submit", changed);
    expect(
      (await owner.request("GET", `/api/clients/${self.clientId}/intake`)).json().enteredByStaff,
    ).toBeNull();
  });

  it("audits every staff write with the actor and ids only, never the answers", async () => {
    const id = await phoneClient();
    await therapist.request("PUT", draftUrl(id), { reasonForVisit: "Secret words" });
    await therapist.request("POST", submitUrl(id), { ...intakeWith(), reasonForVisit: "Secret words" });
    const rows = await auditRows(id);
    expect(rows).toHaveLength(2);
    const [intake] = await t.database.db.select().from(intakes).where(eq(intakes.clientId, id));
    expect(rows.map((r) => [r.entity, r.entityId, r.actorRole])).toEqual([
      ["intake", null, "therapist"],
      ["intake", intake?.id, "therapist"],
    ]);
    expect(rows.every((r) => r.actorUserId && r.clinicId === demoClinicId)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("Secret");
    // A refused write is not audited.
    await therapist.request("PUT", draftUrl(id), { pain: { now: 99 } });
    expect(await auditRows(id)).toHaveLength(2);
  });
});

describe("who may enter a client's intake", () => {
  it("lets the owner and therapists; refuses the front desk and clients with 403", async () => {
    const id = await phoneClient();
    for (const agent of [owner, therapist]) {
      expect((await agent.request("PUT", draftUrl(id), { goals: "ok" })).statusCode).toBe(200);
    }
    const self = await newClient(t.app, "Nosy");
    for (const agent of [desk, self]) {
      for (const target of [id, self.clientId]) {
        expect((await agent.request("GET", draftUrl(target))).statusCode).toBe(403);
        expect((await agent.request("PUT", draftUrl(target), { goals: "no" })).statusCode).toBe(403);
        const submit = await agent.request("POST", submitUrl(target), intakeWith());
        expect(submit.statusCode).toBe(403);
        expect(submit.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      }
    }
    expect((await owner.request("GET", draftUrl(id))).json().answers).toEqual({ goals: "ok" });
    const [row] = await t.database.db.select().from(intakes).where(eq(intakes.clientId, id));
    expect(row).toBeUndefined();
    expect((await auditRows(id)).map((r) => r.actorRole)).toEqual(["owner", "therapist"]);
  });

  it("answers another clinic's staff and unknown ids 404, writing nothing", async () => {
    const id = await phoneClient();
    for (const target of [id, "5b0d6a8e-1c2f-4e3a-9b7c-0d1e2f3a4b5c"]) {
      expect((await otherOwner.request("GET", draftUrl(target))).statusCode).toBe(404);
      const put = await otherOwner.request("PUT", draftUrl(target), { goals: "theirs" });
      expect(put.statusCode).toBe(404);
      expect(put.json()).toEqual({ code: "not_found", message: expect.any(String) });
      expect((await otherOwner.request("POST", submitUrl(target), intakeWith())).statusCode).toBe(404);
    }
    expect((await owner.request("GET", draftUrl(id))).json().status).toBe("not-started");
    expect(await auditRows(id)).toHaveLength(0);
  });
});
