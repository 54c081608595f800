/**
 * Per-IP limits for the public sign-in routes, counted in the database (src/server/auth/throttle.ts)
 * so that N app servers still give one limit, not N. A route opts in with `config.ipLimit`.
 */
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../http/errors";
import { retryAfterSeconds, takeAttempt } from "./throttle";

export interface IpLimit {
  /** Counters are per route name, so sign-up attempts do not use up sign-in attempts. */
  name: string;
  max: number;
  windowMs: number;
}

declare module "fastify" {
  interface FastifyContextConfig {
    ipLimit?: IpLimit;
  }
}

/** 30 a minute from one address: plenty for a clinic's shared front-desk network, little for a script. */
export const SIGN_IN_IP_LIMIT = (name: string): IpLimit => ({ name, max: 30, windowMs: 60_000 });

export const ipLimitPlugin = fp(async (app: FastifyInstance) => {
  app.addHook("onRequest", async (request, reply) => {
    const limit = request.routeOptions.config.ipLimit;
    if (!limit) return;
    // request.ip honours KNOTWORK_TRUST_PROXY: with the default (no proxy trusted) it is the
    // socket's address, which a client cannot choose.
    const decision = await takeAttempt(app.database.db, `ip:${limit.name}:${request.ip}`, {
      max: limit.max,
      windowMs: limit.windowMs,
      mode: "fixed",
    });
    if (!decision.allowed) {
      reply.header("retry-after", String(retryAfterSeconds(decision.retryAfterMs)));
      throw new AppError(429, "rate_limited", "Too many requests. Please wait and try again.");
    }
  });
});
