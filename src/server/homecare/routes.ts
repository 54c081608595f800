/**
 * Home-care API (F7; route list in src/core/api/plans.ts): the therapist reviews the plan built from
 * the treated muscles, edits and shares it; the client reads the shared plan and downloads the PDF.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParamsSchema } from "../../core/api/clinic";
import {
  HomeCareItemSchema,
  HomeCarePlanSchema,
  HomeCareSaveSchema,
  MyHomeCareSchema,
} from "../../core/api/plans";
import { isMuscleId } from "../../core/atlas";
import type { HomeCareItem } from "../../core/homecare";
import { CLINICAL, ownClientId, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import { badRequest, notFound } from "../http/errors";
import { clientOf, loadSessions, treatedSides } from "../plans/facts";
import { audited } from "../plans/routes";
import { clinicById } from "../scheduling/schedule";
import { homeCareFor, homeCareRow, saveHomeCare, suggestedItems, toHomeCarePlan } from "./store";

const CLIENT_ONLY = ["client"] as const;

/** "December 3, 2026" in the clinic's zone. */
export function handoutDate(now: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone }).format(now);
}

/** The PDF of a plan, with the sides each muscle was treated on. */
export async function handoutPdf(db: Db, clinicId: string, plan: z.infer<typeof HomeCarePlanSchema>) {
  const clinic = await clinicById(db, clinicId);
  const sessions = await loadSessions(db, clinicId, plan.clientId);
  // pdfkit and the body map's compiled geometry load on the first handout, not on every start.
  const { renderHomeCarePdf } = await import("./pdf");
  return renderHomeCarePdf({
    clinicName: clinic.name,
    clinicPhone: clinic.phone,
    plan,
    dateText: handoutDate(new Date(), clinic.timeZone),
    sides: treatedSides(sessions),
  });
}

/**
 * The handout's response in the API document: a PDF file (binary), not JSON. Fastify sends the
 * Buffer as it is, so the schema documents the contract without serialising anything.
 */
const PDF_RESPONSE = {
  produces: ["application/pdf"],
  response: {
    200: z
      .instanceof(Buffer)
      .meta({ type: "string", format: "binary" })
      .describe("The handout, application/pdf (a download: Content-Disposition attachment)"),
  },
};

function pdfFileName(clientName: string): string {
  const slug = clientName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `home-care-${slug || "plan"}.pdf`;
}

export const homeCareRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/clients/:id/home-care",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["home care"],
        summary:
          "A client's home-care plan: the saved one, or one built now from the treated muscles (audited)",
        params: IdParamsSchema,
        response: { 200: HomeCarePlanSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const client = await clientOf(db, scope.clinicId, request.params.id);
      const plan = await homeCareFor(db, scope.clinicId, client);
      await audited(db, scope, request, "read", "home_care_plan", plan.id, client.id);
      return plan;
    },
  );

  app.get(
    "/clients/:id/home-care/suggested",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["home care"],
        summary: "A fresh home-care plan from every muscle treated in the client's sessions (not saved)",
        params: IdParamsSchema,
        response: { 200: z.array(HomeCareItemSchema) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const client = await clientOf(db, scope.clinicId, request.params.id);
      const items = await suggestedItems(db, scope.clinicId, client.id);
      await audited(db, scope, request, "read", "home_care_plan", null, client.id);
      return items;
    },
  );

  app.put(
    "/clients/:id/home-care",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["home care"],
        summary: "Save the home-care plan as edited (items added, removed, changed) and share it or not",
        params: IdParamsSchema,
        body: HomeCareSaveSchema,
        response: { 200: HomeCarePlanSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const client = await clientOf(db, scope.clinicId, request.params.id);
      const { items, shared } = request.body;
      items.forEach((item, index) => {
        if (item.muscleId !== null && !isMuscleId(item.muscleId))
          throw badRequest(
            "unknown_muscle",
            `No muscle "${item.muscleId.slice(0, 60)}" in the atlas.`,
            `items[${index}].muscleId`,
          );
      });
      await saveHomeCare(db, scope.clinicId, client.id, items as HomeCareItem[], shared, scope.userId);
      const row = await homeCareRow(db, scope.clinicId, client.id);
      await audited(db, scope, request, "update", "home_care_plan", row?.id ?? null, client.id);
      return toHomeCarePlan(client, row, items as HomeCareItem[]);
    },
  );

  app.get(
    "/clients/:id/home-care.pdf",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["home care"],
        summary: "The client's home-care handout as a PDF (the saved plan, or the one built now; audited)",
        params: IdParamsSchema,
        description: "Answers `application/pdf` (a download: Content-Disposition attachment).",
        ...PDF_RESPONSE,
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const client = await clientOf(db, scope.clinicId, request.params.id);
      const plan = await homeCareFor(db, scope.clinicId, client);
      const pdf = await handoutPdf(db, scope.clinicId, plan);
      await audited(db, scope, request, "export", "home_care_plan", plan.id, client.id);
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${pdfFileName(client.name)}"`)
        .send(pdf);
    },
  );

  app.get(
    "/me/home-care",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["home care"],
        summary: "Your home-care plan, once your therapist has shared it",
        response: { 200: MyHomeCareSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const client = await clientOf(db, scope.clinicId, ownClientId(scope));
      const row = await homeCareRow(db, scope.clinicId, client.id);
      if (!row?.shared) return { plan: null };
      return { plan: toHomeCarePlan(client, row, row.items as HomeCareItem[]) };
    },
  );

  app.get(
    "/me/home-care.pdf",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["home care"],
        summary: "Your home-care handout as a PDF (404 until your therapist shares a plan)",
        description: "Answers `application/pdf` (a download: Content-Disposition attachment).",
        ...PDF_RESPONSE,
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const client = await clientOf(db, scope.clinicId, ownClientId(scope));
      const row = await homeCareRow(db, scope.clinicId, client.id);
      if (!row?.shared) throw notFound("Your therapist has not shared a home-care plan yet.");
      const pdf = await handoutPdf(
        db,
        scope.clinicId,
        toHomeCarePlan(client, row, row.items as HomeCareItem[]),
      );
      return reply
        .type("application/pdf")
        .header("content-disposition", `attachment; filename="${pdfFileName(client.name)}"`)
        .send(pdf);
    },
  );
};
