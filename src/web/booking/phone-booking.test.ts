import { describe, expect, it } from "vitest";
import { bookingRequest, missingStep, NO_NEW_CLIENT, startOf } from "./phone-booking";

describe("the phone booking form", () => {
  const slot = { mode: "slots" as const, slotStart: "2026-12-03T17:00:00.000Z" };

  it("reads a typed time on the clinic's clock, and refuses one that does not exist", () => {
    expect(startOf({ mode: "typed", date: "2026-12-03", time: "10:00", zone: "America/Boise" })).toBe(
      "2026-12-03T17:00:00.000Z",
    );
    // 2:30 AM on the spring-forward night does not exist in Boise.
    expect(startOf({ mode: "typed", date: "2027-03-14", time: "02:30", zone: "America/Boise" })).toBeNull();
  });

  it("names the first thing still missing", () => {
    expect(missingStep({ clientId: null, newClient: null, serviceId: "s", choice: slot })).toBe(
      "Choose a client, or add a new one.",
    );
    expect(missingStep({ clientId: null, newClient: NO_NEW_CLIENT, serviceId: "s", choice: slot })).toMatch(
      /first and last name/,
    );
    expect(
      missingStep({
        clientId: "c",
        newClient: null,
        serviceId: "s",
        choice: { mode: "slots", slotStart: null },
      }),
    ).toBe("Pick one of the open times.");
    expect(missingStep({ clientId: "c", newClient: null, serviceId: "s", choice: slot })).toBeNull();
  });

  it("sends a new client's details trimmed, leaving blanks out", () => {
    expect(
      bookingRequest({
        clientId: null,
        newClient: { firstName: " Ann ", lastName: "Lee", phone: " ", email: "ann@example.org" },
        serviceId: "s",
        therapistId: "",
        roomId: undefined,
        start: slot.slotStart,
        note: "  ",
      }),
    ).toEqual({
      newClient: { firstName: "Ann", lastName: "Lee", email: "ann@example.org" },
      serviceId: "s",
      start: slot.slotStart,
    });
  });
});
