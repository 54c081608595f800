/**
 * Consent API (F5): the clinic's versioned text (the built-in default until the owner writes one),
 * signing by typed name with time and version kept, and a new version asking every client again.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CONSENT_V1 } from "../../core/consent";
import { auditEvents, consentSignatures } from "../db/schema";
import { loadConfirmationReadiness } from "../intake/readiness";
import { newClient, signInAs } from "../intake/testing";
import { seedDemoClinic } from "../seed/demo";
import { OTHER_PASSWORD, seedOtherClinic } from "../testing/fixtures";
import { type Agent, createTestApp, type TestApp } from "../testing/harness";

let t: TestApp;
let owner: Agent;
let therapist: Agent;
let desk: Agent;
let otherOwner: Agent;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  await seedOtherClinic(t.database.db);
  owner = await signInAs(t.app, "owner@knotwork.test");
  therapist = await signInAs(t.app, "therapist@knotwork.test");
  desk = await signInAs(t.app, "desk@knotwork.test");
  otherOwner = await signInAs(t.app, "owner@other.test", OTHER_PASSWORD);
});
afterAll(() => t.close());

const newText = {
  title: "Consent to trigger point massage (2027)",
  sections: [
    { heading: "It can feel intense", body: "Firm pressure on tender spots; it eases as it is held." },
    { heading: "Tell us", body: "Say when the pressure is too much. You can stop at any time." },
  ],
  agreement: "I have read this and I agree to trigger point massage.",
};

describe("signing", () => {
  it("shows a new client the built-in text, version 1, not yet signed", async () => {
    const client = await newClient(t.app);
    const response = await client.request("GET", "/api/me/consent");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      current: DEFAULT_CONSENT_V1,
      status: {
        currentVersion: 1,
        signedVersion: null,
        signedAt: null,
        typedName: null,
        signedCurrent: false,
      },
    });
  });

  it("keeps the typed name, the server's time and the version signed", async () => {
    const client = await newClient(t.app);
    const before = Date.now();
    const response = await client.request("POST", "/api/me/consent/signatures", {
      // Their own name, whatever the case and spacing.
      typedName: `  ${client.name.toUpperCase().replace(" ", "   ")} `,
      consentVersion: 1,
    });
    expect(response.statusCode, response.body).toBe(201);
    const status = response.json().status;
    expect(status).toMatchObject({
      signedVersion: 1,
      typedName: client.name.toUpperCase().replace(" ", "   "),
      signedCurrent: true,
    });
    expect(Date.parse(status.signedAt)).toBeGreaterThanOrEqual(before - 1000);
    const [rows] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "sign"), eq(auditEvents.clientId, client.clientId)));
    expect(rows?.n).toBe(1);
  });

  it("refuses a signature in a name that is not the client's own, saying why, on the field", async () => {
    const client = await newClient(t.app);
    for (const typedName of ["Casey Q. Newcomer", `${client.name} Jr`, client.name.replace(" ", "")]) {
      const response = await client.request("POST", "/api/me/consent/signatures", {
        typedName,
        consentVersion: 1,
      });
      expect(response.statusCode, typedName).toBe(400);
      expect(response.json()).toMatchObject({ code: "signature_name_mismatch", field: "typedName" });
      expect(response.json().message).toContain(client.name);
    }
    const [rows] = await t.database.db
      .select({ n: count() })
      .from(consentSignatures)
      .where(eq(consentSignatures.clientId, client.clientId));
    expect(rows?.n).toBe(0);
  });

  it("refuses a name that is not a name, and a version that is not the one in force", async () => {
    const client = await newClient(t.app);
    for (const typedName of ["", "x", "12345", "   "]) {
      const response = await client.request("POST", "/api/me/consent/signatures", {
        typedName,
        consentVersion: 1,
      });
      expect(response.statusCode, typedName).toBe(400);
      expect(response.json().field).toBe("typedName");
    }
    const stale = await client.request("POST", "/api/me/consent/signatures", {
      typedName: "Casey",
      consentVersion: 7,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: "consent_outdated", field: "consentVersion" });
    const [rows] = await t.database.db
      .select({ n: count() })
      .from(consentSignatures)
      .where(eq(consentSignatures.clientId, client.clientId));
    expect(rows?.n).toBe(0);
  });

  it("is a client's own act: staff cannot sign or read a client's consent through the client routes", async () => {
    for (const agent of [owner, therapist, desk]) {
      expect((await agent.request("GET", "/api/me/consent")).statusCode).toBe(403);
      const sign = await agent.request("POST", "/api/me/consent/signatures", {
        typedName: "Olivia",
        consentVersion: 1,
      });
      expect(sign.statusCode).toBe(403);
    }
  });
});

describe("a new version", () => {
  it("can be published by the owner only, and asks every client to sign again", async () => {
    const client = await newClient(t.app);
    await client.request("POST", "/api/me/consent/signatures", {
      typedName: client.name,
      consentVersion: 1,
    });
    const { clinicId, clientId } = client;
    expect((await loadConfirmationReadiness(t.database.db, clinicId, clientId)).consentSigned).toBe(true);

    for (const agent of [therapist, desk, client]) {
      expect((await agent.request("PUT", "/api/consent", newText)).statusCode).toBe(403);
    }
    const published = await owner.request("PUT", "/api/consent", newText);
    expect(published.statusCode).toBe(201);
    expect(published.json()).toMatchObject({
      version: 2,
      id: "demo-v2",
      title: newText.title,
      agreement: newText.agreement,
      effectiveDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(published.json().sections.map((s: { heading: string }) => s.heading)).toEqual([
      "It can feel intense",
      "Tell us",
    ]);

    const status = (await client.request("GET", "/api/me/consent")).json();
    expect(status.current.version).toBe(2);
    expect(status.status).toMatchObject({ currentVersion: 2, signedVersion: 1, signedCurrent: false });
    expect((await loadConfirmationReadiness(t.database.db, clinicId, clientId)).consentSigned).toBe(false);

    const old = await client.request("POST", "/api/me/consent/signatures", {
      typedName: client.name,
      consentVersion: 1,
    });
    expect(old.statusCode).toBe(409);
    const again = await client.request("POST", "/api/me/consent/signatures", {
      typedName: client.name,
      consentVersion: 2,
    });
    expect(again.json().status).toMatchObject({ signedVersion: 2, signedCurrent: true });
    expect((await loadConfirmationReadiness(t.database.db, clinicId, clientId)).consentSigned).toBe(true);

    // What was signed stays readable, exactly.
    expect((await client.request("GET", "/api/consent/versions/1")).json()).toEqual(DEFAULT_CONSENT_V1);
    expect((await client.request("GET", "/api/consent/versions/2")).json().title).toBe(newText.title);
    expect((await client.request("GET", "/api/consent/versions/9")).statusCode).toBe(404);
    const versions = (await desk.request("GET", "/api/consent/versions")).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    // The next one is version 3; the other clinic is untouched.
    expect((await owner.request("PUT", "/api/consent", newText)).json().version).toBe(3);
    expect((await otherOwner.request("GET", "/api/consent")).json()).toEqual(DEFAULT_CONSENT_V1);
  });

  it("refuses empty or oversized text, naming the field", async () => {
    const cases: [unknown, string][] = [
      [{ ...newText, title: "" }, "title"],
      [{ ...newText, sections: [] }, "sections"],
      [{ ...newText, sections: [{ heading: "Hi", body: "" }] }, "sections[0].body"],
      [{ ...newText, agreement: "a".repeat(1001) }, "agreement"],
      [{ ...newText, title: "Bell\u0007" }, "title"],
    ];
    for (const [body, field] of cases) {
      const response = await owner.request("PUT", "/api/consent", body);
      expect(response.statusCode, field).toBe(400);
      expect(response.json().field).toBe(field);
    }
  });
});
