import { and, asc, eq, ilike, isNotNull, or, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ClientListQuerySchema,
  ClientRecordSchema,
  ClientSummarySchema,
  IdParamsSchema,
} from "../../core/api/clinic";
import { recordAudit } from "../audit/audit";
import { ANY_ROLE, isStaff, STAFF, scopeOf } from "../auth/access";
import { clients } from "../db/schema";
import { notFound } from "../http/errors";
import { auditFlagsShown, loadScreeningFlags } from "../intake/flags";

const summaryColumns = {
  id: clients.id,
  firstName: clients.firstName,
  lastName: clients.lastName,
  email: clients.email,
  phone: clients.phone,
  hasLogin: isNotNull(clients.userId).mapWith(Boolean),
};

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const clientRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/clients",
    {
      config: { access: STAFF },
      schema: {
        tags: ["clients"],
        summary: "Search the clinic's clients by name, e-mail or phone",
        querystring: ClientListQuerySchema,
        response: { 200: z.array(ClientSummarySchema) },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      const { q, limit } = request.query;
      const search = q
        ? or(
            ilike(clients.firstName, likePattern(q)),
            ilike(clients.lastName, likePattern(q)),
            ilike(clients.email, likePattern(q)),
            ilike(clients.phone, likePattern(q)),
            sql`(${clients.firstName} || ' ' || ${clients.lastName}) ILIKE ${likePattern(q)}`,
          )
        : undefined;
      const rows = await db
        .select(summaryColumns)
        .from(clients)
        .where(and(eq(clients.clinicId, clinicId), search))
        .orderBy(asc(clients.lastName), asc(clients.firstName))
        .limit(limit);
      const flags = await loadScreeningFlags(
        db,
        clinicId,
        rows.map((r) => r.id),
      );
      await auditFlagsShown(db, scopeOf(request), request.ip, flags.values());
      return rows.map((row) => ({ ...row, flags: flags.get(row.id) ?? [] }));
    },
  );

  app.get(
    "/clients/:id",
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ["clients"],
        summary: "One client's record (staff of the clinic, or the client themself); audited",
        params: IdParamsSchema,
        response: { 200: ClientRecordSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      // A client asking for anyone but themself gets the same 404 as for a record that does not exist.
      if (!isStaff(scope) && scope.clientId !== request.params.id) throw notFound("Client not found.");
      const [row] = await db
        .select({ ...summaryColumns, dateOfBirth: clients.dateOfBirth, createdAt: clients.createdAt })
        .from(clients)
        .where(and(eq(clients.clinicId, scope.clinicId), eq(clients.id, request.params.id)));
      if (!row) throw notFound("Client not found.");
      await recordAudit(db, {
        clinicId: scope.clinicId,
        actorUserId: scope.userId,
        actorRole: scope.role,
        action: "read",
        entity: "client",
        entityId: row.id,
        clientId: row.id,
        ip: request.ip,
      });
      const flags = isStaff(scope)
        ? (await loadScreeningFlags(db, scope.clinicId, [row.id])).get(row.id)
        : undefined;
      return { ...row, createdAt: row.createdAt.toISOString(), ...(flags ? { flags } : {}) };
    },
  );
};
