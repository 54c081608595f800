/**
 * Consent API (docs/product.md F5): the clinic's current text and its versions, the owner publishing a new
 * version (after which every client must sign again), and the client signing with their typed name.
 */

import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ConsentDocumentSchema,
  ConsentSignatureSchema,
  ConsentUpdateSchema,
  ConsentVersionParamsSchema,
  ConsentVersionSummarySchema,
  MyConsentSchema,
} from "../../core/api/intake";
import { isConsentCurrent, signatureMatchesName } from "../../core/consent";
import { instantToLocal } from "../../core/scheduling";
import { recordAudit } from "../audit/audit";
import { ANY_ROLE, OWNER, ownClientId, STAFF, scopeOf } from "../auth/access";
import { clients, consentSignatures, users } from "../db/schema";
import { badRequest, conflict, notFound } from "../http/errors";
import {
  consentAtVersion,
  consentStatus,
  currentConsent,
  listConsentVersions,
  publishConsent,
} from "./store";

export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/consent",
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ["consent"],
        summary: "The clinic's consent text in force",
        response: { 200: ConsentDocumentSchema },
      },
    },
    async (request) => currentConsent(db, scopeOf(request).clinicId),
  );

  app.get(
    "/consent/versions",
    {
      config: { access: STAFF },
      schema: {
        tags: ["consent"],
        summary: "Every version of the clinic's consent text, newest first",
        response: { 200: z.array(ConsentVersionSummarySchema) },
      },
    },
    async (request) => listConsentVersions(db, scopeOf(request).clinicId),
  );

  app.get(
    "/consent/versions/:version",
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ["consent"],
        summary: "One version of the consent text, exactly as it was signed",
        params: ConsentVersionParamsSchema,
        response: { 200: ConsentDocumentSchema },
      },
    },
    async (request) => {
      const document = await consentAtVersion(db, scopeOf(request).clinicId, request.params.version);
      if (!document) throw notFound("There is no such version of the consent text.");
      return document;
    },
  );

  app.put(
    "/consent",
    {
      config: { access: OWNER },
      schema: {
        tags: ["consent"],
        summary: "Publish a new version of the consent text (owner); every client then signs again",
        body: ConsentUpdateSchema,
        response: { 201: ConsentDocumentSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const today = instantToLocal(Date.now(), scope.timeZone).date;
      const document = await publishConsent(
        db,
        { id: scope.clinicId, slug: scope.clinicSlug },
        request.body,
        today,
      );
      await recordAudit(db, {
        clinicId: scope.clinicId,
        actorUserId: scope.userId,
        actorRole: scope.role,
        action: "create",
        entity: "consent_version",
        entityId: String(document.version),
        ip: request.ip,
      });
      reply.status(201);
      return document;
    },
  );

  app.get(
    "/me/consent",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["consent"],
        summary: "The consent text in force and whether you have signed it",
        response: { 200: MyConsentSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const [current, status] = await Promise.all([
        currentConsent(db, scope.clinicId),
        consentStatus(db, scope.clinicId, clientId),
      ]);
      return { current, status };
    },
  );

  app.post(
    "/me/consent/signatures",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["consent"],
        summary: "Sign the consent text in force by typing your name (the server keeps the time and version)",
        description:
          "409 consent_outdated when the version signed is no longer the one in force. 400 signature_name_mismatch (field `typedName`) when the typed name is not the client's own (as on their record or account; case and spacing aside).",
        body: ConsentSignatureSchema,
        response: { 201: MyConsentSchema },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const current = await currentConsent(db, scope.clinicId);
      if (!isConsentCurrent(request.body.consentVersion, current.version)) {
        throw conflict(
          "consent_outdated",
          "The consent text has changed since you opened it. Please read the new version and sign again.",
          "consentVersion",
        );
      }
      const [signer] = await db
        .select({ firstName: clients.firstName, lastName: clients.lastName, accountName: users.name })
        .from(clients)
        .leftJoin(users, eq(users.id, clients.userId))
        .where(and(eq(clients.clinicId, scope.clinicId), eq(clients.id, clientId)));
      if (!signer) throw notFound("Client not found.");
      const recordName = `${signer.firstName} ${signer.lastName}`;
      const names = signer.accountName ? [recordName, signer.accountName] : [recordName];
      if (!signatureMatchesName(request.body.typedName, names)) {
        throw badRequest(
          "signature_name_mismatch",
          `Type your own name as the clinic has it: ${recordName}. If that is not right, ask the clinic to correct it before you sign.`,
          "typedName",
        );
      }
      const [row] = await db
        .insert(consentSignatures)
        .values({
          clinicId: scope.clinicId,
          clientId,
          version: current.version,
          typedName: request.body.typedName,
          signedAt: new Date(),
        })
        .returning({ id: consentSignatures.id });
      await recordAudit(db, {
        clinicId: scope.clinicId,
        actorUserId: scope.userId,
        actorRole: scope.role,
        action: "sign",
        entity: "consent",
        entityId: row?.id ?? null,
        clientId,
        ip: request.ip,
      });
      reply.status(201);
      return { current, status: await consentStatus(db, scope.clinicId, clientId) };
    },
  );
};
