import { describe, expect, it } from "vitest";
import { withoutUnaskedAnswers } from "../../core/api/intake";
import { completeIntake } from "../../core/intake/intake-fixtures";
import { answerAt, questionsFor, validPart, withAnswer, withFinderAreas } from "./draft";

describe("withAnswer", () => {
  it("sets and removes answers by dotted path without touching the original", () => {
    const original = { pain: { now: 3 } };
    const next = withAnswer(original, "pain.worst", 8);
    expect(next).toEqual({ pain: { now: 3, worst: 8 } });
    expect(original).toEqual({ pain: { now: 3 } });
    expect(withAnswer(next, "pain.now", undefined)).toEqual({ pain: { worst: 8 } });
    expect(withAnswer({ pain: { now: 3 } }, "pain.now", undefined)).toEqual({});
    expect(
      answerAt(
        withAnswer({}, "healthHistory.recent-surgery", { answer: true }),
        "healthHistory.recent-surgery",
      ),
    ).toEqual({
      answer: true,
    });
  });
});

describe("questionsFor", () => {
  it("asks weeks of pregnancy and the pregnancy complication question only of a pregnant client", () => {
    const ids = (answers: Record<string, unknown>) => questionsFor("pregnancy", answers).map((q) => q.id);
    expect(ids({})).toEqual(["pregnancy.status"]);
    expect(ids({ pregnancy: { status: "yes" } })).toEqual([
      "pregnancy.status",
      "pregnancy.weeks",
      "healthHistory.pregnancy-complication",
    ]);
  });

  it("puts the red-flag questions together in the safety step", () => {
    const safety = questionsFor("safety-check", {});
    expect(safety.length).toBeGreaterThan(5);
    expect(safety.every((q) => q.kind === "yes-no-detail" && q.screening.kind === "red-flag")).toBe(true);
  });
});

describe("validPart", () => {
  it("keeps every valid answer and sets aside the invalid ones with their message", () => {
    const { draft, errors } = validPart({
      reasonForVisit: "Sore neck",
      pain: { now: 11, worst: 7 },
      pregnancy: { status: "yes", weeks: 60 },
      healthHistory: { "recent-surgery": { answer: true }, "not-a-question": { answer: true } },
    });
    expect(draft).toEqual({
      reasonForVisit: "Sore neck",
      pain: { worst: 7 },
      pregnancy: { status: "yes" },
      healthHistory: { "recent-surgery": { answer: true } },
    });
    expect(Object.keys(errors).sort()).toEqual(["pain.now", "pregnancy.weeks"]);
    expect(errors["pain.now"]).toMatch(/0 .*10/);
  });

  it("words every message for a person, not as zod's defaults", () => {
    // A number field given text: zod says "Invalid input: expected number, received string".
    const { errors } = validPart({ pain: { worst: "abc" }, pregnancy: { status: "yes", weeks: 60 } });
    expect(errors["pain.worst"]).toBe("Enter a number.");
    expect(Object.values(errors).join(" ")).not.toMatch(/Too big|Too small|Invalid input|expected/);
  });

  it("leaves a complete intake as it is", () => {
    expect(validPart(completeIntake())).toEqual({ draft: completeIntake(), errors: {} });
  });
});

describe("withoutUnaskedAnswers", () => {
  it("drops answers to questions no longer asked, and nothing else", () => {
    const intake = {
      ...completeIntake(),
      triggers: ["stress" as const],
      triggersOther: "Carrying a toddler",
      pregnancy: { status: "no" as const, weeks: 20 },
      healthHistory: { ...completeIntake().healthHistory, "pregnancy-complication": { answer: true } },
    };
    const cleaned = withoutUnaskedAnswers(intake);
    expect(cleaned.triggersOther).toBeUndefined();
    expect(cleaned.pregnancy).toEqual({ status: "no" });
    expect(cleaned.healthHistory["pregnancy-complication"]).toBeUndefined();
    expect(cleaned.healthHistory["recent-surgery"]).toEqual({ answer: false });
    expect(withoutUnaskedAnswers(completeIntake())).toEqual(completeIntake());
  });
});

describe("withFinderAreas", () => {
  const marks = [
    { id: "temple-left", intensity: 6 },
    { id: "neck-posterior-left", intensity: 4 },
  ];
  it("starts the body map with the finder's marks when no areas are saved", () => {
    expect(withFinderAreas({ goals: "Sleep" }, marks)).toEqual({ goals: "Sleep", areasOfConcern: marks });
    // An empty list (the client opened the map and marked nothing) is no areas either.
    expect(withFinderAreas({ areasOfConcern: [] }, marks)).toEqual({ areasOfConcern: marks });
  });
  it("never replaces areas the client already saved, and adds nothing without marks", () => {
    expect(withFinderAreas({ areasOfConcern: [{ id: "sacrum", intensity: 3 }] }, marks)).toBeNull();
    expect(withFinderAreas({}, [])).toBeNull();
  });
});
