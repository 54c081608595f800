/**
 * The intake form's working copy, as plain functions: reading and writing answers by question id,
 * which questions a step shows, and the valid part of what the client has typed so far (what the
 * autosave sends: an answer that is not valid yet stays on screen and on the device, never lost,
 * but is not sent until it is).
 */
import { isQuestionAsked } from "../../core/api/intake";
import { plainMessage } from "../../core/api/plain-message";
import {
  answerAt,
  INTAKE_QUESTIONS,
  INTAKE_SECTIONS,
  type IntakeDraft,
  IntakeDraftSchema,
  type IntakeQuestion,
  type IntakeSectionId,
} from "../../core/intake";

/** What the form holds: the draft's shape, possibly with values that are not valid yet. */
export type Answers = Record<string, unknown>;

export { answerAt };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A copy of `answers` with the answer at a dotted path set (or removed, for `undefined`). */
export function withAnswer(answers: Answers, path: string, value: unknown): Answers {
  const [head, ...rest] = path.split(".");
  if (head === undefined) return answers;
  const copy: Answers = { ...answers };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const inner = isPlainObject(copy[head]) ? (copy[head] as Answers) : {};
  const next = withAnswer(inner, rest.join("."), value);
  if (Object.keys(next).length === 0) delete copy[head];
  else copy[head] = next;
  return copy;
}

export const STEPS = [...INTAKE_SECTIONS.map((s) => s.id), "review"] as const;
export type StepId = IntakeSectionId | "review";

export function isStepId(value: string | null): value is StepId {
  return value !== null && (STEPS as readonly string[]).includes(value);
}

/** The questions a section shows for the answers so far, in order. */
export function questionsFor(section: IntakeSectionId, answers: Answers): IntakeQuestion[] {
  return INTAKE_QUESTIONS.filter((q) => q.section === section && isQuestionAsked(q, answers));
}

export function sectionOf(questionId: string): IntakeSectionId | undefined {
  return INTAKE_QUESTIONS.find((q) => q.id === questionId)?.section;
}

/** The question an issue path belongs to: the longest question id that starts the path. */
function questionForPath(path: readonly PropertyKey[]): string | null {
  const parts = path.map(String);
  for (let length = parts.length; length > 0; length--) {
    const id = parts.slice(0, length).join(".");
    if (INTAKE_QUESTIONS.some((q) => q.id === id)) return id;
  }
  return null;
}

export interface ValidPart {
  /** The answers that are valid as they stand: what may be saved. */
  readonly draft: IntakeDraft;
  /** Question id → message, for each answer left out. */
  readonly errors: Readonly<Record<string, string>>;
}

/**
 * Splits the working copy into what is valid (saved) and what is not yet (shown with its message).
 * Each invalid answer is left out whole; anything the schema would not know at all is dropped.
 */
export function validPart(answers: Answers): ValidPart {
  let current: Answers = answers;
  const errors: Record<string, string> = {};
  for (let round = 0; round < 50; round++) {
    const result = IntakeDraftSchema.safeParse(current);
    if (result.success) return { draft: result.data, errors };
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        // Keys no question asks (say, from an older version of the form): drop them quietly.
        const parent = issue.path.map(String).join(".");
        for (const key of issue.keys)
          current = withAnswer(current, parent ? `${parent}.${key}` : key, undefined);
        continue;
      }
      const id = questionForPath(issue.path);
      if (id) {
        errors[id] ??= plainMessage(issue);
        current = withAnswer(current, id, undefined);
      } else {
        // Not an answer to any question (an unknown key): not the client's doing, so drop it quietly.
        current = withAnswer(current, issue.path.map(String).join(".") || "__none__", undefined);
        if (issue.path.length === 0) return { draft: {}, errors };
      }
    }
  }
  return { draft: {}, errors };
}

/**
 * The intake's body map starts with the areas marked in the pain finder (carried as
 * `?regions=temple-left:6,…` through booking) when the client has no areas saved yet: an empty
 * list counts as none. Null when there is nothing to add, so the caller keeps its answers as they are.
 */
export function withFinderAreas(
  answers: Answers,
  fromFinder: readonly { id: string; intensity: number }[],
): Answers | null {
  if (fromFinder.length === 0) return null;
  const saved = answers.areasOfConcern;
  if (Array.isArray(saved) && saved.length > 0) return null;
  return withAnswer(
    answers,
    "areasOfConcern",
    fromFinder.map(({ id, intensity }) => ({ id, intensity })),
  );
}
