/** The demo clinic's intakes are real ones: valid, screened, and Tom's first visit waits on a clearance. */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntakeSubmissionSchema } from "../../core/intake";
import { canConfirmFirstVisit } from "../../core/screening";
import { clients, intakes } from "../db/schema";
import { seedDemoClinic } from "../seed/demo";
import { createTestApp, type TestApp } from "../testing/harness";
import { loadConfirmationReadiness } from "./readiness";
import { clinicIdBySlug } from "./testing";

let t: TestApp;
let clinicId: string;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  clinicId = await clinicIdBySlug(t.database.db, "demo");
});
afterAll(() => t.close());

async function clientId(firstName: string): Promise<string> {
  const [row] = await t.database.db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.firstName, firstName)));
  return row?.id as string;
}

describe("the demo clinic's intakes", () => {
  it("are complete, valid submissions", async () => {
    const rows = await t.database.db.select().from(intakes).where(eq(intakes.clinicId, clinicId));
    expect(rows.length).toBe(4);
    for (const row of rows)
      expect(IntakeSubmissionSchema.safeParse(row.answers).error?.issues ?? []).toEqual([]);
  });

  it("have Jordan ready, Alex with a caution, and Tom on hold until a doctor clears him", async () => {
    const decision = async (name: string) =>
      canConfirmFirstVisit(await loadConfirmationReadiness(t.database.db, clinicId, await clientId(name)));
    expect(await decision("Jordan")).toEqual({ ok: true });
    const alex = await loadConfirmationReadiness(t.database.db, clinicId, await clientId("Alex"));
    expect(alex.screening?.cautions.map((c) => c.id)).toEqual(["blood-thinners"]);
    const tom = await decision("Tom");
    expect(tom.ok ? [] : tom.reasons.map((r) => `${r.code}:${r.findingId}`)).toEqual([
      "clearance-missing:recent-surgery",
    ]);
    expect(await decision("Hannah")).toMatchObject({ ok: false });
    expect(await decision("Ben")).toMatchObject({ ok: false });
  });
});
