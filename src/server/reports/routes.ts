/**
 * `GET /api/reports/NAME` (docs/decisions/0021-reports.md): the owner sees the clinic's figures,
 * optionally for one therapist; a therapist always sees their own (the filter is forced). JSON, or
 * `text/csv` with `format=csv`. Each read is audited: the reports summarise clinical records.
 */
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { REPORT_NAMES, REPORT_SCHEMAS, type ReportName, ReportQuerySchema } from "../../core/api/reports";
import { toCsv } from "../../core/reports/csv";
import { reportTable } from "../../core/reports/tables";
import { recordAudit } from "../audit/audit";
import { CLINICAL, type Scope, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import { therapists } from "../db/schema";
import { forbidden, notFound } from "../http/errors";
import { clinicById } from "../scheduling/schedule";
import { REPORTS } from "./queries";

const SUMMARIES: Record<ReportName, string> = {
  appointments: "Appointments by status and source; requests confirmed and the median time to confirm",
  utilisation: "Booked minutes over available working minutes, per therapist and room, per week",
  "no-shows": "No-shows and late cancellations: rates, weekly trend, and the clients concerned",
  clients: "New and returning clients per week, and the share of new clients who book again within 8 weeks",
  plans: "Treatment plans started in the range: sessions done, completed, in maintenance, dropped",
  outcomes: "Average pain change from first to latest session per region and muscle (hidden below 5 clients)",
  waitlist: "Waitlist entries, offers sent, and offers followed by a booking (estimate)",
};

/** The therapist whose figures a caller may see: a therapist only their own; the owner any of the clinic's. */
async function therapistFilter(db: Db, scope: Scope, asked: string | undefined): Promise<string | null> {
  if (scope.role === "therapist") {
    const [own] = await db
      .select({ id: therapists.id })
      .from(therapists)
      .where(and(eq(therapists.clinicId, scope.clinicId), eq(therapists.userId, scope.userId)))
      .limit(1);
    if (!own) throw forbidden("Your sign-in is not linked to a therapist.");
    if (asked !== undefined && asked !== own.id) throw notFound("Therapist not found.");
    return own.id;
  }
  if (asked === undefined) return null;
  const [row] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.clinicId, scope.clinicId), eq(therapists.id, asked)))
    .limit(1);
  if (!row) throw notFound("Therapist not found.");
  return row.id;
}

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  for (const name of REPORT_NAMES) {
    app.get(
      `/reports/${name}`,
      {
        config: { access: CLINICAL },
        schema: {
          tags: ["reports"],
          summary: `${SUMMARIES[name]} (owner; a therapist sees their own)`,
          description:
            "Dates are inclusive local dates in the clinic's time zone. `format=csv` answers `text/csv` (RFC 4180, formula cells neutralised) with the report's table instead of JSON.",
          querystring: ReportQuerySchema,
          response: { 200: REPORT_SCHEMAS[name] },
        },
      },
      async (request, reply) => {
        const scope = scopeOf(request);
        const { from, to, format } = request.query;
        const therapistId = await therapistFilter(db, scope, request.query.therapistId);
        const clinic = await clinicById(db, scope.clinicId);
        const report = await REPORTS[name](db, {
          clinicId: scope.clinicId,
          from,
          to,
          timeZone: clinic.timeZone,
          therapistId,
          now: Date.now(),
          cancellationWindowHours: clinic.policies.cancellationWindowHours,
        });
        await recordAudit(db, {
          clinicId: scope.clinicId,
          actorUserId: scope.userId,
          actorRole: scope.role,
          action: format === "csv" ? "export" : "read",
          entity: "report",
          entityId: name,
          ip: request.ip,
        });
        if (format === "csv") {
          const table = reportTable(name, report);
          return reply
            .type("text/csv; charset=utf-8")
            .header("content-disposition", `attachment; filename="${name}-${from}-${to}.csv"`)
            .serializer((payload: unknown) => payload as string)
            .send(toCsv(table.columns, table.rows) as never);
        }
        return report;
      },
    );
  }
};
