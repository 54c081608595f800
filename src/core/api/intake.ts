/**
 * API contracts of intake, screening, consent and the client portal (docs/product.md F5, F9), shared by
 * the server and the web app. The answer shapes themselves live in core/intake; screening rules in
 * core/screening; consent text in core/consent. This file says what goes over the wire.
 */
import { z } from "zod";
import { ConsentDocumentSchema, ConsentSignatureSchema } from "../consent";
import { FinderResultSchema } from "../finder/contract";
import {
  answerAt,
  INTAKE_QUESTIONS,
  type IntakeDraft,
  IntakeDraftSchema,
  type IntakeQuestion,
  IntakeSubmissionSchema,
} from "../intake";
import { HOLD_IDS, SCREENING_OUTCOMES } from "../screening";

export { ConsentDocumentSchema, ConsentSignatureSchema, IntakeDraftSchema, IntakeSubmissionSchema };

// ---- Screening, as each audience sees it.

const OutcomeSchema = z.enum(SCREENING_OUTCOMES as unknown as ["clear", "caution", "hold", "stop"]);

/** What the client is told about one finding: never the suspected condition, only what to do. */
export const ClientFindingSchema = z.object({
  id: z.string(),
  label: z.string(),
  adviceForClient: z.string(),
});

export const ClientScreeningSchema = z.object({
  outcome: OutcomeSchema.describe("stop (red flag) > hold (needs a doctor's clearance) > caution > clear"),
  emergency: z.boolean().describe("A red flag that needs an emergency number, not a doctor today"),
  redFlags: z.array(ClientFindingSchema),
  holds: z.array(ClientFindingSchema.extend({ cleared: z.boolean() })),
  cautions: z.array(ClientFindingSchema),
});
export type ClientScreening = z.infer<typeof ClientScreeningSchema>;

export const StaffFindingSchema = ClientFindingSchema.extend({
  reasonForStaff: z.string().describe("Why the rule exists and, for cautions, the technique change"),
  provisional: z
    .boolean()
    .describe("Reported in the client's unsubmitted changes only: they told us, but have not submitted it"),
});

export const ClearanceRecordSchema = z.object({
  id: z.string(),
  findingId: z.string(),
  clearedBy: z.string().describe("Who cleared it, e.g. the client's doctor"),
  clearedOn: z.string().describe("The date of the clearance (YYYY-MM-DD)"),
  note: z.string(),
  recordedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  recordedAt: z.string(),
});
export type ClearanceRecord = z.infer<typeof ClearanceRecordSchema>;

export const StaffScreeningSchema = z.object({
  outcome: OutcomeSchema.describe("The most severe finding still standing; a cleared hold no longer counts"),
  emergency: z.boolean(),
  redFlags: z.array(StaffFindingSchema),
  holds: z.array(StaffFindingSchema.extend({ clearance: ClearanceRecordSchema.nullable() })),
  cautions: z.array(StaffFindingSchema),
});
export type StaffScreening = z.infer<typeof StaffScreeningSchema>;

export const FLAG_KINDS = ["red-flag", "hold", "caution"] as const;

/** One screening flag as the staff lists show it, most severe first. */
export const ScreeningFlagSchema = z.object({
  kind: z.enum(FLAG_KINDS),
  id: z.string(),
  label: z.string(),
  cleared: z.boolean().describe("A hold with a recorded clearance"),
  provisional: z.boolean().describe("From the client's unsubmitted changes"),
});
export type ScreeningFlag = z.infer<typeof ScreeningFlagSchema>;

export const ClientFlagsSchema = z.object({ clientId: z.string(), flags: z.array(ScreeningFlagSchema) });
export type ClientFlags = z.infer<typeof ClientFlagsSchema>;

export const FlagsQuerySchema = z.object({
  clientIds: z
    .string()
    .min(1, "Name at least one client.")
    .max(37 * 200, "Ask for at most 200 clients.")
    .describe("Comma-separated client ids, at most 200 (e.g. the clients of an appointment list)"),
});

// ---- The client's own intake.

/** Whether a question is asked, given the answers so far (its `askWhen`, if any, holds). */
export function isQuestionAsked(question: IntakeQuestion, answers: unknown): boolean {
  const condition = question.askWhen;
  if (!condition) return true;
  const value = answerAt(answers, condition.questionId);
  if ("includes" in condition) return Array.isArray(value) && value.includes(condition.includes);
  return value === condition.equals;
}

function withoutPath(value: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined || !Object.hasOwn(value, head)) return value;
  const { [head]: inner, ...others } = value;
  if (rest.length === 0) return others;
  if (typeof inner !== "object" || inner === null || Array.isArray(inner)) return value;
  return { ...others, [head]: withoutPath(inner as Record<string, unknown>, rest) };
}

/**
 * The answers with those to questions no longer asked taken out (weeks of pregnancy after "not
 * pregnant", "what else" after unticking "something else"), so an answer the client can no longer
 * see is never screened or stored as part of a submission. The working copy keeps them, so changing
 * an answer back brings them back.
 */
export function withoutUnaskedAnswers<T extends IntakeDraft>(answers: T): T {
  let result = answers as Record<string, unknown>;
  for (const question of INTAKE_QUESTIONS) {
    if (!isQuestionAsked(question, result)) result = withoutPath(result, question.id.split("."));
  }
  return result as T;
}

export const INTAKE_STATUSES = ["not-started", "draft", "submitted", "changed"] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];

export const MyIntakeSchema = z.object({
  status: z.enum(INTAKE_STATUSES).describe("changed: submitted, with later changes not yet submitted"),
  answers: IntakeDraftSchema.describe(
    "The working copy: unsubmitted changes if any, else the submitted answers",
  ),
  savedAt: z.string().nullable().describe("When the working copy was last saved"),
  missing: z.array(z.string()).describe("Question ids still to answer before submitting, in form order"),
  submitted: z
    .object({
      version: z.number(),
      submittedAt: z.string(),
      screening: ClientScreeningSchema,
    })
    .nullable(),
  editable: z
    .boolean()
    .describe(
      "true: submitting updates the current version (no visit has used it yet); false: it becomes a new version and the one used at your visit is kept",
    ),
});
export type MyIntake = z.infer<typeof MyIntakeSchema>;

export const SavedDraftSchema = z.object({
  savedAt: z.string(),
  missing: z.array(z.string()),
  status: z.enum(INTAKE_STATUSES),
});
export type SavedDraft = z.infer<typeof SavedDraftSchema>;

// ---- Consent.

export const ConsentStatusSchema = z.object({
  currentVersion: z.number(),
  signedVersion: z.number().nullable().describe("The latest version the client signed"),
  signedAt: z.string().nullable(),
  typedName: z.string().nullable(),
  signedCurrent: z.boolean().describe("Signed the version in force; a new version asks again"),
});
export type ConsentStatus = z.infer<typeof ConsentStatusSchema>;

export const MyConsentSchema = z.object({
  current: ConsentDocumentSchema,
  status: ConsentStatusSchema,
});
export type MyConsent = z.infer<typeof MyConsentSchema>;

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const noControlCharacters = (text: string) => !CONTROL_CHARACTERS.test(text);

function consentText(max: number, what: string) {
  return z
    .string()
    .trim()
    .min(1, `Write the ${what}.`)
    .max(max, `Keep the ${what} under ${max} characters.`)
    .refine(noControlCharacters, "Remove control characters.");
}

/** An owner's new consent text. The server numbers it (current version + 1) and dates it. */
export const ConsentUpdateSchema = z.object({
  title: consentText(200, "title"),
  sections: z
    .array(z.object({ heading: consentText(200, "heading"), body: consentText(5000, "section text") }))
    .min(1, "Write at least one section.")
    .max(30, "At most 30 sections."),
  agreement: consentText(1000, "agreement sentence"),
});
export type ConsentUpdate = z.infer<typeof ConsentUpdateSchema>;

export const ConsentVersionParamsSchema = z.object({
  version: z.coerce.number().int().min(1).max(1_000_000),
});

export const ConsentVersionSummarySchema = z.object({
  version: z.number(),
  title: z.string(),
  effectiveDate: z.string(),
  createdAt: z.string().nullable().describe("null for the built-in default text"),
});

// ---- Staff view of a client's intake.

export const ClearanceRequestSchema = z.object({
  findingId: z.enum(HOLD_IDS).describe("The hold being cleared"),
  clearedBy: z
    .string()
    .trim()
    .min(1, "Say who cleared it (for example the client's doctor).")
    .max(200)
    .refine(noControlCharacters, "Remove control characters."),
  clearedOn: z.iso
    .date("Give the date of the clearance (YYYY-MM-DD).")
    .refine((date) => date >= "1900-01-01", "That date is too far back.")
    .describe("The date the doctor cleared it; not in the future"),
  note: z
    .string()
    .trim()
    .min(1, "Add a note: how it was cleared (for example a letter or a call).")
    .max(2000)
    .refine(noControlCharacters, "Remove control characters."),
});
export type ClearanceRequest = z.infer<typeof ClearanceRequestSchema>;

export const IntakeVersionQuerySchema = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe("An older version; default the latest"),
});

/** What every staff member sees of a client's intake: screening, readiness, consent, clearances. */
const StaffIntakeSummarySchema = z.object({
  client: z.object({ id: z.string(), name: z.string() }),
  versions: z.array(z.object({ version: z.number(), submittedAt: z.string() })),
  draft: z
    .object({
      savedAt: z.string(),
      missing: z.array(z.string()),
      hasChanges: z.boolean().describe("Differs from the latest submitted version"),
    })
    .nullable()
    .describe("The client's working copy, when they have one"),
  screening: StaffScreeningSchema.describe("Submitted findings plus any the client reported since"),
  flags: z.array(ScreeningFlagSchema),
  clearances: z.array(ClearanceRecordSchema),
  consent: ConsentStatusSchema,
  firstVisit: z
    .object({
      ok: z.boolean(),
      reasons: z.array(z.object({ code: z.string(), message: z.string(), findingId: z.string().optional() })),
    })
    .describe("Whether a first visit could be confirmed now, and what is missing"),
  enteredByStaff: z
    .object({ role: z.string(), at: z.string() })
    .nullable()
    .optional()
    .describe(
      "Set when staff last wrote the shown version on the client's behalf (by phone), from the audit log",
    ),
});

/** Owner and therapists (the staff caring for the client, as the consent says) also read the answers. */
export const ClinicalIntakeSchema = StaffIntakeSummarySchema.extend({
  audience: z.literal("clinical"),
  intake: z
    .object({
      version: z.number(),
      submittedAt: z.string(),
      answers: IntakeDraftSchema,
      chronicity: z.enum(["recent", "chronic"]).nullable(),
    })
    .nullable()
    .describe("The submitted intake (the latest version unless one was asked for)"),
  finder: z
    .array(FinderResultSchema)
    .describe("Muscles commonly associated with pain in the marked regions (the finder's ranking)"),
});

/**
 * The front desk books, confirms and files doctors' letters, so it sees the flags and whether a
 * first visit is ready, but not the health questionnaire: no answers, pain or where it hurts.
 */
export const DeskIntakeSchema = StaffIntakeSummarySchema.extend({
  audience: z.literal("desk"),
  intake: z
    .object({ version: z.number(), submittedAt: z.string() })
    .nullable()
    .describe("That the intake was submitted, and when; the answers are for the client's therapist"),
});

export const StaffIntakeSchema = z.discriminatedUnion("audience", [ClinicalIntakeSchema, DeskIntakeSchema]);
export type StaffIntake = z.infer<typeof StaffIntakeSchema>;
export type ClinicalIntake = z.infer<typeof ClinicalIntakeSchema>;

// ---- The client's own data (portal download).

const JsonObject = z.record(z.string(), z.unknown());

export const ClientExportSchema = z.object({
  format: z.literal("knotwork-client-export/1"),
  exportedAt: z.string(),
  clinic: z.object({ name: z.string(), timeZone: z.string() }),
  account: z.object({ name: z.string(), email: z.string() }).nullable(),
  client: JsonObject,
  appointments: z.array(JsonObject),
  intakes: z.array(JsonObject).describe("Every submitted version, oldest first"),
  intakeDraft: JsonObject.nullable(),
  consentSignatures: z.array(JsonObject).describe("Each with the exact text that was signed"),
  clearances: z.array(JsonObject),
  treatmentSessions: z.array(JsonObject),
  treatmentPlans: z.array(JsonObject),
  painDiary: z.array(JsonObject),
  waitlist: z.array(JsonObject),
});
export type ClientExport = z.infer<typeof ClientExportSchema>;
