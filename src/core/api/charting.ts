/**
 * API contracts of consultation and session charting (docs/product.md F6), shared by the server
 * (src/server/charting) and the web app. The shapes' meaning and the pure rules live in
 * src/core/charting; this file says what goes over the wire.
 *
 * Routes (all under /api; every read and write of a chart is audited):
 *
 * | Method | Path                                   | Who may call                                        | Returns |
 * |--------|----------------------------------------|-----------------------------------------------------|---------|
 * | GET    | /appointments/:id/chart                | owner; therapist (treating, or any if the clinic lets therapists read charts) | ChartOpening: the appointment, its chart (or null) and the prepared summary (intake answers, flags & clearances, marked regions, finder ranking, points to check first, previous sessions) |
 * | POST   | /appointments/:id/chart                | owner; the appointment's therapist                  | Chart (201 new; 200 when the appointment already has one). Body CreateChartRequest |
 * | GET    | /charts/unsigned                       | owner (all); therapist (own)                        | UnsignedNotes: unsigned notes older than the clinic's limit |
 * | GET    | /charts/:id                            | owner; treating therapist; other therapists if the clinic allows | Chart as it stands (amendments applied) |
 * | PUT    | /charts/:id                            | owner; treating therapist; unsigned only            | ChartSaved. Body SaveChartRequest (autosave; `version` must match, else 409 version_conflict) |
 * | POST   | /charts/:id/points                     | owner; treating therapist; unsigned only            | PointSaved (201). Body TriggerPointInput |
 * | PUT    | /charts/:id/points/:pointId            | owner; treating therapist; unsigned only            | PointSaved. Body TriggerPointFields |
 * | DELETE | /charts/:id/points/:pointId            | owner; treating therapist; unsigned only            | ChartSaved |
 * | POST   | /charts/:id/points/:pointId/holds      | owner; treating therapist; unsigned only            | HoldRecorded: the seconds ADDED to the point's total. Body AddHoldRequest |
 * | POST   | /charts/:id/sign                       | owner; treating therapist                           | Chart (signed). Body SignChartRequest; 409 already_signed |
 * | POST   | /charts/:id/amendments                 | owner; treating therapist; signed only              | Chart (201) with the new amendment. Body AmendChartRequest |
 * | GET    | /charts/:id/history                    | as GET /charts/:id                                  | ChartHistory: the signed original, then each amendment with the chart after it |
 * | GET    | /clients/:id/charts                    | owner, therapists: clinical timeline; front desk: that sessions were charted (no content) | ClientTimeline |
 * | GET    | /me/sessions                           | client                                              | MySessionSummaries: plain-language summaries of signed sessions |
 *
 * Refusals: not signed in 401; wrong role or not allowed to this chart 403 (`forbidden`); another
 * clinic's (or an unknown) appointment, chart, point or client 404; writing a signed note 409
 * `signed`; a stale autosave 409 `version_conflict`. Refused bodies are `{ code, message, field? }`
 * and never carry chart text. Muscle ids are the atlas's (src/core/atlas/muscle-ids.ts) and region
 * ids the body map's (src/core/body/regions.ts).
 */
import { z } from "zod";
import { MUSCLE_IDS } from "../atlas";
import { isRegionId } from "../body/regions";
import type { AmendmentChanges, NoteContent, TriggerPoint } from "../charting";
import {
  CHART_KINDS,
  CHART_SIDES,
  MAP_SCALE,
  MAP_VIEWS,
  MAX_ROM_DEGREES,
  MAX_SINGLE_HOLD_SECONDS,
  MAX_TOTAL_HOLD_SECONDS,
  MOVEMENT_TEST_IDS,
  POSTURE_FINDING_IDS,
  PRESSURES,
  RELEASES,
} from "../charting";
import { FinderResultSchema } from "../finder/contract";
import { ClearanceRecordSchema, IntakeDraftSchema, ScreeningFlagSchema } from "./intake";
import { plainText } from "./text";

// ---- Building blocks.

/** A body-map region id (checked against the vocabulary; listed in src/core/body/regions.ts, not inlined here). */
export const RegionIdSchema = z
  .string()
  .max(64)
  .refine(isRegionId, { message: "Not a body-map region id." })
  .describe("A body-map region id, e.g. `neck-posterior-left`");
export const MuscleIdSchema = z.enum(MUSCLE_IDS, { message: "Not a muscle of the atlas." });
const SideSchema = z.enum(CHART_SIDES).nullable().describe("left or right; null for the midline / not sided");
const PainSchema = z.number().int().min(0).max(10).describe("0 (no pain) to 10 (worst imaginable)");
const Uuid = z.string().uuid({ message: "Not a valid id." });

export const ChartParamsSchema = z.object({ id: Uuid });
export const PointParamsSchema = z.object({ id: Uuid, pointId: Uuid });

const PersonRefSchema = z.object({ id: z.string(), name: z.string() });

// ---- Consultation.

export const PostureObservationSchema = z.object({
  id: z.enum(POSTURE_FINDING_IDS).describe("A posture finding of src/core/charting/posture.ts"),
  side: SideSchema.default(null),
  note: plainText(500).default(""),
});

export const MovementObservationSchema = z.object({
  testId: z.enum(MOVEMENT_TEST_IDS).describe("A movement test of src/core/charting/movement-tests.ts"),
  side: SideSchema.default(null),
  degrees: z
    .number()
    .int()
    .min(0)
    .max(MAX_ROM_DEGREES)
    .nullable()
    .default(null)
    .describe("Measured range, degrees"),
  painOnMovement: z.boolean().default(false),
  pain: PainSchema.nullable().default(null).describe("Pain on movement 0-10, when asked"),
  note: plainText(500).default(""),
});

export const ConsultationSchema = z.object({
  posture: z.array(PostureObservationSchema).max(60).default([]),
  movement: z.array(MovementObservationSchema).max(120).default([]),
  note: plainText(4000).default(""),
});

// ---- The note.

export const NoteContentSchema = z.object({
  subjective: plainText(20_000).default("").describe("S: the client's report"),
  objective: plainText(20_000).default("").describe("O: findings"),
  assessment: plainText(20_000).default("").describe("A: assessment"),
  plan: plainText(20_000).default("").describe("P: plan"),
  painBefore: PainSchema.nullable().default(null),
  painAfter: PainSchema.nullable().default(null),
  consultation: ConsultationSchema.nullable().default(null),
  clientNote: plainText(2000).default("").describe("What to do next, for the client's portal summary"),
});

// ---- Trigger points.

export const TriggerPointFieldsSchema = z.object({
  muscleId: MuscleIdSchema,
  side: SideSchema.default(null),
  regionId: RegionIdSchema.nullable().default(null).describe("The body-map region the point lies in"),
  mapView: z.enum(MAP_VIEWS).nullable().default(null).describe("The body-map view it was tapped on"),
  mapX: z
    .number()
    .int()
    .min(0)
    .max(MAP_SCALE)
    .nullable()
    .default(null)
    .describe("Thousandths of the view's width"),
  mapY: z
    .number()
    .int()
    .min(0)
    .max(MAP_SCALE)
    .nullable()
    .default(null)
    .describe("Thousandths of the view's height"),
  active: z.boolean().default(true).describe("true: active (refers pain now); false: latent"),
  pressure: z.enum(PRESSURES).nullable().default(null),
  comfort: PainSchema.nullable().default(null).describe("Client comfort under pressure 0-10"),
  holdSeconds: z
    .number()
    .int()
    .min(0)
    .max(MAX_TOTAL_HOLD_SECONDS)
    .default(0)
    .describe("Total held; holds add up"),
  twitch: z.boolean().default(false).describe("Local twitch response"),
  referralReproduced: z
    .array(RegionIdSchema)
    .max(40)
    .default([])
    .describe("Region ids where the referred pain was reproduced"),
  release: z.enum(RELEASES).nullable().default(null),
  stretchApplied: plainText(1000)
    .nullable()
    .default(null)
    .describe("The stretch applied (the atlas's for the muscle, or the therapist's words); null: none"),
});

/** A new point; the device may choose its id (so an autosave replayed after a dropped connection is idempotent). */
export const TriggerPointInputSchema = TriggerPointFieldsSchema.extend({ id: Uuid.optional() });

export const TriggerPointSchema = TriggerPointFieldsSchema.extend({ id: z.string() });

// ---- Requests.

export const CreateChartRequestSchema = z.object({
  kind: z
    .enum(CHART_KINDS)
    .optional()
    .describe("consultation or session; default consultation for a first visit, else session"),
});

export const SaveChartRequestSchema = z.object({
  version: z.number().int().min(0).describe("The chart version this edit starts from (from the last answer)"),
  note: NoteContentSchema,
  points: z
    .array(TriggerPointSchema.extend({ id: Uuid }))
    .max(200)
    .optional()
    .describe(
      "When present, the chart's whole list of points (missing ones are removed); ids chosen by the device",
    ),
});

export const AddHoldRequestSchema = z
  .object({
    seconds: z.number().int().min(0).max(MAX_SINGLE_HOLD_SECONDS).describe("Seconds held this time"),
    startedAt: z.iso.datetime({ offset: true }).optional().describe("Device clock, when the hold started"),
    endedAt: z.iso.datetime({ offset: true }).optional().describe("Device clock, when the hold ended"),
  })
  .refine((b) => (b.startedAt === undefined) === (b.endedAt === undefined), {
    message: "Give both startedAt and endedAt, or neither.",
    path: ["endedAt"],
  });

export const SignChartRequestSchema = z.object({
  version: z.number().int().min(0).describe("The version being signed: what the therapist saw"),
});

type Undefaulted<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The schema of a patch of `schema`: every field optional and without its default, so a field left
 * out stays as it was. (zod's `.partial()` keeps the defaults: a patch naming one field would come
 * out with every other field reset to its default, blanking what it did not mean to touch.)
 */
export function patchSchemaOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => {
      const inner = (field instanceof z.ZodDefault ? field.unwrap() : field) as z.ZodType;
      // The description sits on the default's wrapper: keep it for the OpenAPI document.
      const description = (field as z.ZodType).description;
      return [key, z.optional(description ? inner.describe(description) : inner)];
    }),
  );
  return z.object(shape) as unknown as z.ZodObject<{
    [K in keyof Shape]: z.ZodOptional<Undefaulted<Shape[K]>>;
  }>;
}

/** Changed note fields only: a field left out keeps its value. */
export const NotePatchSchema = patchSchemaOf(NoteContentSchema);
/** Changed fields of one trigger point only: a field left out keeps its value. */
export const TriggerPointPatchSchema = patchSchemaOf(TriggerPointFieldsSchema);

export const AmendmentChangesSchema = z.object({
  note: NotePatchSchema.optional().describe("Changed note fields only; the fields left out are kept"),
  points: z
    .array(z.object({ id: Uuid, set: TriggerPointPatchSchema }))
    .max(200)
    .optional()
    .describe("Changed fields of existing points, by id; the fields left out are kept"),
  addedPoints: z
    .array(TriggerPointSchema.extend({ id: Uuid }))
    .max(200)
    .optional()
    .describe("Points missing from the signed note"),
  removedPointIds: z.array(Uuid).max(200).optional().describe("Points recorded in error"),
});

export const AmendChartRequestSchema = z.object({
  reason: plainText(2000, 1).describe("Why the signed note is amended"),
  changes: AmendmentChangesSchema,
});

// ---- Answers.

export const AmendmentSchema = z.object({
  id: z.string(),
  author: PersonRefSchema.nullable(),
  createdAt: z.string(),
  reason: z.string(),
  changes: AmendmentChangesSchema,
});

export const ChartSchema = z.object({
  id: z.string(),
  appointmentId: z.string().nullable(),
  kind: z.enum(CHART_KINDS),
  client: PersonRefSchema,
  therapist: PersonRefSchema.extend({ isYou: z.boolean() }),
  startsAt: z.string().nullable().describe("The appointment's start"),
  version: z.number().describe("Send it back with the next save or sign"),
  createdAt: z.string(),
  updatedAt: z.string(),
  signedAt: z.string().nullable(),
  signedBy: PersonRefSchema.nullable(),
  note: NoteContentSchema.describe("As it stands: the signed original with every amendment applied"),
  points: z.array(TriggerPointSchema),
  amendments: z.array(AmendmentSchema).describe("Oldest first"),
  canWrite: z.boolean().describe("The caller may edit (unsigned), sign, or amend (signed)"),
});

export const ChartSavedSchema = z.object({ version: z.number(), updatedAt: z.string() });

export const PointSavedSchema = z.object({ point: TriggerPointSchema, version: z.number() });

export const HoldRecordedSchema = PointSavedSchema.extend({
  recordedSeconds: z
    .number()
    .describe("Seconds added: never more than the time between startedAt and endedAt"),
});

const ChartStateSchema = z.object({ note: NoteContentSchema, points: z.array(TriggerPointSchema) });

export const ChartHistorySchema = z.object({
  chartId: z.string(),
  signedAt: z.string().nullable(),
  original: ChartStateSchema.describe("As signed (or as it stands, while unsigned)"),
  entries: z
    .array(z.object({ amendment: AmendmentSchema, state: ChartStateSchema.describe("The chart after it") }))
    .describe("Every amendment in order"),
});

/** One session on a client's timeline, as the treating staff see it. */
export const TimelineSessionSchema = z.object({
  id: z.string(),
  appointmentId: z.string().nullable(),
  kind: z.enum(CHART_KINDS),
  date: z.string().describe("The appointment's start (or when the chart was opened)"),
  therapist: PersonRefSchema,
  signed: z.boolean(),
  amended: z.boolean(),
  painBefore: z.number().nullable(),
  painAfter: z.number().nullable(),
  points: z.object({
    treated: z.number(),
    released: z.number().describe("release: full"),
    active: z.number(),
    latent: z.number(),
  }),
  muscles: z.array(z.object({ muscleId: MuscleIdSchema, points: z.number(), released: z.number() })),
  consultation: z
    .object({ posture: z.array(PostureObservationSchema), movement: z.array(MovementObservationSchema) })
    .nullable(),
});

export const PreparedSummarySchema = z.object({
  firstVisit: z.boolean(),
  intake: z
    .object({
      version: z.number(),
      submittedAt: z.string(),
      answers: IntakeDraftSchema,
      chronicity: z.enum(["recent", "chronic"]).nullable(),
    })
    .nullable()
    .describe("The latest submitted intake"),
  flags: z.array(ScreeningFlagSchema).describe("Screening flags, most severe first"),
  clearances: z.array(ClearanceRecordSchema),
  markedRegions: z.array(z.object({ id: z.string(), intensity: z.number() })),
  finder: z.array(FinderResultSchema).describe("The finder's ranking for the marked regions"),
  checkFirst: z.array(MuscleIdSchema).describe("Points to check first: the ranking, then posture findings"),
  previousSessions: z.array(TimelineSessionSchema).describe("Earlier charts of this client, newest first"),
});

export const ChartOpeningSchema = z.object({
  appointment: z.object({
    id: z.string(),
    startsAt: z.string(),
    status: z.string(),
    firstVisit: z.boolean(),
    service: z.string(),
  }),
  client: PersonRefSchema,
  therapist: PersonRefSchema.extend({ isYou: z.boolean() }),
  chart: ChartSchema.nullable().describe("null until the chart is created (POST)"),
  canWrite: z.boolean().describe("The caller may create and write this appointment's chart"),
  defaultHoldSeconds: z.number().describe("The clinic's default hold for the timer"),
  prepared: PreparedSummarySchema,
});

export const UnsignedNotesSchema = z.object({
  limitHours: z.number().describe("The clinic's limit: notes unsigned longer than this are listed"),
  notes: z.array(
    z.object({
      chartId: z.string(),
      appointmentId: z.string().nullable(),
      client: PersonRefSchema,
      therapist: PersonRefSchema,
      date: z.string(),
      hoursOpen: z.number().describe("Whole hours since the chart was opened"),
    }),
  ),
});

export const ClinicalTimelineSchema = z.object({
  audience: z.literal("clinical"),
  client: PersonRefSchema,
  sessions: z.array(TimelineSessionSchema).describe("Oldest first"),
});

/** The front desk sees that a session was charted, never its content. */
export const DeskTimelineSchema = z.object({
  audience: z.literal("desk"),
  client: PersonRefSchema,
  sessions: z.array(
    z.object({
      id: z.string(),
      appointmentId: z.string().nullable(),
      date: z.string(),
      therapist: PersonRefSchema,
      signed: z.boolean(),
    }),
  ),
});

export const ClientTimelineSchema = z.discriminatedUnion("audience", [
  ClinicalTimelineSchema,
  DeskTimelineSchema,
]);

export const MySessionSummarySchema = z.object({
  id: z.string(),
  date: z.string(),
  therapist: z.string().describe("The therapist's name"),
  painBefore: z.number().nullable(),
  painAfter: z.number().nullable(),
  musclesTreated: z.array(
    z.object({
      muscleId: MuscleIdSchema,
      name: z.string(),
      sides: z.array(z.enum(CHART_SIDES)),
      points: z.number(),
      released: z.number(),
      stretch: z.string(),
    }),
  ),
  nextSteps: z.array(z.string()).describe("Plain sentences: the therapist's note, then a stretch per muscle"),
});

export const MySessionSummariesSchema = z.object({
  sessions: z.array(MySessionSummarySchema).describe("Newest first"),
});

// ---- Types.

export type NoteContentInput = z.input<typeof NoteContentSchema>;
export type TriggerPointInput = z.input<typeof TriggerPointInputSchema>;
export type TriggerPointFieldsInput = z.input<typeof TriggerPointFieldsSchema>;
export type ChartPoint = z.infer<typeof TriggerPointSchema>;
export type CreateChartRequest = z.input<typeof CreateChartRequestSchema>;
export type SaveChartRequest = z.input<typeof SaveChartRequestSchema>;
export type AddHoldRequest = z.input<typeof AddHoldRequestSchema>;
export type SignChartRequest = z.input<typeof SignChartRequestSchema>;
export type AmendChartRequest = z.input<typeof AmendChartRequestSchema>;
export type AmendmentView = z.infer<typeof AmendmentSchema>;
export type Chart = z.infer<typeof ChartSchema>;
export type ChartSaved = z.infer<typeof ChartSavedSchema>;
export type PointSaved = z.infer<typeof PointSavedSchema>;
export type HoldRecorded = z.infer<typeof HoldRecordedSchema>;
export type ChartHistory = z.infer<typeof ChartHistorySchema>;
export type TimelineSession = z.infer<typeof TimelineSessionSchema>;
export type PreparedSummary = z.infer<typeof PreparedSummarySchema>;
export type ChartOpening = z.infer<typeof ChartOpeningSchema>;
export type UnsignedNotes = z.infer<typeof UnsignedNotesSchema>;
export type ClientTimeline = z.infer<typeof ClientTimelineSchema>;
export type MySessionSummary = z.infer<typeof MySessionSummarySchema>;
export type MySessionSummaries = z.infer<typeof MySessionSummariesSchema>;

// The wire shapes are the core's shapes: the type checker refuses any drift between them.
NoteContentSchema satisfies z.ZodType<NoteContent>;
TriggerPointSchema satisfies z.ZodType<TriggerPoint>;
AmendmentChangesSchema satisfies z.ZodType<AmendmentChanges>;
