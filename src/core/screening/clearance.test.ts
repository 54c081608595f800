import { describe, expect, it } from "vitest";
import {
  type Clearance,
  ClearanceSchema,
  canConfirmFirstVisit,
  clearanceRequired,
  type FirstVisitReadiness,
  unclearedHolds,
} from "./clearance";
import { screenAnswers } from "./screen";

function clearanceFor(findingId: Clearance["findingId"], overrides: Partial<Clearance> = {}): Clearance {
  return {
    findingId,
    recordedBy: "front-desk:maria",
    recordedAt: "2026-11-23T10:15:00-07:00",
    note: "GP letter from Dr Lee dated 20 Nov: fine to proceed.",
    ...overrides,
  };
}

function ready(overrides: Partial<FirstVisitReadiness> = {}): FirstVisitReadiness {
  return {
    intakeSubmitted: true,
    consentSigned: true,
    screening: screenAnswers({}),
    clearances: [],
    ...overrides,
  };
}

const codesOf = (readiness: FirstVisitReadiness) => {
  const decision = canConfirmFirstVisit(readiness);
  return decision.ok ? [] : decision.reasons.map((r) => (r.findingId ? `${r.code}:${r.findingId}` : r.code));
};

describe("canConfirmFirstVisit", () => {
  it("confirms a submitted intake with signed consent and a clear screening", () => {
    expect(canConfirmFirstVisit(ready())).toEqual({ ok: true });
  });

  it("confirms despite cautions: they change the technique, not the booking", () => {
    expect(canConfirmFirstVisit(ready({ screening: screenAnswers({ "blood-thinners": true }) }))).toEqual({
      ok: true,
    });
  });

  it("lists every missing step at once: intake and consent", () => {
    expect(codesOf(ready({ intakeSubmitted: false, consentSigned: false, screening: null }))).toEqual([
      "intake-not-submitted",
      "consent-not-signed",
    ]);
  });

  it("refuses a submitted intake that has not been screened", () => {
    expect(codesOf(ready({ screening: undefined }))).toEqual(["screening-missing"]);
  });

  it("blocks each hold until it has a recorded clearance", () => {
    const screening = screenAnswers({ "recent-surgery": true, "fever-or-infection": true });
    expect(codesOf(ready({ screening }))).toEqual([
      "clearance-missing:recent-surgery",
      "clearance-missing:fever-or-infection",
    ]);
    expect(codesOf(ready({ screening, clearances: [clearanceFor("recent-surgery")] }))).toEqual([
      "clearance-missing:fever-or-infection",
    ]);
  });

  it("confirms once every hold has a clearance with who, when and a note", () => {
    const screening = screenAnswers({ "recent-surgery": true, "fever-or-infection": true, cancer: true });
    const clearances = [clearanceFor("fever-or-infection"), clearanceFor("recent-surgery")];
    expect(canConfirmFirstVisit(ready({ screening, clearances }))).toEqual({ ok: true });
  });

  it("does not count a clearance for a different hold", () => {
    const screening = screenAnswers({ "blood-clot": true });
    expect(codesOf(ready({ screening, clearances: [clearanceFor("recent-surgery")] }))).toEqual([
      "clearance-missing:blood-clot",
    ]);
  });

  it.each<[string, Partial<Clearance>]>([
    ["an empty note", { note: "   " }],
    ["no one recorded as clearing it", { recordedBy: "" }],
    ["no valid time", { recordedAt: "last Tuesday" }],
  ])("does not count a clearance with %s", (_, broken) => {
    const screening = screenAnswers({ "blood-clot": true });
    expect(codesOf(ready({ screening, clearances: [clearanceFor("blood-clot", broken)] }))).toEqual([
      "clearance-missing:blood-clot",
    ]);
  });

  it("never confirms a red flag online, even with every hold cleared", () => {
    const screening = screenAnswers({ "cardiac-chest-pain": true, "recent-surgery": true });
    const decision = canConfirmFirstVisit(ready({ screening, clearances: [clearanceFor("recent-surgery")] }));
    expect(decision.ok).toBe(false);
    expect(codesOf(ready({ screening, clearances: [clearanceFor("recent-surgery")] }))).toEqual([
      "red-flag:cardiac-chest-pain",
    ]);
  });

  it("explains each blocker to staff in words", () => {
    const decision = canConfirmFirstVisit(ready({ screening: screenAnswers({ "blood-clot": true }) }));
    expect(decision.ok).toBe(false);
    if (!decision.ok) expect(decision.reasons[0]?.message).toMatch(/Blood clot.*Record who cleared it/);
  });
});

describe("clearanceRequired", () => {
  it("lists the holds that need a clearance", () => {
    const result = screenAnswers({ "recent-fracture": true, osteoporosis: true });
    expect(clearanceRequired(result).map((f) => f.id)).toEqual(["recent-fracture"]);
  });

  it("is empty when there are no holds", () => {
    expect(clearanceRequired(screenAnswers({ pregnancy: true }))).toEqual([]);
  });
});

describe("unclearedHolds", () => {
  it("drops the holds with a complete clearance", () => {
    const result = screenAnswers({ "recent-fracture": true, "acute-injury": true });
    expect(unclearedHolds(result, [clearanceFor("acute-injury")]).map((f) => f.id)).toEqual([
      "recent-fracture",
    ]);
  });
});

describe("ClearanceSchema", () => {
  it("accepts a complete clearance and trims its text", () => {
    const parsed = ClearanceSchema.parse(clearanceFor("blood-clot", { note: "  ok from GP  " }));
    expect(parsed.note).toBe("ok from GP");
  });

  it("rejects a clearance for something that is not a hold", () => {
    expect(
      ClearanceSchema.safeParse({ ...clearanceFor("blood-clot"), findingId: "cardiac-chest-pain" }).success,
    ).toBe(false);
    expect(ClearanceSchema.safeParse({ ...clearanceFor("blood-clot"), findingId: "cancer" }).success).toBe(
      false,
    );
  });

  it("requires a time zone offset on the time", () => {
    expect(
      ClearanceSchema.safeParse(clearanceFor("blood-clot", { recordedAt: "2026-11-23T10:15:00" })).success,
    ).toBe(false);
  });
});
