/**
 * The intake questionnaire as data. The web form is generated from this list and
 * `missingIntakeFields` walks it, so the form, the completeness check and the submission
 * schema cannot drift apart (a test checks every question against the schemas).
 *
 * A question's `id` is the dotted path of its answer in the intake object,
 * e.g. `pain.now` or `healthHistory.recent-surgery`.
 */
import {
  HEALTH_HISTORY_QUESTION_IDS,
  type HealthHistoryQuestionId,
  type ScreeningKind,
  type ScreeningRule,
  screeningRuleById,
} from "../screening/rules";
import { DURATION_UNITS, type DurationUnit } from "./chronicity";
import { PREGNANCY_STATUS_LABELS, PREGNANCY_STATUSES, TEXT_LIMITS, TRIGGER_LABELS, TRIGGERS } from "./fields";

export const INTAKE_SECTIONS = [
  { id: "your-pain", title: "Your pain", intro: "Tell us what brings you in, in your own words." },
  {
    id: "safety-check",
    title: "A few important safety questions",
    intro: "Some symptoms need a doctor before any massage. Please answer these carefully.",
  },
  {
    id: "health",
    title: "Your health",
    intro: "These help your therapist choose the right pressure and keep you safe.",
  },
  { id: "medications", title: "Medicines", intro: "Include anything you take regularly." },
  { id: "pregnancy", title: "Pregnancy", intro: "So we can position you comfortably and safely." },
  { id: "goals", title: "Your goals", intro: "What would you like to get out of treatment?" },
] as const;
export type IntakeSectionId = (typeof INTAKE_SECTIONS)[number]["id"];

/** Show a question only when an earlier answer has a given value (or, for a list, contains it). */
export type AskWhen =
  | { readonly questionId: string; readonly equals: string | boolean }
  | { readonly questionId: string; readonly includes: string };

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
}

interface QuestionBase {
  readonly id: string;
  readonly section: IntakeSectionId;
  /** Plain-language question, as the client reads it. */
  readonly question: string;
  readonly help?: string;
  /** Must be answered before the intake can be submitted (when it is asked at all). */
  readonly required: boolean;
  readonly askWhen?: AskWhen;
}

export type IntakeQuestion =
  | (QuestionBase & { readonly kind: "short-text" | "long-text"; readonly maxLength: number })
  | (QuestionBase & { readonly kind: "body-map"; readonly intensity: { readonly min: 1; readonly max: 10 } })
  | (QuestionBase & {
      readonly kind: "scale";
      readonly min: 0;
      readonly max: 10;
      readonly minLabel: string;
      readonly maxLabel: string;
    })
  | (QuestionBase & { readonly kind: "duration"; readonly units: readonly DurationUnit[] })
  | (QuestionBase & {
      readonly kind: "single-choice" | "multi-choice";
      readonly options: readonly ChoiceOption[];
    })
  | (QuestionBase & {
      readonly kind: "number";
      readonly min: number;
      readonly max: number;
      readonly unit: string;
    })
  | (QuestionBase & { readonly kind: "yes-no" })
  | (QuestionBase & {
      /** Answer is `{ answer: boolean, detail?: string }`: the detail box is optional. */
      readonly kind: "yes-no-detail";
      readonly detailPrompt: string;
      readonly detailMaxLength: number;
      /** The screening rule this answers, so the form can react to a "yes" at once (e.g. red-flag advice). */
      readonly screening: { readonly ruleId: HealthHistoryQuestionId; readonly kind: ScreeningKind };
    });

export type IntakeQuestionKind = IntakeQuestion["kind"];

const PAIN_SCALE = {
  kind: "scale",
  min: 0,
  max: 10,
  minLabel: "No pain",
  maxLabel: "Worst pain imaginable",
} as const;

const ASK_IF_PREGNANT: AskWhen = { questionId: "pregnancy.status", equals: "yes" };

function ruleFor(id: HealthHistoryQuestionId): ScreeningRule {
  const rule = screeningRuleById(id);
  // Cannot happen: the ids are derived from the rules themselves.
  if (!rule) throw new Error(`No screening rule "${id}"`);
  return rule;
}

function isAskedOnlyIfPregnant(rule: ScreeningRule): boolean {
  return rule.kind === "hold" && rule.askOnlyIfPregnant === true;
}

/** Red flags get their own section so they are answered together and taken seriously. */
function sectionFor(rule: ScreeningRule): IntakeSectionId {
  if (rule.kind === "red-flag") return "safety-check";
  return isAskedOnlyIfPregnant(rule) ? "pregnancy" : "health";
}

function healthQuestion(id: HealthHistoryQuestionId): IntakeQuestion {
  const rule = ruleFor(id);
  return {
    id: `healthHistory.${id}`,
    section: sectionFor(rule),
    kind: "yes-no-detail",
    question: rule.question,
    ...(rule.help === undefined ? {} : { help: rule.help }),
    required: true,
    ...(isAskedOnlyIfPregnant(rule) ? { askWhen: ASK_IF_PREGNANT } : {}),
    detailPrompt: rule.help ?? "Anything you'd like us to know (optional)",
    detailMaxLength: TEXT_LIMITS.detail,
    screening: { ruleId: id, kind: rule.kind },
  };
}

const HEALTH_QUESTIONS = HEALTH_HISTORY_QUESTION_IDS.map(healthQuestion);

function healthQuestionsIn(section: IntakeSectionId): IntakeQuestion[] {
  return HEALTH_QUESTIONS.filter((question) => question.section === section);
}

const bloodThinnersRule = screeningRuleById("blood-thinners");

export const INTAKE_QUESTIONS: readonly IntakeQuestion[] = [
  {
    id: "reasonForVisit",
    section: "your-pain",
    kind: "long-text",
    maxLength: TEXT_LIMITS.reasonForVisit,
    question: "What brings you in?",
    help: "Describe the pain or problem in your own words: where, what it feels like, what makes it better or worse.",
    required: true,
  },
  {
    id: "areasOfConcern",
    section: "your-pain",
    kind: "body-map",
    intensity: { min: 1, max: 10 },
    question: "Where do you feel it?",
    help: "Tap each area on the body map and set how strong it is, from 1 (mild) to 10 (severe).",
    required: true,
  },
  {
    id: "pain.now",
    section: "your-pain",
    ...PAIN_SCALE,
    question: "How bad is the pain right now?",
    required: true,
  },
  {
    id: "pain.best",
    section: "your-pain",
    ...PAIN_SCALE,
    question: "How bad is it at its best (on a good day)?",
    required: true,
  },
  {
    id: "pain.worst",
    section: "your-pain",
    ...PAIN_SCALE,
    question: "How bad is it at its worst?",
    required: true,
  },
  {
    id: "duration",
    section: "your-pain",
    kind: "duration",
    units: DURATION_UNITS,
    question: "How long have you had it?",
    help: "A rough answer is fine.",
    required: true,
  },
  {
    id: "triggers",
    section: "your-pain",
    kind: "multi-choice",
    options: TRIGGERS.map((value) => ({ value, label: TRIGGER_LABELS[value] })),
    question: "What seems to bring it on or make it worse?",
    help: "Choose all that apply.",
    required: true,
  },
  {
    id: "triggersOther",
    section: "your-pain",
    kind: "short-text",
    maxLength: TEXT_LIMITS.triggersOther,
    question: "What else brings it on?",
    required: true,
    askWhen: { questionId: "triggers", includes: "other" },
  },
  {
    id: "previousTreatment.had",
    section: "your-pain",
    kind: "yes-no",
    question: "Have you had any treatment for this before?",
    help: "For example massage, physiotherapy, chiropractic, injections or medication.",
    required: true,
  },
  {
    id: "previousTreatment.detail",
    section: "your-pain",
    kind: "long-text",
    maxLength: TEXT_LIMITS.detail,
    question: "What did you try, and did it help?",
    required: false,
    askWhen: { questionId: "previousTreatment.had", equals: true },
  },
  ...healthQuestionsIn("safety-check"),
  ...healthQuestionsIn("health"),
  {
    id: "medications.list",
    section: "medications",
    kind: "long-text",
    maxLength: TEXT_LIMITS.medicationsList,
    question: "Which medicines do you take?",
    help: "Include prescriptions, painkillers and supplements. Leave empty if none.",
    required: false,
  },
  {
    id: "medications.bloodThinners",
    section: "medications",
    kind: "yes-no",
    question: bloodThinnersRule?.question ?? "Do you take a blood thinner?",
    help: "Blood thinners make bruising easier, so your therapist adjusts the pressure.",
    required: true,
  },
  {
    id: "pregnancy.status",
    section: "pregnancy",
    kind: "single-choice",
    options: PREGNANCY_STATUSES.map((value) => ({ value, label: PREGNANCY_STATUS_LABELS[value] })),
    question: "Are you pregnant?",
    required: true,
  },
  {
    id: "pregnancy.weeks",
    section: "pregnancy",
    kind: "number",
    min: 1,
    max: 42,
    unit: "weeks",
    question: "How many weeks pregnant are you?",
    required: true,
    askWhen: ASK_IF_PREGNANT,
  },
  ...healthQuestionsIn("pregnancy"),
  {
    id: "goals",
    section: "goals",
    kind: "long-text",
    maxLength: TEXT_LIMITS.goals,
    question: "What would you like to be able to do again, or do more easily?",
    help: "For example: sleep through the night, work a full day at the desk, run without calf pain.",
    required: true,
  },
];

const QUESTIONS_BY_ID: ReadonlyMap<string, IntakeQuestion> = new Map(INTAKE_QUESTIONS.map((q) => [q.id, q]));

export function intakeQuestionById(id: string): IntakeQuestion | undefined {
  return QUESTIONS_BY_ID.get(id);
}
