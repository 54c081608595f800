/**
 * Calendars (docs/product.md F4 "ICS"): an .ics file per appointment for whoever may see it, and a
 * private subscription feed per therapist, reached by a secret whose hash is
 * `therapists.feed_token_hash` (the URL is shown once when issued; issuing a new one revokes every
 * old subscription). Feeds carry no health data: the client's first
 * name and initial, the service and the room, nothing from intake or notes.
 */
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ErrorSchema } from "../../core/api/auth";
import { IdParamsSchema } from "../../core/api/clinic";
import { AppointmentIdParamsSchema, FeedTokenParamsSchema, FeedUrlSchema } from "../../core/api/scheduling";
import {
  appointmentToIcsEvent,
  buildCalendar,
  ICS_MEDIA_TYPE,
  type IcsEventStatus,
  icsFileName,
} from "../../core/calendar";
import { ANY_ROLE, type Scope, STAFF, scopeOf } from "../auth/access";
import { feedTokenHash, newFeedToken } from "../clinic/feed-token";
import type { Db } from "../db/connect";
import { appointments, clients, clinics, rooms, services, therapists } from "../db/schema";
import { forbidden, notFound } from "../http/errors";
import { loadVisibleAppointment, selectAppointmentsWithParties } from "./queries";

const MS_PER_DAY = 86_400_000;
const FEED_PAST_DAYS = 90;
const FEED_FUTURE_DAYS = 400;

function icsStatus(status: string): IcsEventStatus {
  if (status === "confirmed" || status === "completed") return "CONFIRMED";
  if (status === "requested") return "TENTATIVE";
  return "CANCELLED";
}

function hostOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).host || "knotwork.local";
  } catch {
    return "knotwork.local";
  }
}

function sequenceOf(createdAt: Date, updatedAt: Date): number {
  return Math.max(0, Math.floor((updatedAt.getTime() - createdAt.getTime()) / 1000));
}

function location(name: string, address: string | null, room: string | null): string {
  return [room ? `${name}, ${room}` : name, address].filter(Boolean).join(", ");
}

/** The therapist row a staff caller may manage the feed of: owner and desk any; a therapist their own. */
async function manageableTherapist(db: Db, scope: Scope, therapistId: string) {
  const [therapist] = await db
    .select({ id: therapists.id, userId: therapists.userId })
    .from(therapists)
    .where(and(eq(therapists.clinicId, scope.clinicId), eq(therapists.id, therapistId)));
  if (!therapist) throw notFound("Therapist not found.");
  if (scope.role === "therapist" && therapist.userId !== scope.userId) throw notFound("Therapist not found.");
  return therapist;
}

export const calendarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const publicUrl = app.config.publicUrl.replace(/\/$/, "");
  const host = hostOf(publicUrl);
  const feedUrl = (token: string) => `${publicUrl}/api/feeds/therapists/${token}.ics`;

  app.get(
    "/appointments/:id/ics",
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ["appointments"],
        summary: "The appointment as an iCalendar (.ics) file (staff of the clinic, or its client)",
        description: "Answers `text/calendar`. Instants are in UTC; calendar apps show them in local time.",
        params: AppointmentIdParamsSchema,
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const row = await loadVisibleAppointment(db, scope, request.params.id);
      const event = appointmentToIcsEvent({
        uid: `${row.id}@${host}`,
        start: row.startsAt.getTime(),
        end: row.endsAt.getTime(),
        summary: `${row.serviceName} with ${row.therapistName}`,
        description: `${row.clinicName}. Manage this appointment: ${publicUrl}/portal/appointments/${row.id}`,
        location: location(row.clinicName, row.clinicAddress, row.roomName),
        status: icsStatus(row.status),
        sequence: sequenceOf(row.createdAt, row.updatedAt),
        lastModified: row.updatedAt.getTime(),
        url: `${publicUrl}/portal/appointments/${row.id}`,
      });
      const text = buildCalendar({ name: row.clinicName, events: [event] });
      const fileName = icsFileName({
        title: row.serviceName,
        start: row.startsAt.getTime(),
        timeZone: row.timeZone,
      });
      return reply
        .type(ICS_MEDIA_TYPE)
        .header("content-disposition", `attachment; filename="${fileName}"`)
        .header("cache-control", "private, no-store")
        .send(text);
    },
  );

  app.get(
    "/feeds/therapists/:token.ics",
    {
      config: { access: "public" },
      schema: {
        tags: ["appointments"],
        summary: "A therapist's private calendar feed (by secret token; 404 for a wrong one)",
        description:
          "Requests, confirmed and completed appointments from 90 days back to 400 days ahead, as `text/calendar`. The client appears as first name and initial only.",
        params: FeedTokenParamsSchema,
      },
    },
    async (request, reply) => {
      const [therapist] = await db
        .select({
          id: therapists.id,
          clinicId: therapists.clinicId,
          name: therapists.displayName,
          clinicName: clinics.name,
          clinicAddress: clinics.address,
        })
        .from(therapists)
        .innerJoin(clinics, eq(clinics.id, therapists.clinicId))
        .where(eq(therapists.feedTokenHash, feedTokenHash(request.params.token)))
        .limit(1);
      if (!therapist) throw notFound("Feed not found.");
      const now = Date.now();
      const rows = await selectAppointmentsWithParties(db, {
        id: appointments.id,
        status: appointments.status,
        startsAt: appointments.startsAt,
        endsAt: appointments.endsAt,
        createdAt: appointments.createdAt,
        updatedAt: appointments.updatedAt,
        firstName: clients.firstName,
        lastName: clients.lastName,
        serviceName: services.name,
        roomName: rooms.name,
      })
        .where(
          and(
            eq(appointments.clinicId, therapist.clinicId),
            eq(appointments.therapistId, therapist.id),
            inArray(appointments.status, ["requested", "confirmed", "completed"]),
            gte(appointments.startsAt, new Date(now - FEED_PAST_DAYS * MS_PER_DAY)),
            lt(appointments.startsAt, new Date(now + FEED_FUTURE_DAYS * MS_PER_DAY)),
          ),
        )
        .orderBy(asc(appointments.startsAt));
      const events = rows.map((row) =>
        appointmentToIcsEvent({
          uid: `${row.id}@${host}`,
          start: row.startsAt.getTime(),
          end: row.endsAt.getTime(),
          summary: `${row.firstName} ${row.lastName.slice(0, 1)}. (${row.serviceName})${row.status === "requested" ? " [request]" : ""}`,
          location: location(therapist.clinicName, therapist.clinicAddress, row.roomName),
          status: icsStatus(row.status),
          sequence: sequenceOf(row.createdAt, row.updatedAt),
          lastModified: row.updatedAt.getTime(),
        }),
      );
      const text = buildCalendar({ name: `${therapist.name} (${therapist.clinicName})`, events });
      return reply
        .type(ICS_MEDIA_TYPE)
        .header("cache-control", "private, max-age=300")
        .header("x-robots-tag", "noindex")
        .send(text);
    },
  );

  app.post(
    "/clinic/therapists/:id/feed-url",
    {
      config: { access: STAFF },
      schema: {
        tags: ["clinic"],
        summary: "Issue a new private feed URL, revoking the old one (owner, or the therapist themself)",
        description:
          "Only the token's hash is stored, so this answer is the one time the URL can be read; issuing another one is the way to see it again.",
        params: IdParamsSchema,
        response: { 200: FeedUrlSchema, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const therapist = await manageableTherapist(db, scope, request.params.id);
      if (scope.role === "front_desk") throw forbidden("Only the owner or the therapist can do this.");
      const token = newFeedToken();
      await db
        .update(therapists)
        .set({ feedTokenHash: feedTokenHash(token) })
        .where(and(eq(therapists.clinicId, scope.clinicId), eq(therapists.id, therapist.id)));
      return { url: feedUrl(token) };
    },
  );
};
