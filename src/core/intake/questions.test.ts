import { describe, expect, it } from "vitest";
import { HEALTH_HISTORY_QUESTION_IDS, screeningRuleById } from "../screening/rules";
import { DURATION_UNITS } from "./chronicity";
import { PREGNANCY_STATUSES, TRIGGERS } from "./fields";
import { answerAt } from "./missing";
import { INTAKE_QUESTIONS, INTAKE_SECTIONS, type IntakeQuestion, intakeQuestionById } from "./questions";
import { IntakeDraftSchema } from "./schema";

/** A valid sample answer for a question, by kind, to check the answer path exists in the schema. */
function sampleAnswer(question: IntakeQuestion): unknown {
  switch (question.kind) {
    case "short-text":
    case "long-text":
      return "something";
    case "body-map":
      return [{ id: "calf-right", intensity: 5 }];
    case "scale":
      return 4;
    case "duration":
      return { amount: 2, unit: "weeks" };
    case "single-choice":
      return question.options[0]?.value;
    case "multi-choice":
      return [question.options[0]?.value];
    case "number":
      return question.min;
    case "yes-no":
      return true;
    case "yes-no-detail":
      return { answer: true, detail: "details" };
  }
}

function draftWith(path: string, value: unknown): Record<string, unknown> {
  const keys = path.split(".");
  return keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

describe("INTAKE_QUESTIONS", () => {
  it("has unique ids", () => {
    const ids = INTAKE_QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(INTAKE_QUESTIONS.map((q): [string, IntakeQuestion] => [q.id, q]))(
    "stores the answer to %s at a path the draft schema keeps",
    (id, question) => {
      const value = sampleAnswer(question);
      const parsed = IntakeDraftSchema.parse(draftWith(id, value));
      expect(answerAt(parsed, id)).toEqual(value);
    },
  );

  it("asks every health-history screening question exactly once", () => {
    const asked = INTAKE_QUESTIONS.filter((q) => q.kind === "yes-no-detail").map((q) => q.id);
    expect(asked.sort()).toEqual(HEALTH_HISTORY_QUESTION_IDS.map((id) => `healthHistory.${id}`).sort());
  });

  it("uses the screening rule's own wording for each health question", () => {
    for (const question of INTAKE_QUESTIONS) {
      if (question.kind !== "yes-no-detail") continue;
      expect(question.question).toBe(screeningRuleById(question.screening.ruleId)?.question);
    }
  });

  it("asks the red-flag questions together in the safety-check section", () => {
    const safety = INTAKE_QUESTIONS.filter((q) => q.section === "safety-check");
    expect(safety.length).toBeGreaterThan(0);
    expect(safety.every((q) => q.kind === "yes-no-detail" && q.screening.kind === "red-flag")).toBe(true);
  });

  it("keeps questions grouped by section, in section order", () => {
    const sectionOrder = INTAKE_SECTIONS.map((s) => s.id);
    const indexes = INTAKE_QUESTIONS.map((q) => sectionOrder.indexOf(q.section));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(new Set(indexes).size).toBe(sectionOrder.length);
  });

  it("only makes a question conditional on an earlier question", () => {
    INTAKE_QUESTIONS.forEach((question, index) => {
      if (!question.askWhen) return;
      const condition = INTAKE_QUESTIONS.findIndex((q) => q.id === question.askWhen?.questionId);
      expect(condition, question.id).toBeGreaterThanOrEqual(0);
      expect(condition, question.id).toBeLessThan(index);
    });
  });

  it("offers exactly the choices the schema accepts", () => {
    const options = (id: string) => {
      const q = intakeQuestionById(id);
      return q && "options" in q ? q.options.map((o) => o.value) : [];
    };
    expect(options("triggers")).toEqual([...TRIGGERS]);
    expect(options("pregnancy.status")).toEqual([...PREGNANCY_STATUSES]);
    const duration = intakeQuestionById("duration");
    expect(duration?.kind === "duration" && duration.units).toEqual([...DURATION_UNITS]);
  });

  it("phrases every question as a question", () => {
    for (const q of INTAKE_QUESTIONS) expect(q.question.endsWith("?"), q.id).toBe(true);
  });
});
