/**
 * Consultation and session charting API (docs/product.md F6; route table in src/core/api/charting.ts).
 * Every read and write of a chart is audited; a refusal carries no chart text.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AddHoldRequestSchema,
  AmendChartRequestSchema,
  type Chart,
  ChartHistorySchema,
  ChartOpeningSchema,
  ChartParamsSchema,
  ChartSavedSchema,
  ChartSchema,
  ClientTimelineSchema,
  CreateChartRequestSchema,
  HoldRecordedSchema,
  MySessionSummariesSchema,
  PointParamsSchema,
  PointSavedSchema,
  SaveChartRequestSchema,
  SignChartRequestSchema,
  type TimelineSession,
  TriggerPointFieldsSchema,
  TriggerPointInputSchema,
  UnsignedNotesSchema,
} from "../../core/api/charting";
import { IdParamsSchema } from "../../core/api/clinic";
import {
  amendedState,
  amendmentHistory,
  type ChartState,
  holdSecondsToRecord,
  plainSessionSummary,
  pointsToCheckFirst,
  treatedMuscles,
} from "../../core/charting";
import { rankMuscles } from "../../core/finder";
import { classifyChronicity, type IntakeDraft } from "../../core/intake";
import { type AuditAction, type AuditEntity, recordAudit } from "../audit/audit";
import { CLINICAL, ownClientId, type Scope, STAFF, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import {
  appointments,
  clients,
  clinics,
  DEFAULT_CLINIC_POLICIES,
  services,
  therapists,
  treatmentSessions,
  users,
} from "../db/schema";
import { badRequest, notFound } from "../http/errors";
import { loadClientScreeningFacts, staffScreeningOf } from "../intake/facts";
import { flagsOf } from "../intake/findings";
import { type Charting, type ChartRight, chartingContext, chartRight, requireRight } from "./access";
import {
  type AmendmentRow,
  addPoint,
  amendChart,
  type ChartRow,
  type ChartSummaryRow,
  createChart,
  loadAmendments,
  loadChartByAppointment,
  loadChartRow,
  loadClientTimeline,
  loadPoints,
  loadSignedStates,
  loadUnsignedCharts,
  recordHold,
  removePoint,
  replacePoint,
  saveChart,
  sessionColumns,
  signChart,
  type TimelineChart,
  toChartRow,
} from "./store";

const CLIENT_ONLY = ["client"] as const;
const PREVIOUS_SESSIONS = 10;
const MS_PER_HOUR = 3_600_000;

interface Audited {
  action: AuditAction;
  entity: AuditEntity;
  entityId: string | null;
  clientId: string | null;
}

function audit(db: Db, scope: Scope, ip: string, event: Audited) {
  return recordAudit(db, {
    clinicId: scope.clinicId,
    actorUserId: scope.userId,
    actorRole: scope.role,
    ip,
    ...event,
  });
}

function fullName(row: { firstName: string; lastName: string }): string {
  return `${row.firstName} ${row.lastName}`;
}

/**
 * The chart, the caller's right on it, and the clinic's charting context, in one query (every chart
 * route starts here); 404 for another clinic's or an unknown chart, 403 without the right.
 */
async function chartFor(db: Db, scope: Scope, chartId: string, need: "read" | "write") {
  const [found] = await db
    .select({
      ...sessionColumns,
      policies: clinics.policies,
      ownTherapistId: therapists.id,
    })
    .from(clinics)
    .leftJoin(
      treatmentSessions,
      and(eq(treatmentSessions.clinicId, clinics.id), eq(treatmentSessions.id, chartId)),
    )
    .leftJoin(therapists, and(eq(therapists.clinicId, clinics.id), eq(therapists.userId, scope.userId)))
    .where(eq(clinics.id, scope.clinicId))
    .limit(1);
  if (!found?.id) throw notFound("Chart not found.");
  const { policies, ownTherapistId, ...session } = found;
  const row = toChartRow(session);
  const charting: Charting = { ownTherapistId, policies: { ...DEFAULT_CLINIC_POLICIES, ...policies } };
  const right = chartRight(scope, charting, row.therapistId);
  requireRight(right, need);
  return { row, charting, right };
}

async function partiesOf(db: Db, row: ChartRow) {
  const [parties] = await db
    .select({
      firstName: clients.firstName,
      lastName: clients.lastName,
      therapistName: therapists.displayName,
    })
    .from(clients)
    .innerJoin(therapists, and(eq(therapists.clinicId, clients.clinicId), eq(therapists.id, row.therapistId)))
    .where(and(eq(clients.clinicId, row.clinicId), eq(clients.id, row.clientId)));
  const [appointment] = row.appointmentId
    ? await db
        .select({ startsAt: appointments.startsAt })
        .from(appointments)
        .where(and(eq(appointments.clinicId, row.clinicId), eq(appointments.id, row.appointmentId)))
    : [];
  const [signer] = row.signedBy
    ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.signedBy))
    : [];
  return {
    client: { id: row.clientId, name: parties ? fullName(parties) : "" },
    therapistName: parties?.therapistName ?? "",
    startsAt: appointment?.startsAt.toISOString() ?? null,
    signedBy: signer ?? null,
  };
}

function amendmentView(a: AmendmentRow) {
  return {
    id: a.id,
    author: a.authorId ? { id: a.authorId, name: a.authorName ?? "" } : null,
    createdAt: a.createdAt,
    reason: a.reason,
    changes: a.changes,
  };
}

async function chartView(db: Db, row: ChartRow, charting: Charting, right: ChartRight): Promise<Chart> {
  const [parties, points, amendments] = await Promise.all([
    partiesOf(db, row),
    loadPoints(db, row.clinicId, [row.id]),
    loadAmendments(db, row.clinicId, [row.id]),
  ]);
  const list = amendments.get(row.id) ?? [];
  const state = amendedState({ note: row.note, points: points.get(row.id) ?? [] }, list);
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    kind: row.kind,
    client: parties.client,
    therapist: {
      id: row.therapistId,
      name: parties.therapistName,
      isYou: charting.ownTherapistId === row.therapistId,
    },
    startsAt: parties.startsAt,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    signedAt: row.signedAt?.toISOString() ?? null,
    signedBy: parties.signedBy,
    note: state.note,
    points: state.points,
    amendments: list.map(amendmentView),
    canWrite: right === "write",
  };
}

function timelineSession(row: ChartSummaryRow, state: ChartState, amended: boolean): TimelineSession {
  const points = state.points;
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    kind: row.kind,
    date: row.date.toISOString(),
    therapist: { id: row.therapistId, name: row.therapistName },
    signed: row.signedAt !== null,
    amended,
    painBefore: state.note.painBefore,
    painAfter: state.note.painAfter,
    points: {
      treated: points.length,
      released: points.filter((p) => p.release === "full").length,
      active: points.filter((p) => p.active).length,
      latent: points.filter((p) => !p.active).length,
    },
    muscles: treatedMuscles(state).map((m) => ({
      muscleId: m.muscleId,
      points: m.points,
      released: m.released,
    })),
    consultation: state.note.consultation
      ? { posture: state.note.consultation.posture, movement: state.note.consultation.movement }
      : null,
  };
}

/** Timeline entries, oldest first (amendments applied). */
function timelineSessions(charts: TimelineChart[]): TimelineSession[] {
  return charts.map(({ row, points, amendments }) =>
    timelineSession(row, amendedState({ note: row.note, points }, amendments), amendments.length > 0),
  );
}

/** A client's charts as timeline entries, oldest first (amendments applied); one query. */
async function clinicalTimeline(db: Db, clinicId: string, clientId: string): Promise<TimelineSession[]> {
  const read = await loadClientTimeline(db, clinicId, clientId, { content: true });
  return timelineSessions(read?.charts ?? []);
}

async function loadAppointment(db: Db, clinicId: string, appointmentId: string) {
  const [row] = await db
    .select({
      id: appointments.id,
      clinicId: appointments.clinicId,
      startsAt: appointments.startsAt,
      status: appointments.status,
      firstVisit: appointments.firstVisit,
      clientId: appointments.clientId,
      therapistId: appointments.therapistId,
      therapistName: therapists.displayName,
      serviceName: services.name,
      serviceKind: services.kind,
      firstName: clients.firstName,
      lastName: clients.lastName,
    })
    .from(appointments)
    .innerJoin(
      clients,
      and(eq(clients.clinicId, appointments.clinicId), eq(clients.id, appointments.clientId)),
    )
    .innerJoin(
      therapists,
      and(eq(therapists.clinicId, appointments.clinicId), eq(therapists.id, appointments.therapistId)),
    )
    .innerJoin(
      services,
      and(eq(services.clinicId, appointments.clinicId), eq(services.id, appointments.serviceId)),
    )
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.id, appointmentId)));
  if (!row) throw notFound("Appointment not found.");
  return row;
}

function chronicityOf(answers: IntakeDraft): "recent" | "chronic" | null {
  const duration = answers.duration;
  if (duration?.amount === undefined || duration.unit === undefined) return null;
  return classifyChronicity({ amount: duration.amount, unit: duration.unit });
}

export const chartingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const tags = ["charting"];

  app.get(
    "/appointments/:id/chart",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary:
          "Open the chart of an appointment: the chart (if created) and the prepared summary (audited)",
        description:
          "The prepared summary holds the latest intake's answers, screening flags and clearances, the marked regions and the finder's ranking, the points to check first, and the client's previous sessions.",
        params: IdParamsSchema,
        response: { 200: ChartOpeningSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const [appointment, charting] = await Promise.all([
        loadAppointment(db, scope.clinicId, request.params.id),
        chartingContext(db, scope),
      ]);
      const right = chartRight(scope, charting, appointment.therapistId);
      requireRight(right, "read");
      const [chartRow, facts, previous] = await Promise.all([
        loadChartByAppointment(db, scope.clinicId, appointment.id),
        loadClientScreeningFacts(db, scope.clinicId, appointment.clientId),
        clinicalTimeline(db, scope.clinicId, appointment.clientId),
      ]);
      const chart = chartRow ? await chartView(db, chartRow, charting, right) : null;
      const intake = facts.submitted;
      const marked = intake?.answers.areasOfConcern ?? [];
      const finder = rankMuscles(marked, { limit: 10 });
      const posture = chart?.note.consultation?.posture.map((p) => p.id) ?? [];
      const ip = request.ip;
      await audit(db, scope, ip, {
        action: "read",
        entity: "chart",
        entityId: chartRow?.id ?? null,
        clientId: appointment.clientId,
      });
      await audit(db, scope, ip, {
        action: "read",
        entity: "intake",
        entityId: intake?.id ?? null,
        clientId: appointment.clientId,
      });
      return {
        appointment: {
          id: appointment.id,
          startsAt: appointment.startsAt.toISOString(),
          status: appointment.status,
          firstVisit: appointment.firstVisit,
          service: appointment.serviceName,
        },
        client: { id: appointment.clientId, name: fullName(appointment) },
        therapist: {
          id: appointment.therapistId,
          name: appointment.therapistName,
          isYou: charting.ownTherapistId === appointment.therapistId,
        },
        chart,
        canWrite: right === "write",
        defaultHoldSeconds: charting.policies.defaultHoldSeconds,
        prepared: {
          firstVisit: appointment.firstVisit,
          intake: intake
            ? {
                version: intake.version,
                submittedAt: intake.submittedAt.toISOString(),
                answers: intake.answers,
                chronicity: chronicityOf(intake.answers),
              }
            : null,
          flags: flagsOf(staffScreeningOf(facts)),
          clearances: facts.clearances,
          markedRegions: marked.map((m) => ({ id: m.id, intensity: m.intensity ?? 5 })),
          finder,
          checkFirst: pointsToCheckFirst(finder, posture),
          previousSessions: previous
            .filter((s) => s.id !== chartRow?.id)
            .reverse()
            .slice(0, PREVIOUS_SESSIONS),
        },
      };
    },
  );

  app.post(
    "/appointments/:id/chart",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary: "Create the chart of an appointment (the treating therapist or the owner); idempotent",
        params: IdParamsSchema,
        body: CreateChartRequestSchema,
        response: { 200: ChartSchema, 201: ChartSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const [appointment, charting] = await Promise.all([
        loadAppointment(db, scope.clinicId, request.params.id),
        chartingContext(db, scope),
      ]);
      const right = chartRight(scope, charting, appointment.therapistId);
      requireRight(right, "write");
      if (appointment.status !== "confirmed" && appointment.status !== "completed") {
        throw badRequest("not_chartable", "Only a confirmed or completed appointment is charted.");
      }
      const kind =
        request.body.kind ??
        (appointment.firstVisit || appointment.serviceKind === "consultation" ? "consultation" : "session");
      const { row, created } = await createChart(db, {
        clinicId: scope.clinicId,
        appointmentId: appointment.id,
        clientId: appointment.clientId,
        therapistId: appointment.therapistId,
        kind,
      });
      await audit(db, scope, request.ip, {
        action: created ? "create" : "read",
        entity: "chart",
        entityId: row.id,
        clientId: row.clientId,
      });
      reply.status(created ? 201 : 200);
      return chartView(db, row, charting, right);
    },
  );

  app.get(
    "/charts/unsigned",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary: "Unsigned notes older than the clinic's limit: the owner sees all, a therapist their own",
        response: { 200: UnsignedNotesSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const charting = await chartingContext(db, scope);
      const limitHours = charting.policies.unsignedNoteLimitHours;
      const now = Date.now();
      const mine = scope.role === "owner" ? null : charting.ownTherapistId;
      if (scope.role !== "owner" && !mine) return { limitHours, notes: [] };
      const rows = await loadUnsignedCharts(
        db,
        scope.clinicId,
        new Date(now - limitHours * MS_PER_HOUR),
        mine,
      );
      const clientIds = [...new Set(rows.map((r) => r.clientId))];
      const names = clientIds.length
        ? await db
            .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName })
            .from(clients)
            .where(and(eq(clients.clinicId, scope.clinicId), inArray(clients.id, clientIds)))
        : [];
      const nameOf = new Map(names.map((n) => [n.id, fullName(n)]));
      return {
        limitHours,
        notes: rows.map((r) => ({
          chartId: r.id,
          appointmentId: r.appointmentId,
          client: { id: r.clientId, name: nameOf.get(r.clientId) ?? "" },
          therapist: { id: r.therapistId, name: r.therapistName },
          date: (r.startsAt ?? r.createdAt).toISOString(),
          hoursOpen: Math.floor((now - r.createdAt.getTime()) / MS_PER_HOUR),
        })),
      };
    },
  );

  app.get(
    "/charts/:id",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary:
          "A chart as it stands: the note and its trigger points with every amendment applied (audited)",
        params: ChartParamsSchema,
        response: { 200: ChartSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { row, charting, right } = await chartFor(db, scope, request.params.id, "read");
      await audit(db, scope, request.ip, {
        action: "read",
        entity: "chart",
        entityId: row.id,
        clientId: row.clientId,
      });
      return chartView(db, row, charting, right);
    },
  );

  app.put(
    "/charts/:id",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary: "Autosave an unsigned chart: the note and, when given, its whole list of points",
        description:
          "`version` must be the chart's current version (409 version_conflict otherwise); the answer carries the next one. A signed note is refused with 409 signed.",
        params: ChartParamsSchema,
        body: SaveChartRequestSchema,
        response: { 200: ChartSavedSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { row } = await chartFor(db, scope, request.params.id, "write");
      const { version, note, points } = request.body;
      const saved = await saveChart(
        db,
        scope.clinicId,
        row.id,
        { version, note, ...(points ? { points } : {}) },
        new Date(),
      );
      await audit(db, scope, request.ip, {
        action: "update",
        entity: "chart",
        entityId: row.id,
        clientId: row.clientId,
      });
      return { version: saved.version, updatedAt: saved.updatedAt.toISOString() };
    },
  );

  app.post(
    "/charts/:id/points",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary:
          "Add a trigger point to an unsigned chart (an id chosen by the device makes a replay harmless)",
        params: ChartParamsSchema,
        body: TriggerPointInputSchema,
        response: { 201: PointSavedSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { row } = await chartFor(db, scope, request.params.id, "write");
      const { id, ...fields } = request.body;
      const saved = await addPoint(
        db,
        scope.clinicId,
        row.id,
        { id: id ?? crypto.randomUUID(), ...fields },
        new Date(),
      );
      await audit(db, scope, request.ip, {
        action: "create",
        entity: "trigger_point",
        entityId: saved.point.id,
        clientId: row.clientId,
      });
      reply.status(201);
      return saved;
    },
  );

  app.put(
    "/charts/:id/points/:pointId",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary: "Replace a trigger point of an unsigned chart",
        params: PointParamsSchema,
        body: TriggerPointFieldsSchema,
        response: { 200: PointSavedSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { row } = await chartFor(db, scope, request.params.id, "write");
      const saved = await replacePoint(
        db,
        scope.clinicId,
        row.id,
        { id: request.params.pointId, ...request.body },
        new Date(),
      );
      await audit(db, scope, request.ip, {
        action: "update",
        entity: "trigger_point",
        entityId: saved.point.id,
        clientId: row.clientId,
      });
      return saved;
    },
  );

  app.delete(
    "/charts/:id/points/:pointId",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary: "Remove a trigger point from an unsigned chart",
        params: PointParamsSchema,
        response: { 200: ChartSavedSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { row } = await chartFor(db, scope, request.params.id, "write");
      const saved = await removePoint(db, scope.clinicId, row.id, request.params.pointId, new Date());
      await audit(db, scope, request.ip, {
        action: "delete",
        entity: "trigger_point",
        entityId: request.params.pointId,
        clientId: row.clientId,
      });
      return { version: saved.version, updatedAt: saved.updatedAt.toISOString() };
    },
  );

  app.post(
    "/charts/:id/points/:pointId/holds",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary:
          "Add one hold to a trigger point: holds add up (never more than the time between start and end)",
        params: PointParamsSchema,
        body: AddHoldRequestSchema,
        response: { 200: HoldRecordedSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { row } = await chartFor(db, scope, request.params.id, "write");
      const { seconds, startedAt, endedAt } = request.body;
      const recordedSeconds = holdSecondsToRecord({
        seconds,
        ...(startedAt && endedAt ? { startedAt: Date.parse(startedAt), endedAt: Date.parse(endedAt) } : {}),
      });
      const saved = await recordHold(
        db,
        scope.clinicId,
        row.id,
        request.params.pointId,
        recordedSeconds,
        new Date(),
      );
      await audit(db, scope, request.ip, {
        action: "add-hold",
        entity: "trigger_point",
        entityId: saved.point.id,
        clientId: row.clientId,
      });
      return { ...saved, recordedSeconds };
    },
  );

  app.post(
    "/charts/:id/sign",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary: "Sign and lock a chart (the treating therapist or the owner); later changes are amendments",
        params: ChartParamsSchema,
        body: SignChartRequestSchema,
        response: { 200: ChartSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { row, charting, right } = await chartFor(db, scope, request.params.id, "write");
      await signChart(db, scope.clinicId, row.id, request.body.version, scope.userId, new Date());
      await audit(db, scope, request.ip, {
        action: "sign",
        entity: "chart",
        entityId: row.id,
        clientId: row.clientId,
      });
      const signed = await loadChartRow(db, scope.clinicId, row.id);
      if (!signed) throw notFound("Chart not found.");
      return chartView(db, signed, charting, right);
    },
  );

  app.post(
    "/charts/:id/amendments",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary: "Amend a signed chart, with a reason; the original stays as signed",
        params: ChartParamsSchema,
        body: AmendChartRequestSchema,
        response: { 201: ChartSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const { row, charting, right } = await chartFor(db, scope, request.params.id, "write");
      const id = await amendChart(
        db,
        scope.clinicId,
        row.id,
        { reason: request.body.reason, changes: request.body.changes, authorId: scope.userId },
        new Date(),
      );
      await audit(db, scope, request.ip, {
        action: "amend",
        entity: "chart",
        entityId: id,
        clientId: row.clientId,
      });
      reply.status(201);
      return chartView(db, row, charting, right);
    },
  );

  app.get(
    "/charts/:id/history",
    {
      config: { access: CLINICAL },
      schema: {
        tags,
        summary:
          "A chart's history: the signed original, then each amendment with the chart after it (audited)",
        params: ChartParamsSchema,
        response: { 200: ChartHistorySchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { row } = await chartFor(db, scope, request.params.id, "read");
      const [points, amendments] = await Promise.all([
        loadPoints(db, scope.clinicId, [row.id]),
        loadAmendments(db, scope.clinicId, [row.id]),
      ]);
      const list = amendments.get(row.id) ?? [];
      const history = amendmentHistory({ note: row.note, points: points.get(row.id) ?? [] }, list);
      await audit(db, scope, request.ip, {
        action: "read",
        entity: "chart",
        entityId: row.id,
        clientId: row.clientId,
      });
      const [original, ...entries] = history;
      return {
        chartId: row.id,
        signedAt: row.signedAt?.toISOString() ?? null,
        original: original?.state ?? { note: row.note, points: [] },
        entries: entries.map((e) => ({
          amendment: amendmentView(e.amendment as AmendmentRow),
          state: e.state,
        })),
      };
    },
  );

  app.get(
    "/clients/:id/charts",
    {
      config: { access: STAFF },
      schema: {
        tags,
        summary:
          "A client's chart timeline (audited): owner and therapists see pain, points and findings; the front desk only that sessions were charted",
        params: IdParamsSchema,
        response: { 200: ClientTimelineSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clientId = request.params.id;
      const desk = scope.role === "front_desk";
      // The client and their charts in one read; the desk's read carries no clinical content.
      const read = await loadClientTimeline(db, scope.clinicId, clientId, { content: !desk });
      if (!read) throw notFound("Client not found.");
      const ref = { id: clientId, name: fullName(read.client) };
      if (desk) {
        await audit(db, scope, request.ip, {
          action: "read",
          entity: "chart_timeline",
          entityId: null,
          clientId,
        });
        return {
          audience: "desk" as const,
          client: ref,
          sessions: read.charts.map(({ row: r }) => ({
            id: r.id,
            appointmentId: r.appointmentId,
            date: r.date.toISOString(),
            therapist: { id: r.therapistId, name: r.therapistName },
            signed: r.signedAt !== null,
          })),
        };
      }
      const charting = await chartingContext(db, scope);
      const sessions = timelineSessions(read.charts);
      // A therapist who may not read others' charts sees their own sessions' content only.
      const visible =
        scope.role === "therapist" && !charting.policies.therapistsReadAllCharts
          ? sessions.filter((s) => s.therapist.id === charting.ownTherapistId)
          : sessions;
      await audit(db, scope, request.ip, {
        action: "read",
        entity: "chart_timeline",
        entityId: null,
        clientId,
      });
      return { audience: "clinical" as const, client: ref, sessions: visible };
    },
  );

  app.get(
    "/me/sessions",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags,
        summary: "Your sessions in plain words: muscles worked on, pain before and after, what to do next",
        response: { 200: MySessionSummariesSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const signed = await loadSignedStates(db, scope.clinicId, clientId);
      await audit(db, scope, request.ip, {
        action: "read",
        entity: "session_summary",
        entityId: null,
        clientId,
      });
      return {
        sessions: signed.map(({ row, state }) => ({
          id: row.id,
          date: row.date.toISOString(),
          therapist: row.therapistName,
          ...plainSessionSummary(state),
        })),
      };
    },
  );
};
