/**
 * The first-run page's API: whether set-up is needed, and creating the first clinic with the
 * one-time token from the server log. Both answer only while no clinic exists.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorSchema } from "../../core/api/auth";
import { SetupRequestSchema, SetupStatusSchema } from "../../core/api/setup";
import { AppError } from "../http/errors";
import { alreadySetUp, clinicCensus, createClinic, refuseIfAnyClinic } from "./create-clinic";
import { clearSetupTokens, consumeSetupToken } from "./tokens";

const invalidToken = () =>
  new AppError(
    403,
    "invalid_setup_token",
    "That set-up token is wrong or has expired. Use the one in the server log, or restart the server for a new one.",
    "token",
  );

/** Guessing a 256-bit token is hopeless, but an operator's own KNOTWORK_SETUP_TOKEN may be weaker. */
const SETUP_RATE_LIMIT = { max: 10, timeWindow: "1 minute" };

export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/setup",
    {
      config: { access: "public" },
      schema: {
        tags: ["setup"],
        summary: "Whether this installation still needs its first clinic",
        response: { 200: SetupStatusSchema },
      },
    },
    async () => ({ needed: (await clinicCensus(db)).total === 0 }),
  );

  app.post(
    "/setup",
    {
      config: { access: "public", rateLimit: SETUP_RATE_LIMIT },
      schema: {
        tags: ["setup"],
        summary: "Create the first clinic and its owner (first run only, with the set-up token)",
        description: [
          "Only while no clinic exists (`409 already_set_up` afterwards), and only with the one-time",
          "token printed in the server log at start (`403 invalid_setup_token`). Creates the clinic with",
          "the standard services, a room and default policies, and the owner's account (an existing",
          "account with that e-mail is reused, its password unchanged); with `ownerIsTherapist` the owner",
          "is also a therapist working the standard week. Sign in afterwards with `POST /api/auth/login`.",
        ].join(" "),
        body: SetupRequestSchema,
        response: {
          201: z.object({ slug: z.string(), ownerAccountExisted: z.boolean() }),
          400: ErrorSchema,
          403: ErrorSchema,
          409: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      // Said before the token is looked at: once set up, the token no longer matters.
      if ((await clinicCensus(db)).total > 0) throw alreadySetUp();
      const { token, ...clinic } = request.body;
      const created = await createClinic(db, clinic, async (tx) => {
        await refuseIfAnyClinic(tx);
        if (!(await consumeSetupToken(tx, token))) throw invalidToken();
        await clearSetupTokens(tx);
      });
      request.log.info({ clinicSlug: created.slug }, "first clinic set up");
      reply.status(201);
      return { slug: created.slug, ownerAccountExisted: created.ownerAccountExisted };
    },
  );
};
