import { describe, expect, it } from "vitest";
import { completeIntake } from "../intake/intake-fixtures";
import type { IntakeDraft } from "../intake/schema";
import { CAUTION_RULES, HOLD_RULES, RED_FLAG_RULES } from "./rules";
import { RedFlagAnswersSchema, screenAnswers, screenIntake, screenRedFlags } from "./screen";

describe("screenAnswers", () => {
  it("is clear when nothing is answered yes", () => {
    expect(screenAnswers({})).toEqual({
      outcome: "clear",
      holds: [],
      cautions: [],
      redFlags: [],
      emergency: false,
    });
    expect(
      screenAnswers({ "recent-surgery": false, cancer: false, "thunderclap-headache": false }).outcome,
    ).toBe("clear");
  });

  describe("do-not-treat-until-cleared conditions", () => {
    it.each(HOLD_RULES.map((r) => r.id))("a yes to %s puts the visit on hold with that finding", (id) => {
      const result = screenAnswers({ [id]: true });
      expect(result.outcome).toBe("hold");
      expect(result.holds.map((f) => f.id)).toEqual([id]);
      expect(result.holds[0]?.adviceForClient).toMatch(/talk to your doctor/i);
      expect(result.cautions).toEqual([]);
      expect(result.redFlags).toEqual([]);
    });
  });

  describe("cautions", () => {
    it.each(CAUTION_RULES.map((r) => r.id))("a yes to %s flags a caution with the technique change", (id) => {
      const result = screenAnswers({ [id]: true });
      expect(result.outcome).toBe("caution");
      expect(result.cautions.map((f) => f.id)).toEqual([id]);
      expect(result.cautions[0]?.reasonForStaff.length).toBeGreaterThan(40);
    });
  });

  describe("red flags", () => {
    it.each(RED_FLAG_RULES.map((r): [string, string] => [r.id, r.urgency]))(
      "a yes to %s stops the flow (%s)",
      (id, urgency) => {
        const result = screenAnswers({ [id]: true });
        expect(result.outcome).toBe("stop");
        expect(result.redFlags.map((f) => f.id)).toEqual([id]);
        expect(result.emergency).toBe(urgency === "emergency");
      },
    );
  });

  it("copies the rule's label and texts into the finding", () => {
    const rule = HOLD_RULES.find((r) => r.id === "recent-surgery");
    expect(screenAnswers({ "recent-surgery": true }).holds[0]).toEqual({
      id: rule?.id,
      label: rule?.label,
      adviceForClient: rule?.adviceForClient,
      reasonForStaff: rule?.reasonForStaff,
    });
  });

  it("stops when a red flag comes with a hold and a caution, and still lists all three", () => {
    const result = screenAnswers({ "cauda-equina-signs": true, "recent-fracture": true, osteoporosis: true });
    expect(result.outcome).toBe("stop");
    expect(result.redFlags.map((f) => f.id)).toEqual(["cauda-equina-signs"]);
    expect(result.holds.map((f) => f.id)).toEqual(["recent-fracture"]);
    expect(result.cautions.map((f) => f.id)).toEqual(["osteoporosis"]);
  });

  it("holds when a hold comes with a caution", () => {
    const result = screenAnswers({ "blood-clot": true, "blood-thinners": true });
    expect(result.outcome).toBe("hold");
    expect(result.cautions.map((f) => f.id)).toEqual(["blood-thinners"]);
  });

  it("lists several findings of one kind in rule order", () => {
    const result = screenAnswers({ "recent-fracture": true, "blood-clot": true, "fever-or-infection": true });
    expect(result.holds.map((f) => f.id)).toEqual(["blood-clot", "fever-or-infection", "recent-fracture"]);
  });

  it("lists emergency red flags before urgent ones, whatever the answer order", () => {
    const result = screenAnswers({
      "hot-swollen-joint": true,
      "calf-clot-signs": true,
      "cardiac-chest-pain": true,
    });
    expect(result.redFlags.map((f) => f.id)).toEqual([
      "cardiac-chest-pain",
      "calf-clot-signs",
      "hot-swollen-joint",
    ]);
    expect(result.emergency).toBe(true);
  });

  it("does not raise an emergency for urgent-only red flags", () => {
    expect(screenAnswers({ "calf-clot-signs": true, "new-headache-after-50": true }).emergency).toBe(false);
  });

  it("ignores inherited properties, counting only answers actually given", () => {
    const answers = Object.create({ "blood-clot": true });
    expect(screenAnswers(answers).outcome).toBe("clear");
  });
});

describe("screenIntake", () => {
  it("is clear for an intake with every health question answered no", () => {
    expect(screenIntake(completeIntake()).outcome).toBe("clear");
  });

  it("flags the blood-thinner caution from the medications answer", () => {
    const intake = { ...completeIntake(), medications: { bloodThinners: true } };
    expect(screenIntake(intake).cautions.map((f) => f.id)).toEqual(["blood-thinners"]);
  });

  it("flags the pregnancy caution only when the client is pregnant", () => {
    expect(screenIntake({ pregnancy: { status: "yes" } }).cautions.map((f) => f.id)).toEqual(["pregnancy"]);
    expect(screenIntake({ pregnancy: { status: "no" } }).outcome).toBe("clear");
    expect(screenIntake({ pregnancy: { status: "not-applicable" } }).outcome).toBe("clear");
  });

  it("holds a pregnant client who reports a complication", () => {
    const intake: IntakeDraft = {
      pregnancy: { status: "yes", weeks: 30 },
      healthHistory: { "pregnancy-complication": { answer: true, detail: "Bleeding last week" } },
    };
    const result = screenIntake(intake);
    expect(result.outcome).toBe("hold");
    expect(result.holds.map((f) => f.id)).toEqual(["pregnancy-complication"]);
    expect(result.cautions.map((f) => f.id)).toEqual(["pregnancy"]);
  });

  it("stops on a red flag answered in the health history", () => {
    const intake = completeIntake();
    intake.healthHistory["thunderclap-headache"] = { answer: true };
    const result = screenIntake(intake);
    expect(result.outcome).toBe("stop");
    expect(result.redFlags[0]?.adviceForClient).toMatch(/emergency number now/);
  });

  it("screens a partly filled draft from what is answered so far", () => {
    expect(screenIntake({}).outcome).toBe("clear");
    expect(screenIntake({ healthHistory: { cancer: { answer: true } } }).outcome).toBe("caution");
  });
});

describe("screenRedFlags", () => {
  it("is clear when no red flag is answered yes", () => {
    expect(screenRedFlags({ "thunderclap-headache": false }).outcome).toBe("clear");
    expect(screenRedFlags({}).outcome).toBe("clear");
  });

  it("stops on any red flag, without needing an intake", () => {
    const result = screenRedFlags({ "calf-clot-signs": true });
    expect(result.outcome).toBe("stop");
    expect(result.redFlags[0]?.adviceForClient).toMatch(/see a doctor today/i);
    expect(result.holds).toEqual([]);
    expect(result.cautions).toEqual([]);
  });

  it("ignores answers that are not red flags", () => {
    expect(screenRedFlags({ "recent-surgery": true } as never).outcome).toBe("clear");
  });
});

describe("RedFlagAnswersSchema", () => {
  it("accepts yes/no answers to known red flags", () => {
    expect(
      RedFlagAnswersSchema.safeParse({ "cardiac-chest-pain": false, "calf-clot-signs": true }).success,
    ).toBe(true);
  });

  it("rejects an unknown question id and a non-boolean answer", () => {
    expect(RedFlagAnswersSchema.safeParse({ "made-up": true }).success).toBe(false);
    expect(RedFlagAnswersSchema.safeParse({ "cardiac-chest-pain": "yes" }).success).toBe(false);
  });
});
