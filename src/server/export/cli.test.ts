/**
 * `npx knotwork export --clinic demo --client client@knotwork.test --format fhir` run as an operator
 * runs it (`node bin/knotwork.js`, the file package.json names as the `knotwork` bin), in a child
 * process on a database of its own holding the demo clinic: its stdout is a Bundle that passes the
 * same validation as the API's, and the export is audited. PGlite and PostgreSQL alike.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unresolvedReferences } from "../../core/fhir";
import { auditEvents, clients } from "../db/schema";
import { seedDemoClinic } from "../seed/demo";
import { type CliStorage, freshStorage, knotwork } from "../testing/cli";
import { usingPostgres } from "../testing/harness";
import { fhirSchemaErrors } from "./fhir-validator";
import { seedChartedHistory } from "./testing";

let storage: CliStorage;
beforeAll(async () => {
  storage = await freshStorage({ migrated: true });
  const database = await storage.open();
  try {
    await seedDemoClinic(database.db);
    // Charted sessions too, so the printed Bundle holds Procedures and the plans beside the rest.
    const [jordan] = await database.db
      .select()
      .from(clients)
      .where(eq(clients.email, "client@knotwork.test"));
    if (!jordan) throw new Error("no demo client");
    await seedChartedHistory(database.db, jordan.clinicId, jordan.id, 2);
  } finally {
    await database.close();
  }
}, 120_000);
afterAll(() => storage.remove());

describe(`npx knotwork export (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, () => {
  it("prints the demo client's FHIR Bundle, which the official R4 schema accepts, and audits it", async () => {
    const result = await knotwork(
      ["export", "--clinic", "demo", "--client", "client@knotwork.test", "--format", "fhir"],
      storage.env,
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const bundle = JSON.parse(result.stdout);
    expect(bundle).toMatchObject({ resourceType: "Bundle", type: "collection" });
    const types = new Set(
      bundle.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType),
    );
    for (const type of [
      "Patient",
      "Appointment",
      "Practitioner",
      "Location",
      "Consent",
      "Observation",
      "Procedure",
      "CarePlan",
    ])
      expect(types, type).toContain(type);
    expect(fhirSchemaErrors(bundle)).toEqual([]);
    expect(unresolvedReferences(bundle)).toEqual([]);

    const database = await storage.open();
    try {
      const audits = await database.db.select().from(auditEvents).where(eq(auditEvents.actorRole, "cli"));
      expect(audits).toEqual([expect.objectContaining({ action: "export", entity: "fhir_bundle" })]);
      // Ids only: the audit row never names the client.
      expect(JSON.stringify(audits)).not.toContain("Jordan");
    } finally {
      await database.close();
    }
  }, 120_000);

  it("explains a missing option or an unknown client on stderr, with nothing on stdout", async () => {
    const usage = await knotwork(["export", "--clinic", "demo"], storage.env);
    expect(usage).toMatchObject({ code: 2, stdout: "" });
    expect(usage.stderr).toContain("Usage: knotwork export --clinic SLUG --client EMAIL");
    const nobody = await knotwork(
      ["export", "--clinic", "demo", "--client", "nobody@example.com"],
      storage.env,
    );
    expect(nobody).toMatchObject({ code: 1, stdout: "" });
    expect(nobody.stderr).toContain("No client with e-mail nobody@example.com at demo.");
  }, 120_000);
});
