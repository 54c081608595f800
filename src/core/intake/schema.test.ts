import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { type ScreenableIntake, screenIntake } from "../screening/screen";
import { completeIntake } from "./intake-fixtures";
import { type IntakeDraft, IntakeDraftSchema, IntakeSubmissionSchema } from "./schema";

function issuesOf(result: z.ZodSafeParseResult<unknown>): { path: string; message: string }[] {
  return result.success
    ? []
    : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("IntakeDraftSchema", () => {
  it("accepts an empty draft, so the form can save before anything is answered", () => {
    expect(IntakeDraftSchema.safeParse({}).success).toBe(true);
  });

  it("accepts a draft with only some answers, including half-filled groups", () => {
    const draft = {
      reasonForVisit: "Sore shoulder",
      pain: { now: 4 },
      duration: { amount: 2 },
      healthHistory: { "recent-surgery": { answer: false } },
      pregnancy: {},
    };
    expect(IntakeDraftSchema.safeParse(draft).success).toBe(true);
  });

  it("still rejects invalid values in a draft: pain above 10, intensity 0, fractional weeks", () => {
    const result = IntakeDraftSchema.safeParse({
      pain: { now: 11 },
      areasOfConcern: [{ id: "calf-left", intensity: 0 }],
      pregnancy: { status: "yes", weeks: 12.5 },
    });
    expect(issuesOf(result).map((i) => i.path)).toEqual([
      "areasOfConcern.0.intensity",
      "pain.now",
      "pregnancy.weeks",
    ]);
  });

  it("rejects an unknown body region with an error naming the unknown id", () => {
    const result = IntakeDraftSchema.safeParse({
      areasOfConcern: [
        { id: "temple-left", intensity: 5 },
        { id: "elbow-middle", intensity: 5 },
      ],
    });
    expect(issuesOf(result)).toEqual([
      { path: "areasOfConcern.1.id", message: 'Unknown body region "elbow-middle"' },
    ]);
  });

  it("rejects a paired region given without its side, naming it", () => {
    const result = IntakeDraftSchema.safeParse({ areasOfConcern: [{ id: "temple", intensity: 5 }] });
    expect(issuesOf(result)[0]?.message).toBe('Unknown body region "temple"');
  });

  it("shortens a very long unknown region id in the message", () => {
    const result = IntakeDraftSchema.safeParse({
      areasOfConcern: [{ id: "x".repeat(10_000), intensity: 5 }],
    });
    const message = issuesOf(result)[0]?.message ?? "";
    expect(message.length).toBeLessThan(100);
    expect(message).toContain("xxxx…");
  });

  it("rejects a region marked twice, naming it", () => {
    const result = IntakeDraftSchema.safeParse({
      areasOfConcern: [
        { id: "calf-left", intensity: 3 },
        { id: "calf-left", intensity: 7 },
      ],
    });
    expect(issuesOf(result)).toEqual([
      { path: "areasOfConcern.1.id", message: 'Body region "calf-left" is marked more than once' },
    ]);
  });

  it("rejects an answer to a health question that does not exist", () => {
    const result = IntakeDraftSchema.safeParse({ healthHistory: { "not-a-question": { answer: true } } });
    expect(result.success).toBe(false);
  });

  it("rejects a reason for visit longer than 2000 characters", () => {
    expect(IntakeDraftSchema.safeParse({ reasonForVisit: "a".repeat(2000) }).success).toBe(true);
    expect(IntakeDraftSchema.safeParse({ reasonForVisit: "a".repeat(2001) }).success).toBe(false);
  });

  it("trims free text", () => {
    expect(IntakeDraftSchema.parse({ goals: "  sleep well  " }).goals).toBe("sleep well");
  });

  it("accepts a midline region by its bare id", () => {
    expect(IntakeDraftSchema.safeParse({ areasOfConcern: [{ id: "sacrum", intensity: 2 }] }).success).toBe(
      true,
    );
  });
});

describe("IntakeSubmissionSchema", () => {
  it("accepts a complete intake", () => {
    expect(issuesOf(IntakeSubmissionSchema.safeParse(completeIntake()))).toEqual([]);
  });

  it("rejects an empty intake, reporting the always-required fields", () => {
    const paths = issuesOf(IntakeSubmissionSchema.safeParse({})).map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "reasonForVisit",
        "areasOfConcern",
        "pain",
        "duration",
        "triggers",
        "previousTreatment",
        "healthHistory",
        "medications",
        "pregnancy",
        "goals",
      ]),
    );
  });

  it("treats a reason for visit of only spaces as unanswered", () => {
    const result = IntakeSubmissionSchema.safeParse({ ...completeIntake(), reasonForVisit: "   " });
    expect(issuesOf(result)).toEqual([
      { path: "reasonForVisit", message: "Please tell us what brings you in" },
    ]);
  });

  it("requires at least one marked area", () => {
    const result = IntakeSubmissionSchema.safeParse({ ...completeIntake(), areasOfConcern: [] });
    expect(issuesOf(result).map((i) => i.path)).toEqual(["areasOfConcern"]);
  });

  it("rejects an unknown region in a submission too, naming it", () => {
    const intake = { ...completeIntake(), areasOfConcern: [{ id: "wing-left", intensity: 4 }] };
    expect(issuesOf(IntakeSubmissionSchema.safeParse(intake))).toEqual([
      { path: "areasOfConcern.0.id", message: 'Unknown body region "wing-left"' },
    ]);
  });

  it("requires every health-history question to be answered", () => {
    const intake = completeIntake();
    delete intake.healthHistory["recent-surgery"];
    expect(issuesOf(IntakeSubmissionSchema.safeParse(intake))).toEqual([
      { path: "healthHistory.recent-surgery", message: "Please answer this question" },
    ]);
  });

  it("rejects pain at its best above pain at its worst in a submission, but not in a draft", () => {
    const intake = { ...completeIntake(), pain: { now: 5, best: 8, worst: 6 } };
    expect(issuesOf(IntakeSubmissionSchema.safeParse(intake)).map((i) => i.path)).toEqual(["pain.best"]);
    expect(IntakeDraftSchema.safeParse(intake).success).toBe(true);
  });

  it("leaves pain now outside best..worst to the therapist", () => {
    const intake = { ...completeIntake(), pain: { now: 9, best: 2, worst: 7 } };
    expect(IntakeSubmissionSchema.safeParse(intake).success).toBe(true);
  });

  it("requires weeks and the pregnancy-complication question only when pregnant", () => {
    const pregnant = { ...completeIntake(), pregnancy: { status: "yes" } };
    expect(issuesOf(IntakeSubmissionSchema.safeParse(pregnant)).map((i) => i.path)).toEqual([
      "pregnancy.weeks",
      "healthHistory.pregnancy-complication",
    ]);
    const notApplicable = { ...completeIntake(), pregnancy: { status: "not-applicable" } };
    expect(IntakeSubmissionSchema.safeParse(notApplicable).success).toBe(true);
  });

  it("requires the 'something else' text only when 'other' is chosen", () => {
    const withOther = { ...completeIntake(), triggers: ["other"] };
    expect(issuesOf(IntakeSubmissionSchema.safeParse(withOther)).map((i) => i.path)).toEqual([
      "triggersOther",
    ]);
    expect(IntakeSubmissionSchema.safeParse({ ...withOther, triggersOther: "Cold weather" }).success).toBe(
      true,
    );
  });

  it("rejects a trigger chosen twice", () => {
    const intake = { ...completeIntake(), triggers: ["stress", "stress"] };
    expect(IntakeSubmissionSchema.safeParse(intake).success).toBe(false);
  });

  it("rejects a duration of more than 100 years", () => {
    const intake = { ...completeIntake(), duration: { amount: 101, unit: "years" } };
    expect(issuesOf(IntakeSubmissionSchema.safeParse(intake)).map((i) => i.path)).toEqual([
      "duration.amount",
    ]);
  });

  it("rejects a duration of zero", () => {
    const intake = { ...completeIntake(), duration: { amount: 0, unit: "days" } };
    expect(IntakeSubmissionSchema.safeParse(intake).success).toBe(false);
  });

  it("accepts every submission as a draft too", () => {
    expect(IntakeDraftSchema.safeParse(completeIntake()).success).toBe(true);
  });

  it("gives an intake that can be screened as it is, draft or submission", () => {
    const draft: IntakeDraft = { healthHistory: { "recent-surgery": { answer: true } } };
    const asDraft: ScreenableIntake = draft;
    const asSubmission: ScreenableIntake = completeIntake();
    expect(screenIntake(asDraft).outcome).toBe("hold");
    expect(screenIntake(asSubmission).outcome).toBe("clear");
  });
});

describe("IntakeSubmissionSchema error reporting", () => {
  it("reports missing answers together with other problems, so the client sees everything at once", () => {
    const intake: Record<string, unknown> = { ...completeIntake(), goals: "" };
    const healthHistory = { ...completeIntake().healthHistory };
    delete healthHistory.cancer;
    intake.healthHistory = healthHistory;
    expect(issuesOf(IntakeSubmissionSchema.safeParse(intake)).map((i) => i.path)).toEqual([
      "goals",
      "healthHistory.cancer",
    ]);
  });

  it("reports a missing health history once, not once per question", () => {
    const { healthHistory: _, ...intake } = completeIntake();
    expect(issuesOf(IntakeSubmissionSchema.safeParse(intake)).map((i) => i.path)).toEqual(["healthHistory"]);
  });

  it("reports an invalid health answer at the answer, not also as unanswered", () => {
    const intake = completeIntake() as Record<string, unknown>;
    intake.healthHistory = { ...completeIntake().healthHistory, cancer: { answer: "yes" } };
    expect(issuesOf(IntakeSubmissionSchema.safeParse(intake)).map((i) => i.path)).toEqual([
      "healthHistory.cancer.answer",
    ]);
  });

  it("rejects input that is not an object without crashing", () => {
    for (const input of [null, "intake", 42, [], undefined]) {
      expect(IntakeSubmissionSchema.safeParse(input).success).toBe(false);
    }
  });
});

describe("intake schemas on hostile input", () => {
  it("never throw, whatever JSON they are given", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        IntakeDraftSchema.safeParse(value);
        IntakeSubmissionSchema.safeParse(value);
      }),
      { numRuns: 500 },
    );
  });

  it("never throw on intake-shaped objects with wrong types and __proto__ keys", () => {
    const field = fc.oneof(fc.jsonValue(), fc.constant(JSON.parse('{"__proto__": {"answer": true}}')));
    const shaped = fc.record(
      {
        reasonForVisit: field,
        areasOfConcern: fc.oneof(field, fc.array(fc.record({ id: fc.string(), intensity: fc.integer() }))),
        pain: field,
        duration: field,
        triggers: field,
        healthHistory: field,
        medications: field,
        pregnancy: fc.oneof(field, fc.record({ status: fc.string(), weeks: fc.double() })),
        goals: field,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(shaped, (value) => {
        IntakeDraftSchema.safeParse(value);
        IntakeSubmissionSchema.safeParse(value);
      }),
      { numRuns: 500 },
    );
  });
});
