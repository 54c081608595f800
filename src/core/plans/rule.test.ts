import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reassessmentDue, seriesDates, tallyPlan } from "./progress";
import { DEFAULT_PLAN_RULE, normalizePlanRule, type PlanRuleSettings, suggestPlan } from "./rule";

const days = fc.integer({ min: 0, max: 20 * 365 });
const pain = fc.integer({ min: 0, max: 10 });
const maybePain = fc.option(pain, { nil: null });

/** Any settings a clinic might type, including nonsense the normaliser must keep in range. */
const settingsArb: fc.Arbitrary<PlanRuleSettings> = fc.record({
  chronicFromDays: fc.integer({ min: 1, max: 400 }),
  subacuteFromDays: fc.integer({ min: 1, max: 400 }),
  longstandingFromDays: fc.integer({ min: 1, max: 2000 }),
  severeFromPain: fc.integer({ min: 1, max: 10 }),
  moderateFromPain: fc.integer({ min: 1, max: 10 }),
  shortCourse: fc.tuple(fc.integer({ min: -3, max: 9 }), fc.integer({ min: -3, max: 9 })),
  course: fc.tuple(fc.integer({ min: -3, max: 9 }), fc.integer({ min: -3, max: 9 })),
  sessionIntervalDays: fc.integer({ min: -5, max: 100 }),
  maintenanceWeeks: fc.tuple(
    fc.integer({ min: 0, max: 10 }),
    fc.integer({ min: 0, max: 10 }),
    fc.integer({ min: 0, max: 10 }),
  ),
  improvementTarget: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe("suggestPlan: examples", () => {
  it("suggests 1 session for mild, recent pain", () => {
    const s = suggestPlan({ durationDays: 5, painScores: [2, 3] });
    expect(s).toMatchObject({ band: "short", sessions: 1, chronic: false, severe: false });
    expect(s.maintenanceIntervalWeeks).toBe(6);
  });

  it("adds a session for moderate pain and another once it has lasted 6 weeks, up to 3", () => {
    expect(suggestPlan({ durationDays: 10, painScores: [5] }).sessions).toBe(2);
    expect(suggestPlan({ durationDays: 50, painScores: [5] }).sessions).toBe(3);
  });

  it("suggests a course of 4-6 for chronic or severe pain", () => {
    expect(suggestPlan({ durationDays: 120, painScores: [3] })).toMatchObject({
      band: "course",
      sessions: 4,
    });
    expect(suggestPlan({ durationDays: 3, painScores: [8] })).toMatchObject({ band: "course", sessions: 4 });
    expect(suggestPlan({ durationDays: 120, painScores: [8] })).toMatchObject({
      sessions: 5,
      maintenanceIntervalWeeks: 3,
    });
    expect(suggestPlan({ durationDays: 800, painScores: [9] })).toMatchObject({ sessions: 6 });
  });

  it("follows the worst score given, and reads unknowns as mild and recent (saying so)", () => {
    expect(suggestPlan({ durationDays: 10, painScores: [2, null, 8] }).severe).toBe(true);
    const unknown = suggestPlan({ durationDays: null, painScores: [] });
    expect(unknown).toMatchObject({ band: "short", sessions: 1, pain: null });
    expect(unknown.reasons.join(" ")).toMatch(/not known/);
  });

  it("follows a clinic's own thresholds", () => {
    const strict = { ...DEFAULT_PLAN_RULE, chronicFromDays: 30 };
    expect(suggestPlan({ durationDays: 40, painScores: [2] }, strict).band).toBe("course");
    expect(suggestPlan({ durationDays: 40, painScores: [2] }).band).toBe("short");
  });
});

describe("suggestPlan: properties", () => {
  it("a longer duration never suggests fewer sessions or rarer maintenance", () => {
    fc.assert(
      fc.property(
        settingsArb,
        days,
        days,
        fc.array(maybePain, { maxLength: 3 }),
        (settings, a, b, scores) => {
          const [short, long] = a <= b ? [a, b] : [b, a];
          const x = suggestPlan({ durationDays: short, painScores: scores }, settings);
          const y = suggestPlan({ durationDays: long, painScores: scores }, settings);
          expect(y.sessions).toBeGreaterThanOrEqual(x.sessions);
          expect(y.maintenanceIntervalWeeks).toBeLessThanOrEqual(x.maintenanceIntervalWeeks);
        },
      ),
    );
  });

  it("a higher pain never suggests fewer sessions or rarer maintenance", () => {
    fc.assert(
      fc.property(settingsArb, fc.option(days, { nil: null }), pain, pain, (settings, d, p, q) => {
        const [low, high] = p <= q ? [p, q] : [q, p];
        const x = suggestPlan({ durationDays: d, painScores: [low] }, settings);
        const y = suggestPlan({ durationDays: d, painScores: [high] }, settings);
        expect(y.sessions).toBeGreaterThanOrEqual(x.sessions);
        expect(y.maintenanceIntervalWeeks).toBeLessThanOrEqual(x.maintenanceIntervalWeeks);
      }),
    );
  });

  it("every suggestion is 1-6 sessions, then maintenance every 3-6 weeks", () => {
    fc.assert(
      fc.property(
        settingsArb,
        fc.option(days, { nil: null }),
        fc.array(maybePain, { maxLength: 4 }),
        (settings, d, scores) => {
          const s = suggestPlan({ durationDays: d, painScores: scores }, settings);
          expect(s.sessions).toBeGreaterThanOrEqual(1);
          expect(s.sessions).toBeLessThanOrEqual(6);
          expect(s.maintenanceIntervalWeeks).toBeGreaterThanOrEqual(3);
          expect(s.maintenanceIntervalWeeks).toBeLessThanOrEqual(6);
          expect(Number.isInteger(s.sessions)).toBe(true);
        },
      ),
    );
  });

  it("with the default settings: mild and recent gives 1-3, chronic or severe 4-6", () => {
    fc.assert(
      fc.property(days, pain, (d, p) => {
        const s = suggestPlan({ durationDays: d, painScores: [p] });
        const hard = d >= 90 || p >= 7;
        if (hard) expect([4, 5, 6]).toContain(s.sessions);
        else expect([1, 2, 3]).toContain(s.sessions);
      }),
    );
  });

  it("normalised settings keep a short course no longer than a course", () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        const n = normalizePlanRule(settings);
        expect(n.shortCourse[0]).toBeLessThanOrEqual(n.shortCourse[1]);
        expect(n.shortCourse[1]).toBeLessThanOrEqual(n.course[0]);
        expect(n.course[0]).toBeLessThanOrEqual(n.course[1]);
      }),
    );
  });
});

describe("progress", () => {
  it("tallies planned vs done; declined requests count for nothing", () => {
    expect(tallyPlan(4, ["completed", "completed", "no_show", "cancelled", "confirmed", "declined"])).toEqual(
      {
        planned: 4,
        completed: 2,
        upcoming: 1,
        cancelled: 1,
        noShow: 1,
        remaining: 1,
      },
    );
  });

  it("prompts a re-assessment only after the planned sessions, when pain fell less than 30 %", () => {
    expect(reassessmentDue({ planned: 4, completed: 4, baselinePain: 8, latestPain: 7 }).due).toBe(true);
    expect(reassessmentDue({ planned: 4, completed: 4, baselinePain: 8, latestPain: 9 }).message).toMatch(
      /worsened/,
    );
    expect(reassessmentDue({ planned: 4, completed: 4, baselinePain: 10, latestPain: 7 }).due).toBe(false);
    expect(reassessmentDue({ planned: 4, completed: 3, baselinePain: 8, latestPain: 8 }).due).toBe(false);
    expect(reassessmentDue({ planned: 4, completed: 4, baselinePain: null, latestPain: 8 }).due).toBe(false);
  });

  it("property: never due before the planned sessions are done, always due when done and not improved", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 10 }),
        pain,
        (planned, completed, base, latest) => {
          const r = reassessmentDue({ planned, completed, baselinePain: base, latestPain: latest });
          if (completed < planned) expect(r.due).toBe(false);
          else expect(r.due).toBe((base - latest) / base < 0.3);
        },
      ),
    );
  });

  it("puts series dates an interval apart, across month ends", () => {
    expect(seriesDates("2026-12-28", 3, 7)).toEqual(["2026-12-28", "2027-01-04", "2027-01-11"]);
  });
});
