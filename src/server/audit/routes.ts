import { and, desc, eq, lt } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AuditEventSchema } from "../../core/api/clinic";
import { OWNER, scopeOf } from "../auth/access";
import { auditEvents } from "../db/schema";
import { verifyAuditChain } from "./audit";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/audit",
    {
      config: { access: OWNER },
      schema: {
        tags: ["audit"],
        summary: "The clinic's audit log, newest first (owner)",
        querystring: z.object({
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(AuditEventSchema) },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      const { before, limit } = request.query;
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.clinicId, clinicId), before ? lt(auditEvents.id, before) : undefined))
        .orderBy(desc(auditEvents.id))
        .limit(limit);
      return rows.map(({ prevHash: _p, hash: _h, clinicId: _c, ...row }) => ({
        ...row,
        at: row.at.toISOString(),
      }));
    },
  );

  app.get(
    "/audit/verify",
    {
      config: { access: OWNER },
      schema: {
        tags: ["audit"],
        summary: "Check the audit log's keyed hash chain against its signed checkpoints (owner)",
        description:
          "Recomputes every event's HMAC and link, and compares the chain with every signed checkpoint of its head kept outside the database: fewer events than a checkpoint counted, or a different event where one ended, means events were deleted or rewritten.",
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.number(),
            brokenAt: z.number().optional(),
            problem: z.string().optional(),
            checkpoints: z.number().describe("Signed checkpoints compared (0: none found)"),
            unkeyed: z.number().describe("Events from before the audit key, hashed without it"),
          }),
        },
      },
    },
    async (request) => verifyAuditChain(db, scopeOf(request).clinicId),
  );
};
