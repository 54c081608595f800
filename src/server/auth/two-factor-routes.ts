/**
 * Two-factor routes (docs/decisions/0020-two-factor-and-account-recovery.md). They work for a session
 * that has not passed the second factor yet (`beforeSecondFactor`), since that is what they are for.
 */
import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  RecoveryCodesSchema,
  TwoFactorCodeRequestSchema,
  TwoFactorEnrolmentSchema,
  TwoFactorStatusSchema,
} from "../../core/api/account";
import { SessionResponseSchema } from "../../core/api/auth";
import { recordAudit } from "../audit/audit";
import { resolveAuditKey } from "../audit/key";
import { clinics } from "../db/schema";
import { AppError, badRequest, conflict, unauthenticated } from "../http/errors";
import { SecretBox } from "./secret-box";
import { listContexts, twoFactorFor } from "./sessions";
import { clearAttempts, retryAfterSeconds, type ThrottlePolicy, takeAttempt } from "./throttle";
import {
  acceptRecoveryCode,
  acceptTotp,
  issueRecoveryCodes,
  markSecondFactorPassed,
  startEnrolment,
  twoFactorState,
} from "./two-factor";

/** Five free tries, then a doubling wait: a 6-digit code cannot be guessed within its window. */
const CODE_POLICY: ThrottlePolicy = { max: 5, windowMs: 15 * 60_000, mode: "progressive" };

const WRONG_CODE = (field = "code") =>
  badRequest("invalid_code", "That code is not right, or was used already. Try the newest code.", field);

export const twoFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  let box: SecretBox | null = null;
  const secretBox = async () => {
    box ??= new SecretBox((await resolveAuditKey(app.config, app.database.engine)).key, "totp");
    return box;
  };

  /** Counts one code attempt for the user; 429 with Retry-After once the free tries are used. */
  async function countAttempt(userId: string, reply: { header(k: string, v: string): unknown }) {
    const attempt = await takeAttempt(db, `second-factor:${userId}`, CODE_POLICY);
    if (!attempt.allowed) {
      reply.header("retry-after", String(retryAfterSeconds(attempt.retryAfterMs)));
      throw new AppError(429, "rate_limited", "Too many wrong codes. Please wait a little and try again.");
    }
  }

  app.get(
    "/auth/two-factor",
    {
      config: { access: "signed-in", beforeSecondFactor: true },
      schema: {
        tags: ["auth"],
        summary: "Whether the account has two-factor, whether the clinic requires it, recovery codes left",
        response: { 200: TwoFactorStatusSchema },
      },
    },
    async (request) => {
      const caller = request.caller;
      if (!caller) throw unauthenticated();
      const state = await twoFactorState(db, caller.userId);
      const context = caller.context;
      const [clinic] =
        context && context.role !== "client"
          ? await db
              .select({ policies: clinics.policies })
              .from(clinics)
              .where(eq(clinics.id, context.clinicId))
          : [];
      return { ...state, required: clinic?.policies.requireStaffTwoFactor === true };
    },
  );

  app.post(
    "/auth/two-factor/enrol",
    {
      config: { access: "signed-in", beforeSecondFactor: true },
      schema: {
        tags: ["auth"],
        summary: "Start setting up an authenticator app: a new secret as a QR code and a manual key",
        description:
          "The secret is shown only while enrolment waits for its first code; `409 already_enrolled` once it is confirmed. Calling again replaces an unconfirmed secret.",
        response: { 200: TwoFactorEnrolmentSchema },
      },
    },
    async (request) => {
      const caller = request.caller;
      if (!caller) throw unauthenticated();
      const enrolment = await startEnrolment(db, await secretBox(), {
        id: caller.userId,
        email: caller.email,
      });
      if (!enrolment)
        throw conflict("already_enrolled", "Two-factor sign-in is already set up for this account.");
      return enrolment;
    },
  );

  app.post(
    "/auth/two-factor/confirm",
    {
      config: { access: "signed-in", beforeSecondFactor: true },
      schema: {
        tags: ["auth"],
        summary:
          "Finish setting up two-factor with a code from the app; answers the ten recovery codes, once",
        description:
          "This session counts as having passed the second factor. Wrong codes are rate-limited per account (`429`).",
        body: TwoFactorCodeRequestSchema,
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request, reply) => {
      const caller = request.caller;
      if (!caller) throw unauthenticated();
      await countAttempt(caller.userId, reply);
      const box = await secretBox();
      if (!(await acceptTotp(db, box, caller.userId, request.body.code, false))) throw WRONG_CODE();
      await clearAttempts(db, `second-factor:${caller.userId}`);
      const recoveryCodes = await issueRecoveryCodes(db, box, caller.userId);
      await markSecondFactorPassed(db, caller.sessionIdHash);
      await recordAudit(db, {
        clinicId: caller.context?.clinicId ?? null,
        actorUserId: caller.userId,
        actorRole: caller.context?.role ?? null,
        action: "enrol-two-factor",
        entity: "account",
        entityId: caller.userId,
        ip: request.ip,
      });
      return { recoveryCodes };
    },
  );

  app.post(
    "/auth/two-factor/verify",
    {
      config: { access: "signed-in", beforeSecondFactor: true },
      schema: {
        tags: ["auth"],
        summary: "Pass the second factor for this session with a TOTP code or a one-time recovery code",
        description:
          "A TOTP code is accepted one 30-second step early or late but never twice; a recovery code works once. Wrong codes are rate-limited per account (`429` with `Retry-After`).",
        body: TwoFactorCodeRequestSchema,
        response: { 200: SessionResponseSchema },
      },
    },
    async (request, reply) => {
      const caller = request.caller;
      if (!caller) throw unauthenticated();
      if (!caller.twoFactor.enrolled) {
        throw conflict("not_enrolled", "Two-factor sign-in is not set up for this account.");
      }
      await countAttempt(caller.userId, reply);
      const box = await secretBox();
      const { code } = request.body;
      const usedRecovery = !/^\d{6}$/.test(code);
      const ok = usedRecovery
        ? await acceptRecoveryCode(db, box, caller.userId, code)
        : await acceptTotp(db, box, caller.userId, code, true);
      if (!ok) throw WRONG_CODE();
      await clearAttempts(db, `second-factor:${caller.userId}`);
      await markSecondFactorPassed(db, caller.sessionIdHash);
      await recordAudit(db, {
        clinicId: caller.context?.clinicId ?? null,
        actorUserId: caller.userId,
        actorRole: caller.context?.role ?? null,
        action: usedRecovery ? "use-recovery-code" : "verify-two-factor",
        entity: "account",
        entityId: caller.userId,
        ip: request.ip,
      });
      return {
        user: {
          id: caller.userId,
          email: caller.email,
          name: caller.name,
          emailVerified: caller.emailVerified,
        },
        csrfToken: caller.csrfToken,
        context: caller.context,
        contexts: await listContexts(db, caller.userId),
        twoFactor: await twoFactorFor(db, caller.userId, caller.context, true),
      };
    },
  );

  app.post(
    "/auth/two-factor/recovery-codes",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["auth"],
        summary: "Replace the recovery codes with ten new ones (the old ones stop working)",
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request) => {
      const caller = request.caller;
      if (!caller) throw unauthenticated();
      if (!caller.twoFactor.enrolled) {
        throw conflict("not_enrolled", "Two-factor sign-in is not set up for this account.");
      }
      return { recoveryCodes: await issueRecoveryCodes(db, await secretBox(), caller.userId) };
    },
  );
};
