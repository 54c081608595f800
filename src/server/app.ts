/** Builds the Fastify app: one instance per process, stateless (all state lives in the database). */
import { existsSync } from "node:fs";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { appointmentRoutes } from "./appointments/routes";
import { auditPlugin } from "./audit/plugin";
import { auditRoutes } from "./audit/routes";
import { type Access, accessPlugin } from "./auth/access";
import { accountRoutes } from "./auth/account-routes";
import { ipLimitPlugin } from "./auth/ip-limit";
import { authRoutes } from "./auth/routes";
import { assertSessionSettings, fastifyTrustProxy } from "./auth/settings";
import { twoFactorRoutes } from "./auth/two-factor-routes";
import { chartingRoutes } from "./charting/routes";
import { clientRoutes } from "./clients/routes";
import { clinicRoutes } from "./clinic/routes";
import type { Config } from "./config";
import { consentRoutes } from "./consent/routes";
import type { Database } from "./db/connect";
import { diaryRoutes } from "./diary/routes";
import { erasureRoutes } from "./erasure/routes";
import { exportRoutes } from "./export/routes";
import { finderRoutes } from "./finder/routes";
import { homeCareRoutes } from "./homecare/routes";
import { clientErrorHandler, errorHandler } from "./http/errors";
import { healthRoutes } from "./http/health";
import { redactPath } from "./http/redact";
import { staticCacheControl } from "./http/static-cache";
import { intakeRoutes } from "./intake/routes";
import { notifyRoutes } from "./notify/routes";
import { WEB_DIST_DIR } from "./paths";
import { checkInRoutes } from "./plans/check-ins";
import { planRoutes } from "./plans/routes";
import { portalRoutes } from "./portal/routes";
import { reportRoutes } from "./reports/routes";
import { availabilityCachePlugin } from "./scheduling/availability-cache";
import { schedulingRoutes } from "./scheduling/routes";
import { setupRoutes } from "./setup/routes";
import { staffRoutes } from "./staff/routes";

declare module "fastify" {
  interface FastifyInstance {
    database: Database;
    config: Config;
  }
}

export { WEB_DIST_DIR };

/** Request logs carry method, path and status; never query strings or bodies, which may hold health data. */
function requestSerializer(request: FastifyRequest) {
  return { method: request.method, path: redactPath(request.url.split("?")[0] ?? ""), reqId: request.id };
}

export interface BuildAppOptions {
  database: Database;
  config: Config;
  /** Where logs go (stdout by default); tests pass a stream to read them back. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  // Refuse to start with settings that would weaken sign-in, before anything listens.
  assertSessionSettings(config);
  const app = Fastify({
    logger: {
      level: config.logLevel,
      serializers: { req: requestSerializer },
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
    trustProxy: fastifyTrustProxy(config.trustProxy),
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // Refuse `__proto__`/`constructor` keys in JSON bodies rather than trusting every handler to ignore them.
    onProtoPoisoning: "error",
    onConstructorPoisoning: "error",
    // Malformed URLs (bad percent-encoding) get the API's error shape too, without echoing the URL.
    frameworkErrors: (error, request, reply) => errorHandler(error, request, reply),
    // Errors Node's HTTP parser raises before Fastify sees a request (a 64 KB query string is a
    // 431) get the same { code, message } shape as every other answer.
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.decorate("database", database);
  app.decorate("config", config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  // The API speaks JSON only: a text/plain body (which browsers send cross-site without a
  // preflight) is refused with 415 like any other non-JSON type.
  app.removeContentTypeParser("text/plain");
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // API answers carry personal and health data: no browser or proxy may keep a copy. A route
    // whose data is public and cacheable (the atlas) sets its own Cache-Control, which stays.
    if (request.url.startsWith("/api/") && !reply.hasHeader("cache-control")) {
      reply.header("cache-control", "no-store");
    }
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS only where the site is served over HTTPS (secure cookies on); over plain HTTP the
    // header is meaningless at best, and at worst pins a host name that has no certificate.
    hsts: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Knotwork API",
        version: "0.1.0",
        description:
          "REST/JSON API of Knotwork. Errors are `{ code, message, field? }`. Cookie-authenticated writes need the `x-csrf-token` header from `GET /api/auth/session`.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "kw_session" } } },
    },
    // Each operation states who may call it (`x-access`: "public", "signed-in" or the roles), so
    // the document is the route table the access tests sweep and API users can read.
    transform: (input) => {
      const result = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: Access } | undefined)?.access;
      if (access === undefined) return result;
      return {
        ...result,
        schema: {
          ...result.schema,
          "x-access": access,
          ...(access === "public" ? {} : { security: [{ session: [] }] }),
        },
      };
    },
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  await app.register(accessPlugin);
  await app.register(ipLimitPlugin);
  await app.register(auditPlugin);
  await app.register(availabilityCachePlugin);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(twoFactorRoutes);
      await api.register(accountRoutes);
      await api.register(clinicRoutes);
      await api.register(staffRoutes);
      await api.register(clientRoutes);
      await api.register(appointmentRoutes);
      await api.register(schedulingRoutes);
      await api.register(auditRoutes);
      await api.register(finderRoutes);
      await api.register(intakeRoutes);
      await api.register(consentRoutes);
      await api.register(portalRoutes);
      await api.register(chartingRoutes);
      await api.register(notifyRoutes);
      await api.register(exportRoutes);
      await api.register(erasureRoutes);
      await api.register(setupRoutes);
      await api.register(planRoutes);
      await api.register(checkInRoutes);
      await api.register(homeCareRoutes);
      await api.register(diaryRoutes);
      await api.register(reportRoutes);
    },
    { prefix: "/api" },
  );

  await registerWebApp(app);
  return app;
}

/** Serves the built React app, with index.html for any non-API path (client-side routing). */
async function registerWebApp(app: FastifyInstance): Promise<void> {
  const hasWebBuild = existsSync(WEB_DIST_DIR);
  if (hasWebBuild) {
    await app.register(fastifyStatic, {
      root: WEB_DIST_DIR,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (response, filePath) =>
        void response.header("cache-control", staticCacheControl(WEB_DIST_DIR, filePath)),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPageRequest =
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      request.headers.accept?.includes("text/html");
    if (isPageRequest && hasWebBuild) {
      return reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html");
    }
    return reply.status(404).send({ code: "not_found", message: "Not found" });
  });
}
