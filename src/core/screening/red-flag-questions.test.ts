import { describe, expect, it } from "vitest";
import { RED_FLAG_QUESTIONS, redFlagQuestionsForRegions } from "./red-flag-questions";
import { RED_FLAG_RULES } from "./rules";

const idsFor = (regions: string[]) => redFlagQuestionsForRegions(regions).map((q) => q.id);
const ALWAYS_ASKED = RED_FLAG_QUESTIONS.filter((q) => q.regionGroups === "any").map((q) => q.id);

describe("RED_FLAG_QUESTIONS", () => {
  it("has one question with advice for every red-flag rule", () => {
    expect(RED_FLAG_QUESTIONS.map((q) => q.id)).toEqual(RED_FLAG_RULES.map((r) => r.id));
    for (const q of RED_FLAG_QUESTIONS) {
      expect(q.question.endsWith("?")).toBe(true);
      expect(q.advice.length).toBeGreaterThan(0);
    }
  });

  it("carries the help text where the rule has one", () => {
    expect(RED_FLAG_QUESTIONS.find((q) => q.id === "cardiac-chest-pain")?.help).toMatch(
      /shortness of breath/,
    );
    expect(RED_FLAG_QUESTIONS.find((q) => q.id === "thunderclap-headache")).not.toHaveProperty("help");
  });
});

describe("redFlagQuestionsForRegions", () => {
  it("asks only the questions that apply anywhere when nothing is marked", () => {
    expect(idsFor([])).toEqual(ALWAYS_ASKED);
  });

  it("asks headache questions for a marked temple", () => {
    expect(idsFor(["temple-left"])).toEqual(
      expect.arrayContaining(["thunderclap-headache", "headache-fever-stiff-neck", "new-headache-after-50"]),
    );
  });

  it("asks the one-sided leg swelling question for a marked calf, and no headache questions", () => {
    const ids = idsFor(["calf-right"]);
    expect(ids).toContain("calf-clot-signs");
    expect(ids).not.toContain("thunderclap-headache");
  });

  it("asks the saddle numbness question for a marked low back", () => {
    expect(idsFor(["back-low-left"])).toContain("cauda-equina-signs");
  });

  it("asks the heart question for a marked chest or arm", () => {
    expect(idsFor(["chest-upper-left"])).toContain("cardiac-chest-pain");
    expect(idsFor(["arm-medial-left"])).toContain("cardiac-chest-pain");
  });

  it("always includes the questions that apply to any region, and keeps the rule order", () => {
    const ids = idsFor(["foot-sole-left", "temple-right"]);
    expect(ids).toEqual(expect.arrayContaining(ALWAYS_ASKED));
    const order = RED_FLAG_QUESTIONS.map((q) => q.id);
    expect(ids).toEqual([...ids].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  });

  it("ignores unknown region ids", () => {
    expect(idsFor(["not-a-region"])).toEqual(ALWAYS_ASKED);
  });
});
