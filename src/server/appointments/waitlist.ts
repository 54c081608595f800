/**
 * The waitlist (docs/product.md F4): a client asks to be told when a time opens within a window, for a
 * service and optionally one therapist. When an appointment is cancelled, declined or expires,
 * matching entries get one offer e-mail per freed slot (./freed.ts). Entries end on their own when
 * `latest` passes; a client removes theirs (staff any) with DELETE.
 */
import { and, asc, count, eq, gt } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorSchema, OkSchema } from "../../core/api/auth";
import { IdParamsSchema } from "../../core/api/clinic";
import { WaitlistEntrySchema, WaitlistRequestSchema } from "../../core/api/scheduling";
import { ANY_ROLE, isStaff, ownClientId, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import { clients, services, therapists, waitlistEntries } from "../db/schema";
import { badRequest, conflict, notFound } from "../http/errors";

const MAX_ENTRIES_PER_CLIENT = 10;

function listEntries(db: Db, clinicId: string, clientId: string | null, now: Date) {
  return db
    .select({
      id: waitlistEntries.id,
      clientId: clients.id,
      clientFirst: clients.firstName,
      clientLast: clients.lastName,
      serviceId: services.id,
      serviceName: services.name,
      therapistId: therapists.id,
      therapistName: therapists.displayName,
      earliest: waitlistEntries.earliest,
      latest: waitlistEntries.latest,
      createdAt: waitlistEntries.createdAt,
      notifiedAt: waitlistEntries.notifiedAt,
    })
    .from(waitlistEntries)
    .innerJoin(
      clients,
      and(eq(clients.clinicId, waitlistEntries.clinicId), eq(clients.id, waitlistEntries.clientId)),
    )
    .innerJoin(
      services,
      and(eq(services.clinicId, waitlistEntries.clinicId), eq(services.id, waitlistEntries.serviceId)),
    )
    .leftJoin(
      therapists,
      and(eq(therapists.clinicId, waitlistEntries.clinicId), eq(therapists.id, waitlistEntries.therapistId)),
    )
    .where(
      and(
        eq(waitlistEntries.clinicId, clinicId),
        clientId ? eq(waitlistEntries.clientId, clientId) : undefined,
        gt(waitlistEntries.latest, now),
      ),
    )
    .orderBy(asc(waitlistEntries.earliest), asc(waitlistEntries.createdAt));
}

type EntryRow = Awaited<ReturnType<typeof listEntries>>[number];

function toEntry(row: EntryRow): z.infer<typeof WaitlistEntrySchema> {
  return {
    id: row.id,
    client: { id: row.clientId, name: `${row.clientFirst} ${row.clientLast}` },
    service: { id: row.serviceId, name: row.serviceName },
    therapist: row.therapistId && row.therapistName ? { id: row.therapistId, name: row.therapistName } : null,
    earliest: row.earliest.toISOString(),
    latest: row.latest.toISOString(),
    createdAt: row.createdAt.toISOString(),
    notifiedAt: row.notifiedAt ? row.notifiedAt.toISOString() : null,
  };
}

export const waitlistRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.post(
    "/waitlist",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["appointments"],
        summary: "Ask to be told when a time opens (a client)",
        description: `At most ${MAX_ENTRIES_PER_CLIENT} open entries per client. An offer is a notice, not a hold: first come, first served.`,
        body: WaitlistRequestSchema,
        response: { 201: WaitlistEntrySchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const body = request.body;
      const now = new Date();
      if (Date.parse(body.latest) <= now.getTime()) {
        throw badRequest("invalid_request", "That window has already passed.", "latest");
      }
      const [service] = await db
        .select({ id: services.id })
        .from(services)
        .where(
          and(
            eq(services.clinicId, scope.clinicId),
            eq(services.id, body.serviceId),
            eq(services.active, true),
            eq(services.bookableOnline, true),
          ),
        );
      if (!service) throw badRequest("unknown_service", "No such service bookable online.", "serviceId");
      if (body.therapistId) {
        const [therapist] = await db
          .select({ id: therapists.id })
          .from(therapists)
          .where(
            and(
              eq(therapists.clinicId, scope.clinicId),
              eq(therapists.id, body.therapistId),
              eq(therapists.active, true),
            ),
          );
        if (!therapist)
          throw badRequest("unknown_therapist", "No such therapist at this clinic.", "therapistId");
      }
      const created = await db.transaction(async (tx) => {
        // Count-then-insert is only a limit if no other request for this client runs in between:
        // locking the client's row makes concurrent requests for the same client take turns.
        await tx
          .select({ id: clients.id })
          .from(clients)
          .where(and(eq(clients.clinicId, scope.clinicId), eq(clients.id, clientId)))
          .for("update");
        const [open] = await tx
          .select({ n: count() })
          .from(waitlistEntries)
          .where(
            and(
              eq(waitlistEntries.clinicId, scope.clinicId),
              eq(waitlistEntries.clientId, clientId),
              gt(waitlistEntries.latest, now),
            ),
          );
        if ((open?.n ?? 0) >= MAX_ENTRIES_PER_CLIENT) {
          throw conflict("too_many", `You can have at most ${MAX_ENTRIES_PER_CLIENT} waitlist entries.`);
        }
        const [inserted] = await tx
          .insert(waitlistEntries)
          .values({
            clinicId: scope.clinicId,
            clientId,
            serviceId: body.serviceId,
            therapistId: body.therapistId ?? null,
            earliest: new Date(body.earliest),
            latest: new Date(body.latest),
          })
          .returning({ id: waitlistEntries.id });
        return inserted;
      });
      const rows = await listEntries(db, scope.clinicId, clientId, now);
      const row = rows.find((r) => r.id === created?.id);
      if (!row) throw notFound("Waitlist entry not found.");
      reply.status(201);
      return toEntry(row);
    },
  );

  app.get(
    "/waitlist",
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ["appointments"],
        summary: "Open waitlist entries: the clinic's for staff, one's own for a client",
        response: { 200: z.array(WaitlistEntrySchema) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clientId = isStaff(scope) ? null : ownClientId(scope);
      return (await listEntries(db, scope.clinicId, clientId, new Date())).map(toEntry);
    },
  );

  app.delete(
    "/waitlist/:id",
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ["appointments"],
        summary: "Remove a waitlist entry (a client their own; staff any of the clinic's)",
        params: IdParamsSchema,
        response: { 200: OkSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const deleted = await db
        .delete(waitlistEntries)
        .where(
          and(
            eq(waitlistEntries.clinicId, scope.clinicId),
            eq(waitlistEntries.id, request.params.id),
            isStaff(scope) ? undefined : eq(waitlistEntries.clientId, ownClientId(scope)),
          ),
        )
        .returning({ id: waitlistEntries.id });
      if (deleted.length === 0) throw notFound("Waitlist entry not found.");
      return { ok: true as const };
    },
  );
};
