import { describe, expect, it } from "vitest";
import {
  BOOKING_STEPS,
  beforeFirstVisit,
  detailsCopy,
  onlineOutcome,
  serviceModeText,
  stepLabel,
} from "./wording";

describe("step count", () => {
  it("counts the steps the bar draws: three, not four", () => {
    expect(BOOKING_STEPS).toHaveLength(3);
    expect(stepLabel("service")).toBe("Step 1 of 3");
    expect(stepLabel("details")).toBe("Step 3 of 3");
  });
});

describe("what pressing the button does", () => {
  const instant = { bookingMode: "instant" as const };
  const request = { bookingMode: "request" as const };

  it("never promises an instant booking for a request-only service", () => {
    for (const firstVisit of [true, false, null]) {
      const copy = detailsCopy(onlineOutcome(request, firstVisit));
      expect(copy.button).toBe("Request this time");
      expect(copy.hint).not.toMatch(/as soon as you press/);
    }
    expect(serviceModeText({ kind: "session", ...request })).toBe("The clinic confirms your request");
    expect(serviceModeText({ kind: "consultation", ...instant })).toBe("The clinic confirms your request");
    expect(serviceModeText({ kind: "session", ...instant })).toMatch(
      /^Returning clients are booked straight away; a first visit/,
    );
  });

  it("never promises one for a first visit either, since the server makes it a request", () => {
    expect(onlineOutcome(instant, true)).toBe("requested");
    expect(detailsCopy("requested").button).toBe("Request this time");
  });

  it("books a returning client's instant service straight away", () => {
    expect(onlineOutcome(instant, false)).toBe("confirmed");
    expect(detailsCopy("confirmed")).toEqual({
      hint: "This time is booked for you as soon as you press the button.",
      button: "Book this time",
    });
  });

  it("promises neither while it cannot know", () => {
    expect(onlineOutcome(instant, null)).toBe("depends");
    expect(detailsCopy("depends").hint).not.toMatch(/as soon as you press/);
  });
});

describe("before a first visit", () => {
  it("asks only for what is still missing, and nothing when both are done", () => {
    expect(beforeFirstVisit({ intakeSubmitted: false, consentSigned: false })).toBe(
      "Before your first visit can be confirmed, please fill in the intake form and sign the consent.",
    );
    expect(beforeFirstVisit({ intakeSubmitted: true, consentSigned: false })).toBe(
      "Before your first visit can be confirmed, please sign the consent.",
    );
    expect(beforeFirstVisit({ intakeSubmitted: false, consentSigned: true })).toBe(
      "Before your first visit can be confirmed, please fill in the intake form.",
    );
    expect(beforeFirstVisit({ intakeSubmitted: true, consentSigned: true })).toBeNull();
  });
});
