import { describe, expect, it } from "vitest";
import type { ClearanceRecord } from "../../core/api/intake";
import { screenAnswers } from "../../core/screening";
import {
  asScreeningResult,
  canonicalJson,
  clientScreening,
  combineFindings,
  flagsOf,
  sameAnswers,
  staffScreening,
} from "./findings";

const clearanceOf = (findingId: string, recordedAt = "2026-11-20T10:00:00.000Z"): ClearanceRecord => ({
  id: `c-${findingId}-${recordedAt}`,
  findingId,
  clearedBy: "Dr Lee",
  clearedOn: "2026-11-19",
  note: "Letter on file",
  recordedBy: { id: "u1", name: "Dana" },
  recordedAt,
});

describe("combining what was submitted with what the client has said since", () => {
  it("keeps every submitted finding and adds new ones as provisional", () => {
    const combined = combineFindings({
      submitted: screenAnswers({ "recent-surgery": true }),
      pending: screenAnswers({ "recent-surgery": true, "thunderclap-headache": true }),
    });
    expect(combined.holds.map((f) => [f.id, f.provisional])).toEqual([["recent-surgery", false]]);
    expect(combined.redFlags.map((f) => [f.id, f.provisional])).toEqual([["thunderclap-headache", true]]);
    expect(combined.emergency).toBe(true);
  });

  it("keeps a submitted finding the client has unticked in unsubmitted changes", () => {
    const combined = combineFindings({
      submitted: screenAnswers({ "recent-fracture": true }),
      pending: screenAnswers({}),
    });
    expect(combined.holds.map((f) => f.id)).toEqual(["recent-fracture"]);
  });

  it("reads as the core rules expect, without the provisional marks", () => {
    const result = asScreeningResult(
      combineFindings({
        submitted: null,
        pending: screenAnswers({ "blood-clot": true, "blood-thinners": true }),
      }),
    );
    expect(result.outcome).toBe("hold");
    expect(result.holds[0]).not.toHaveProperty("provisional");
    expect(result.cautions.map((f) => f.id)).toEqual(["blood-thinners"]);
  });
});

describe("the staff view", () => {
  it("counts a hold with a recorded clearance as cleared, using the latest clearance", () => {
    const combined = combineFindings({ submitted: screenAnswers({ "recent-surgery": true }), pending: null });
    const later = clearanceOf("recent-surgery", "2026-11-21T10:00:00.000Z");
    const screening = staffScreening(combined, [clearanceOf("recent-surgery"), later]);
    expect(screening.outcome).toBe("caution");
    expect(screening.holds[0]?.clearance).toEqual(later);
    expect(staffScreening(combined, []).outcome).toBe("hold");
  });

  it("lists flags most severe first: red flags, open holds, cautions, cleared holds", () => {
    const combined = combineFindings({
      submitted: screenAnswers({
        "recent-surgery": true,
        "recent-fracture": true,
        "blood-thinners": true,
        "constant-or-night-pain": true,
      }),
      pending: null,
    });
    const flags = flagsOf(staffScreening(combined, [clearanceOf("recent-surgery")]));
    expect(flags.map((f) => `${f.kind}:${f.id}:${f.cleared ? "cleared" : "open"}`)).toEqual([
      "red-flag:constant-or-night-pain:open",
      "hold:recent-fracture:open",
      "caution:blood-thinners:open",
      "hold:recent-surgery:cleared",
    ]);
  });
});

describe("the client's view", () => {
  it("gives advice without the staff reasoning, and marks cleared holds", () => {
    const result = clientScreening(
      screenAnswers({ "recent-surgery": true, osteoporosis: true }),
      new Set(["recent-surgery"]),
    );
    expect(result.outcome).toBe("caution");
    expect(result.holds).toEqual([expect.objectContaining({ id: "recent-surgery", cleared: true })]);
    expect(JSON.stringify(result)).not.toContain("reasonForStaff");
  });
});

describe("comparing answers", () => {
  it("ignores key order at every depth", () => {
    expect(
      sameAnswers(
        { a: 1, b: { c: 2, d: [1, { e: 1, f: 2 }] } },
        { b: { d: [1, { f: 2, e: 1 }], c: 2 }, a: 1 },
      ),
    ).toBe(true);
    expect(sameAnswers({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});
