import { and, asc, eq, gt, lt } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppointmentListQuerySchema, AppointmentSchema } from "../../core/api/clinic";
import { ANY_ROLE, isStaff, scopeOf } from "../auth/access";
import { appointments, clients, rooms, services, therapists } from "../db/schema";

export const appointmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

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
      const conditions = [
        eq(appointments.clinicId, scope.clinicId),
        lt(appointments.startsAt, to),
        gt(appointments.endsAt, from),
      ];
      if (!isStaff(scope))
        conditions.push(eq(appointments.clientId, scope.clientId ?? "00000000-0000-0000-0000-000000000000"));
      const rows = await db
        .select({
          id: appointments.id,
          status: appointments.status,
          source: appointments.source,
          startsAt: appointments.startsAt,
          endsAt: appointments.endsAt,
          firstVisit: appointments.firstVisit,
          clientId: clients.id,
          clientFirst: clients.firstName,
          clientLast: clients.lastName,
          therapistId: therapists.id,
          therapistName: therapists.displayName,
          therapistUserId: therapists.userId,
          serviceId: services.id,
          serviceName: services.name,
          durationMin: services.durationMin,
          roomId: rooms.id,
          roomName: rooms.name,
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
        .leftJoin(rooms, and(eq(rooms.clinicId, appointments.clinicId), eq(rooms.id, appointments.roomId)))
        .where(and(...conditions))
        .orderBy(asc(appointments.startsAt));
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
};
