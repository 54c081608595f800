/** Client portal API (docs/product.md F9): the download of all of one's own data. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ClientExportSchema } from "../../core/api/intake";
import { recordAudit } from "../audit/audit";
import { ownClientId, scopeOf } from "../auth/access";
import { notFound } from "../http/errors";
import { exportClientData } from "./export";

export const portalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/me/export",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["portal"],
        summary: "Download all of your own data as JSON (audited)",
        response: { 200: ClientExportSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const data = await exportClientData(db, scope.clinicId, clientId, scope.userId);
      if (!data) throw notFound("Client not found.");
      await recordAudit(db, {
        clinicId: scope.clinicId,
        actorUserId: scope.userId,
        actorRole: scope.role,
        action: "export",
        entity: "client",
        entityId: clientId,
        clientId,
        ip: request.ip,
      });
      const day = data.exportedAt.slice(0, 10);
      reply.header("content-disposition", `attachment; filename="knotwork-my-data-${day}.json"`);
      reply.header("cache-control", "no-store");
      return data;
    },
  );
};
