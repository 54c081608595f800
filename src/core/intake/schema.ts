/**
 * Intake questionnaire contracts (F5). Two schemas over the same value shapes:
 *  - `IntakeDraftSchema`: every field optional, so the form can save as the client goes;
 *    what is present must still be valid (no unknown regions, scores in range, bounded text).
 *  - `IntakeSubmissionSchema`: everything required is present (including questions that are
 *    only asked after some answer, such as weeks of pregnancy), and the answers agree with each other.
 */
import { z } from "zod";
import { HEALTH_HISTORY_QUESTION_IDS } from "../screening/rules";
import {
  AreasOfConcernSchema,
  DurationAmountSchema,
  DurationSchema,
  DurationUnitSchema,
  optionalText,
  PainScoreSchema,
  PREGNANCY_STATUSES,
  PregnancyWeeksSchema,
  requiredText,
  TEXT_LIMITS,
  TriggersSchema,
} from "./fields";
import { answerAt, unansweredQuestionIds } from "./missing";
import { intakeQuestionById } from "./questions";

const HealthQuestionIdSchema = z.enum(HEALTH_HISTORY_QUESTION_IDS);

const DraftHealthAnswerSchema = z.object({
  answer: z.boolean().optional(),
  detail: optionalText(TEXT_LIMITS.detail).optional(),
});

const HealthAnswerSchema = z.object({
  answer: z.boolean({ error: "Please answer yes or no" }),
  detail: optionalText(TEXT_LIMITS.detail).optional(),
});
export type HealthAnswer = z.infer<typeof HealthAnswerSchema>;

export const IntakeDraftSchema = z.object({
  reasonForVisit: optionalText(TEXT_LIMITS.reasonForVisit).optional(),
  areasOfConcern: AreasOfConcernSchema.optional(),
  pain: z
    .object({
      now: PainScoreSchema.optional(),
      best: PainScoreSchema.optional(),
      worst: PainScoreSchema.optional(),
    })
    .optional(),
  duration: z
    .object({ amount: DurationAmountSchema.optional(), unit: DurationUnitSchema.optional() })
    .optional(),
  triggers: TriggersSchema.optional(),
  triggersOther: optionalText(TEXT_LIMITS.triggersOther).optional(),
  previousTreatment: z
    .object({ had: z.boolean().optional(), detail: optionalText(TEXT_LIMITS.detail).optional() })
    .optional(),
  /** Keys are the screening rule ids asked in the health history; unknown keys are rejected. */
  healthHistory: z.partialRecord(HealthQuestionIdSchema, DraftHealthAnswerSchema).optional(),
  medications: z
    .object({
      list: optionalText(TEXT_LIMITS.medicationsList).optional(),
      bloodThinners: z.boolean().optional(),
    })
    .optional(),
  pregnancy: z
    .object({ status: z.enum(PREGNANCY_STATUSES).optional(), weeks: PregnancyWeeksSchema.optional() })
    .optional(),
  goals: optionalText(TEXT_LIMITS.goals).optional(),
});
export type IntakeDraft = z.infer<typeof IntakeDraftSchema>;

function pathOf(questionId: string): string[] {
  return questionId.split(".");
}

function parentPath(questionId: string): string {
  return pathOf(questionId).slice(0, -1).join(".");
}

function isObject(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

/**
 * Required answers the object shape cannot express (answers keyed by question id, and questions
 * that are only asked after some other answer) come from the same walk of the question list as
 * `missingIntakeFields`, so "complete" means one thing in the form and in the API.
 *
 * It runs even when the shape already failed, so a client sees every missing answer at once.
 * To avoid saying the same thing twice it only reports an answer that is absent from a group that
 * exists: a missing group, or a present but invalid answer, is reported by the shape.
 */
function requireEveryAskedQuestion(data: unknown, ctx: z.RefinementCtx): void {
  for (const id of unansweredQuestionIds(data)) {
    const parent = parentPath(id);
    const parentExists = parent === "" || isObject(answerAt(data, parent));
    const reportedByShape = !parentExists || answerAt(data, id) !== undefined || isAlwaysRequiredField(id);
    if (!reportedByShape)
      ctx.addIssue({ code: "custom", path: pathOf(id), message: "Please answer this question" });
  }
}

/** Fields the submission object itself requires (not keyed by question id, and always asked). */
function isAlwaysRequiredField(questionId: string): boolean {
  return intakeQuestionById(questionId)?.askWhen === undefined && !questionId.startsWith("healthHistory.");
}

/** Only best ≤ worst is enforced: "now" outside that range is odd but not wrong (pain changes), so it is left to the therapist. */
function requireBestNotAboveWorst(pain: { best: number; worst: number }, ctx: z.RefinementCtx): void {
  if (pain.best > pain.worst) {
    ctx.addIssue({
      code: "custom",
      path: ["pain", "best"],
      message: "Your pain at its best can't be higher than at its worst",
    });
  }
}

export const IntakeSubmissionSchema = z
  .object({
    reasonForVisit: requiredText(TEXT_LIMITS.reasonForVisit, "Please tell us what brings you in"),
    areasOfConcern: AreasOfConcernSchema.min(1, "Please mark at least one area on the body map"),
    pain: z.object({ now: PainScoreSchema, best: PainScoreSchema, worst: PainScoreSchema }),
    duration: DurationSchema,
    triggers: TriggersSchema.min(1, 'Please choose at least one (or "I\'m not sure")'),
    triggersOther: optionalText(TEXT_LIMITS.triggersOther).optional(),
    previousTreatment: z.object({
      had: z.boolean({ error: "Please answer yes or no" }),
      detail: optionalText(TEXT_LIMITS.detail).optional(),
    }),
    healthHistory: z.partialRecord(HealthQuestionIdSchema, HealthAnswerSchema),
    medications: z.object({
      list: optionalText(TEXT_LIMITS.medicationsList).optional(),
      bloodThinners: z.boolean({ error: "Please answer yes or no" }),
    }),
    pregnancy: z.object({
      status: z.enum(PREGNANCY_STATUSES, { error: "Please choose an answer" }),
      weeks: PregnancyWeeksSchema.optional(),
    }),
    goals: requiredText(TEXT_LIMITS.goals, "Please tell us what you'd like from treatment"),
  })
  .superRefine((data, ctx) => requireEveryAskedQuestion(data, ctx), {
    when: (payload) => isObject(payload.value),
  })
  .superRefine((intake, ctx) => requireBestNotAboveWorst(intake.pain, ctx));
export type IntakeSubmission = z.infer<typeof IntakeSubmissionSchema>;
