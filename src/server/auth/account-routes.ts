/**
 * Password reset and the account page's own details, for every role
 * (docs/decisions/0020-two-factor-and-account-recovery.md).
 */
import { eq, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AccountSchema,
  MessageResponseSchema,
  PASSWORD_RESET_ACCEPTED_MESSAGE,
  PasswordResetRequestSchema,
  PasswordResetSchema,
  UpdateProfileRequestSchema,
} from "../../core/api/account";
import { VerifyEmailQuerySchema } from "../../core/api/auth";
import { passwordProblem } from "../../core/auth/password";
import { recordAudit } from "../audit/audit";
import type { Db } from "../db/connect";
import { clients, users } from "../db/schema";
import { badRequest, conflict, postgresErrorCode, unauthenticated } from "../http/errors";
import {
  confirmEmailChange,
  type EmailChangeResult,
  isLiveResetLink,
  pendingEmailOf,
  requestEmailChange,
  resetPassword,
  sendPasswordResetLink,
} from "./account";
import { SIGN_IN_IP_LIMIT } from "./ip-limit";
import { hashPassword } from "./passwords";
import { takeAttempt } from "./throttle";

/** At most three reset e-mails an hour per address, so the form cannot flood a mailbox. */
const RESET_MAIL_POLICY = { max: 3, windowMs: 60 * 60_000, mode: "fixed" } as const;

async function accountOf(db: Db, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw unauthenticated();
  return {
    name: user.name,
    email: user.email,
    phone: user.phone,
    pendingEmail: await pendingEmailOf(db, userId),
  };
}

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const { config } = app;

  app.post(
    "/auth/password-reset",
    {
      config: { access: "public", ipLimit: SIGN_IN_IP_LIMIT("password-reset") },
      schema: {
        tags: ["auth"],
        summary: "E-mail a single-use link to choose a new password",
        description:
          "Answers `202` with the same message whether or not the address has an account. The link works once, for one hour; at most three are sent an hour per address.",
        body: PasswordResetRequestSchema,
        response: { 202: MessageResponseSchema },
      },
    },
    async (request, reply) => {
      const { email } = request.body;
      const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
      const allowed = await takeAttempt(db, `reset-mail:${email}`, RESET_MAIL_POLICY);
      if (user && allowed.allowed) await sendPasswordResetLink(db, config, user);
      reply.status(202);
      return { ok: true as const, message: PASSWORD_RESET_ACCEPTED_MESSAGE };
    },
  );

  app.post(
    "/auth/password-reset/confirm",
    {
      config: { access: "public", ipLimit: SIGN_IN_IP_LIMIT("password-reset-confirm") },
      schema: {
        tags: ["auth"],
        summary: "Choose a new password with a reset link; ends every session of the account",
        description:
          "`400 invalid_token` for a used, expired or unknown link; `400 weak_password` (field `newPassword`). Does not sign in: sign in with the new password next (two-factor still applies).",
        body: PasswordResetSchema,
        response: { 200: MessageResponseSchema },
      },
    },
    async (request) => {
      const { token, newPassword } = request.body;
      const problem = passwordProblem(newPassword, {});
      if (problem) throw badRequest("weak_password", problem.message, "newPassword");
      // The link is checked before the (deliberately slow) hash, and spent atomically after it.
      const live = await isLiveResetLink(db, token);
      const userId = live ? await resetPassword(db, token, await hashPassword(newPassword)) : null;
      if (!userId) {
        throw badRequest(
          "invalid_token",
          "This link is not valid any more (it works once, for one hour). Ask for a new one.",
        );
      }
      await recordAudit(db, {
        clinicId: null,
        actorUserId: userId,
        actorRole: null,
        action: "reset-password",
        entity: "account",
        entityId: userId,
        ip: request.ip,
      });
      return { ok: true as const, message: "Your password is changed. Sign in with it now." };
    },
  );

  app.get(
    "/account",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["account"],
        summary: "The signed-in person's own name, e-mail and phone",
        response: { 200: AccountSchema },
      },
    },
    async (request) => {
      if (!request.caller) throw unauthenticated();
      return accountOf(db, request.caller.userId);
    },
  );

  app.patch(
    "/account",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["account"],
        summary: "Change one's own name and phone; a new e-mail applies once its link is opened",
        description:
          "A different `email` is not applied at once: a link goes to the new address (and a notice to the old one), and `pendingEmail` shows it until the link is opened.",
        body: UpdateProfileRequestSchema,
        response: { 200: AccountSchema },
      },
    },
    async (request) => {
      const caller = request.caller;
      if (!caller) throw unauthenticated();
      const { name, phone, email } = request.body;
      await db
        .update(users)
        .set({ name, phone: phone || null })
        .where(eq(users.id, caller.userId));
      // The clinic calls a client on the number in their record: keep it the number they gave.
      if (phone) await db.update(clients).set({ phone }).where(eq(clients.userId, caller.userId));
      if (email !== caller.email.toLowerCase()) {
        await requestEmailChange(db, config, { id: caller.userId, email: caller.email, name }, email);
      }
      await recordAudit(db, {
        clinicId: caller.context?.clinicId ?? null,
        actorUserId: caller.userId,
        actorRole: caller.context?.role ?? null,
        action: "update-profile",
        entity: "account",
        entityId: caller.userId,
        ip: request.ip,
      });
      return accountOf(db, caller.userId);
    },
  );

  app.get(
    "/account/email/confirm",
    {
      config: { access: "public", ipLimit: SIGN_IN_IP_LIMIT("email-change") },
      schema: {
        tags: ["account"],
        summary: "Confirm a new e-mail address with the link sent to it",
        description:
          "A browser (Accept: text/html) is redirected to `/app/account?emailChanged=1` (or `=0`); other callers get `200 {ok:true}`, or `400 invalid_token` / `409 email_taken`.",
        querystring: VerifyEmailQuerySchema,
        response: { 200: MessageResponseSchema },
      },
    },
    async (request, reply) => {
      const result: EmailChangeResult = await confirmEmailChange(db, request.query.token).catch((error) => {
        if (postgresErrorCode(error) === "23505") return "taken" as const;
        throw error;
      });
      if (request.headers.accept?.includes("text/html")) {
        return reply.redirect(`/app/account?emailChanged=${typeof result === "object" ? 1 : 0}`, 303);
      }
      if (result === "invalid") {
        throw badRequest("invalid_token", "This link is not valid any more. Ask for the change again.");
      }
      if (result === "taken") throw conflict("email_taken", "Another account uses this address now.");
      return { ok: true as const, message: "Your e-mail address is changed." };
    },
  );
};
