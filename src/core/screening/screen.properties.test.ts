import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PREGNANCY_STATUSES } from "../intake/fields";
import type { IntakeDraft } from "../intake/schema";
import { HEALTH_HISTORY_QUESTION_IDS, RED_FLAG_IDS, SCREENING_RULE_IDS, type ScreeningRuleId } from "./rules";
import { outcomeSeverity, type SafetyAnswers, screenAnswers, screenIntake, screenRedFlags } from "./screen";

/** Any mix of yes, no and unanswered for every rule (dense: many yes answers at once). */
const denseAnswersArb: fc.Arbitrary<SafetyAnswers> = fc.record(
  Object.fromEntries(SCREENING_RULE_IDS.map((id) => [id, fc.boolean()])) as Record<
    ScreeningRuleId,
    fc.Arbitrary<boolean>
  >,
  { requiredKeys: [] },
);

/** A few yes answers and some explicit no answers: the common real case, and where a kind is often absent. */
const sparseAnswersArb: fc.Arbitrary<SafetyAnswers> = fc
  .tuple(fc.subarray([...SCREENING_RULE_IDS], { maxLength: 3 }), fc.subarray([...SCREENING_RULE_IDS]))
  .map(([yes, no]) => ({
    ...Object.fromEntries(no.map((id) => [id, false])),
    ...Object.fromEntries(yes.map((id) => [id, true])),
  }));

const answersArb = fc.oneof(sparseAnswersArb, denseAnswersArb);

const RUNS = { numRuns: 500 };

const ruleIdArb = fc.constantFrom(...SCREENING_RULE_IDS);
const redFlagIdArb = fc.constantFrom(...RED_FLAG_IDS);

/** Intake drafts with any mix of health answers, blood thinners and pregnancy status. */
const denseIntakeArb: fc.Arbitrary<IntakeDraft> = fc.record(
  {
    healthHistory: fc.record(
      Object.fromEntries(HEALTH_HISTORY_QUESTION_IDS.map((id) => [id, fc.record({ answer: fc.boolean() })])),
      { requiredKeys: [] },
    ),
    medications: fc.record({ bloodThinners: fc.boolean() }, { requiredKeys: [] }),
    pregnancy: fc.record({ status: fc.constantFrom(...PREGNANCY_STATUSES) }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

/** Drafts with only a few yes answers in the health history. */
const sparseIntakeArb: fc.Arbitrary<IntakeDraft> = fc
  .tuple(
    fc.subarray([...HEALTH_HISTORY_QUESTION_IDS], { maxLength: 3 }),
    fc.boolean(),
    fc.constantFrom(...PREGNANCY_STATUSES),
  )
  .map(([yes, bloodThinners, status]) => ({
    healthHistory: Object.fromEntries(yes.map((id) => [id, { answer: true }])),
    medications: { bloodThinners },
    pregnancy: { status },
  }));

const intakeArb = fc.oneof(sparseIntakeArb, denseIntakeArb);

describe("screening properties", () => {
  it("never returns clear (always stop) when any red-flag answer is yes", () => {
    fc.assert(
      fc.property(answersArb, redFlagIdArb, (answers, redFlag) => {
        const result = screenAnswers({ ...answers, [redFlag]: true });
        expect(result.outcome).toBe("stop");
        expect(result.redFlags.map((f) => f.id)).toContain(redFlag);
        expect(screenRedFlags({ [redFlag]: true }).outcome).toBe("stop");
      }),
      RUNS,
    );
  });

  it("never lowers the outcome when one more answer becomes yes", () => {
    fc.assert(
      fc.property(answersArb, ruleIdArb, (answers, id) => {
        const before = screenAnswers(answers).outcome;
        const after = screenAnswers({ ...answers, [id]: true }).outcome;
        expect(outcomeSeverity(after)).toBeGreaterThanOrEqual(outcomeSeverity(before));
      }),
      RUNS,
    );
  });

  it("never raises the outcome when one answer becomes no", () => {
    fc.assert(
      fc.property(answersArb, ruleIdArb, (answers, id) => {
        const before = screenAnswers(answers).outcome;
        const after = screenAnswers({ ...answers, [id]: false }).outcome;
        expect(outcomeSeverity(after)).toBeLessThanOrEqual(outcomeSeverity(before));
      }),
      RUNS,
    );
  });

  it("decides the outcome by the most severe kind found: stop > hold > caution > clear", () => {
    fc.assert(
      fc.property(answersArb, (answers) => {
        const result = screenAnswers(answers);
        const expected =
          result.redFlags.length > 0
            ? "stop"
            : result.holds.length > 0
              ? "hold"
              : result.cautions.length > 0
                ? "caution"
                : "clear";
        expect(result.outcome).toBe(expected);
        const yesCount = Object.values(answers).filter((v) => v === true).length;
        expect(result.redFlags.length + result.holds.length + result.cautions.length).toBe(yesCount);
      }),
      RUNS,
    );
  });

  it("never returns clear for an intake with a red flag answered yes", () => {
    fc.assert(
      fc.property(intakeArb, redFlagIdArb, (intake, redFlag) => {
        const withFlag = {
          ...intake,
          healthHistory: { ...intake.healthHistory, [redFlag]: { answer: true } },
        };
        expect(screenIntake(withFlag).outcome).toBe("stop");
      }),
      RUNS,
    );
  });

  it("never lowers an intake's outcome when a health answer changes to yes", () => {
    const healthIdArb = fc.constantFrom(...HEALTH_HISTORY_QUESTION_IDS);
    fc.assert(
      fc.property(intakeArb, healthIdArb, (intake, id) => {
        const before = screenIntake(intake).outcome;
        const after = screenIntake({
          ...intake,
          healthHistory: { ...intake.healthHistory, [id]: { answer: true } },
        });
        expect(outcomeSeverity(after.outcome)).toBeGreaterThanOrEqual(outcomeSeverity(before));
      }),
      RUNS,
    );
  });

  it("never lowers an intake's outcome when blood thinners or pregnancy change to yes", () => {
    fc.assert(
      fc.property(intakeArb, (intake) => {
        const before = outcomeSeverity(screenIntake(intake).outcome);
        const thinners = screenIntake({ ...intake, medications: { bloodThinners: true } });
        const pregnant = screenIntake({ ...intake, pregnancy: { status: "yes" } });
        expect(outcomeSeverity(thinners.outcome)).toBeGreaterThanOrEqual(before);
        expect(outcomeSeverity(pregnant.outcome)).toBeGreaterThanOrEqual(before);
      }),
      RUNS,
    );
  });
});
