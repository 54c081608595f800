import { eq, sql } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AcceptInvitationRequestSchema,
  type AuthContext,
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  OkSchema,
  SessionResponseSchema,
  type SessionTwoFactor,
  SIGNUP_ACCEPTED_MESSAGE,
  SignupRequestSchema,
  SignupResponseSchema,
  SwitchContextRequestSchema,
  VerifyEmailQuerySchema,
} from "../../core/api/auth";
import { passwordProblem } from "../../core/auth/password";
import { recordAudit } from "../audit/audit";
import type { Config } from "../config";
import type { Db } from "../db/connect";
import { clients, clinics, users } from "../db/schema";
import { AppError, badRequest, notFound, postgresErrorCode, unauthenticated } from "../http/errors";
import { acceptInvitation } from "../staff/invitations";
import { DEVICE_COOKIE, readDevice, rememberDevice } from "./device";
import { sendSignupAttemptNotice, sendVerificationLink, verifyEmailToken } from "./email-verification";
import { SIGN_IN_IP_LIMIT } from "./ip-limit";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  listContexts,
  SESSION_COOKIE,
  setSessionContext,
  twoFactorFor,
} from "./sessions";
import { clearAttempts, retryAfterSeconds, type ThrottlePolicy, takeAttempt } from "./throttle";

const INVALID_CREDENTIALS = new AppError(401, "invalid_credentials", "E-mail or password is incorrect.");

function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: config.secureCookies,
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

/** Staff contexts come first, so a person who is both staff and client lands in their work. */
function defaultContext(contexts: AuthContext[]): AuthContext | null {
  return contexts[0] ?? null;
}

/** The per-e-mail (and per-device) sign-in throttle: free attempts, then a growing delay. */
function signInPolicy(config: Config): ThrottlePolicy {
  return { max: config.loginMaxFailures, windowMs: config.loginWindowMinutes * 60_000, mode: "progressive" };
}

function waitInWords(ms: number): string {
  const seconds = retryAfterSeconds(ms);
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** A new password must not be one an attacker would try first; the answer names the field. */
function refuseWeakPassword(password: string, field: string, context: { email?: string; names?: string[] }) {
  const problem = passwordProblem(password, context);
  if (problem) throw badRequest("weak_password", problem.message, field);
}

async function startSession(db: Db, config: Config, reply: FastifyReply, userId: string, oldToken?: string) {
  // Rotation: the id presented before log-in never survives it (session fixation).
  if (oldToken) await deleteSession(db, oldToken);
  const contexts = await listContexts(db, userId);
  const context = defaultContext(contexts);
  const { token, csrfToken } = await createSession(db, config, userId, context);
  setSessionCookie(reply, config, token);
  return { context, contexts, csrfToken, twoFactor: await twoFactorFor(db, userId, context, false) };
}

/** The body every sign-in path answers with (the same shape as `GET /api/auth/session`). */
function sessionResponse(
  user: { id: string; email: string; name: string; emailVerifiedAt: Date | null },
  session: {
    csrfToken: string;
    context: AuthContext | null;
    contexts: AuthContext[];
    twoFactor: SessionTwoFactor;
  },
) {
  return {
    user: { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerifiedAt !== null },
    csrfToken: session.csrfToken,
    context: session.context,
    contexts: session.contexts,
    twoFactor: session.twoFactor,
  };
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const { config } = app;

  app.post(
    "/auth/login",
    {
      config: { access: "public", ipLimit: SIGN_IN_IP_LIMIT("login"), beforeSecondFactor: true },
      schema: {
        tags: ["auth"],
        summary: "Sign in with e-mail and password",
        description: [
          "Same 401 for an unknown e-mail and a wrong password. Attempts are counted per e-mail before the",
          "password is checked: after the configured number (5 by default) each further attempt must wait a",
          "growing delay (`429` with `Retry-After`). A browser that signed in to this account before",
          "(the `kw_device` cookie) is counted on its own, so others' failed guesses do not hold it back.",
          "When `twoFactor.pending` is set the session can do nothing else until it passes",
          "`POST /api/auth/two-factor/verify` (`verify`) or enrols (`enrol`).",
        ].join(" "),
        body: LoginRequestSchema,
        response: { 200: SessionResponseSchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
      const device = readDevice(config.secret, request.cookies[DEVICE_COOKIE]);
      const knownDevice = device && user && device.userId === user.id ? device : null;
      const throttleKey = knownDevice ? `device:${knownDevice.deviceId}` : `email:${email}`;
      // Counted before the password is checked, atomically, so parallel guesses cannot overtake it.
      const attempt = await takeAttempt(db, throttleKey, signInPolicy(config));
      if (!attempt.allowed) {
        reply.header("retry-after", String(retryAfterSeconds(attempt.retryAfterMs)));
        throw new AppError(
          429,
          "rate_limited",
          `Too many failed sign-ins. Please wait ${waitInWords(attempt.retryAfterMs)} and try again.`,
        );
      }
      const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!user || !valid) throw INVALID_CREDENTIALS;
      await clearAttempts(db, throttleKey);
      const session = await startSession(db, config, reply, user.id, request.cookies[SESSION_COOKIE]);
      // After the session cookie, so a client that reads only the first Set-Cookie still gets it.
      rememberDevice(reply, config, user.id, knownDevice);
      await recordAudit(db, {
        clinicId: session.context?.clinicId ?? null,
        actorUserId: user.id,
        actorRole: session.context?.role ?? null,
        action: "login",
        entity: "session",
        ip: request.ip,
      });
      return sessionResponse(user, session);
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { access: "signed-in", beforeSecondFactor: true },
      schema: { tags: ["auth"], summary: "Sign out (ends this session)", response: { 200: OkSchema } },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  );

  app.get(
    "/auth/session",
    {
      config: { access: "signed-in", beforeSecondFactor: true },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user, their CSRF token and the clinics/roles they can act in",
        response: { 200: SessionResponseSchema },
      },
    },
    async (request) => {
      const caller = request.caller;
      if (!caller) throw unauthenticated();
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
        twoFactor: caller.twoFactor,
      };
    },
  );

  app.post(
    "/auth/context",
    {
      config: { access: "signed-in", beforeSecondFactor: true },
      schema: {
        tags: ["auth"],
        summary: "Act in another clinic or role the user holds",
        body: SwitchContextRequestSchema,
        response: { 200: SessionResponseSchema },
      },
    },
    async (request) => {
      const caller = request.caller;
      if (!caller) throw unauthenticated();
      const contexts = await listContexts(db, caller.userId);
      const chosen = contexts.find(
        (c) => c.clinicId === request.body.clinicId && c.role === request.body.role,
      );
      if (!chosen) throw notFound("You have no such role in that clinic.");
      await setSessionContext(db, caller.sessionIdHash, chosen);
      return {
        user: {
          id: caller.userId,
          email: caller.email,
          name: caller.name,
          emailVerified: caller.emailVerified,
        },
        csrfToken: caller.csrfToken,
        context: chosen,
        contexts,
        twoFactor: await twoFactorFor(db, caller.userId, chosen, caller.twoFactor.passed),
      };
    },
  );

  app.post(
    "/auth/signup",
    {
      config: { access: "public", ipLimit: SIGN_IN_IP_LIMIT("signup") },
      schema: {
        tags: ["auth"],
        summary: "Create a client account at a clinic; the e-mail gets a link to confirm the address",
        description: [
          "Answers `202` the same way whether or not the address already has an account (so the answer",
          "tells nobody who has one); the address's owner is told by e-mail instead. Then sign in with",
          "`POST /api/auth/login`. `400 weak_password` (field `password`) for a common, repetitive or",
          "personal password.",
        ].join(" "),
        body: SignupRequestSchema,
        response: { 202: SignupResponseSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const [clinic] = await db.select().from(clinics).where(eq(clinics.slug, body.clinicSlug)).limit(1);
      if (!clinic) throw badRequest("unknown_clinic", "That clinic does not exist.", "clinicSlug");
      refuseWeakPassword(body.password, "password", {
        email: body.email,
        names: [body.firstName, body.lastName],
      });
      // Hashed on both paths, so an existing address does not answer faster than a new one.
      const passwordHash = await hashPassword(body.password);
      const name = `${body.firstName} ${body.lastName}`;
      const created = await db
        .transaction(async (tx) => {
          const [user] = await tx
            .insert(users)
            .values({ email: body.email, name, passwordHash, emailVerifiedAt: null })
            .onConflictDoNothing()
            .returning();
          if (!user) return null;
          await tx.insert(clients).values({
            clinicId: clinic.id,
            userId: user.id,
            firstName: body.firstName,
            lastName: body.lastName,
            email: body.email,
            phone: body.phone ?? null,
          });
          await sendVerificationLink(tx, config, user, clinic);
          return user;
        })
        .catch((error: unknown) => {
          // Two sign-ups for one new address at once: the second finds it taken, like any other.
          if (postgresErrorCode(error) === "23505") return null;
          throw error;
        });
      if (!created) {
        const [existing] = await db
          .select()
          .from(users)
          .where(sql`lower(${users.email}) = ${body.email}`)
          .limit(1);
        // The existing account is unchanged now; its owner gets a message, not the caller. For an
        // unconfirmed account the new password waits in the link: it applies only if opened.
        if (existing?.emailVerifiedAt === null) {
          await sendVerificationLink(db, config, existing, clinic, passwordHash);
        } else if (existing) await sendSignupAttemptNotice(db, config, existing, clinic);
      }
      reply.status(202);
      return { ok: true as const, message: SIGNUP_ACCEPTED_MESSAGE };
    },
  );

  app.get(
    "/auth/verify-email",
    {
      config: { access: "public", ipLimit: SIGN_IN_IP_LIMIT("verify-email") },
      schema: {
        tags: ["auth"],
        summary: "Confirm an e-mail address with the link sent at sign-up",
        description:
          "A browser (Accept: text/html) is redirected to the app (`/app?emailVerified=1`, or `=0` for a used or expired link); other callers get `200 {ok:true}` or `400 invalid_token`.",
        querystring: VerifyEmailQuerySchema,
        response: { 200: OkSchema },
      },
    },
    async (request, reply) => {
      const userId = await verifyEmailToken(db, request.query.token);
      if (request.headers.accept?.includes("text/html")) {
        return reply.redirect(`/app?emailVerified=${userId ? 1 : 0}`, 303);
      }
      if (!userId) {
        throw badRequest(
          "invalid_token",
          "This link is not valid any more. Sign up again with the same e-mail to get a new one.",
        );
      }
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/password",
    {
      config: { access: "signed-in" },
      schema: {
        tags: ["auth"],
        summary: "Change password (ends every other session of this user)",
        body: ChangePasswordRequestSchema,
        response: { 200: OkSchema },
      },
    },
    async (request) => {
      const caller = request.caller;
      if (!caller) throw unauthenticated();
      refuseWeakPassword(request.body.newPassword, "newPassword", {
        email: caller.email,
        names: [caller.name],
      });
      const [user] = await db.select().from(users).where(eq(users.id, caller.userId));
      if (!user || !(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new AppError(
          400,
          "invalid_credentials",
          "Your current password is incorrect.",
          "currentPassword",
        );
      }
      await db
        .update(users)
        .set({ passwordHash: await hashPassword(request.body.newPassword), passwordChangedAt: new Date() })
        .where(eq(users.id, user.id));
      await deleteUserSessions(db, user.id, caller.sessionIdHash);
      await recordAudit(db, {
        clinicId: caller.context?.clinicId ?? null,
        actorUserId: user.id,
        actorRole: caller.context?.role ?? null,
        action: "change-password",
        entity: "account",
        entityId: user.id,
        ip: request.ip,
      });
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/invitations/accept",
    {
      config: { access: "public", ipLimit: SIGN_IN_IP_LIMIT("accept-invitation") },
      schema: {
        tags: ["auth"],
        summary: "Accept a staff invitation: creates the account (or adds the role) and signs in",
        description:
          "A new address chooses its password. An address that already has an account sends its current password, or accepts while signed in as it (no password).",
        body: AcceptInvitationRequestSchema,
        response: { 200: SessionResponseSchema },
      },
    },
    async (request, reply) => {
      const userId = await acceptInvitation(db, { ...request.body, caller: request.caller });
      const [user] = await db.select().from(users).where(eq(users.id, userId));
      if (!user) throw new Error("accepted invitation has no account");
      const session = await startSession(db, config, reply, user.id, request.cookies[SESSION_COOKIE]);
      return sessionResponse(user, session);
    },
  );
};
