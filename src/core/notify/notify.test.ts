import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { localToInstant } from "../scheduling/zone";
import { categoryOf, isUrgent, MESSAGE_KINDS } from "./kinds";
import {
  isTurnedOffByClinic,
  notificationPoliciesOf,
  OPTIONAL_KINDS,
  DEFAULT_NOTIFICATION_POLICIES as P,
  secondReminderProblem,
} from "./policies";
import { renderMessage } from "./templates";
import { checkInDueAt, inQuietHours, outsideQuietHours, recallDueAt, reminderDueAt } from "./timing";
import { formatUnsubscribeToken, parseUnsubscribeToken, signedPayload } from "./unsubscribe";

const ZONE = "America/Boise";
const HOUR = 3_600_000;
const QUIET = { start: "21:00", end: "08:00" };

function boise(date: string, time: string): number {
  const r = localToInstant(date, time, ZONE);
  if (!r.ok) throw new Error("no such time");
  return r.instant;
}

describe("reminder timing", () => {
  it("is 24 real hours before, across the spring and autumn changes", () => {
    // Spring forward on 2027-03-14: a 09:00 appointment that morning; 24 h earlier is 08:00 by the clock.
    const spring = boise("2027-03-14", "09:00");
    expect(reminderDueAt(spring, 24, ZONE, P, 0)).toBe(spring - 24 * HOUR);
    expect(reminderDueAt(spring, 24, ZONE, P, 0)).toBe(boise("2027-03-13", "08:00"));
    // Fall back on 2027-11-07: 24 h before 09:00 is 10:00 the day before by the clock.
    const autumn = boise("2027-11-07", "09:00");
    expect(reminderDueAt(autumn, 24, ZONE, P, 0)).toBe(boise("2027-11-06", "10:00"));
  });

  it("is null when the reminder would be due already", () => {
    const start = boise("2027-05-05", "15:00");
    expect(reminderDueAt(start, 24, ZONE, P, start - 2 * HOUR)).toBeNull();
  });

  it("waits for quiet hours to end, or goes before them when waiting would pass the appointment", () => {
    // An 07:30 appointment: 24 h before is 07:30, inside quiet hours → 08:00 that day.
    const early = boise("2027-05-05", "07:30");
    expect(reminderDueAt(early, 24, ZONE, P, 0)).toBe(boise("2027-05-04", "08:00"));
    // A 2 h reminder for an 08:30 appointment: 06:30 is quiet, 08:00 is before the start → 08:00.
    const at830 = boise("2027-05-05", "08:30");
    expect(reminderDueAt(at830, 2, ZONE, P, 0, "second_reminder")).toBe(boise("2027-05-05", "08:00"));
    // A 1 h reminder for an 08:00 appointment: waiting would reach the start → 20:59 the evening before.
    const at8 = boise("2027-05-05", "08:00");
    expect(reminderDueAt(at8, 1, ZONE, P, 0, "second_reminder")).toBe(boise("2027-05-04", "20:59"));
  });

  it("never puts a non-urgent message inside quiet hours (property)", () => {
    const from = Date.parse("2027-01-01T00:00:00Z");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 24 * 60 }), (minutes) => {
        const instant = from + minutes * 60_000;
        const moved = outsideQuietHours(instant, ZONE, QUIET);
        expect(inQuietHours(moved, ZONE, QUIET)).toBe(false);
        expect(moved).toBeGreaterThanOrEqual(instant);
        expect(moved - instant).toBeLessThanOrEqual(12 * HOUR);
      }),
    );
  });
});

describe("follow-up timing", () => {
  it("checks in at 10:00 on the local day after the session, also across DST", () => {
    expect(checkInDueAt(boise("2027-03-13", "16:00"), ZONE, P)).toBe(boise("2027-03-14", "10:00"));
    expect(checkInDueAt(boise("2027-06-01", "20:00"), ZONE, P)).toBe(boise("2027-06-02", "10:00"));
  });

  it("recalls on the same weekday after the interval, at the wall-clock check-in time", () => {
    expect(recallDueAt(boise("2027-02-20", "11:00"), 4, ZONE, P)).toBe(boise("2027-03-20", "10:00"));
  });

  it("defaults the settings for clinics stored before they existed", () => {
    expect(notificationPoliciesOf({})).toEqual(P);
    expect(notificationPoliciesOf({ notifications: { ...P, reminderLeadHours: 48 } }).reminderLeadHours).toBe(
      48,
    );
  });
});

describe("kinds", () => {
  it("lets clients turn off only reminders, recalls and check-ins; answers to actions are urgent", () => {
    expect(categoryOf("reminder")).toBe("reminders");
    expect(categoryOf("second_reminder")).toBe("reminders");
    expect(categoryOf("recall")).toBe("recalls");
    expect(categoryOf("plan_follow_up")).toBe("recalls");
    expect(categoryOf("check_in")).toBe("check_ins");
    for (const kind of ["confirmed", "cancelled", "rescheduled", "aftercare", "signup_attempt"])
      expect(categoryOf(kind)).toBe("transactional");
    expect(isUrgent("confirmed")).toBe(true);
    expect(isUrgent("reminder")).toBe(false);
  });
});

describe("templates", () => {
  it("renders every kind as text and escaped HTML with the clinic's name and no health words", () => {
    for (const kind of MESSAGE_KINDS) {
      const m = renderMessage(kind, {
        clinicName: "Cedar & Sage <Clinic>",
        clinicAddress: null,
        clinicPhone: null,
        timeZone: ZONE,
        clientFirstName: "Jo",
        serviceName: "Session",
        therapistName: "Marcus",
        startsAt: boise("2027-05-05", "09:00"),
        reason: "<b>moved</b>",
        link: "https://clinic.example/portal",
      });
      expect(m.subject.length).toBeGreaterThan(0);
      expect(m.text).toContain("Cedar & Sage <Clinic>");
      expect(m.html).toContain("Cedar &amp; Sage &lt;Clinic&gt;");
      expect(m.html).not.toContain("<b>moved</b>");
      expect(`${m.text}${m.html}`).not.toMatch(/diagnos|screening|red flag|contraindicat/i);
    }
  });
});

describe("unsubscribe token format", () => {
  const claim = { clientId: "0b7f1a52-3c1e-4d57-9a11-7c1f7e2d9a01", topic: "reminders" as const };
  const signature = "A".repeat(43);

  it("round-trips, and the signed payload names the client and topic", () => {
    const token = formatUnsubscribeToken(claim, signature);
    expect(parseUnsubscribeToken(token)).toEqual({ claim, signature });
    expect(signedPayload(claim)).toContain(claim.clientId);
    expect(signedPayload(claim)).toContain("reminders");
  });

  it("refuses anything else", () => {
    for (const bad of [
      "",
      "u1.x.reminders.sig",
      `u2.${claim.clientId}.reminders.${signature}`,
      `u1.${claim.clientId}.marketing.${signature}`,
      `u1.${claim.clientId}.reminders.${signature}.extra`,
      `u1.${claim.clientId}.reminders.short`,
    ])
      expect(parseUnsubscribeToken(bad)).toBeNull();
  });
});

describe("clinic notification settings", () => {
  it("turns a kind off for the clinic; the second reminder goes with the first; answers cannot be turned off", () => {
    const policies = { turnedOff: ["reminder" as const, "check_in" as const] };
    expect(isTurnedOffByClinic("reminder", policies)).toBe(true);
    expect(isTurnedOffByClinic("second_reminder", policies)).toBe(true);
    expect(isTurnedOffByClinic("check_in", policies)).toBe(true);
    expect(isTurnedOffByClinic("aftercare", policies)).toBe(false);
    expect(isTurnedOffByClinic("confirmed", { turnedOff: [...OPTIONAL_KINDS] })).toBe(false);
    expect(isTurnedOffByClinic("waitlist_offer", { turnedOff: [...OPTIONAL_KINDS] })).toBe(false);
    expect(isTurnedOffByClinic("reminder", P)).toBe(false);
  });

  it("wants the second reminder closer to the appointment than the first", () => {
    expect(secondReminderProblem({ reminderLeadHours: 24, secondReminderLeadHours: null })).toBeNull();
    expect(secondReminderProblem({ reminderLeadHours: 24, secondReminderLeadHours: 2 })).toBeNull();
    expect(secondReminderProblem({ reminderLeadHours: 24, secondReminderLeadHours: 24 })).toMatch(/closer/);
    expect(secondReminderProblem({ reminderLeadHours: 24, secondReminderLeadHours: 48 })).toMatch(/closer/);
  });

  it("fills the kinds a clinic stored before they could be turned off", () => {
    const { turnedOff: _, ...older } = P;
    expect(notificationPoliciesOf({ notifications: older }).turnedOff).toEqual([]);
  });
});
