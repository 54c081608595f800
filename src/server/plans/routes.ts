/**
 * Treatment plan API (docs/product.md F7; route list in src/core/api/plans.ts): the clinic's plan
 * rule, the suggestion, plan CRUD for the owner and therapists, the client's own plan, booking the
 * series, and the therapist's prompts (re-assessment due, flagged check-ins).
 */
import { and, eq, gte, inArray } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { IdParamsSchema } from "../../core/api/clinic";
import {
  MyPlanSchema,
  type Plan,
  PlanAlertsSchema,
  PlanCreateSchema,
  PlanRuleSettingsSchema,
  PlanSchema,
  PlanSuggestionResponseSchema,
  PlanUpdateSchema,
  SeriesBookRequestSchema,
  SeriesBookResultSchema,
  SeriesOfferQuerySchema,
  SeriesOfferSchema,
} from "../../core/api/plans";
import { durationInDays } from "../../core/intake";
import { suggestPlan } from "../../core/plans";
import { instantToLocal } from "../../core/scheduling";
import { recordAudit } from "../audit/audit";
import type { AuditAction, AuditEntity } from "../audit/vocabulary";
import { CLINICAL, OWNER, ownClientId, type Scope, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import { planRuleSettings, services, sorenessCheckIns, therapists, treatmentPlans } from "../db/schema";
import { badRequest, notFound } from "../http/errors";
import { loadSubmittedIntake } from "../intake/facts";
import { type ClinicInfo, clinicById } from "../scheduling/schedule";
import { checkInOf, checkInRows } from "./check-ins";
import { clientOf, loadSessions } from "./facts";
import { bookSeries, offerSeries } from "./series";
import { currentPlan, openPlanClients, planById, planRow, planRuleOf, plansOfClient } from "./store";

const CLIENT_ONLY = ["client"] as const;
const MS_PER_DAY = 86_400_000;

export function audited(
  db: Db,
  scope: Scope,
  request: { ip: string },
  action: AuditAction,
  entity: AuditEntity,
  entityId: string | null,
  clientId: string | null,
) {
  return recordAudit(db, {
    clinicId: scope.clinicId,
    actorUserId: scope.userId,
    actorRole: scope.role,
    action,
    entity,
    entityId,
    clientId,
    ip: request.ip,
  });
}

/** The therapist row of the caller, if they are one. */
async function callerTherapistId(db: Db, scope: Scope): Promise<string | null> {
  const [row] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.clinicId, scope.clinicId), eq(therapists.userId, scope.userId)));
  return row?.id ?? null;
}

async function requireTherapist(db: Db, clinicId: string, therapistId: string) {
  const [row] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.clinicId, clinicId), eq(therapists.id, therapistId)));
  if (!row) throw badRequest("unknown_therapist", "No such therapist at this clinic.", "therapistId");
}

async function requireService(db: Db, clinicId: string, serviceId: string) {
  const [row] = await db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.clinicId, clinicId), eq(services.id, serviceId)));
  if (!row) throw badRequest("unknown_service", "No such service at this clinic.", "serviceId");
}

/** The usual follow-up: the clinic's active session service closest to 60 minutes. */
async function defaultServiceId(db: Db, clinicId: string): Promise<string | null> {
  const rows = await db
    .select({ id: services.id, durationMin: services.durationMin })
    .from(services)
    .where(and(eq(services.clinicId, clinicId), eq(services.kind, "session"), eq(services.active, true)));
  rows.sort((a, b) => Math.abs(a.durationMin - 60) - Math.abs(b.durationMin - 60));
  return rows[0]?.id ?? null;
}

function today(clinic: ClinicInfo, now = Date.now()): string {
  return instantToLocal(now, clinic.timeZone).date;
}

function tomorrow(clinic: ClinicInfo, now = Date.now()): string {
  return instantToLocal(now + MS_PER_DAY, clinic.timeZone).date;
}

/** What the rule reads for one client: intake duration and pain, and the latest charted pain. */
async function suggestionFor(db: Db, clinicId: string, clientId: string) {
  const [intake, sessions, rule] = await Promise.all([
    loadSubmittedIntake(db, clinicId, clientId),
    loadSessions(db, clinicId, clientId),
    planRuleOf(db, clinicId),
  ]);
  const answers = intake?.answers;
  const duration = answers?.duration;
  const durationDays =
    duration?.amount !== undefined && duration.unit !== undefined
      ? durationInDays({ amount: duration.amount, unit: duration.unit })
      : null;
  const painNow = answers?.pain?.now ?? null;
  const painWorst = answers?.pain?.worst ?? null;
  const consultationPain = [...sessions].reverse().find((s) => s.painBefore !== null)?.painBefore ?? null;
  const suggestion = suggestPlan({ durationDays, painScores: [painNow, painWorst, consultationPain] }, rule);
  return {
    suggestion,
    inputs: { durationDays, painNow, painWorst, consultationPain, goals: answers?.goals ?? null },
  };
}

/** The client's view of a plan: the therapist's notes are theirs alone. */
function forClient(plan: Plan) {
  const { notes: _notes, ...rest } = plan;
  return rest;
}

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const publicUrl = app.config.publicUrl;

  // ---- The plan rule.

  app.get(
    "/clinic/plan-rule",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["plans"],
        summary: "The clinic's plan-rule thresholds (the defaults until the owner changes them)",
        response: { 200: PlanRuleSettingsSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const rule = await planRuleOf(db, scope.clinicId);
      return {
        ...rule,
        shortCourse: [...rule.shortCourse],
        course: [...rule.course],
        maintenanceWeeks: [...rule.maintenanceWeeks],
      } as z.infer<typeof PlanRuleSettingsSchema>;
    },
  );

  app.put(
    "/clinic/plan-rule",
    {
      config: { access: OWNER },
      schema: {
        tags: ["plans"],
        summary: "Change the plan-rule thresholds (owner)",
        body: PlanRuleSettingsSchema,
        response: { 200: PlanRuleSettingsSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      await db
        .insert(planRuleSettings)
        .values({ clinicId: scope.clinicId, settings: request.body, updatedAt: new Date() })
        .onConflictDoUpdate({
          target: planRuleSettings.clinicId,
          set: { settings: request.body, updatedAt: new Date() },
        });
      await audited(db, scope, request, "update", "plan_rule", scope.clinicId, null);
      return request.body;
    },
  );

  // ---- Plans (staff).

  app.get(
    "/clients/:id/plan-suggestion",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["plans"],
        summary: "The plan the rule suggests from the client's intake and latest consultation (audited)",
        params: IdParamsSchema,
        response: { 200: PlanSuggestionResponseSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const client = await clientOf(db, scope.clinicId, request.params.id);
      const result = await suggestionFor(db, scope.clinicId, client.id);
      await audited(db, scope, request, "read", "treatment_plan", null, client.id);
      return result;
    },
  );

  app.get(
    "/clients/:id/plans",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["plans"],
        summary: "A client's treatment plans, newest first, with planned vs done (audited)",
        params: IdParamsSchema,
        response: { 200: z.array(PlanSchema) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const client = await clientOf(db, scope.clinicId, request.params.id);
      const clinic = await clinicById(db, scope.clinicId);
      const plans = await plansOfClient(db, clinic, client.id);
      await audited(db, scope, request, "read", "treatment_plan", null, client.id);
      return plans;
    },
  );

  app.post(
    "/clients/:id/plans",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["plans"],
        summary: "Make a treatment plan for a client (the rule's suggestion is kept beside it)",
        params: IdParamsSchema,
        body: PlanCreateSchema,
        response: { 201: PlanSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const body = request.body;
      const client = await clientOf(db, scope.clinicId, request.params.id);
      const clinic = await clinicById(db, scope.clinicId);
      const therapistId = body.therapistId ?? (await callerTherapistId(db, scope));
      if (therapistId) await requireTherapist(db, scope.clinicId, therapistId);
      const serviceId = body.serviceId ?? (await defaultServiceId(db, scope.clinicId));
      if (serviceId) await requireService(db, scope.clinicId, serviceId);
      const { suggestion, inputs } = await suggestionFor(db, scope.clinicId, client.id);
      const [row] = await db
        .insert(treatmentPlans)
        .values({
          clinicId: scope.clinicId,
          clientId: client.id,
          plannedSessions: body.plannedSessions,
          sessionIntervalDays: body.sessionIntervalDays,
          maintenanceIntervalWeeks:
            body.maintenanceIntervalWeeks === undefined
              ? suggestion.maintenanceIntervalWeeks
              : body.maintenanceIntervalWeeks,
          goals: body.goals || inputs.goals || "",
          notes: body.notes,
          therapistId,
          serviceId,
          startsOn: body.startsOn ?? today(clinic),
          baselinePain: inputs.consultationPain ?? inputs.painNow,
          details: { suggestion },
          createdBy: scope.userId,
        })
        .returning({ id: treatmentPlans.id });
      if (!row) throw new Error("plan insert returned nothing");
      await audited(db, scope, request, "create", "treatment_plan", row.id, client.id);
      reply.status(201);
      return planById(db, clinic, row.id);
    },
  );

  app.get(
    "/plans/alerts",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["plans"],
        summary:
          "Re-assessment prompts (planned sessions done, pain down less than the clinic's target) and flagged soreness check-ins of the last 14 days; a therapist sees their own plans' clients",
        response: { 200: PlanAlertsSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clinic = await clinicById(db, scope.clinicId);
      const mine = scope.role === "therapist" ? await callerTherapistId(db, scope) : null;
      const clientIds = await openPlanClients(db, scope.clinicId, mine, 50);
      const reassessments: z.infer<typeof PlanAlertsSchema>["reassessments"] = [];
      for (const clientId of clientIds) {
        const plan = (await plansOfClient(db, clinic, clientId))[0];
        if (
          plan?.progress.reassessment.due &&
          plan.progress.reassessment.message &&
          plan.status !== "cancelled"
        )
          reassessments.push({
            planId: plan.id,
            clientId,
            clientName: plan.clientName,
            message: plan.progress.reassessment.message,
          });
      }
      const since = new Date(Date.now() - 14 * MS_PER_DAY);
      const flaggedRows = await checkInRows(
        db,
        and(
          eq(sorenessCheckIns.clinicId, scope.clinicId),
          eq(sorenessCheckIns.flagged, true),
          gte(sorenessCheckIns.answeredAt, since),
          mine
            ? inArray(
                sorenessCheckIns.clientId,
                clientIds.length ? clientIds : ["00000000-0000-0000-0000-000000000000"],
              )
            : undefined,
        ),
      );
      const flaggedCheckIns = flaggedRows.map((r) => checkInOf(r, clinic.name));
      if (reassessments.length > 0 || flaggedCheckIns.length > 0)
        await audited(db, scope, request, "read", "check_in", null, null);
      return { reassessments, flaggedCheckIns };
    },
  );

  app.get(
    "/plans/:id",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["plans"],
        summary: "One treatment plan with its visits and progress (audited)",
        params: IdParamsSchema,
        response: { 200: PlanSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clinic = await clinicById(db, scope.clinicId);
      const plan = await planById(db, clinic, request.params.id);
      await audited(db, scope, request, "read", "treatment_plan", plan.id, plan.clientId);
      return plan;
    },
  );

  app.patch(
    "/plans/:id",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["plans"],
        summary: "Edit a plan: sessions, interval, goals in the client's words, therapist, status",
        params: IdParamsSchema,
        body: PlanUpdateSchema,
        response: { 200: PlanSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const body = request.body;
      const row = await planRow(db, scope.clinicId, request.params.id);
      if (body.therapistId) await requireTherapist(db, scope.clinicId, body.therapistId);
      if (body.serviceId) await requireService(db, scope.clinicId, body.serviceId);
      const set: Partial<typeof treatmentPlans.$inferInsert> = { updatedAt: new Date() };
      for (const key of [
        "plannedSessions",
        "sessionIntervalDays",
        "maintenanceIntervalWeeks",
        "goals",
        "notes",
        "therapistId",
        "serviceId",
        "status",
        "startsOn",
      ] as const) {
        if (body[key] !== undefined) (set as Record<string, unknown>)[key] = body[key];
      }
      await db
        .update(treatmentPlans)
        .set(set)
        .where(and(eq(treatmentPlans.clinicId, scope.clinicId), eq(treatmentPlans.id, row.id)));
      await audited(db, scope, request, "update", "treatment_plan", row.id, row.clientId);
      const clinic = await clinicById(db, scope.clinicId);
      return planById(db, clinic, row.id);
    },
  );

  // ---- The series.

  async function offerFor(
    scopeClinicId: string,
    plan: Plan,
    query: z.infer<typeof SeriesOfferQuerySchema>,
    channel: "online" | "staff",
  ) {
    const clinic = await clinicById(db, scopeClinicId);
    if (!plan.therapist) throw badRequest("no_therapist", "Give the plan a therapist first.", "therapistId");
    const serviceId = query.serviceId ?? plan.service?.id;
    if (!serviceId) throw badRequest("no_service", "Give the plan a service first.", "serviceId");
    const count = query.count ?? Math.max(1, plan.progress.remaining);
    const from = query.from ?? tomorrow(clinic);
    // The slot engine searches at most two years; a series starting beyond the booking horizon has nothing to offer.
    if (from < today(clinic) || from > instantToLocal(Date.now() + 400 * MS_PER_DAY, clinic.timeZone).date)
      throw badRequest("out_of_range", "Start the series between today and about a year from now.", "from");
    return offerSeries(db, {
      clinic,
      therapistId: plan.therapist.id,
      serviceId,
      from,
      count,
      intervalDays: plan.sessionIntervalDays,
      ...(query.time ? { time: query.time } : {}),
      channel,
      now: Date.now(),
    });
  }

  async function bookFor(
    scope: Scope,
    plan: Plan,
    body: z.infer<typeof SeriesBookRequestSchema>,
    channel: "online" | "staff",
  ) {
    if (!plan.therapist) throw badRequest("no_therapist", "Give the plan a therapist first.", "therapistId");
    const serviceId = body.serviceId ?? plan.service?.id;
    if (!serviceId) throw badRequest("no_service", "Give the plan a service first.", "serviceId");
    if (plan.status === "cancelled" || plan.status === "finished")
      throw badRequest("plan_closed", "This plan is closed; make a new plan to book a series.");
    return bookSeries(db, {
      clinicId: scope.clinicId,
      planId: plan.id,
      clientId: plan.clientId,
      therapistId: plan.therapist.id,
      serviceId,
      starts: body.starts,
      note: body.note || null,
      channel,
      userId: scope.userId,
      publicUrl,
    });
  }

  app.get(
    "/plans/:id/series-offer",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["plans"],
        summary: "The plan's sessions offered as a set of slots at the planned interval with its therapist",
        params: IdParamsSchema,
        querystring: SeriesOfferQuerySchema,
        response: { 200: SeriesOfferSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clinic = await clinicById(db, scope.clinicId);
      const plan = await planById(db, clinic, request.params.id);
      return offerFor(scope.clinicId, plan, request.query, "staff");
    },
  );

  app.post(
    "/plans/:id/series",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["plans"],
        summary: "Book the series: each start through the one booking path, with an answer per start",
        params: IdParamsSchema,
        body: SeriesBookRequestSchema,
        response: { 200: SeriesBookResultSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clinic = await clinicById(db, scope.clinicId);
      const plan = await planById(db, clinic, request.params.id);
      const result = await bookFor(scope, plan, request.body, "staff");
      await audited(db, scope, request, "create", "appointment", plan.id, plan.clientId);
      return result;
    },
  );

  // ---- The client's own plan.

  app.get(
    "/me/plan",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["plans"],
        summary: "Your treatment plan (the newest that is not cancelled), with your visits and progress",
        response: { 200: MyPlanSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clinic = await clinicById(db, scope.clinicId);
      const plan = await currentPlan(db, clinic, ownClientId(scope));
      return { plan: plan ? forClient(plan) : null };
    },
  );

  async function myOpenPlan(scope: Scope) {
    const clinic = await clinicById(db, scope.clinicId);
    const plan = await currentPlan(db, clinic, ownClientId(scope));
    if (!plan) throw notFound("You have no treatment plan yet.");
    return plan;
  }

  app.get(
    "/me/plan/series-offer",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["plans"],
        summary: "Your plan's remaining sessions offered as a set of times with your therapist",
        querystring: SeriesOfferQuerySchema,
        response: { 200: SeriesOfferSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return offerFor(scope.clinicId, await myOpenPlan(scope), request.query, "online");
    },
  );

  app.post(
    "/me/plan/series",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["plans"],
        summary: "Book your plan's sessions together, with an answer for each time",
        body: SeriesBookRequestSchema,
        response: { 200: SeriesBookResultSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return bookFor(scope, await myOpenPlan(scope), request.body, "online");
    },
  );
};
