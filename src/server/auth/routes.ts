import { and, count, eq, gt, lt, sql } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  AcceptInvitationRequestSchema,
  type AuthContext,
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  OkSchema,
  SessionResponseSchema,
  SignupRequestSchema,
  SwitchContextRequestSchema,
} from "../../core/api/auth";
import { recordAudit } from "../audit/audit";
import type { Config } from "../config";
import type { Db } from "../db/connect";
import { clients, clinics, loginFailures, users } from "../db/schema";
import { AppError, badRequest, conflict, notFound, unauthenticated } from "../http/errors";
import { acceptInvitation } from "../staff/invitations";
import { dummyPasswordHash, hashPassword, verifyPassword } from "./passwords";
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  listContexts,
  SESSION_COOKIE,
  setSessionContext,
} from "./sessions";

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

async function recentFailures(db: Db, config: Config, emailKey: string): Promise<number> {
  const since = new Date(Date.now() - config.loginWindowMinutes * 60_000);
  const rows = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.emailKey, emailKey), gt(loginFailures.at, since)));
  return rows[0]?.n ?? 0;
}

/** Housekeeping (the login-failure purge job in ../jobs): deletes failures recorded before `before`. */
export async function deleteLoginFailuresBefore(db: Db, before: Date): Promise<number> {
  const deleted = await db
    .delete(loginFailures)
    .where(lt(loginFailures.at, before))
    .returning({ id: loginFailures.id });
  return deleted.length;
}

async function startSession(db: Db, config: Config, reply: FastifyReply, userId: string, oldToken?: string) {
  // Rotation: the id presented before log-in never survives it (session fixation).
  if (oldToken) await deleteSession(db, oldToken);
  const contexts = await listContexts(db, userId);
  const context = defaultContext(contexts);
  const { token, csrfToken } = await createSession(db, config, userId, context);
  setSessionCookie(reply, config, token);
  return { context, contexts, csrfToken };
}

/** The body every sign-in path answers with (the same shape as `GET /api/auth/session`). */
function sessionResponse(
  user: { id: string; email: string; name: string },
  session: { csrfToken: string; context: AuthContext | null; contexts: AuthContext[] },
) {
  return {
    user: { id: user.id, email: user.email, name: user.name },
    csrfToken: session.csrfToken,
    context: session.context,
    contexts: session.contexts,
  };
}

const LOGIN_RATE_LIMIT = { max: 30, timeWindow: "1 minute" };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const { config } = app;

  app.post(
    "/auth/login",
    {
      config: { access: "public", rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags: ["auth"],
        summary: "Sign in with e-mail and password",
        description:
          "Same 401 for an unknown e-mail and a wrong password. After too many failures for one e-mail, 429 until the window passes.",
        body: LoginRequestSchema,
        response: { 200: SessionResponseSchema },
      },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      if ((await recentFailures(db, config, email)) >= config.loginMaxFailures) {
        throw new AppError(
          429,
          "rate_limited",
          "Too many failed sign-ins. Please wait a few minutes and try again.",
        );
      }
      const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
      const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!user || !valid) {
        await db.insert(loginFailures).values({ emailKey: email });
        throw INVALID_CREDENTIALS;
      }
      await db.delete(loginFailures).where(eq(loginFailures.emailKey, email));
      const session = await startSession(db, config, reply, user.id, request.cookies[SESSION_COOKIE]);
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
      config: { access: "signed-in" },
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
      config: { access: "signed-in" },
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
        user: { id: caller.userId, email: caller.email, name: caller.name },
        csrfToken: caller.csrfToken,
        context: caller.context,
        contexts: await listContexts(db, caller.userId),
      };
    },
  );

  app.post(
    "/auth/context",
    {
      config: { access: "signed-in" },
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
        user: { id: caller.userId, email: caller.email, name: caller.name },
        csrfToken: caller.csrfToken,
        context: chosen,
        contexts,
      };
    },
  );

  app.post(
    "/auth/signup",
    {
      config: { access: "public", rateLimit: LOGIN_RATE_LIMIT },
      schema: {
        tags: ["auth"],
        summary: "Create a client account at a clinic (and sign in)",
        body: SignupRequestSchema,
        response: { 201: SessionResponseSchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const [clinic] = await db.select().from(clinics).where(eq(clinics.slug, body.clinicSlug)).limit(1);
      if (!clinic) throw badRequest("unknown_clinic", "That clinic does not exist.", "clinicSlug");
      const [existing] = await db
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${body.email}`);
      if (existing) {
        throw conflict(
          "email_taken",
          "An account with this e-mail already exists. Sign in instead.",
          "email",
        );
      }
      const passwordHash = await hashPassword(body.password);
      const user = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(users)
          .values({ email: body.email, name: `${body.firstName} ${body.lastName}`, passwordHash })
          .returning();
        if (!created) throw new Error("user insert returned nothing");
        await tx.insert(clients).values({
          clinicId: clinic.id,
          userId: created.id,
          firstName: body.firstName,
          lastName: body.lastName,
          email: body.email,
          phone: body.phone ?? null,
        });
        return created;
      });
      const session = await startSession(db, config, reply, user.id, request.cookies[SESSION_COOKIE]);
      reply.status(201);
      return sessionResponse(user, session);
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
      return { ok: true as const };
    },
  );

  app.post(
    "/auth/invitations/accept",
    {
      config: { access: "public", rateLimit: LOGIN_RATE_LIMIT },
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
