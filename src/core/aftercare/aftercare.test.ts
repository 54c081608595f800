import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aftercareContent, CHECK_IN_SYMPTOMS, checkInFlags, SEVERE_SORENESS_FROM } from "./aftercare";

describe("aftercare", () => {
  it("says what to expect, water, rest, and when to call the clinic", () => {
    const sections = aftercareContent({ clinicName: "Knotwork Demo", clinicPhone: "208-555-0100" });
    expect(sections.map((s) => s.id)).toEqual(["expect", "water", "rest", "call"]);
    const text = sections.flatMap((s) => s.points).join(" ");
    expect(text).toMatch(/1-2 days/);
    expect(text).toMatch(/sleepy/);
    expect(text).toMatch(/208-555-0100/);
  });
});

describe("checkInFlags", () => {
  it("keeps ordinary soreness unflagged", () => {
    expect(checkInFlags({ soreness: 4, symptoms: [], note: "a bit achy" })).toEqual([]);
  });

  it("flags severe soreness, ticked symptoms, and symptoms written in the note", () => {
    expect(checkInFlags({ soreness: 8, symptoms: [], note: "" })).toEqual(["severe-soreness"]);
    expect(checkInFlags({ soreness: 2, symptoms: ["bruising"], note: "" })).toEqual(["bruising"]);
    expect(checkInFlags({ soreness: 3, symptoms: [], note: "Left hand feels numb and tingly" })).toEqual([
      "numbness",
    ]);
    expect(checkInFlags({ soreness: 3, symptoms: [], note: "It's getting worse today" })).toEqual([
      "worsening",
    ]);
  });

  it("property: flagged exactly when severe or any symptom is ticked (plain notes)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 }),
        fc.subarray([...CHECK_IN_SYMPTOMS]),
        (soreness, symptoms) => {
          const flags = checkInFlags({ soreness, symptoms, note: "" });
          expect(flags.length > 0).toBe(soreness >= SEVERE_SORENESS_FROM || symptoms.length > 0);
          for (const s of symptoms) expect(flags).toContain(s);
        },
      ),
    );
  });
});

describe("messages", () => {
  it("writes the aftercare, check-in and recall e-mails with the portal links", async () => {
    const { aftercareMessage, checkInMessage, maintenanceRecallMessage } = await import("./aftercare");
    const aftercare = aftercareMessage({
      clinicName: "Knotwork Demo Clinic",
      clinicPhone: null,
      firstName: "Jordan",
      portalUrl: "https://clinic.example/portal/aftercare",
    });
    expect(aftercare.body).toMatch(/Hello Jordan/);
    expect(aftercare.body).toMatch(/Drink water/);
    expect(aftercare.body).toContain("https://clinic.example/portal/aftercare");
    expect(checkInMessage({ clinicName: "K", firstName: "J", portalUrl: "u1" }).body).toContain("u1");
    expect(
      maintenanceRecallMessage({ clinicName: "K", firstName: "J", weeks: 4, bookingUrl: "u2" }).body,
    ).toMatch(/4 weeks[\s\S]*u2/);
  });
});
