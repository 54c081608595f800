/**
 * Aftercare and the next-day soreness check-in (F7). The aftercare text is core/aftercare's; a
 * completed visit is due a check-in from the next local day for a week, and the answer is flagged
 * for the therapist when it is outside the expected (core/aftercare `checkInFlags`).
 */
import { and, desc, eq, gte, inArray, type SQL } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { aftercareContent, type CheckInFlag, checkInFlags, checkInReply } from "../../core/aftercare";
import { IdParamsSchema } from "../../core/api/clinic";
import { type CheckIn, CheckInRequestSchema, CheckInSchema, MyAftercareSchema } from "../../core/api/plans";
import { muscleById } from "../../core/atlas";
import { formatSlotInZone, instantToLocal } from "../../core/scheduling";
import { CLINICAL, ownClientId, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import {
  appointments,
  clients,
  sorenessCheckIns,
  therapists,
  treatmentSessions,
  triggerPointRecords,
} from "../db/schema";
import { badRequest, conflict, notFound, postgresErrorCode } from "../http/errors";
import { clinicById } from "../scheduling/schedule";
import { clientOf } from "./facts";
import { audited } from "./routes";

const CLIENT_ONLY = ["client"] as const;
const MS_PER_DAY = 86_400_000;
/** Aftercare stays on the client's page for a week after a visit; the check-in is asked for until then. */
const AFTERCARE_DAYS = 7;

export type CheckInRow = typeof sorenessCheckIns.$inferSelect & { clientName: string };

export async function checkInRows(db: Db, where: SQL | undefined): Promise<CheckInRow[]> {
  const rows = await db
    .select({ c: sorenessCheckIns, firstName: clients.firstName, lastName: clients.lastName })
    .from(sorenessCheckIns)
    .innerJoin(
      clients,
      and(eq(clients.clinicId, sorenessCheckIns.clinicId), eq(clients.id, sorenessCheckIns.clientId)),
    )
    .where(where)
    .orderBy(desc(sorenessCheckIns.answeredAt))
    .limit(200);
  return rows.map((r) => ({ ...r.c, clientName: `${r.firstName} ${r.lastName}` }));
}

export function checkInOf(row: CheckInRow, clinicName: string): CheckIn {
  const flags = row.flags as CheckInFlag[];
  return {
    id: row.id,
    appointmentId: row.appointmentId,
    clientId: row.clientId,
    clientName: row.clientName,
    soreness: row.soreness,
    symptoms: row.symptoms as CheckIn["symptoms"],
    note: row.note,
    flags,
    flagged: row.flagged,
    reply: checkInReply(flags, clinicName),
    answeredAt: row.answeredAt.toISOString(),
  };
}

/** The names of the muscles charted at a visit, for "the areas we worked on". */
async function musclesOfVisits(db: Db, clinicId: string, appointmentIds: string[]) {
  const names = new Map<string, string[]>();
  if (appointmentIds.length === 0) return names;
  const rows = await db
    .select({ appointmentId: treatmentSessions.appointmentId, muscleId: triggerPointRecords.muscleId })
    .from(treatmentSessions)
    .innerJoin(
      triggerPointRecords,
      and(
        eq(triggerPointRecords.clinicId, treatmentSessions.clinicId),
        eq(triggerPointRecords.sessionId, treatmentSessions.id),
      ),
    )
    .where(
      and(eq(treatmentSessions.clinicId, clinicId), inArray(treatmentSessions.appointmentId, appointmentIds)),
    );
  for (const r of rows) {
    if (!r.appointmentId) continue;
    const name = muscleById(r.muscleId)?.name;
    const list = names.get(r.appointmentId) ?? [];
    if (name && !list.includes(name)) list.push(name);
    names.set(r.appointmentId, list);
  }
  return names;
}

export const checkInRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/me/aftercare",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["aftercare"],
        summary: "Aftercare for your visits of the last 7 days, and the soreness check-ins due or answered",
        response: { 200: MyAftercareSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const clinic = await clinicById(db, scope.clinicId);
      const now = Date.now();
      const visits = await db
        .select({
          id: appointments.id,
          startsAt: appointments.startsAt,
          therapistName: therapists.displayName,
        })
        .from(appointments)
        .innerJoin(
          therapists,
          and(eq(therapists.clinicId, appointments.clinicId), eq(therapists.id, appointments.therapistId)),
        )
        .where(
          and(
            eq(appointments.clinicId, scope.clinicId),
            eq(appointments.clientId, clientId),
            eq(appointments.status, "completed"),
            gte(appointments.startsAt, new Date(now - AFTERCARE_DAYS * MS_PER_DAY)),
          ),
        )
        .orderBy(desc(appointments.startsAt));
      const ids = visits.map((v) => v.id);
      const answered = ids.length
        ? await checkInRows(
            db,
            and(eq(sorenessCheckIns.clinicId, scope.clinicId), inArray(sorenessCheckIns.appointmentId, ids)),
          )
        : [];
      const muscles = await musclesOfVisits(db, scope.clinicId, ids);
      const todayLocal = instantToLocal(now, clinic.timeZone).date;
      return {
        visits: visits.map((v) => {
          const checkIn = answered.find((c) => c.appointmentId === v.id);
          const visitDay = instantToLocal(v.startsAt.getTime(), clinic.timeZone).date;
          return {
            appointmentId: v.id,
            startsAt: v.startsAt.toISOString(),
            local: formatSlotInZone(v.startsAt.getTime(), clinic.timeZone),
            therapistName: v.therapistName,
            aftercare: aftercareContent({
              clinicName: clinic.name,
              clinicPhone: clinic.phone,
              muscleNames: muscles.get(v.id) ?? [],
            }),
            checkInDue: !checkIn && todayLocal > visitDay,
            checkIn: checkIn ? checkInOf(checkIn, clinic.name) : null,
          };
        }),
      };
    },
  );

  app.post(
    "/me/check-ins",
    {
      config: { access: CLIENT_ONLY },
      schema: {
        tags: ["aftercare"],
        summary:
          "Answer the soreness check-in for a completed visit (0-10, symptoms, a note); once per visit",
        description:
          "Severe soreness (7 or more), bruising, numbness or tingling, or symptoms getting worse (ticked or written in the note) flag the answer to the therapist.",
        body: CheckInRequestSchema,
        response: { 201: CheckInSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const body = request.body;
      const [visit] = await db
        .select({ id: appointments.id, status: appointments.status })
        .from(appointments)
        .where(
          and(
            eq(appointments.clinicId, scope.clinicId),
            eq(appointments.clientId, clientId),
            eq(appointments.id, body.appointmentId),
          ),
        );
      if (!visit) throw notFound("Visit not found.");
      if (visit.status !== "completed")
        throw badRequest(
          "not_completed",
          "The check-in is for a visit that has taken place.",
          "appointmentId",
        );
      const flags = checkInFlags({ soreness: body.soreness, symptoms: body.symptoms, note: body.note });
      let inserted: typeof sorenessCheckIns.$inferSelect | undefined;
      try {
        [inserted] = await db
          .insert(sorenessCheckIns)
          .values({
            clinicId: scope.clinicId,
            clientId,
            appointmentId: visit.id,
            soreness: body.soreness,
            symptoms: [...new Set(body.symptoms)],
            note: body.note,
            flags,
            flagged: flags.length > 0,
          })
          .returning();
      } catch (error) {
        if (postgresErrorCode(error) === "23505")
          throw conflict("already_answered", "You have already answered the check-in for this visit.");
        throw error;
      }
      if (!inserted) throw new Error("check-in insert returned nothing");
      await audited(db, scope, request, "create", "check_in", inserted.id, clientId);
      const clinic = await clinicById(db, scope.clinicId);
      const client = await clientOf(db, scope.clinicId, clientId);
      reply.status(201);
      return checkInOf({ ...inserted, clientName: client.name }, clinic.name);
    },
  );

  app.get(
    "/clients/:id/check-ins",
    {
      config: { access: CLINICAL },
      schema: {
        tags: ["aftercare"],
        summary: "A client's soreness check-ins, newest first, flagged ones marked (audited)",
        params: IdParamsSchema,
        response: { 200: z.array(CheckInSchema) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const client = await clientOf(db, scope.clinicId, request.params.id);
      const clinic = await clinicById(db, scope.clinicId);
      const rows = await checkInRows(
        db,
        and(eq(sorenessCheckIns.clinicId, scope.clinicId), eq(sorenessCheckIns.clientId, client.id)),
      );
      await audited(db, scope, request, "read", "check_in", null, client.id);
      return rows.map((r) => checkInOf(r, clinic.name));
    },
  );
};
