import type { AskWhen, IntakeQuestion } from "./questions";
import { INTAKE_QUESTIONS } from "./questions";
import type { IntakeDraft } from "./schema";

/**
 * Reads a dotted path from intake data of any shape (it also runs on unvalidated input, see
 * `IntakeSubmissionSchema`); own properties only, so `__proto__` and friends read as absent.
 */
export function answerAt(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split(".")) {
    if (typeof current !== "object" || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function isAsked(question: IntakeQuestion, draft: unknown): boolean {
  const condition: AskWhen | undefined = question.askWhen;
  if (!condition) return true;
  const value = answerAt(draft, condition.questionId);
  if ("includes" in condition) return Array.isArray(value) && value.includes(condition.includes);
  return value === condition.equals;
}

function isAnswered(question: IntakeQuestion, value: unknown): boolean {
  switch (question.kind) {
    case "yes-no-detail":
      return typeof answerAt(value, "answer") === "boolean";
    case "duration":
      return answerAt(value, "amount") !== undefined && answerAt(value, "unit") !== undefined;
    case "body-map":
    case "multi-choice":
      return Array.isArray(value) && value.length > 0;
    case "short-text":
    case "long-text":
      return typeof value === "string" && value.trim().length > 0;
    default:
      return value !== undefined && value !== null;
  }
}

/** `missingIntakeFields` for data not yet known to be a valid draft (used inside the submission schema). */
export function unansweredQuestionIds(data: unknown): string[] {
  return INTAKE_QUESTIONS.filter(
    (question) =>
      question.required && isAsked(question, data) && !isAnswered(question, answerAt(data, question.id)),
  ).map((question) => question.id);
}

/**
 * The ids of the questions that still need an answer, in form order: required, asked
 * (their `askWhen` holds for the answers so far) and not answered. Empty means complete.
 * Whether the answers are *valid* is the schemas' job; this only says what is left to do.
 */
export function missingIntakeFields(draft: IntakeDraft): string[] {
  return unansweredQuestionIds(draft);
}
