/** Client portal API (docs/product.md F9): the download of all of one's own data. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ExportQuerySchema, RecordExportSchema } from "../../core/api/records";
import { ownClientId, scopeOf } from "../auth/access";
import { sendClientExport } from "../export/send";

export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/me/export",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["portal"],
        summary: "Download all of your own data as JSON, or as a FHIR R4 Bundle (audited)",
        querystring: ExportQuerySchema,
        response: { 200: RecordExportSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      return sendClientExport(
        db,
        scope,
        ownClientId(scope),
        request.query.format,
        request,
        reply,
        scope.userId,
      );
    },
  );
};
