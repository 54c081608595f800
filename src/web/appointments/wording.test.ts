import { describe, expect, it } from "vitest";
import type { Readiness } from "../../core/api/scheduling";
import { firstVisitNextStep, heldUntil, noteLabel, openReasons } from "./wording";

describe("held until", () => {
  const startsAt = "2026-12-10T17:00:00.000Z";
  it("is the expiry when that comes first", () => {
    expect(heldUntil({ status: "requested", startsAt, requestExpiresAt: "2026-12-09T17:00:00.000Z" })).toBe(
      "2026-12-09T17:00:00.000Z",
    );
  });
  it("is never later than the appointment's start", () => {
    expect(heldUntil({ status: "requested", startsAt, requestExpiresAt: "2026-12-11T09:00:00.000Z" })).toBe(
      startsAt,
    );
  });
  it("is not shown for anything but a live request", () => {
    expect(
      heldUntil({ status: "confirmed", startsAt, requestExpiresAt: "2026-12-09T17:00:00.000Z" }),
    ).toBeNull();
    expect(heldUntil({ status: "requested", startsAt, requestExpiresAt: null })).toBeNull();
  });
});

describe("the note's label", () => {
  it("names the client only when the client wrote it", () => {
    expect(noteLabel("online")).toBe("Note from the client");
    expect(noteLabel("phone")).toBe("Note taken by the clinic");
    expect(noteLabel("staff")).toBe("Note taken by the clinic");
  });
});

const reason = (code: Readiness["reasons"][number]["code"], message: string = code) => ({ code, message });

describe("what still stands before confirming", () => {
  const notReady: Readiness = { firstVisit: true, ok: false, reasons: [reason("consent-not-signed")] };
  it("lists what is missing", () => {
    expect(openReasons(notReady, false)).toEqual([reason("consent-not-signed")]);
  });
  it("says nothing once the request was confirmed here, even while readiness still says otherwise", () => {
    expect(openReasons(notReady, true)).toBeNull();
    const confirmed: Readiness = {
      firstVisit: true,
      ok: false,
      reasons: [reason("not-requested", "Only a request can be confirmed; this appointment is confirmed.")],
    };
    expect(openReasons(confirmed, false)).toBeNull();
  });
});

describe("after the desk books a first visit", () => {
  it("waits only for what is missing", () => {
    expect(
      firstVisitNextStep({
        firstVisit: true,
        ok: false,
        reasons: [reason("intake-not-submitted"), reason("consent-not-signed")],
      }),
    ).toBe(
      "A first visit stays a request until the client's intake and their signed consent are in; then confirm it from Requests.",
    );
    expect(firstVisitNextStep({ firstVisit: true, ok: false, reasons: [reason("consent-not-signed")] })).toBe(
      "A first visit stays a request until their signed consent is in; then confirm it from Requests.",
    );
  });
  it("does not ask for intake and consent when both are in", () => {
    const text = firstVisitNextStep({ firstVisit: true, ok: true, reasons: [] });
    expect(text).not.toMatch(/until/);
    expect(text).toMatch(/confirm it from Requests/);
  });
});
