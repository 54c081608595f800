/** GET /api/me/export: all of a client's own data as JSON, nobody else's, audited, as a download. */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientExportSchema } from "../../core/api/intake";
import { DEFAULT_CONSENT_V1 } from "../../core/consent";
import { auditEvents } from "../db/schema";
import { intakeWith, newClient, recordVisit, signInAs } from "../intake/testing";
import { seedDemoClinic } from "../seed/demo";
import { seedOtherClinic } from "../testing/fixtures";
import { createTestApp, type TestApp } from "../testing/harness";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  await seedOtherClinic(t.database.db);
});
afterAll(() => t.close());

describe("GET /api/me/export", () => {
  it("gives the client everything of theirs: account, appointments, intake versions, consent with its text", async () => {
    const client = await newClient(t.app, "Export");
    await client.request("POST", "/api/me/intake/submit", intakeWith({ health: ["recent-surgery"] }));
    await client.request("PUT", "/api/me/intake/draft", { ...intakeWith(), goals: "Unsubmitted goal" });
    await client.request("POST", "/api/me/consent/signatures", {
      typedName: client.name,
      consentVersion: 1,
    });
    await recordVisit(
      t.database.db,
      client.clinicId,
      client.clientId,
      new Date(Date.now() + 40 * 86_400_000),
      "confirmed",
    );
    const response = await client.request("GET", "/api/me/export");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(
      /^attachment; filename="knotwork-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = response.json();
    expect(ClientExportSchema.safeParse(data).success).toBe(true);
    expect(data.client).toMatchObject({ id: client.clientId, firstName: "Export" });
    expect(data.client).not.toHaveProperty("clinicId");
    expect(data.account.email).toMatch(/^export\./);
    expect(data.intakes).toHaveLength(1);
    expect(data.intakes[0]).toMatchObject({ version: 1, screening: { outcome: "hold" } });
    expect(data.intakeDraft.answers.goals).toBe("Unsubmitted goal");
    expect(data.consentSignatures).toEqual([
      expect.objectContaining({ version: 1, typedName: client.name, text: DEFAULT_CONSENT_V1 }),
    ]);
    expect(data.appointments).toEqual([
      expect.objectContaining({ status: "confirmed", service: expect.any(String) }),
    ]);
  });

  it("contains nothing of any other client", async () => {
    const mine = await newClient(t.app, "Mine");
    const theirs = await newClient(t.app, "Theirs");
    await theirs.request("POST", "/api/me/intake/submit", {
      ...intakeWith(),
      reasonForVisit: "Secret-7c1 reason",
    });
    const body = (await mine.request("GET", "/api/me/export")).body;
    expect(body).not.toContain("Secret-7c1");
    expect(body).not.toContain(theirs.clientId);
    expect(body).not.toContain("Jordan");
  });

  it("writes one audit event per download", async () => {
    const client = await newClient(t.app);
    await client.request("GET", "/api/me/export");
    await client.request("GET", "/api/me/export");
    const [row] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "export"), eq(auditEvents.clientId, client.clientId)));
    expect(row?.n).toBe(2);
  });

  it("is for clients about themselves only: staff get 403, anonymous 401", async () => {
    const owner = await signInAs(t.app, "owner@knotwork.test");
    expect((await owner.request("GET", "/api/me/export")).statusCode).toBe(403);
    expect((await t.app.inject({ method: "GET", url: "/api/me/export" })).statusCode).toBe(401);
  });
});
