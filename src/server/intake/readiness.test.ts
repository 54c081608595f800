/** loadConfirmationReadiness: the facts the scheduling API's confirm step reads, fed to canConfirmFirstVisit. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canConfirmFirstVisit } from "../../core/screening";
import { seedDemoClinic } from "../seed/demo";
import { seedOtherClinic } from "../testing/fixtures";
import { type Agent, createTestApp, type TestApp } from "../testing/harness";
import { loadConfirmationReadiness } from "./readiness";
import { type ClientAgent, intakeWith, newClient, signInAs } from "./testing";

let t: TestApp;
let desk: Agent;
let otherClinicId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  otherClinicId = (await seedOtherClinic(t.database.db)).clinic.id;
  desk = await signInAs(t.app, "desk@knotwork.test");
});
afterAll(() => t.close());

const codes = async (client: ClientAgent, clinicId = client.clinicId) => {
  const decision = canConfirmFirstVisit(
    await loadConfirmationReadiness(t.database.db, clinicId, client.clientId),
  );
  return decision.ok ? [] : decision.reasons.map((r) => r.code);
};
const sign = (client: ClientAgent) =>
  client.request("POST", "/api/me/consent/signatures", { typedName: client.name, consentVersion: 1 });
const clear = (client: ClientAgent, findingId: string) =>
  desk.request("POST", `/api/clients/${client.clientId}/clearances`, {
    findingId,
    clearedBy: "Dr Patel",
    clearedOn: "2026-11-01",
    note: "Phone call: fine to treat",
  });

describe("loadConfirmationReadiness", () => {
  it("blocks a client who has done nothing yet on intake and consent", async () => {
    const client = await newClient(t.app);
    expect(await loadConfirmationReadiness(t.database.db, client.clinicId, client.clientId)).toEqual({
      intakeSubmitted: false,
      consentSigned: false,
      screening: null,
      clearances: [],
    });
    expect(await codes(client)).toEqual(["intake-not-submitted", "consent-not-signed"]);
  });

  it("lets a clear, signed client through", async () => {
    const client = await newClient(t.app);
    await client.request("POST", "/api/me/intake/submit", intakeWith());
    expect(await codes(client)).toEqual(["consent-not-signed"]);
    await sign(client);
    expect(await codes(client)).toEqual([]);
  });

  it("holds until every hold has a recorded clearance", async () => {
    const client = await newClient(t.app);
    await client.request(
      "POST",
      "/api/me/intake/submit",
      intakeWith({ health: ["recent-surgery", "fever-or-infection"] }),
    );
    await sign(client);
    expect(await codes(client)).toEqual(["clearance-missing", "clearance-missing"]);
    expect((await clear(client, "recent-surgery")).statusCode).toBe(201);
    expect(await codes(client)).toEqual(["clearance-missing"]);
    expect((await clear(client, "fever-or-infection")).statusCode).toBe(201);
    const readiness = await loadConfirmationReadiness(t.database.db, client.clinicId, client.clientId);
    expect(readiness.clearances).toEqual([
      expect.objectContaining({
        findingId: "recent-surgery",
        recordedBy: "Dana Whitfield",
        note: expect.stringContaining("Dr Patel"),
      }),
      expect.objectContaining({ findingId: "fever-or-infection" }),
    ]);
    expect(await codes(client)).toEqual([]);
  });

  it("never lets a red flag through, and counts one reported after submitting", async () => {
    const client = await newClient(t.app);
    await client.request("POST", "/api/me/intake/submit", intakeWith());
    await sign(client);
    expect(await codes(client)).toEqual([]);
    await client.request("PUT", "/api/me/intake/draft", intakeWith({ health: ["cauda-equina-signs"] }));
    expect(await codes(client)).toEqual(["red-flag"]);
  });

  it("knows nothing of a client in another clinic", async () => {
    const client = await newClient(t.app);
    await client.request("POST", "/api/me/intake/submit", intakeWith());
    await sign(client);
    expect(await codes(client, otherClinicId)).toEqual(["intake-not-submitted", "consent-not-signed"]);
  });
});
