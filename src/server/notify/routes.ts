/**
 * Notifications API (F8): the client's message centre and contact preferences, the staff's view of
 * what was sent, is due and failed (per client and per kind), and the one-click unsubscribe that works
 * without signing in (RFC 8058).
 */
import { and, desc, eq, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ContactPreferencesSchema,
  type MessageStatus,
  MessagesOverviewSchema,
  MessagesQuerySchema,
  PortalMessagesSchema,
  UnsubscribeQuerySchema,
  UnsubscribeResultSchema,
  UpdateContactPreferencesSchema,
} from "../../core/api/notify";
import { TOPIC_LABELS } from "../../core/notify/kinds";
import { escapeHtml } from "../../core/notify/templates";
import { ownClientId, STAFF, scopeOf } from "../auth/access";
import { clients, outboxMessages } from "../db/schema";
import { AppError } from "../http/errors";
import { preferencesOf, setPreferences, TOPIC_FIELD } from "./preferences";
import { verifyUnsubscribeToken } from "./tokens";

/** The status of a row as the owner sees it, in SQL (for counting) … */
const STATUS_SQL = sql<MessageStatus>`CASE
  WHEN ${outboxMessages.sentAt} IS NOT NULL THEN 'sent'
  WHEN ${outboxMessages.deadAt} IS NOT NULL THEN 'failed'
  WHEN ${outboxMessages.cancelledAt} IS NOT NULL THEN 'cancelled'
  WHEN ${outboxMessages.lastError} IS NOT NULL THEN 'retrying'
  WHEN ${outboxMessages.sendAfter} <= now() THEN 'due'
  ELSE 'scheduled' END`;

const COUNT_COLUMNS = {
  scheduled: sql<number>`count(*) FILTER (WHERE ${STATUS_SQL} = 'scheduled')::int`,
  due: sql<number>`count(*) FILTER (WHERE ${STATUS_SQL} = 'due')::int`,
  retrying: sql<number>`count(*) FILTER (WHERE ${STATUS_SQL} = 'retrying')::int`,
  sent: sql<number>`count(*) FILTER (WHERE ${STATUS_SQL} = 'sent')::int`,
  failed: sql<number>`count(*) FILTER (WHERE ${STATUS_SQL} = 'failed')::int`,
  cancelled: sql<number>`count(*) FILTER (WHERE ${STATUS_SQL} = 'cancelled')::int`,
};

const invalidToken = () =>
  new AppError(
    400,
    "invalid_token",
    "This unsubscribe link is not valid. Sign in to change what we send you.",
  );

function unsubscribePage(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>${body}</body></html>`;
}

export const notifyRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  // One-click unsubscribes arrive as a form post ("List-Unsubscribe=One-Click"); the body carries
  // nothing else we need, so it is read and dropped (only in this plugin's routes).
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: 1024 },
    (_r, _b, done) => done(null, undefined),
  );

  app.get(
    "/portal/messages",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["notifications"],
        summary: "Your message centre: every message sent or due to you, newest first",
        response: { 200: PortalMessagesSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const clientId = ownClientId(scope);
      const rows = await db
        .select()
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.clinicId, scope.clinicId),
            eq(outboxMessages.clientId, clientId),
            isNull(outboxMessages.cancelledAt),
            // Sent, or due: without a mail server, due messages are delivered here.
            or(sql`${outboxMessages.sentAt} IS NOT NULL`, lte(outboxMessages.sendAfter, sql`now()`)),
          ),
        )
        .orderBy(desc(outboxMessages.sendAfter))
        .limit(200);
      return {
        messages: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          subject: r.subject,
          body: r.body,
          at: (r.sentAt ?? r.sendAfter).toISOString(),
          emailed: r.sentAt !== null,
        })),
      };
    },
  );

  app.get(
    "/portal/contact-preferences",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["notifications"],
        summary: "What you agreed to be contacted about (reminders, recalls, check-ins)",
        response: { 200: ContactPreferencesSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return preferencesOf(db, scope.clinicId, ownClientId(scope));
    },
  );

  app.put(
    "/portal/contact-preferences",
    {
      config: { access: ["client"] },
      schema: {
        tags: ["notifications"],
        summary: "Turn reminders, recalls or check-ins on or off (messages about your bookings always go)",
        body: UpdateContactPreferencesSchema,
        response: { 200: ContactPreferencesSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      return setPreferences(db, scope.clinicId, ownClientId(scope), request.body);
    },
  );

  app.get(
    "/notify/messages",
    {
      config: { access: STAFF },
      schema: {
        tags: ["notifications"],
        summary: "Messages of the clinic: counts per kind and per client, and the latest 200 (staff)",
        querystring: MessagesQuerySchema,
        response: { 200: MessagesOverviewSchema },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { status, kind, clientId } = request.query;
      const clinic = eq(outboxMessages.clinicId, scope.clinicId);
      const filters: SQL[] = [clinic];
      if (status) filters.push(sql`${STATUS_SQL} = ${status}`);
      if (kind) filters.push(eq(outboxMessages.kind, kind));
      if (clientId) filters.push(eq(outboxMessages.clientId, clientId));
      const [byKind, byClient, rows] = await Promise.all([
        db
          .select({ kind: outboxMessages.kind, ...COUNT_COLUMNS })
          .from(outboxMessages)
          .where(and(...filters))
          .groupBy(outboxMessages.kind)
          .orderBy(outboxMessages.kind),
        db
          .select({
            clientId: clients.id,
            name: sql<string>`${clients.firstName} || ' ' || ${clients.lastName}`,
            ...COUNT_COLUMNS,
          })
          .from(outboxMessages)
          .innerJoin(
            clients,
            and(eq(clients.id, outboxMessages.clientId), eq(clients.clinicId, scope.clinicId)),
          )
          .where(and(...filters))
          .groupBy(clients.id, clients.firstName, clients.lastName)
          .orderBy(clients.lastName, clients.firstName)
          .limit(200),
        db
          .select({
            row: outboxMessages,
            status: STATUS_SQL,
            clientFirst: clients.firstName,
            clientLast: clients.lastName,
          })
          .from(outboxMessages)
          .leftJoin(
            clients,
            and(eq(clients.id, outboxMessages.clientId), eq(clients.clinicId, scope.clinicId)),
          )
          .where(and(...filters))
          .orderBy(desc(outboxMessages.sendAfter))
          .limit(200),
      ]);
      return {
        byKind,
        byClient,
        emailEnabled: app.config.smtpUrl !== null,
        messages: rows.map(({ row, status: s, clientFirst, clientLast }) => ({
          id: row.id,
          kind: row.kind,
          status: s,
          subject: row.subject,
          to: row.toAddress,
          client:
            row.clientId && clientFirst !== null
              ? { id: row.clientId, name: `${clientFirst} ${clientLast}` }
              : null,
          appointmentId: row.appointmentId,
          dueAt: row.sendAfter.toISOString(),
          sentAt: row.sentAt?.toISOString() ?? null,
          attempts: row.attempts,
          lastError: row.lastError,
          cancelReason: row.cancelReason,
        })),
      };
    },
  );

  // RFC 8058: the mail provider POSTs "List-Unsubscribe=One-Click" to the URL; a person opening the
  // link gets a page with a button (a GET never changes anything, so link scanners cannot unsubscribe).
  app.get(
    "/notify/unsubscribe",
    {
      config: { access: "public" },
      schema: {
        tags: ["notifications"],
        summary: "The unsubscribe page of a signed link (no sign-in needed)",
        querystring: UnsubscribeQuerySchema,
        // 400: the page for a link that does not verify, or the usual JSON error for a malformed query.
        response: {
          200: z.string(),
          400: z.union([
            z.string(),
            z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
          ]),
        },
      },
    },
    async (request, reply) => {
      const claim = verifyUnsubscribeToken(app.config.secret, request.query.token);
      reply.header("cache-control", "no-store");
      if (!claim && !request.headers.accept?.includes("text/html")) {
        // Not a person following a link: the API's usual JSON error.
        reply.code(400);
        return { code: "invalid_token", message: "This unsubscribe link is not valid.", field: "token" };
      }
      reply.type("text/html; charset=utf-8");
      if (!claim) {
        reply.code(400);
        return unsubscribePage(
          "This link is not valid",
          "<p>Sign in to your portal to change what we send you.</p>",
        );
      }
      const label = TOPIC_LABELS[claim.topic];
      return unsubscribePage(
        `Stop ${label.toLowerCase()}?`,
        `<p>Messages about your bookings (confirmations, changes, cancellations) still come.</p><form method="post" action="/api/notify/unsubscribe?token=${encodeURIComponent(request.query.token)}"><button type="submit" style="font:inherit;padding:.5rem 1rem">Stop ${escapeHtml(label.toLowerCase())}</button></form>`,
      );
    },
  );

  app.post(
    "/notify/unsubscribe",
    {
      // The signed token is the whole authority: a signed-in browser's cookie (no CSRF header from a
      // form post or a web mail client's one-click post) neither blocks nor widens it.
      config: { access: "public", signedLink: true, rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        tags: ["notifications"],
        summary: "One-click unsubscribe (RFC 8058) with a signed token; no sign-in needed",
        querystring: UnsubscribeQuerySchema,
        response: { 200: UnsubscribeResultSchema.or(z.string()) },
      },
    },
    async (request, reply) => {
      const claim = verifyUnsubscribeToken(app.config.secret, request.query.token);
      if (!claim) throw invalidToken();
      const [client] = await db
        .select({ clinicId: clients.clinicId })
        .from(clients)
        .where(eq(clients.id, claim.clientId));
      // A token for a client since erased: nothing to turn off, and nothing to tell.
      if (client)
        await setPreferences(db, client.clinicId, claim.clientId, { [TOPIC_FIELD[claim.topic]]: false });
      reply.header("cache-control", "no-store");
      if ((request.headers.accept ?? "").includes("text/html")) {
        reply.type("text/html; charset=utf-8");
        return unsubscribePage(
          "Done",
          `<p>You will no longer receive ${escapeHtml(TOPIC_LABELS[claim.topic].toLowerCase())}. You can turn them on again in your portal.</p>`,
        );
      }
      return { topic: claim.topic, done: true };
    },
  );
};
