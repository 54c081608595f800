/**
 * Home care (F7): built from the treated muscles, edited and shared by the therapist, read by the client,
 * and the PDF handout, parsed with a PDF parser (pdfjs-dist) to find the client's name and each treated
 * muscle's name and steps. Access: own only, another clinic 404, staff reads audited.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { and, eq } from "drizzle-orm";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HomeCarePlan } from "../../core/api/plans";
import { muscleById } from "../../core/atlas";
import { type DemoWorld, newClient, openDemoWorld } from "../appointments/test-helpers";
import { auditEvents } from "../db/schema";
import { insertSession } from "../plans/test-helpers";
import { pdfSafe } from "./pdf";
import { handoutDate } from "./routes";

let w: DemoWorld;
/** pdfjs reads the standard fonts' metrics from its own package (pdfkit's handout uses Helvetica). */
const STANDARD_FONTS = `${join(dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

beforeAll(async () => {
  w = await openDemoWorld();
});
afterAll(() => w.t.close());

/** Every text item of every page, in order. */
async function pdfText(bytes: Buffer): Promise<string> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  await doc.destroy();
  return parts.join(" ");
}

/** Line breaks fall anywhere in a paragraph: compare without white space. */
const squash = (text: string) => pdfSafe(text).replace(/\s+/g, "");

const TREATED = ["upper-trapezius", "levator-scapulae", "quadratus-lumborum"];

async function clientWithSessions(first: string) {
  const client = await newClient(w.t.app, first);
  const base = { clinicId: w.ids.clinicId, clientId: client.clientId, therapistId: w.ids.marcus };
  await insertSession(w.t.database.db, {
    ...base,
    points: [
      { muscleId: "upper-trapezius", side: "left", release: "full" },
      { muscleId: "levator-scapulae", side: "left", release: "none" },
    ],
  });
  await insertSession(w.t.database.db, {
    ...base,
    points: [
      { muscleId: "upper-trapezius", side: "right" },
      { muscleId: "quadratus-lumborum", side: null },
      { muscleId: "retired-muscle-id", side: null },
    ],
  });
  return client;
}

describe("home care", () => {
  it("documents both handout routes as application/pdf in the API document", () => {
    const paths = w.t.app.swagger().paths ?? {};
    for (const path of ["/api/me/home-care.pdf", "/api/clients/{id}/home-care.pdf"]) {
      const ok = paths[path]?.get?.responses?.["200"] as { content?: Record<string, unknown> } | undefined;
      expect(Object.keys(ok?.content ?? {}), path).toEqual(["application/pdf"]);
    }
  });

  it("builds the plan from the treated muscles, each once; shares it after edits; the client reads it", async () => {
    const client = await clientWithSessions("Homer");
    const built = (
      await w.marcus.request("GET", `/api/clients/${client.clientId}/home-care`)
    ).json() as HomeCarePlan;
    expect(built.id).toBeNull();
    expect(built.shared).toBe(false);
    const self = built.items.filter((i) => i.kind === "self-treatment");
    // Each treated muscle once (order within a session is not recorded); the retired id is left out.
    expect(self.map((i) => i.muscleId).sort()).toEqual([...TREATED].sort());
    expect(built.items.map((i) => i.kind)).toEqual(
      expect.arrayContaining(["posture", "hydration", "activity", "stress"]),
    );

    // Not shared yet: the client sees nothing and cannot download.
    expect((await client.request("GET", "/api/me/home-care")).json().plan).toBeNull();
    expect((await client.request("GET", "/api/me/home-care.pdf")).statusCode).toBe(404);

    const items = built.items
      .filter((i) => i.id !== "stress")
      .map((i) => (i.id === "muscle:levator-scapulae" ? { ...i, frequency: "3 times a day" } : i));
    items.push({
      id: "walk",
      kind: "other",
      muscleId: null,
      title: "Walk the dog",
      tool: null,
      how: "Twenty minutes at an easy pace.",
      holdSeconds: null,
      frequency: "daily",
      stretch: null,
      cautions: [],
    });
    const unknown = await w.marcus.request("PUT", `/api/clients/${client.clientId}/home-care`, {
      items: [{ ...items[0], muscleId: "no-such-muscle" }],
      shared: true,
    });
    expect(unknown.statusCode).toBe(400);
    const saved = await w.marcus.request("PUT", `/api/clients/${client.clientId}/home-care`, {
      items,
      shared: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ shared: true });

    const mine = (await client.request("GET", "/api/me/home-care")).json().plan as HomeCarePlan;
    expect(mine.items.map((i) => i.id)).toEqual(items.map((i) => i.id));
    expect(mine.items.find((i) => i.id === "muscle:levator-scapulae")?.frequency).toBe("3 times a day");
    expect(mine.generalCautions.length).toBeGreaterThan(0);
  });

  it("produces a PDF handout with the client's name and every treated muscle's name and steps", async () => {
    const client = await clientWithSessions("Pdfella");
    const built = (
      await w.marcus.request("GET", `/api/clients/${client.clientId}/home-care`)
    ).json() as HomeCarePlan;
    await w.marcus.request("PUT", `/api/clients/${client.clientId}/home-care`, {
      items: built.items,
      shared: true,
    });

    const dayBefore = handoutDate(new Date(), "America/Boise");
    const response = await client.request("GET", "/api/me/home-care.pdf");
    const dayAfter = handoutDate(new Date(), "America/Boise");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="home-care-pdfella-/);
    const text = squash(await pdfText(response.rawPayload));
    expect(text).toContain(squash(built.clientName));
    expect(text).toContain(squash("Knotwork Demo Clinic"));
    // The day it was made, in the clinic's zone (either side of a midnight the request straddled).
    expect([dayBefore, dayAfter].some((day) => text.includes(squash(day)))).toBe(true);
    for (const id of TREATED) {
      const muscle = muscleById(id);
      expect(text).toContain(squash(muscle?.name ?? "?"));
      expect(text).toContain(squash(muscle?.selfTreatment.how ?? "?"));
      expect(text).toContain(squash(muscle?.stretch ?? "?"));
      for (const caution of muscle?.cautions ?? []) expect(text).toContain(squash(caution));
    }

    // Staff get the same handout, audited as an export; another clinic gets 404.
    const before = await w.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "home_care_plan"), eq(auditEvents.clientId, client.clientId)));
    const staff = await w.marcus.request("GET", `/api/clients/${client.clientId}/home-care.pdf`);
    expect(staff.statusCode).toBe(200);
    expect(squash(await pdfText(staff.rawPayload))).toContain(squash(built.clientName));
    const after = await w.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "home_care_plan"), eq(auditEvents.clientId, client.clientId)));
    expect(after.length).toBe(before.length + 1);
    expect(after.some((e) => e.action === "export")).toBe(true);
    expect(
      (await w.otherOwner.request("GET", `/api/clients/${client.clientId}/home-care.pdf`)).statusCode,
    ).toBe(404);
    expect((await w.otherOwner.request("GET", `/api/clients/${client.clientId}/home-care`)).statusCode).toBe(
      404,
    );
    expect((await w.desk.request("GET", `/api/clients/${client.clientId}/home-care.pdf`)).statusCode).toBe(
      403,
    );
    expect((await w.jordan.request("GET", `/api/clients/${client.clientId}/home-care.pdf`)).statusCode).toBe(
      403,
    );
  });
});
