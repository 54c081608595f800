/**
 * Who may call what. Every API route declares `config.access`; a route without one refuses to
 * register, so "forgot to check" cannot ship. The hooks here resolve the session, enforce CSRF on
 * cookie-authenticated writes, and enforce the declared access before any handler runs.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import type { AuthContext, Role, StaffRole } from "../../core/api/auth";
import type { Config } from "../config";
import { AppError, forbidden, unauthenticated } from "../http/errors";
import { type Caller, resolveSession, SESSION_COOKIE } from "./sessions";

/** "public": anyone; "signed-in": any session, even without a clinic; or the roles allowed. */
export type Access = "public" | "signed-in" | readonly Role[];

export const STAFF: readonly StaffRole[] = ["owner", "therapist", "front_desk"];
export const ANY_ROLE: readonly Role[] = ["owner", "therapist", "front_desk", "client"];
export const OWNER: readonly StaffRole[] = ["owner"];
export const DESK: readonly StaffRole[] = ["owner", "front_desk"];
export const CLINICAL: readonly StaffRole[] = ["owner", "therapist"];

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    /**
     * The route works for a session that has still to pass (or enrol) the second factor: the
     * session itself, signing out, and the two-factor routes. Every other route refuses such a
     * session (docs/decisions/0020-two-factor-and-account-recovery.md).
     */
    beforeSecondFactor?: boolean;
    /**
     * The route is authorised by a signed token in its URL alone (a one-click unsubscribe link): the
     * session cookie is ignored, so the CSRF and Origin checks, which guard what a cookie may do, do
     * not apply. Only for `access: "public"` routes (docs/decisions/0017-notifications.md).
     */
    signedLink?: boolean;
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The acting clinic and role of a request whose route allows roles (set by the access hook). */
export interface Scope extends AuthContext {
  userId: string;
}

export function scopeOf(request: FastifyRequest): Scope {
  const context = request.caller?.context;
  if (!request.caller || !context) throw unauthenticated();
  return { ...context, userId: request.caller.userId };
}

/** For routes a client may call about their own record: the client id they act as. */
export function ownClientId(scope: Scope): string {
  if (scope.role !== "client" || !scope.clientId) throw forbidden();
  return scope.clientId;
}

export function isStaff(scope: Scope): boolean {
  return scope.role !== "client";
}

/** "scheme://host[:port]" as a browser writes it in `Origin` (default ports left out), or null. */
function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * The origins this server is reached at: the configured public URL, and the scheme and Host the
 * request arrived with (https whenever secure cookies are on, since TLS may end at a proxy).
 */
function ownOrigins(request: FastifyRequest, config: Config): Set<string> {
  const origins = new Set<string>();
  const publicOrigin = originOf(config.publicUrl);
  if (publicOrigin) origins.add(publicOrigin);
  const host = request.headers.host;
  if (host) {
    const scheme = config.secureCookies ? "https" : request.protocol;
    const own = originOf(`${scheme}://${host}`);
    if (own) origins.add(own);
  }
  return origins;
}

/** Scheme, host and port must all match: `http://clinic.example` is not `https://clinic.example`. */
function originIsOwn(request: FastifyRequest, config: Config): boolean {
  const origin = request.headers.origin;
  // Non-browser clients send no Origin; browsers always send one on cross-site writes.
  if (origin === undefined) return true;
  const given = originOf(origin);
  return given !== null && ownOrigins(request, config).has(given);
}

/** A session that has not passed the second factor may use only the routes marked for it. */
function enforceSecondFactor(request: FastifyRequest): void {
  const pending = request.caller?.twoFactor.pending;
  if (!pending || request.routeOptions.config.beforeSecondFactor) return;
  const access = request.routeOptions.config.access;
  if (access === undefined || access === "public") {
    // Public routes (and the web app's pages) work as for anyone signed out: a half-signed-in
    // session acts for nobody.
    request.caller = null;
    return;
  }
  throw pending === "verify"
    ? new AppError(403, "second_factor_required", "Enter the code from your authenticator app first.")
    : new AppError(
        403,
        "second_factor_enrolment_required",
        "Your clinic requires two-factor sign-in for staff: set it up first.",
      );
}

function enforceAccess(request: FastifyRequest): void {
  const access = request.routeOptions.config.access;
  if (access === undefined || access === "public") return;
  const caller = request.caller;
  if (!caller) throw unauthenticated();
  if (access === "signed-in") return;
  const role = caller.context?.role;
  if (!role) throw forbidden("Choose a clinic first.");
  if (!access.includes(role)) throw forbidden();
}

export const accessPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest("caller", null);

  app.addHook("onRoute", (route) => {
    if (
      route.url.startsWith("/api/") &&
      route.config?.access === undefined &&
      !route.url.startsWith("/api/docs")
    ) {
      throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
    }
    if (route.config?.signedLink && route.config.access !== "public") {
      throw new Error(`Route ${route.method} ${route.url}: a signed link is for public routes only`);
    }
  });

  app.addHook("onRequest", async (request) => {
    // No ambient authority: the request acts for nobody but the token's holder.
    if (request.routeOptions.config.signedLink) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length <= 200) {
      request.caller = await resolveSession(app.database.db, app.config, token);
    }
    if (UNSAFE_METHODS.has(request.method) && request.url.startsWith("/api/")) {
      // Cross-site writes are refused outright; cookie-authenticated writes also need the
      // session's CSRF token (synchronizer-token pattern), which a cross-site page cannot read.
      if (!originIsOwn(request, app.config)) throw new AppError(403, "csrf", "Cross-site request refused.");
      if (request.caller && request.headers["x-csrf-token"] !== request.caller.csrfToken) {
        throw new AppError(403, "csrf", "Missing or invalid CSRF token. Reload the page and try again.");
      }
    }
    // Before body validation, so an anonymous caller learns nothing about a private route's shape.
    enforceSecondFactor(request);
    enforceAccess(request);
  });
});
