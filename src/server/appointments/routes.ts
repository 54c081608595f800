import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorSchema } from "../../core/api/auth";
import { AppointmentListQuerySchema, AppointmentSchema } from "../../core/api/clinic";
import {
  AppointmentDetailSchema,
  AppointmentIdParamsSchema,
  OnlineBookingRequestSchema,
  OptionalReasonRequestSchema,
  ProposeRequestSchema,
  ProposeResponseSchema,
  ReadinessSchema,
  ReasonRequestSchema,
  RescheduleRequestSchema,
  SlugParamsSchema,
  StaffBookingRequestSchema,
} from "../../core/api/scheduling";
import { recordAudit } from "../audit/audit";
import { ANY_ROLE, type Scope, STAFF, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import { forbidden, notFound } from "../http/errors";
import { clinicById } from "../scheduling/schedule";
import { book } from "./booking";
import { firstVisitRoutes } from "./first-visit";
import { calendarRoutes } from "./ics";
import { listVisibleAppointments, loadAppointment, loadVisibleAppointment, toDetail } from "./queries";
import { canConfirm, loadReadiness } from "./readiness";
import {
  type ActionContext,
  cancel,
  confirm,
  decline,
  markOutcome,
  propose,
  reload,
  reschedule,
} from "./transitions";
import { waitlistRoutes } from "./waitlist";

const CLIENT_ONLY = ["client"] as const;

/** Error responses, documented once for every action. */
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

async function detail(db: Db, scope: Scope, id: string) {
  const row = await loadAppointment(db, scope.clinicId, id);
  if (!row) throw notFound("Appointment not found.");
  return toDetail(row, scope.userId);
}

export const appointmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const publicUrl = app.config.publicUrl;
  await app.register(waitlistRoutes);
  await app.register(calendarRoutes);
  await app.register(firstVisitRoutes);

  app.get(
    "/appointments",
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ["appointments"],
        summary: "Appointments overlapping a time range: the clinic's for staff, one's own for a client",
        querystring: AppointmentListQuerySchema,
        response: { 200: z.array(AppointmentSchema) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const from = new Date(request.query.from);
      const to = new Date(request.query.to);
      const rows = await listVisibleAppointments(db, scope, from, to);
      return rows.map((r) => ({
        id: r.id,
        status: r.status,
        source: r.source,
        startsAt: r.startsAt.toISOString(),
        endsAt: r.endsAt.toISOString(),
        firstVisit: r.firstVisit,
        client: { id: r.clientId, name: `${r.clientFirst} ${r.clientLast}` },
        therapist: { id: r.therapistId, name: r.therapistName, isYou: r.therapistUserId === scope.userId },
        service: { id: r.serviceId, name: r.serviceName, durationMin: r.durationMin },
        room: r.roomId && r.roomName ? { id: r.roomId, name: r.roomName } : null,
      }));
    },
  );
  app.post(
    "/public/clinics/:slug/appointments",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["appointments"],
        summary: "Request or book an appointment online (a signed-in client of this clinic)",
        description: [
          "Books one of the times offered by the availability search. There is no anonymous booking:",
          "a visitor first creates an account (`POST /api/auth/signup` with the clinic's slug, which signs",
          "them in), because a first visit needs their intake and consent anyway.",
          "The answer is `confirmed` for an instant-booking service, else `requested` (held until staff",
          "confirm it or `requestExpiresAt`). A first visit (no confirmed or completed appointment yet)",
          "always starts as `requested`. `409 slot_taken` when the time was taken meanwhile;",
          "`400 not_bookable` (field `start`) when it is not an offered time.",
        ].join(" "),
        params: SlugParamsSchema,
        body: OnlineBookingRequestSchema,
        response: { 201: AppointmentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      if (!scope.clientId) throw forbidden();
      const body = request.body;
      const result = await book(db, {
        clinicId: scope.clinicId,
        expectSlug: request.params.slug,
        userId: scope.userId,
        clientId: scope.clientId,
        client: request.caller?.client ?? null,
        serviceId: body.serviceId,
        ...(body.therapistId ? { therapistId: body.therapistId } : {}),
        start: Date.parse(body.start),
        note: body.note || null,
        channel: "online",
        source: "online",
        createdBy: scope.userId,
        publicUrl,
      });
      reply.status(201);
      return result.detail;
    },
  );

  app.post(
    "/appointments",
    {
      config: { access: STAFF },
      schema: {
        tags: ["appointments"],
        summary: "Book for a client (staff: phone calls, walk-ins), on the same path as online requests",
        description: [
          "For an existing client (`clientId`) or a new one (`newClient`, created without a log-in).",
          "Any whole minute inside the therapist's working hours from now to a year ahead (no minimum",
          "notice, no slot grid). Confirmed at once, except a first visit, which starts as `requested`",
          "until its intake and consent are in (then `POST /api/appointments/:id/confirm`).",
          "Staff-made requests do not expire. Source `phone`.",
        ].join(" "),
        body: StaffBookingRequestSchema,
        response: { 201: AppointmentDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const body = request.body;
      const result = await book(db, {
        clinicId: scope.clinicId,
        userId: scope.userId,
        ...(body.clientId ? { clientId: body.clientId } : {}),
        ...(body.newClient
          ? {
              newClient: {
                firstName: body.newClient.firstName,
                lastName: body.newClient.lastName,
                email: body.newClient.email ?? null,
                phone: body.newClient.phone || null,
              },
            }
          : {}),
        serviceId: body.serviceId,
        ...(body.therapistId ? { therapistId: body.therapistId } : {}),
        ...(body.roomId ? { roomId: body.roomId } : {}),
        start: Date.parse(body.start),
        note: body.note || null,
        channel: "staff",
        source: "phone",
        createdBy: scope.userId,
        publicUrl,
      });
      reply.status(201);
      return result.detail;
    },
  );

  app.get(
    "/appointments/:id",
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ["appointments"],
        summary: "One appointment (staff of the clinic, or the client whose it is; 404 otherwise)",
        params: AppointmentIdParamsSchema,
        response: { 200: AppointmentDetailSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return toDetail(await loadVisibleAppointment(db, scope, request.params.id), scope.userId);
    },
  );

  app.get(
    "/appointments/:id/readiness",
    {
      config: { access: STAFF },
      schema: {
        tags: ["appointments"],
        summary: "Whether a request can be confirmed now, and every reason it cannot (audited)",
        description:
          "A first visit needs a submitted intake, the current consent signed, no red flag and a recorded clearance for each hold. There is no override.",
        params: AppointmentIdParamsSchema,
        response: { 200: ReadinessSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const row = await loadVisibleAppointment(db, scope, request.params.id);
      const readiness = row.firstVisit ? await loadReadiness(db, row.clinicId, row.clientId) : null;
      if (row.firstVisit) {
        await recordAudit(db, {
          clinicId: scope.clinicId,
          actorUserId: scope.userId,
          actorRole: scope.role,
          action: "read",
          entity: "readiness",
          entityId: row.id,
          clientId: row.clientId,
          ip: request.ip,
        });
      }
      const decision = canConfirm(
        {
          status: row.status,
          firstVisit: row.firstVisit,
          startsAt: row.startsAt.getTime(),
          requestExpiresAt: row.requestExpiresAt?.getTime() ?? null,
        },
        readiness,
        Date.now(),
      );
      return { firstVisit: row.firstVisit, ...decision };
    },
  );

  const context = (request: { ip: string }, scope: Scope): ActionContext => ({
    db,
    scope,
    publicUrl,
    ip: request.ip,
  });

  app.post(
    "/appointments/:id/confirm",
    {
      config: { access: STAFF },
      schema: {
        tags: ["appointments"],
        summary: "Confirm a request (staff)",
        description:
          "409 `not_ready` when a first visit lacks its intake, consent or a clearance (the message lists every reason; `GET …/readiness` gives them as data); 409 `request_expired` when the request has expired; 409 `invalid_status` when it is not a request.",
        params: AppointmentIdParamsSchema,
        response: { 200: AppointmentDetailSchema, ...errors },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const row = await loadVisibleAppointment(db, scope, request.params.id);
      await confirm(context(request, scope), row);
      return toDetail(await reload(db, row), scope.userId);
    },
  );

  app.post(
    "/appointments/:id/accept",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["appointments"],
        summary: "Accept a time the clinic offered (the client whose appointment it is)",
        description:
          "For a request the clinic made (a proposal, or a phone booking awaiting the intake): confirms it, under the same rules as staff confirmation (a first visit needs intake and consent first).",
        params: AppointmentIdParamsSchema,
        response: { 200: AppointmentDetailSchema, ...errors },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const row = await loadVisibleAppointment(db, scope, request.params.id);
      if (row.source === "online") {
        throw forbidden("Only a time the clinic offered can be accepted; the clinic confirms your requests.");
      }
      await confirm(context(request, scope), row);
      return toDetail(await reload(db, row), scope.userId);
    },
  );

  app.post(
    "/appointments/:id/decline",
    {
      config: { access: STAFF },
      schema: {
        tags: ["appointments"],
        summary: "Decline a request, with a reason the client sees (staff)",
        params: AppointmentIdParamsSchema,
        body: ReasonRequestSchema,
        response: { 200: AppointmentDetailSchema, ...errors },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const row = await loadVisibleAppointment(db, scope, request.params.id);
      await decline(context(request, scope), row, request.body.reason);
      return toDetail(await reload(db, row), scope.userId);
    },
  );

  app.post(
    "/appointments/:id/propose",
    {
      config: { access: STAFF },
      schema: {
        tags: ["appointments"],
        summary: "Answer a request with another time (staff)",
        description: [
          "In one transaction: the request is declined (reason `Another time proposed: …`) and a new",
          "request for the same client and service is created at the proposed time (source `staff`),",
          "holding that slot for `requestExpiryHours` until the client accepts it",
          "(`POST /api/appointments/:id/accept`) or cancels it. The client gets one e-mail.",
        ].join(" "),
        params: AppointmentIdParamsSchema,
        body: ProposeRequestSchema,
        response: { 201: ProposeResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const row = await loadVisibleAppointment(db, scope, request.params.id);
      const body = request.body;
      const proposedId = await propose(context(request, scope), row, {
        start: Date.parse(body.start),
        ...(body.therapistId ? { therapistId: body.therapistId } : {}),
        ...(body.roomId ? { roomId: body.roomId } : {}),
        reason: body.reason,
      });
      reply.status(201);
      return {
        declined: toDetail(await reload(db, row), scope.userId),
        proposed: await detail(db, scope, proposedId),
      };
    },
  );

  app.post(
    "/appointments/:id/reschedule",
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ["appointments"],
        summary: "Move an appointment (staff always; a client their own, within the policy window)",
        description: [
          "One atomic UPDATE of the times, checked by the no-double-booking constraints.",
          "A client may move a request any time before it starts, and a confirmed appointment up to",
          "`cancellationWindowHours` before it starts, to a time the availability search offers, with",
          "the same therapist; moving a confirmed appointment of a request-mode service makes it a request again.",
          "Staff may move to any time inside working hours and name another therapist or room.",
        ].join(" "),
        params: AppointmentIdParamsSchema,
        body: RescheduleRequestSchema,
        response: { 200: AppointmentDetailSchema, ...errors },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const row = await loadVisibleAppointment(db, scope, request.params.id);
      const clinic = await clinicById(db, scope.clinicId);
      const body = request.body;
      await reschedule(
        context(request, scope),
        row,
        {
          start: Date.parse(body.start),
          ...(body.therapistId ? { therapistId: body.therapistId } : {}),
          ...(body.roomId ? { roomId: body.roomId } : {}),
          ...(body.reason ? { reason: body.reason } : {}),
        },
        clinic,
      );
      return toDetail(await reload(db, row), scope.userId);
    },
  );

  app.post(
    "/appointments/:id/cancel",
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ["appointments"],
        summary: "Cancel, with a reason (staff always; a client their own, within the policy window)",
        description:
          "A client may cancel a request any time before it starts, and a confirmed appointment up to `cancellationWindowHours` before it starts (409 `too_late` after that). Pending reminders are cancelled; the freed time is offered to the waitlist.",
        params: AppointmentIdParamsSchema,
        body: ReasonRequestSchema,
        response: { 200: AppointmentDetailSchema, ...errors },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const row = await loadVisibleAppointment(db, scope, request.params.id);
      const clinic = await clinicById(db, scope.clinicId);
      await cancel(context(request, scope), row, request.body.reason, clinic);
      return toDetail(await reload(db, row), scope.userId);
    },
  );

  app.post(
    "/appointments/:id/no-show",
    {
      config: { access: STAFF },
      schema: {
        tags: ["appointments"],
        summary: "Mark a confirmed appointment whose start has passed as a no-show (staff)",
        params: AppointmentIdParamsSchema,
        body: OptionalReasonRequestSchema.optional(),
        response: { 200: AppointmentDetailSchema, ...errors },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const row = await loadVisibleAppointment(db, scope, request.params.id);
      await markOutcome(context(request, scope), row, "no_show", request.body?.reason ?? null);
      return toDetail(await reload(db, row), scope.userId);
    },
  );

  app.post(
    "/appointments/:id/complete",
    {
      config: { access: STAFF },
      schema: {
        tags: ["appointments"],
        summary: "Mark a confirmed appointment whose start has passed as completed (staff)",
        params: AppointmentIdParamsSchema,
        response: { 200: AppointmentDetailSchema, ...errors },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const row = await loadVisibleAppointment(db, scope, request.params.id);
      await markOutcome(context(request, scope), row, "completed", null);
      return toDetail(await reload(db, row), scope.userId);
    },
  );
};
