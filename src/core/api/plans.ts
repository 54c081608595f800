/**
 * API contracts of treatment plans, aftercare, home care, the pain diary and progress (docs/product.md
 * F7, F9), shared by the server and the web app. Instants are ISO 8601 strings; dates YYYY-MM-DD in the
 * clinic's zone. Errors are `{ code, message, field? }` like every route.
 *
 * ROUTES (all under /api; "clinical" = owner and therapist; every staff read of a client's diary,
 * progress, check-ins, plan or home care is audited; another clinic's ids answer 404)
 *
 * Plan rule (clinic setting)
 *   GET    /clinic/plan-rule                  clinical      → PlanRuleSettingsSchema (the clinic's or the defaults)
 *   PUT    /clinic/plan-rule                  owner         body PlanRuleSettingsSchema → PlanRuleSettingsSchema
 * Plans (staff)
 *   GET    /clients/{id}/plan-suggestion      clinical      → PlanSuggestionResponseSchema (from intake + consultation)
 *   GET    /clients/{id}/plans                clinical      → PlanSchema[] (newest first, with progress)
 *   POST   /clients/{id}/plans                clinical      body PlanCreateSchema → PlanSchema (201)
 *   GET    /plans/{id}                        clinical      → PlanSchema
 *   PATCH  /plans/{id}                        clinical      body PlanUpdateSchema → PlanSchema
 *   GET    /plans/{id}/series-offer           clinical      query SeriesOfferQuerySchema → SeriesOfferSchema
 *   POST   /plans/{id}/series                 clinical      body SeriesBookRequestSchema → SeriesBookResultSchema
 *   GET    /plans/alerts                      clinical      → PlanAlertsSchema (re-assessment prompts, flagged check-ins)
 * Plans (client, own only)
 *   GET    /me/plan                           client        → MyPlanSchema ({ plan: PlanSchema | null })
 *   GET    /me/plan/series-offer              client        query SeriesOfferQuerySchema → SeriesOfferSchema
 *   POST   /me/plan/series                    client        body SeriesBookRequestSchema → SeriesBookResultSchema
 * Aftercare and soreness check-in
 *   GET    /me/aftercare                      client        → MyAftercareSchema (recent completed visits, check-ins due/answered)
 *   POST   /me/check-ins                      client        body CheckInRequestSchema → CheckInSchema (201)
 *   GET    /clients/{id}/check-ins            clinical      → CheckInSchema[] (audited)
 * Home care
 *   GET    /clients/{id}/home-care            clinical      → HomeCarePlanSchema (saved, or built from treated muscles if none; audited)
 *   GET    /clients/{id}/home-care/suggested  clinical      → HomeCareItemSchema[] (fresh build from all treated muscles)
 *   PUT    /clients/{id}/home-care            clinical      body HomeCareSaveSchema → HomeCarePlanSchema
 *   GET    /clients/{id}/home-care.pdf        clinical      → application/pdf (audited)
 *   GET    /me/home-care                      client        → MyHomeCareSchema ({ plan: HomeCarePlanSchema | null }, shared only)
 *   GET    /me/home-care.pdf                  client        → application/pdf (404 when nothing is shared)
 * Pain diary
 *   GET    /me/diary                          client        → DiaryEntrySchema[] (newest first)
 *   POST   /me/diary                          client        body DiaryEntryRequestSchema → DiaryEntrySchema (201)
 *   POST   /me/diary/repeat-last              client        (no body) → DiaryEntrySchema (201; 404 when the diary is empty)
 *   PATCH  /me/diary/{id}                     client        body DiaryEntryUpdateSchema → DiaryEntrySchema
 *   DELETE /me/diary/{id}                     client        → 204
 *   GET    /clients/{id}/diary                clinical      → DiaryEntrySchema[] (audited)
 * Progress charts
 *   GET    /me/progress                       client        → ProgressSchema
 *   GET    /clients/{id}/progress             clinical      → ProgressSchema (audited)
 */
import { z } from "zod";
import { CHECK_IN_SYMPTOMS } from "../aftercare/aftercare";
import { SELF_TREATMENT_TOOLS } from "../atlas/types";
import { HOME_CARE_KINDS } from "../homecare/builder";
import { RegionIdSchema } from "../intake/fields";
import { PLAN_LIMITS } from "../plans/rule";
import { parseLocalDate } from "../scheduling/civil";
import { InstantSchema, UuidSchema } from "./scheduling";
import { plainText, singleLine } from "./text";

// ---- Building blocks.

export const PainScore0to10Schema = z
  .number()
  .int("Pain is a whole number from 0 to 10")
  .min(0, "Pain is from 0 to 10")
  .max(10, "Pain is from 0 to 10");

/** A real calendar date YYYY-MM-DD between the years 2000 and 2999 (plans are about the present). */
const LocalDateSchema = z.iso
  .date({ error: "Use a date YYYY-MM-DD.", abort: true })
  .refine((text) => parseLocalDate(text) !== null, { error: "Use a real calendar date." })
  .refine((text) => text >= "2000-01-01" && text <= "2999-12-31", { error: "That date is out of range." });

export const PLAN_STATUSES = ["active", "maintenance", "finished", "cancelled"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

// ---- Plan rule (clinic setting).

const SessionRangeSchema = z
  .tuple([
    z.number().int().min(PLAN_LIMITS.minSessions).max(PLAN_LIMITS.maxSessions),
    z.number().int().min(PLAN_LIMITS.minSessions).max(PLAN_LIMITS.maxSessions),
  ])
  .refine(([min, max]) => min <= max, { message: "The first number must not be above the second." });
const WeeksSchema = z
  .number()
  .int()
  .min(PLAN_LIMITS.minMaintenanceWeeks)
  .max(PLAN_LIMITS.maxMaintenanceWeeks);

export const PlanRuleSettingsSchema = z
  .object({
    chronicFromDays: z.number().int().min(1).max(3650),
    subacuteFromDays: z.number().int().min(1).max(3650),
    longstandingFromDays: z.number().int().min(1).max(36500),
    severeFromPain: z.number().int().min(1).max(10),
    moderateFromPain: z.number().int().min(1).max(10),
    shortCourse: SessionRangeSchema.describe("Sessions [min, max] for mild or recent pain"),
    course: SessionRangeSchema.describe("Sessions [min, max] for chronic or severe pain"),
    sessionIntervalDays: z.number().int().min(1).max(42),
    maintenanceWeeks: z
      .tuple([WeeksSchema, WeeksSchema, WeeksSchema])
      .describe("Maintenance every N weeks: [after a short course, after a course, chronic and severe]"),
    improvementTarget: z.number().min(0.05).max(0.95).describe("0.3 = prompt when pain fell less than 30 %"),
  })
  .refine((s) => s.moderateFromPain <= s.severeFromPain, {
    message: "Moderate pain must start at or below severe pain.",
    path: ["moderateFromPain"],
  })
  .refine((s) => s.shortCourse[1] <= s.course[0], {
    message: "A short course may not be longer than a full course.",
    path: ["shortCourse"],
  });
export type PlanRuleSettingsBody = z.infer<typeof PlanRuleSettingsSchema>;

// ---- Plans.

export const PlanSuggestionSchema = z.object({
  band: z.enum(["short", "course"]),
  chronic: z.boolean(),
  severe: z.boolean(),
  sessions: z.number().int(),
  sessionIntervalDays: z.number().int(),
  maintenanceIntervalWeeks: z.number().int(),
  pain: z.number().nullable(),
  reasons: z.array(z.string()),
});

export const PlanSuggestionResponseSchema = z.object({
  suggestion: PlanSuggestionSchema,
  inputs: z.object({
    durationDays: z.number().nullable().describe("How long it has hurt (intake)"),
    painNow: z.number().nullable(),
    painWorst: z.number().nullable(),
    consultationPain: z.number().nullable().describe("Pain before the latest charted session"),
    goals: z.string().nullable().describe("The client's goals, in their words (intake)"),
  }),
});
export type PlanSuggestionResponse = z.infer<typeof PlanSuggestionResponseSchema>;

export const PlanVisitSchema = z.object({
  appointmentId: z.string(),
  startsAt: z.string(),
  local: z.string(),
  status: z.enum(["requested", "confirmed", "declined", "cancelled", "completed", "no_show"]),
  therapistName: z.string(),
  inSeries: z.boolean().describe("Booked as part of this plan's series"),
});

export const PlanProgressSchema = z.object({
  planned: z.number().int(),
  completed: z.number().int(),
  upcoming: z.number().int(),
  cancelled: z.number().int(),
  noShow: z.number().int(),
  remaining: z.number().int(),
  baselinePain: z.number().nullable(),
  latestPain: z.number().nullable(),
  improvement: z
    .number()
    .nullable()
    .describe("Share of the starting pain gone (0.3 = 30 %); null if unknown"),
  reassessment: z.object({ due: z.boolean(), message: z.string().nullable() }),
});

export const PlanSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  therapist: z.object({ id: z.string(), name: z.string() }).nullable(),
  service: z.object({ id: z.string(), name: z.string(), durationMin: z.number() }).nullable(),
  status: z.enum(PLAN_STATUSES),
  plannedSessions: z.number().int(),
  sessionIntervalDays: z.number().int(),
  maintenanceIntervalWeeks: z.number().int().nullable(),
  goals: z.string().describe("In the client's words"),
  notes: z.string().describe("The therapist's notes (not shown to the client)"),
  startsOn: z.string().describe("YYYY-MM-DD: visits from this day count toward the plan"),
  suggestion: PlanSuggestionSchema.nullable().describe("What the rule suggested when the plan was made"),
  visits: z.array(PlanVisitSchema),
  progress: PlanProgressSchema,
  nextMaintenanceOn: z.string().nullable().describe("In maintenance: the date the next visit is due"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const PlanCreateSchema = z.object({
  plannedSessions: z.number().int().min(PLAN_LIMITS.minSessions).max(12),
  sessionIntervalDays: z.number().int().min(1).max(42).default(7),
  maintenanceIntervalWeeks: z.number().int().min(1).max(26).nullable().optional(),
  goals: plainText(1000).default(""),
  notes: plainText(2000).default(""),
  therapistId: UuidSchema.optional().describe("Omitted: the caller if a therapist"),
  serviceId: UuidSchema.optional().describe("The service the series is booked as"),
  startsOn: LocalDateSchema.optional().describe("Omitted: today"),
});
export type PlanCreate = z.infer<typeof PlanCreateSchema>;

export const PlanUpdateSchema = z
  .object({
    plannedSessions: z.number().int().min(PLAN_LIMITS.minSessions).max(12),
    sessionIntervalDays: z.number().int().min(1).max(42),
    maintenanceIntervalWeeks: z.number().int().min(1).max(26).nullable(),
    goals: plainText(1000),
    notes: plainText(2000),
    therapistId: UuidSchema.nullable(),
    serviceId: UuidSchema.nullable(),
    status: z.enum(PLAN_STATUSES),
    startsOn: LocalDateSchema,
  })
  .partial();
export type PlanUpdate = z.infer<typeof PlanUpdateSchema>;

export const MyPlanSchema = z.object({ plan: PlanSchema.omit({ notes: true }).nullable() });

// ---- Booking the series.

export const SeriesOfferQuerySchema = z.object({
  from: LocalDateSchema.describe("Day of the first session (clinic zone); omitted: tomorrow").optional(),
  serviceId: UuidSchema.optional().describe("Omitted: the plan's service"),
  count: z.coerce.number().int().min(1).max(12).optional().describe("Omitted: the sessions still to book"),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use HH:MM." })
    .optional()
    .describe("Preferred time of day (clinic zone); omitted: the first session's earliest free time"),
});

export const SeriesOfferSlotSchema = z.object({
  index: z.number().int().describe("0 = first session of the series"),
  targetDate: z.string().describe("The day the interval puts this session on"),
  start: z.string().nullable().describe("The offered start (ISO), or null when none is free near that day"),
  local: z.string().nullable(),
  reason: z.string().nullable().describe("Why nothing is offered, when start is null"),
});

export const SeriesOfferSchema = z.object({
  therapist: z.object({ id: z.string(), name: z.string() }),
  service: z.object({ id: z.string(), name: z.string(), durationMin: z.number() }),
  intervalDays: z.number().int(),
  slots: z.array(SeriesOfferSlotSchema),
});
export type SeriesOffer = z.infer<typeof SeriesOfferSchema>;

export const SeriesBookRequestSchema = z.object({
  serviceId: UuidSchema.optional().describe("Omitted: the plan's service"),
  starts: z.array(InstantSchema).min(1).max(12).describe("The starts to book (normally the offer's)"),
  note: plainText(1000).optional(),
});

export const SeriesSlotResultSchema = z.object({
  start: z.string(),
  outcome: z.enum(["booked", "unavailable"]),
  appointmentId: z.string().nullable(),
  status: z.enum(["requested", "confirmed"]).nullable(),
  code: z.string().nullable().describe("Why not (the booking path's error code, e.g. slot_taken)"),
  message: z.string().nullable(),
});

export const SeriesBookResultSchema = z.object({
  booked: z.number().int(),
  unavailable: z.number().int(),
  slots: z.array(SeriesSlotResultSchema),
});
export type SeriesBookResult = z.infer<typeof SeriesBookResultSchema>;

// ---- Aftercare and check-ins.

export const AftercareSectionSchema = z.object({
  id: z.enum(["expect", "water", "rest", "call"]),
  title: z.string(),
  points: z.array(z.string()),
});

export const CheckInRequestSchema = z.object({
  appointmentId: UuidSchema.describe("The completed visit the check-in is about"),
  soreness: PainScore0to10Schema.describe("Soreness now, 0-10"),
  symptoms: z.array(z.enum(CHECK_IN_SYMPTOMS)).max(CHECK_IN_SYMPTOMS.length).default([]),
  note: plainText(1000).default(""),
});

export const CheckInSchema = z.object({
  id: z.string(),
  appointmentId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  soreness: z.number().int(),
  symptoms: z.array(z.enum(CHECK_IN_SYMPTOMS)),
  note: z.string(),
  flags: z.array(z.enum(["severe-soreness", ...CHECK_IN_SYMPTOMS])),
  flagged: z.boolean(),
  reply: z.string().describe("What the client was told"),
  answeredAt: z.string(),
});
export type CheckIn = z.infer<typeof CheckInSchema>;

export const AftercareVisitSchema = z.object({
  appointmentId: z.string(),
  startsAt: z.string(),
  local: z.string(),
  therapistName: z.string(),
  aftercare: z.array(AftercareSectionSchema),
  checkInDue: z.boolean().describe("From the day after the visit until answered (for 7 days)"),
  checkIn: CheckInSchema.nullable(),
});

export const MyAftercareSchema = z.object({ visits: z.array(AftercareVisitSchema) });

export const PlanAlertsSchema = z.object({
  reassessments: z.array(
    z.object({ planId: z.string(), clientId: z.string(), clientName: z.string(), message: z.string() }),
  ),
  flaggedCheckIns: z.array(CheckInSchema),
});

// ---- Home care.

const HoldSchema = z
  .tuple([z.number().int().min(5).max(120), z.number().int().min(5).max(120)])
  .refine(([a, b]) => a <= b, { message: "The first number must not be above the second." });

export const HomeCareItemSchema = z.object({
  id: singleLine(80, 1),
  kind: z.enum(HOME_CARE_KINDS),
  muscleId: singleLine(80).nullable(),
  title: singleLine(200, 1),
  tool: z.enum(SELF_TREATMENT_TOOLS).nullable(),
  how: plainText(2000),
  holdSeconds: HoldSchema.nullable(),
  frequency: singleLine(200),
  stretch: plainText(2000).nullable(),
  cautions: z.array(plainText(1000, 1)).max(20),
});
export type HomeCareItemBody = z.infer<typeof HomeCareItemSchema>;

export const HomeCarePlanSchema = z.object({
  id: z.string().nullable().describe("null: built now, not saved yet"),
  clientId: z.string(),
  clientName: z.string(),
  items: z.array(HomeCareItemSchema),
  shared: z.boolean().describe("The client sees it (portal and PDF)"),
  sharedAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  generalCautions: z.array(z.string()).describe("Rules for every self-treatment (atlas)"),
});
export type HomeCarePlan = z.infer<typeof HomeCarePlanSchema>;

export const HomeCareSaveSchema = z
  .object({
    items: z.array(HomeCareItemSchema).max(60),
    shared: z.boolean(),
  })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.items.forEach((item, index) => {
      if (seen.has(item.id))
        ctx.addIssue({ code: "custom", path: ["items", index, "id"], message: "Item ids must be unique." });
      seen.add(item.id);
    });
  });

export const MyHomeCareSchema = z.object({ plan: HomeCarePlanSchema.nullable() });

// ---- Pain diary.

export const DiaryRegionSchema = z.object({ id: RegionIdSchema, intensity: PainScore0to10Schema });

const DiaryRegionsSchema = z
  .array(DiaryRegionSchema)
  .min(1, "Mark at least one region")
  .max(60)
  .superRefine((regions, ctx) => {
    const seen = new Set<string>();
    regions.forEach((r, index) => {
      if (seen.has(r.id))
        ctx.addIssue({
          code: "custom",
          path: [index, "id"],
          message: `Body region "${r.id}" is marked twice`,
        });
      seen.add(r.id);
    });
  });

export const DiaryEntryRequestSchema = z.object({
  regions: DiaryRegionsSchema,
  note: plainText(1000).optional(),
  recordedAt: InstantSchema.optional().describe("Omitted: now; not in the future"),
});

export const DiaryEntryUpdateSchema = z
  .object({ regions: DiaryRegionsSchema, note: plainText(1000).nullable(), recordedAt: InstantSchema })
  .partial();

export const DiaryEntrySchema = z.object({
  id: z.string(),
  recordedAt: z.string(),
  regions: z.array(z.object({ id: z.string(), label: z.string(), intensity: z.number() })),
  note: z.string().nullable(),
});
export type DiaryEntry = z.infer<typeof DiaryEntrySchema>;

// ---- Progress.

export const ProgressSchema = z.object({
  regions: z
    .array(
      z.object({
        regionId: z.string().describe("A body region id, or `overall` for the highest pain of each entry"),
        label: z.string(),
        points: z.array(
          z.object({
            at: z.string(),
            intensity: z.number(),
            source: z.enum(["diary", "session"]),
          }),
        ),
      }),
    )
    .describe("Pain per region over time, diary and session scores together"),
  sessions: z
    .array(
      z.object({
        sessionId: z.string(),
        at: z.string(),
        painBefore: z.number().nullable(),
        painAfter: z.number().nullable(),
        pointsTreated: z.number().int(),
        pointsReleased: z.number().int(),
        muscles: z.array(z.object({ id: z.string(), name: z.string() })),
      }),
    )
    .describe("Per session, oldest first"),
  rangeOfMotion: z
    .array(
      z.object({
        movement: z.string(),
        points: z.array(z.object({ at: z.string(), value: z.number(), unit: z.string() })),
      }),
    )
    .describe("Range of motion over consultations, per movement"),
});
export type Progress = z.infer<typeof ProgressSchema>;
