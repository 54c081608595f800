/** Erasure requests (F11): the client asks, the owner sees what will happen and carries it out. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParamsSchema } from "../../core/api/clinic";
import {
  ErasureRequestBodySchema,
  ErasureRequestListSchema,
  ErasureRequestSummarySchema,
  MyErasureRequestSchema,
} from "../../core/api/records";
import { OWNER, ownClientId, scopeOf } from "../auth/access";
import { conflict, notFound } from "../http/errors";
import {
  carryOutErasure,
  ErasureError,
  erasurePreview,
  listErasureRequests,
  openRequestOf,
  requestErasure,
  withdrawErasure,
} from "./store";

function asHttpError(error: unknown): never {
  if (error instanceof ErasureError) {
    if (error.code === "not_found") throw notFound(error.message);
    throw conflict(error.code, error.message);
  }
  throw error;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const erasureRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/me/erasure-request",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["portal"],
        summary: "Your open request to erase your account, if any",
        response: { 200: MyErasureRequestSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const row = await openRequestOf(db, scope.clinicId, ownClientId(scope));
      return {
        request: row
          ? { id: row.id, status: row.status as "requested", requestedAt: row.requestedAt.toISOString() }
          : null,
      };
    },
  );

  app.post(
    "/me/erasure-request",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["portal"],
        summary: "Ask the clinic to erase your account (clinical records are kept for the retention period)",
        body: ErasureRequestBodySchema,
        response: { 201: MyErasureRequestSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const row = await requestErasure(db, {
        clinicId: scope.clinicId,
        clientId: ownClientId(scope),
        userId: scope.userId,
        ip: request.ip,
      }).catch(asHttpError);
      reply.code(201);
      return {
        request: { id: row.id, status: "requested" as const, requestedAt: row.requestedAt.toISOString() },
      };
    },
  );

  app.delete(
    "/me/erasure-request",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["portal"],
        summary: "Withdraw your erasure request before the clinic carries it out",
        response: { 200: MyErasureRequestSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      await withdrawErasure(db, {
        clinicId: scope.clinicId,
        clientId: ownClientId(scope),
        userId: scope.userId,
        ip: request.ip,
      }).catch(asHttpError);
      return { request: null };
    },
  );

  app.get(
    "/erasure-requests",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clients"],
        summary: "Erasure requests, each with what carrying it out would erase and keep (owner)",
        response: { 200: ErasureRequestListSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const rows = await listErasureRequests(db, scope.clinicId);
      const now = new Date();
      const requests = await Promise.all(
        rows.map(async (r) => ({
          id: r.id,
          clientId: r.clientId,
          clientName: r.firstName === null ? null : `${r.firstName} ${r.lastName}`,
          status: r.status as "requested",
          requestedAt: r.requestedAt.toISOString(),
          erasedAt: iso(r.erasedAt),
          retainUntil: iso(r.retainUntil),
          purgedAt: iso(r.purgedAt),
          preview:
            r.status === "requested" ? await erasurePreview(db, scope.clinicId, r.clientId, now) : null,
        })),
      );
      return { requests };
    },
  );

  app.post(
    "/erasure-requests/:id/carry-out",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clients"],
        summary: "Carry out an erasure request (owner, audited); the client is sent a confirmation",
        params: IdParamsSchema,
        response: { 200: ErasureRequestSummarySchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const row = await carryOutErasure(
        db,
        { clinicId: scope.clinicId, userId: scope.userId, role: scope.role, ip: request.ip },
        request.params.id,
      ).catch(asHttpError);
      if (!row) throw notFound("Erasure request not found.");
      const [listed] = (await listErasureRequests(db, scope.clinicId)).filter((r) => r.id === row.id);
      return {
        id: row.id,
        clientId: row.clientId,
        clientName: listed?.firstName ? `${listed.firstName} ${listed.lastName}` : null,
        status: row.status as "erased",
        requestedAt: row.requestedAt.toISOString(),
        erasedAt: iso(row.erasedAt),
        retainUntil: iso(row.retainUntil),
        purgedAt: iso(row.purgedAt),
        preview: null,
      };
    },
  );
};
