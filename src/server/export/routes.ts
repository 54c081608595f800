/** Staff export of one client's record (F11): JSON or FHIR R4, audited; another clinic's client is 404. */
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../core/api/clinic";
import { ExportQuerySchema, RecordExportSchema } from "../../core/api/records";
import { STAFF, scopeOf } from "../auth/access";
import { clients } from "../db/schema";
import { notFound } from "../http/errors";
import { sendClientExport } from "./send";

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/clients/:id/export",
    {
      config: { access: STAFF },
      schema: {
        tags: ["clients"],
        summary: "Export a client's record as JSON or as a FHIR R4 Bundle (staff, audited)",
        params: IdParamsSchema,
        querystring: ExportQuerySchema,
        response: { 200: RecordExportSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const [client] = await db
        .select({ id: clients.id, userId: clients.userId })
        .from(clients)
        .where(and(eq(clients.clinicId, scope.clinicId), eq(clients.id, request.params.id)));
      if (!client) throw notFound("Client not found.");
      return sendClientExport(db, scope, client.id, request.query.format, request, reply, client.userId);
    },
  );
};
