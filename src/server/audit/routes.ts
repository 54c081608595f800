/**
 * The owner's audit viewer (F11): events with the person and the client named at read time — the
 * log keeps ids only, so it stays verifiable after a name changes or is erased — filters by client,
 * staff member, action and date (days in the clinic's zone), a CSV export, and the chain check.
 */
import { and, asc, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AUDIT_CSV_HEADER,
  type AuditEntry,
  AuditEntrySchema,
  type AuditFilter,
  AuditFilterOptionsSchema,
  AuditFilterSchema,
  AuditQuerySchema,
  AuditVerificationSchema,
  toCsv,
} from "../../core/api/audit";
import { MS_PER_DAY, parseLocalDate } from "../../core/scheduling/civil";
import { firstInstantAtOrAfterWallClock, instantToLocal } from "../../core/scheduling/zone";
import { OWNER, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import { auditEvents, clients, users } from "../db/schema";
import { badRequest } from "../http/errors";
import { recordAudit, verifyAuditChain } from "./audit";

/** The most rows one CSV export holds; narrow the filter for more. */
export const AUDIT_CSV_MAX_ROWS = 100_000;

/** The first instant of a local day in the clinic's zone. */
function startOfLocalDay(date: string, zone: string, field: string): Date {
  const day = parseLocalDate(date);
  if (day === null) throw badRequest("invalid_date", "Use a real date like 2026-03-31.", field);
  return new Date(firstInstantAtOrAfterWallClock(day * MS_PER_DAY, zone));
}

function filterConditions(clinicId: string, filter: AuditFilter, zone: string): SQL[] {
  const conditions: SQL[] = [eq(auditEvents.clinicId, clinicId)];
  if (filter.clientId) conditions.push(eq(auditEvents.clientId, filter.clientId));
  if (filter.actorUserId) conditions.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.from) conditions.push(gte(auditEvents.at, startOfLocalDay(filter.from, zone, "from")));
  if (filter.to) {
    const day = parseLocalDate(filter.to);
    if (day === null) throw badRequest("invalid_date", "Use a real date like 2026-03-31.", "to");
    // The last day is included: up to the start of the next local day.
    conditions.push(
      lt(auditEvents.at, new Date(firstInstantAtOrAfterWallClock((day + 1) * MS_PER_DAY, zone))),
    );
  }
  if (filter.from && filter.to && filter.from > filter.to) {
    throw badRequest("invalid_range", "The first day must not be after the last day.", "to");
  }
  return conditions;
}

/** Events with names joined at read time, newest first. */
async function readEntries(
  db: Db,
  conditions: SQL[],
  limit: number,
  order: "newest" | "oldest" = "newest",
): Promise<AuditEntry[]> {
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorUserId: auditEvents.actorUserId,
      actorName: users.name,
      actorRole: auditEvents.actorRole,
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      clientId: auditEvents.clientId,
      clientFirst: clients.firstName,
      clientLast: clients.lastName,
      ip: auditEvents.ip,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(clients, and(eq(clients.id, auditEvents.clientId), eq(clients.clinicId, auditEvents.clinicId)))
    .where(and(...conditions))
    .orderBy(order === "newest" ? desc(auditEvents.id) : asc(auditEvents.id))
    .limit(limit);
  return rows.map(({ clientFirst, clientLast, ...row }) => ({
    ...row,
    at: row.at.toISOString(),
    actorName: row.actorName ?? null,
    clientName: clientFirst !== null && clientLast !== null ? `${clientFirst} ${clientLast}` : null,
  }));
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/audit",
    {
      config: { access: OWNER },
      schema: {
        tags: ["audit"],
        summary: "The clinic's audit log, newest first, with who and which client named (owner)",
        description:
          "Filters: `clientId`, `actorUserId` (the staff member or client who acted), `action`, and `from`/`to` (days in the clinic's time zone, both included). Page with `before` = the last id seen.",
        querystring: AuditQuerySchema,
        response: { 200: z.array(AuditEntrySchema) },
      },
    },
    async (request) => {
      const scope = scopeOf(request);
      const { before, limit, ...filter } = request.query;
      const conditions = filterConditions(scope.clinicId, filter, scope.timeZone);
      if (before) conditions.push(lt(auditEvents.id, before));
      return readEntries(db, conditions, limit);
    },
  );

  app.get(
    "/audit/filters",
    {
      config: { access: OWNER },
      schema: {
        tags: ["audit"],
        summary: "Who, which clients and which actions appear in the clinic's audit log (owner)",
        response: { 200: AuditFilterOptionsSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      const actors = await db
        .selectDistinct({ id: users.id, name: users.name, role: auditEvents.actorRole })
        .from(auditEvents)
        .innerJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(eq(auditEvents.clinicId, clinicId));
      const staff = new Map<string, { id: string; name: string; roles: Set<string> }>();
      for (const actor of actors) {
        const entry = staff.get(actor.id) ?? { id: actor.id, name: actor.name, roles: new Set<string>() };
        if (actor.role) entry.roles.add(actor.role);
        staff.set(actor.id, entry);
      }
      const named = await db
        .selectDistinct({ id: clients.id, first: clients.firstName, last: clients.lastName })
        .from(auditEvents)
        .innerJoin(
          clients,
          and(eq(clients.id, auditEvents.clientId), eq(clients.clinicId, auditEvents.clinicId)),
        )
        .where(eq(auditEvents.clinicId, clinicId));
      const actions = await db
        .selectDistinct({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.clinicId, clinicId));
      return {
        staff: [...staff.values()]
          .map((s) => ({ id: s.id, name: s.name, role: [...s.roles].sort().join(", ") || null }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        clients: named
          .map((c) => ({ id: c.id, name: `${c.first} ${c.last}` }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        actions: actions.map((a) => a.action).sort(),
      };
    },
  );

  app.get(
    "/audit/export.csv",
    {
      config: { access: OWNER },
      schema: {
        tags: ["audit"],
        summary: "The audit log as CSV (RFC 4180), with the same filters, oldest first (owner)",
        description: `At most ${AUDIT_CSV_MAX_ROWS} rows. Cells a spreadsheet would read as a formula (starting with = + - @) get a leading apostrophe. The export itself is audited.`,
        querystring: AuditFilterSchema,
        produces: ["text/csv"],
        response: { 200: z.string().describe("text/csv; charset=utf-8") },
      },
    },
    async (request, reply) => {
      const scope = scopeOf(request);
      const entries = await readEntries(
        db,
        filterConditions(scope.clinicId, request.query, scope.timeZone),
        AUDIT_CSV_MAX_ROWS,
        "oldest",
      );
      await recordAudit(db, {
        clinicId: scope.clinicId,
        actorUserId: scope.userId,
        actorRole: scope.role,
        action: "export",
        entity: "audit_log",
        ip: request.ip,
      });
      const rows = entries.map((e) => {
        const local = instantToLocal(Date.parse(e.at), scope.timeZone);
        return [
          e.id,
          e.at,
          `${local.date} ${local.time}`,
          e.actorName,
          e.actorRole,
          e.action,
          e.entity,
          e.entityId,
          e.clientName,
          e.clientId,
          e.ip,
        ];
      });
      const today = instantToLocal(Date.now(), scope.timeZone).date;
      reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="audit-${scope.clinicSlug}-${today}.csv"`);
      return toCsv(AUDIT_CSV_HEADER, rows);
    },
  );

  app.get(
    "/audit/verify",
    {
      config: { access: OWNER },
      schema: {
        tags: ["audit"],
        summary: "Check the audit log's keyed hash chain against its signed checkpoints (owner)",
        description:
          "Recomputes every event's HMAC and link, and compares the chain with every signed checkpoint of its head kept outside the database: fewer events than a checkpoint counted, or a different event where one ended, means events were deleted or rewritten.",
        response: { 200: AuditVerificationSchema },
      },
    },
    async (request) => verifyAuditChain(db, scopeOf(request).clinicId),
  );
};
