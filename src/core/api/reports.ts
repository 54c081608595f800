/**
 * Contracts of the clinic reports (F10, docs/decisions/0021-reports.md): each report is
 * `GET /api/reports/NAME?from=YYYY-MM-DD&to=YYYY-MM-DD[&therapistId=][&format=csv]`, dates inclusive and
 * in the clinic's time zone.
 */
import { z } from "zod";
import { APPOINTMENT_SOURCES, APPOINTMENT_STATUSES } from "./clinic";

export const REPORT_NAMES = [
  "appointments",
  "utilisation",
  "no-shows",
  "clients",
  "plans",
  "outcomes",
  "waitlist",
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** A report may span at most this many days (a little over a year: this year against last). */
export const MAX_REPORT_DAYS = 400;
/** Outcome figures from fewer clients than this are hidden (too few to mean anything, and too easy to re-identify). */
export const MIN_OUTCOME_CLIENTS = 5;
/** "Booking again" counts within this many days of the first visit. */
export const RETENTION_DAYS = 56;
/** A plan with no session for this many days, and nothing booked, counts as dropped. */
export const PLAN_DROPPED_AFTER_DAYS = 42;
/** A booking made this soon after a waitlist offer counts as the offer taken (an estimate: see the ADR). */
export const OFFER_TAKEN_WITHIN_HOURS = 48;

const localDate = z.string().date("Use a real date as YYYY-MM-DD.");

export const ReportQuerySchema = z
  .object({
    from: localDate,
    to: localDate,
    therapistId: z.string().uuid({ message: "Not a valid id." }).optional(),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .refine((q) => q.from <= q.to, { message: "The range must end on or after its start.", path: ["to"] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) < MAX_REPORT_DAYS * 86_400_000, {
    message: `A report may span at most ${MAX_REPORT_DAYS} days.`,
    path: ["to"],
  });
export type ReportQuery = z.infer<typeof ReportQuerySchema>;

const header = {
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  therapistId: z.string().nullable(),
};

export const AppointmentsReportSchema = z.object({
  ...header,
  total: z.number(),
  byStatusSource: z.array(
    z.object({
      status: z.enum(APPOINTMENT_STATUSES),
      source: z.enum(APPOINTMENT_SOURCES),
      count: z.number(),
    }),
  ),
  weeks: z.array(z.object({ week: z.string(), count: z.number() })),
  requests: z.object({
    total: z.number(),
    confirmed: z.number(),
    medianMinutesToConfirm: z.number().nullable(),
  }),
});
export type AppointmentsReport = z.infer<typeof AppointmentsReportSchema>;

export const UtilisationRowSchema = z.object({
  kind: z.enum(["therapist", "room"]),
  id: z.string(),
  name: z.string(),
  week: z.string(),
  bookedMin: z.number(),
  availableMin: z.number(),
  /** bookedMin / availableMin; null when nothing was available. */
  share: z.number().nullable(),
});
export const UtilisationReportSchema = z.object({ ...header, rows: z.array(UtilisationRowSchema) });
export type UtilisationReport = z.infer<typeof UtilisationReportSchema>;
export type UtilisationRow = z.infer<typeof UtilisationRowSchema>;

export const NoShowsReportSchema = z.object({
  ...header,
  booked: z.number(),
  noShows: z.number(),
  lateCancellations: z.number(),
  noShowRate: z.number().nullable(),
  lateCancellationRate: z.number().nullable(),
  weeks: z.array(
    z.object({ week: z.string(), booked: z.number(), noShows: z.number(), lateCancellations: z.number() }),
  ),
  clients: z.array(
    z.object({ clientId: z.string(), name: z.string(), noShows: z.number(), lateCancellations: z.number() }),
  ),
});
export type NoShowsReport = z.infer<typeof NoShowsReportSchema>;

export const ClientsReportSchema = z.object({
  ...header,
  newClients: z.number(),
  returningClients: z.number(),
  weeks: z.array(z.object({ week: z.string(), newClients: z.number(), returningClients: z.number() })),
  retention: z.object({
    /** New clients of the range whose 8 weeks are over, or who have already booked again. */
    eligible: z.number(),
    rebooked: z.number(),
    share: z.number().nullable(),
  }),
});
export type ClientsReport = z.infer<typeof ClientsReportSchema>;

export const PLAN_STATUSES = ["active", "completed", "maintenance", "dropped"] as const;
export const PlansReportSchema = z.object({
  ...header,
  plans: z.number(),
  byStatus: z.array(z.object({ status: z.enum(PLAN_STATUSES), count: z.number() })),
  plannedSessions: z.number(),
  /** Sessions done towards the plans, each plan counted up to its planned number. */
  doneSessions: z.number(),
  completionShare: z.number().nullable(),
});
export type PlansReport = z.infer<typeof PlansReportSchema>;

export const OutcomeRowSchema = z.object({
  kind: z.enum(["region", "muscle"]),
  id: z.string(),
  label: z.string(),
  clients: z.number(),
  /** Average of (latest − first) pain, 0–10 scale; negative is better. Null when hidden (too few clients). */
  averageChange: z.number().nullable(),
});
export const OutcomesReportSchema = z.object({
  ...header,
  minClients: z.number(),
  rows: z.array(OutcomeRowSchema),
});
export type OutcomesReport = z.infer<typeof OutcomesReportSchema>;
export type OutcomeRow = z.infer<typeof OutcomeRowSchema>;

export const WaitlistReportSchema = z.object({
  ...header,
  entriesCreated: z.number(),
  offersSent: z.number(),
  /** Offers followed by a booking of the same service by the same client within 48 hours (an estimate). */
  offersTakenEstimate: z.number(),
  openNow: z.number(),
  weeks: z.array(z.object({ week: z.string(), entriesCreated: z.number(), offersSent: z.number() })),
});
export type WaitlistReport = z.infer<typeof WaitlistReportSchema>;

export const REPORT_SCHEMAS = {
  appointments: AppointmentsReportSchema,
  utilisation: UtilisationReportSchema,
  "no-shows": NoShowsReportSchema,
  clients: ClientsReportSchema,
  plans: PlansReportSchema,
  outcomes: OutcomesReportSchema,
  waitlist: WaitlistReportSchema,
} as const satisfies Record<ReportName, z.ZodTypeAny>;

export interface ReportTypes {
  appointments: AppointmentsReport;
  utilisation: UtilisationReport;
  "no-shows": NoShowsReport;
  clients: ClientsReport;
  plans: PlansReport;
  outcomes: OutcomesReport;
  waitlist: WaitlistReport;
}
