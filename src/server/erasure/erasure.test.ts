/**
 * Erasure with retention (F11): exactly what remains after the request, after the owner carries it
 * out, after a sweep before the retention date, and after the sweep that purges; the audit chain
 * verifies throughout and names nobody.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../audit/audit";
import {
  auditEvents,
  clients,
  clinics,
  erasureRequests,
  outboxMessages,
  users,
  waitlistEntries,
} from "../db/schema";
import { seedChartedHistory } from "../export/testing";
import { type ClientAgent, intakeWith, newClient, signInAs } from "../intake/testing";
import { enqueueMessage } from "../notify/outbox";
import { seedDemoClinic } from "../seed/demo";
import { seedOtherClinic } from "../testing/fixtures";
import { createTestApp, type TestApp } from "../testing/harness";
import { purgeDueErasures } from "./store";

let t: TestApp;
let clinicId: string;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  await seedOtherClinic(t.database.db);
  const [clinic] = await t.database.db.select().from(clinics).where(eq(clinics.slug, "demo"));
  clinicId = clinic?.id ?? "";
});
afterAll(() => t.close());

/** Rows of every table that has a client_id column, for this client, by table (empty tables left out). */
async function remaining(clientId: string): Promise<Record<string, number>> {
  const tables = (await t.database.db.execute(sql`
    SELECT table_name AS t FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'client_id' ORDER BY 1`)) as unknown as {
    rows: { t: string }[];
  };
  const out: Record<string, number> = {};
  for (const { t: table } of tables.rows) {
    const result = (await t.database.db.execute(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE client_id = ${clientId}`,
    )) as unknown as { rows: { n: number }[] };
    const n = Number(result.rows[0]?.n ?? 0);
    if (n > 0) out[table] = n;
  }
  const [trigger] = (
    (await t.database.db.execute(sql`
      SELECT count(*)::int AS n FROM trigger_point_records p
      JOIN treatment_sessions s ON s.id = p.session_id WHERE s.client_id = ${clientId}`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows;
  if (Number(trigger?.n ?? 0) > 0) out.trigger_point_records = Number(trigger?.n);
  const own = await t.database.db.select().from(clients).where(eq(clients.id, clientId));
  if (own.length > 0) out.clients = own.length;
  return out;
}

async function outboxTo(address: string) {
  return t.database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, address));
}

describe("erasure with retention", () => {
  let client: ClientAgent;
  let email: string;

  it("step 1: the client asks; nothing is removed yet, and asking twice is refused", async () => {
    client = await newClient(t.app, "Erasable");
    const [row] = await t.database.db.select().from(clients).where(eq(clients.id, client.clientId));
    email = row?.email ?? "";
    await client.request("POST", "/api/me/intake/submit", intakeWith());
    // Signed with the name on the client's record, as the consent route requires.
    const signed = await client.request("POST", "/api/me/consent/signatures", {
      typedName: `${row?.firstName} ${row?.lastName}`,
      consentVersion: 1,
    });
    expect(signed.statusCode, signed.body).toBe(201);
    await seedChartedHistory(t.database.db, clinicId, client.clientId, 2);
    const services = (await t.database.db.execute(
      sql`SELECT id FROM services WHERE clinic_id = ${clinicId} LIMIT 1`,
    )) as unknown as { rows: { id: string }[] };
    await t.database.db.insert(waitlistEntries).values({
      clinicId,
      clientId: client.clientId,
      serviceId: services.rows[0]?.id ?? "",
      earliest: new Date(Date.now() + 86_400_000),
      latest: new Date(Date.now() + 10 * 86_400_000),
    });
    await enqueueMessage(t.database.db, {
      clinicId,
      dedupeKey: `test-reminder:${client.clientId}`,
      kind: "reminder",
      to: email,
      subject: "Reminder",
      body: "See you soon",
    });

    // The sign-up link and the reminder: both are messages to be erased.
    expect((await outboxTo(email)).map((m) => m.kind)).toContain("reminder");
    const before = await remaining(client.clientId);
    const response = await client.request("POST", "/api/me/erasure-request", { confirm: true });
    expect(response.statusCode).toBe(201);
    expect((await client.request("POST", "/api/me/erasure-request", { confirm: true })).statusCode).toBe(409);
    expect((await client.request("POST", "/api/me/erasure-request", { confirm: false })).statusCode).toBe(
      400,
    );
    expect((await client.request("GET", "/api/me/erasure-request")).json().request.status).toBe("requested");
    const { erasure_requests: _request, audit_events: _audit, ...after } = await remaining(client.clientId);
    const { audit_events: _auditBefore, ...beforeRows } = before;
    expect(after).toEqual(beforeRows);
    expect(after).toMatchObject({
      clients: 1,
      intakes: 1,
      consent_signatures: 1,
      treatment_sessions: 2,
      trigger_point_records: 4,
      treatment_plans: 1,
      home_care_plans: 1,
      pain_diary_entries: 2,
      waitlist_entries: 1,
      appointments: 2,
    });
  });

  it("step 2: the owner sees what will happen; another clinic's owner sees nothing", async () => {
    const owner = await signInAs(t.app, "owner@knotwork.test");
    const list = (await owner.request("GET", "/api/erasure-requests")).json();
    const mine = list.requests.find((r: { clientId: string }) => r.clientId === client.clientId);
    expect(mine).toMatchObject({
      status: "requested",
      clientName: expect.stringMatching(/^Erasable /),
      preview: {
        erased: {
          contactDetails: true,
          account: true,
          diaryEntries: 2,
          messages: (await outboxTo(email)).length,
          waitlistEntries: 1,
        },
        kept: {
          intakes: 1,
          consentSignatures: 1,
          treatmentSessions: 2,
          treatmentPlans: 1,
          homeCarePlans: 1,
          sorenessCheckIns: 0,
          pastAppointments: 2,
        },
        retentionYears: 7,
      },
    });
    const other = await signInAs(t.app, "owner@other.test", "other-clinic-pass");
    expect((await other.request("GET", "/api/erasure-requests")).json().requests).toEqual([]);
    expect((await other.request("POST", `/api/erasure-requests/${mine.id}/carry-out`)).statusCode).toBe(404);
    const therapist = await signInAs(t.app, "therapist@knotwork.test");
    expect((await therapist.request("POST", `/api/erasure-requests/${mine.id}/carry-out`)).statusCode).toBe(
      403,
    );
  });

  it("step 3: carried out, contact details, account, diary, messages and waitlist are gone; clinical records stay; a confirmation is sent", async () => {
    const owner = await signInAs(t.app, "owner@knotwork.test");
    const [request] = await t.database.db
      .select()
      .from(erasureRequests)
      .where(eq(erasureRequests.clientId, client.clientId));
    const response = await owner.request("POST", `/api/erasure-requests/${request?.id}/carry-out`);
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result.status).toBe("erased");
    expect((await owner.request("POST", `/api/erasure-requests/${request?.id}/carry-out`)).statusCode).toBe(
      409,
    );

    const { audit_events: _audit, ...left } = await remaining(client.clientId);
    expect(left).toEqual({
      clients: 1,
      erasure_requests: 1,
      intakes: 1,
      consent_signatures: 1,
      treatment_sessions: 2,
      trigger_point_records: 4,
      treatment_plans: 1,
      home_care_plans: 1,
      appointments: 2,
    });
    const [row] = await t.database.db.select().from(clients).where(eq(clients.id, client.clientId));
    expect(row?.lastName).toMatch(/^Client/);
    expect(row).toMatchObject({
      firstName: "Erasable",
      email: null,
      phone: null,
      userId: null,
    });
    expect(await t.database.db.select().from(users).where(eq(users.email, email))).toEqual([]);
    // The session died with the account.
    expect((await client.request("GET", "/api/me/erasure-request")).statusCode).toBe(401);
    const messages = await outboxTo(email);
    expect(messages.map((m) => m.kind)).toEqual(["erasure-confirmation"]);
    expect(messages[0]?.body).not.toMatch(/Erasable/);
    // Kept for seven years after the last visit (the charted visits are a year back and more).
    const retainUntil = new Date(result.retainUntil).getTime();
    expect(retainUntil).toBeGreaterThan(Date.now() + 5.5 * 365 * 86_400_000);
    expect(retainUntil).toBeLessThan(Date.now() + 6.5 * 365 * 86_400_000);
    expect((await verifyAuditChain(t.database.db, clinicId)).ok).toBe(true);
  });

  it("step 4: a sweep before the retention date purges nothing", async () => {
    expect(await purgeDueErasures(t.database.db, new Date())).toBe(0);
    const { audit_events: _audit, ...left } = await remaining(client.clientId);
    expect(left.clients).toBe(1);
    expect(left.intakes).toBe(1);
  });

  it("step 5: the sweep after it leaves nothing of the client but the request and the audit log, which still verifies and names nobody", async () => {
    const [request] = await t.database.db
      .select()
      .from(erasureRequests)
      .where(eq(erasureRequests.clientId, client.clientId));
    const due = new Date((request?.retainUntil?.getTime() ?? 0) + 86_400_000);
    expect(await purgeDueErasures(t.database.db, due)).toBe(1);
    expect(await purgeDueErasures(t.database.db, due)).toBe(0);
    const left = await remaining(client.clientId);
    expect(Object.keys(left).sort()).toEqual(["audit_events", "erasure_requests"]);
    expect(await outboxTo(email)).toEqual([]);
    const [after] = await t.database.db
      .select()
      .from(erasureRequests)
      .where(eq(erasureRequests.id, request?.id ?? ""));
    expect(after?.status).toBe("purged");
    expect((await verifyAuditChain(t.database.db, clinicId)).ok).toBe(true);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, clinicId), eq(auditEvents.clientId, client.clientId)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["request-erasure", "erase", "purge"]));
    const text = JSON.stringify(audit);
    expect(text).not.toMatch(/Erasable/);
    expect(text).not.toContain(email);
    // The demo's other clients are untouched.
    const [jordan] = await t.database.db
      .select()
      .from(clients)
      .where(eq(clients.email, "client@knotwork.test"));
    expect(jordan).toBeDefined();
  });

  it("a client may withdraw a request before it is carried out", async () => {
    const other = await newClient(t.app, "Changesmind");
    expect((await other.request("POST", "/api/me/erasure-request", { confirm: true })).statusCode).toBe(201);
    expect((await other.request("DELETE", "/api/me/erasure-request")).statusCode).toBe(200);
    expect((await other.request("GET", "/api/me/erasure-request")).json().request).toBeNull();
    expect((await other.request("DELETE", "/api/me/erasure-request")).statusCode).toBe(409);
  });
});
