import { describe, expect, it } from "vitest";
import { completeIntake } from "./intake-fixtures";
import { missingIntakeFields } from "./missing";
import { INTAKE_QUESTIONS, type IntakeQuestion } from "./questions";
import { type IntakeDraft, IntakeSubmissionSchema } from "./schema";

/** A complete intake in which every conditional question is asked (and answered). */
function intakeAskingEverything(): IntakeDraft {
  return {
    ...completeIntake(),
    triggers: ["posture", "other"],
    triggersOther: "Carrying my toddler",
    previousTreatment: { had: true, detail: "Massage" },
    pregnancy: { status: "yes", weeks: 20 },
    healthHistory: { ...completeIntake().healthHistory, "pregnancy-complication": { answer: false } },
  };
}

function withoutAnswer(intake: IntakeDraft, questionId: string): IntakeDraft {
  const copy = structuredClone(intake) as Record<string, unknown>;
  const keys = questionId.split(".");
  const last = keys.pop() as string;
  let parent = copy;
  for (const key of keys) parent = parent[key] as Record<string, unknown>;
  delete parent[last];
  return copy as IntakeDraft;
}

const REQUIRED = INTAKE_QUESTIONS.filter((q) => q.required);
const OPTIONAL = INTAKE_QUESTIONS.filter((q) => !q.required);

describe("missingIntakeFields", () => {
  it("lists every always-asked required question for an empty draft, in form order", () => {
    const alwaysAsked = REQUIRED.filter((q) => q.askWhen === undefined).map((q) => q.id);
    expect(missingIntakeFields({})).toEqual(alwaysAsked);
  });

  it("lists nothing for a complete intake", () => {
    expect(missingIntakeFields(completeIntake())).toEqual([]);
    expect(missingIntakeFields(intakeAskingEverything())).toEqual([]);
  });

  it.each(REQUIRED.map((q): [string, IntakeQuestion] => [q.id, q]))(
    "reports %s missing when it is unanswered, and the submission is then rejected at that field",
    (id) => {
      const intake = withoutAnswer(intakeAskingEverything(), id);
      expect(missingIntakeFields(intake)).toEqual([id]);
      const result = IntakeSubmissionSchema.safeParse(intake);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(id);
    },
  );

  it.each(OPTIONAL.map((q) => q.id))("never reports the optional question %s", (id) => {
    const intake = withoutAnswer(intakeAskingEverything(), id);
    expect(missingIntakeFields(intake)).toEqual([]);
    expect(IntakeSubmissionSchema.safeParse(intake).success).toBe(true);
  });

  it("does not ask for weeks of pregnancy unless the client is pregnant", () => {
    expect(missingIntakeFields({ pregnancy: { status: "no" } })).not.toContain("pregnancy.weeks");
    expect(missingIntakeFields({ pregnancy: { status: "yes" } })).toContain("pregnancy.weeks");
  });

  it("counts a pain score of 0 as answered", () => {
    expect(missingIntakeFields({ pain: { now: 0 } })).not.toContain("pain.now");
  });

  it("counts a duration as answered only when both the number and the unit are given", () => {
    expect(missingIntakeFields({ duration: { amount: 3 } })).toContain("duration");
    expect(missingIntakeFields({ duration: { amount: 3, unit: "weeks" } })).not.toContain("duration");
  });

  it("counts a health question with only a detail, and no yes or no, as unanswered", () => {
    const draft: IntakeDraft = { healthHistory: { "recent-surgery": { detail: "knee" } } };
    expect(missingIntakeFields(draft)).toContain("healthHistory.recent-surgery");
  });

  it("counts an empty list of marked areas as unanswered", () => {
    expect(missingIntakeFields({ areasOfConcern: [] })).toContain("areasOfConcern");
  });
});
