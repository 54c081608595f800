import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { screenAnswers, screenRedFlags } from "../../core/screening";
import { canConfirm } from "./readiness";

const NOW = Date.parse("2030-03-01T12:00:00Z");
const HOUR = 3_600_000;
const request = {
  status: "requested",
  firstVisit: false,
  startsAt: NOW + 48 * HOUR,
  requestExpiresAt: NOW + HOUR,
};
const ready = { intakeSubmitted: true, consentSigned: true, screening: screenAnswers({}), clearances: [] };
const codes = (decision: ReturnType<typeof canConfirm>) => decision.reasons.map((r) => r.code);

describe("canConfirm", () => {
  it("confirms a live request of a returning client without looking at any intake", () => {
    expect(canConfirm(request, null, NOW)).toEqual({ ok: true, reasons: [] });
  });

  it("confirms only requests", () => {
    for (const status of ["confirmed", "declined", "cancelled", "completed", "no_show"]) {
      expect(codes(canConfirm({ ...request, status }, ready, NOW))).toEqual(["not-requested"]);
    }
  });

  it("refuses a request whose expiry has passed, or whose start has", () => {
    expect(codes(canConfirm({ ...request, requestExpiresAt: NOW }, null, NOW))).toEqual(["request-expired"]);
    expect(codes(canConfirm({ ...request, startsAt: NOW - 1, requestExpiresAt: null }, null, NOW))).toEqual([
      "already-started",
    ]);
  });

  it("refuses a first visit with no intake and no consent (empty tables), listing both", () => {
    const first = { ...request, firstVisit: true };
    expect(codes(canConfirm(first, null, NOW))).toEqual(["intake-not-submitted", "consent-not-signed"]);
    const nothing = { intakeSubmitted: false, consentSigned: false, screening: null, clearances: [] };
    expect(codes(canConfirm(first, nothing, NOW))).toEqual(["intake-not-submitted", "consent-not-signed"]);
    expect(codes(canConfirm(first, { ...ready, consentSigned: false }, NOW))).toEqual(["consent-not-signed"]);
    expect(canConfirm(first, ready, NOW).ok).toBe(true);
  });

  it("holds a first visit until each hold is cleared, and never confirms one with a red flag", () => {
    const first = { ...request, firstVisit: true };
    const surgery = { ...ready, screening: screenAnswers({ "recent-surgery": true }) };
    expect(canConfirm(first, surgery, NOW).reasons).toEqual([
      { code: "clearance-missing", findingId: "recent-surgery", message: expect.any(String) },
    ]);
    const cleared = {
      ...surgery,
      clearances: [
        {
          findingId: "recent-surgery" as const,
          recordedBy: "desk",
          recordedAt: "2030-02-27T10:00:00Z",
          note: "GP letter",
        },
      ],
    };
    expect(canConfirm(first, cleared, NOW).ok).toBe(true);
    const redFlag = { ...cleared, screening: screenRedFlags({ "cardiac-chest-pain": true }) };
    expect(codes(canConfirm(first, redFlag, NOW))).toEqual(["red-flag"]);
  });

  it("is ok exactly when there are no reasons, for any combination", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("requested", "confirmed", "cancelled"),
        fc.boolean(),
        fc.integer({ min: -10, max: 10 }),
        fc.option(fc.integer({ min: -10, max: 10 })),
        fc.boolean(),
        fc.boolean(),
        (status, firstVisit, startH, expiryH, intakeSubmitted, consentSigned) => {
          const decision = canConfirm(
            {
              status,
              firstVisit,
              startsAt: NOW + startH * HOUR,
              requestExpiresAt: expiryH === null ? null : NOW + expiryH * HOUR,
            },
            { ...ready, intakeSubmitted, consentSigned },
            NOW,
          );
          expect(decision.ok).toBe(decision.reasons.length === 0);
          if (decision.ok) {
            expect(status).toBe("requested");
            expect(startH).toBeGreaterThan(0);
            if (firstVisit) expect(intakeSubmitted && consentSigned).toBe(true);
          }
        },
      ),
    );
  });
});
