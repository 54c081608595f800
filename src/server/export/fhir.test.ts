/**
 * The FHIR R4 export (F11): every demo client's Bundle passes the official R4 JSON schema and every
 * reference inside it resolves; a resource broken on purpose is rejected; access and audit.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FhirResource, unresolvedReferences } from "../../core/fhir";
import { testConfig } from "../config";
import { auditEvents, clients, clinics } from "../db/schema";
import { signInAs } from "../intake/testing";
import { seedDemoClinic } from "../seed/demo";
import { seedOtherClinic } from "../testing/fixtures";
import { createTestApp, type TestApp } from "../testing/harness";
import { exportToText } from "./cli";
import { exportClientFhir } from "./fhir";
import { fhirSchemaErrors } from "./fhir-validator";
import { seedChartedHistory } from "./testing";

let t: TestApp;
let clinicId: string;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  await seedOtherClinic(t.database.db);
  const [clinic] = await t.database.db.select().from(clinics).where(eq(clinics.slug, "demo"));
  if (!clinic) throw new Error("no demo clinic");
  clinicId = clinic.id;
});
afterAll(() => t.close());

async function demoClients() {
  return t.database.db.select().from(clients).where(eq(clients.clinicId, clinicId));
}

describe("FHIR R4 export", () => {
  it("gives every demo client a Bundle that the official R4 schema accepts, with every reference resolved", async () => {
    const all = await demoClients();
    expect(all.length).toBeGreaterThan(3);
    // One client also gets charted sessions, trigger points, plans and a diary, so every resource type is checked.
    const jordan = all.find((c) => c.email === "client@knotwork.test");
    if (!jordan) throw new Error("no Jordan");
    await seedChartedHistory(t.database.db, clinicId, jordan.id, 3);
    const types = new Set<string>();
    for (const client of all) {
      const bundle = await exportClientFhir(t.database.db, clinicId, client.id);
      expect(bundle, client.email ?? client.id).not.toBeNull();
      expect(fhirSchemaErrors(bundle), client.email ?? client.id).toEqual([]);
      expect(unresolvedReferences(bundle ?? {}), client.email ?? client.id).toEqual([]);
      for (const entry of bundle?.entry ?? []) types.add(entry.resource.resourceType);
    }
    for (const type of [
      "Patient",
      "Organization",
      "Practitioner",
      "Location",
      "Appointment",
      "Questionnaire",
      "QuestionnaireResponse",
      "Consent",
      "Observation",
      "Procedure",
      "CarePlan",
      "Flag",
    ])
      expect(types, type).toContain(type);
    // Every demo client exported and schema-checked: on a shared, busy machine this outlasts the default minute.
  }, 180_000);

  it("flags the demo's active hold (Tom) and caution (Alex), and none for a clear intake (Rita)", async () => {
    const flags = async (email: string) => {
      const [client] = (await demoClients()).filter((c) => c.email === email);
      const bundle = await exportClientFhir(t.database.db, clinicId, client?.id ?? "");
      return (bundle?.entry ?? [])
        .map((e) => e.resource)
        .filter((r) => r.resourceType === "Flag")
        .map((r) => ({ status: r.status, text: (r.code as { text: string }).text }));
    };
    expect(await flags("tom.fischer@example.com")).toEqual([
      { status: "active", text: expect.stringMatching(/^Hold until cleared: /) },
    ]);
    expect(await flags("alex.morgan@example.com")).toEqual([
      { status: "active", text: expect.stringMatching(/^Caution: /) },
    ]);
    expect(await flags("rita.gomez@example.com")).toEqual([]);
  });

  it("gives the treatment plans and the shared home-care plan as CarePlans", async () => {
    const [jordan] = (await demoClients()).filter((c) => c.email === "client@knotwork.test");
    const bundle = await exportClientFhir(t.database.db, clinicId, jordan?.id ?? "");
    const carePlans = (bundle?.entry ?? [])
      .map((e) => e.resource)
      .filter((r) => r.resourceType === "CarePlan");
    const category = (r: FhirResource) =>
      (r.category as { coding: { code: string }[] }[])[0]?.coding[0]?.code;
    const treatment = carePlans.filter((r) => category(r) === "treatment");
    // The demo's plan in progress, and the charted history's plan now in maintenance.
    expect(treatment.map((r) => r.status)).toEqual(["active", "active"]);
    expect(
      treatment.every((r) => (r.author as { reference: string }).reference.startsWith("urn:uuid:")),
    ).toBe(true);
    const homeCare = carePlans.filter((r) => category(r) === "home-care");
    expect(homeCare).toHaveLength(1);
    expect(homeCare[0]?.status).toBe("active");
    expect(((homeCare[0]?.activity ?? []) as unknown[]).length).toBeGreaterThan(1);
  });

  it("maps pain scores to LOINC 72514-3 with a time and body site, and trigger points to Procedures", async () => {
    const [jordan] = (await demoClients()).filter((c) => c.email === "client@knotwork.test");
    if (!jordan) throw new Error("no Jordan");
    const bundle = await exportClientFhir(t.database.db, clinicId, jordan.id);
    const resources = bundle?.entry.map((e) => e.resource) ?? [];
    const observations = resources.filter((r) => r.resourceType === "Observation");
    expect(observations.length).toBeGreaterThan(0);
    for (const o of observations) {
      expect(o.code).toMatchObject({ coding: [{ system: "http://loinc.org", code: "72514-3" }] });
      expect(o.effectiveDateTime).toEqual(expect.any(String));
      expect(o.valueInteger).toBeGreaterThanOrEqual(0);
      expect(o.valueInteger).toBeLessThanOrEqual(10);
    }
    expect(observations.some((o) => o.bodySite)).toBe(true);
    const procedure = resources.find((r) => r.resourceType === "Procedure");
    expect(procedure).toMatchObject({
      status: "completed",
      // The muscle, then the body-map region the point lies in (with SNOMED CT's neck structure).
      bodySite: [
        { coding: [{ system: "https://knotwork.org/fhir/CodeSystem/muscle", code: "upper-trapezius" }] },
        {
          coding: [
            { system: "https://knotwork.org/fhir/CodeSystem/body-region", code: "neck-posterior-left" },
            { system: "http://snomed.info/sct", code: "45048000" },
          ],
        },
      ],
      outcome: { coding: [{ code: "full" }] },
      extension: [{ valueDuration: { value: 30, code: "s" } }],
    });
    const appointment = resources.find((r) => r.resourceType === "Appointment") as unknown as {
      participant: { actor: { reference: string } }[];
    };
    const actorTypes = appointment.participant.map(
      (p) => resources.find((r) => `urn:uuid:${r.id}` === p.actor.reference)?.resourceType,
    );
    expect(actorTypes).toEqual(expect.arrayContaining(["Patient", "Practitioner", "Location"]));
  });

  it("is rejected by the validator when one resource is broken on purpose", async () => {
    const [jordan] = (await demoClients()).filter((c) => c.email === "client@knotwork.test");
    const bundle = await exportClientFhir(t.database.db, clinicId, jordan?.id ?? "");
    if (!bundle) throw new Error("no bundle");
    const observation = bundle.entry.find((e) => e.resource.resourceType === "Observation");
    if (!observation) throw new Error("no observation");
    // Observation.status is required and a closed code: "done" is not one of them.
    observation.resource.status = "done";
    const errors = fhirSchemaErrors(bundle);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join("\n")).toMatch(/Observation/);
    // A dangling reference is caught too.
    delete (observation.resource as { status?: string }).status;
    observation.resource.status = "final";
    observation.resource.subject = { reference: "urn:uuid:00000000-0000-4000-8000-000000000000" };
    expect(unresolvedReferences(bundle)).toEqual(["urn:uuid:00000000-0000-4000-8000-000000000000"]);
  });
});

describe("GET /api/clients/{id}/export and /api/me/export?format=fhir", () => {
  it("gives staff the Bundle of a client of their clinic, audited; another clinic gets 404", async () => {
    const [jordan] = (await demoClients()).filter((c) => c.email === "client@knotwork.test");
    if (!jordan) throw new Error("no Jordan");
    const owner = await signInAs(t.app, "owner@knotwork.test");
    const response = await owner.request("GET", `/api/clients/${jordan.id}/export?format=fhir`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toMatch(/^application\/fhir\+json/);
    expect(fhirSchemaErrors(response.json())).toEqual([]);
    const json = await owner.request("GET", `/api/clients/${jordan.id}/export?format=json`);
    expect(json.json().format).toBe("knotwork-client-export/1");
    expect((await owner.request("GET", `/api/clients/${jordan.id}/export?format=xml`)).statusCode).toBe(400);
    const audits = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "export"), eq(auditEvents.clientId, jordan.id)));
    expect(audits.map((a) => a.entity).sort()).toEqual(["client", "fhir_bundle"]);

    const other = await signInAs(t.app, "owner@other.test", "other-clinic-pass");
    expect((await other.request("GET", `/api/clients/${jordan.id}/export?format=fhir`)).statusCode).toBe(404);
  });

  it("gives a client their own Bundle only", async () => {
    const client = await signInAs(t.app, "client@knotwork.test");
    const response = await client.request("GET", "/api/me/export?format=fhir");
    expect(response.statusCode).toBe(200);
    const bundle = response.json();
    const patients = bundle.entry.filter(
      (e: { resource: { resourceType: string } }) => e.resource.resourceType === "Patient",
    );
    expect(patients).toHaveLength(1);
    expect(patients[0].resource.name[0].family).toBe("Lee");
    expect(response.body).not.toContain("Morgan");
    // The client's own export is audited like staff's, by id.
    const own = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "export"), eq(auditEvents.actorRole, "client")));
    expect(own).toEqual([
      expect.objectContaining({ entity: "fhir_bundle", clientId: patients[0].resource.id }),
    ]);
    const [someoneElse] = (await demoClients()).filter((c) => c.email !== "client@knotwork.test");
    expect(
      (await client.request("GET", `/api/clients/${someoneElse?.id}/export?format=fhir`)).statusCode,
    ).toBe(403);
  });
});

describe("knotwork export", () => {
  it("prints the demo client's Bundle, which passes the same validation, and audits it", async () => {
    const result = await exportToText(t.database, testConfig(), [
      "--clinic",
      "demo",
      "--client",
      "CLIENT@knotwork.test",
      "--format",
      "fhir",
    ]);
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const bundle = JSON.parse(result.stdout);
    expect(bundle.resourceType).toBe("Bundle");
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(unresolvedReferences(bundle)).toEqual([]);
    const cli = await t.database.db.select().from(auditEvents).where(eq(auditEvents.actorRole, "cli"));
    expect(cli).toEqual([expect.objectContaining({ action: "export", entity: "fhir_bundle" })]);
  });

  it("prints the JSON export with --format json, and explains a wrong clinic, client or format", async () => {
    const json = await exportToText(t.database, testConfig(), [
      "--clinic",
      "demo",
      "--client",
      "client@knotwork.test",
    ]);
    expect(JSON.parse(json.stdout).format).toBe("knotwork-client-export/1");
    const noClinic = await exportToText(t.database, testConfig(), ["--clinic", "nope", "--client", "a@b.c"]);
    expect(noClinic).toMatchObject({ exitCode: 1, stdout: "", stderr: 'No clinic "nope".' });
    const otherClinicsClient = await exportToText(t.database, testConfig(), [
      "--clinic",
      "demo",
      "--client",
      "client@other.test",
    ]);
    expect(otherClinicsClient.exitCode).toBe(1);
    const badFormat = await exportToText(t.database, testConfig(), [
      "--clinic",
      "demo",
      "--client",
      "x",
      "--format",
      "xml",
    ]);
    expect(badFormat.exitCode).toBe(2);
  });
});
