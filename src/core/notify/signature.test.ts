import { describe, expect, it } from "vitest";
import { MESSAGE_KINDS } from "./kinds";
import { clinicSignature, renderMessage } from "./templates";

const facts = {
  clinicName: "Knotwork Demo Clinic",
  clinicAddress: null,
  clinicPhone: null,
  timeZone: "America/Boise",
  clientFirstName: "Jo",
  link: "https://clinic.example/portal",
};

describe("the e-mail sign-off", () => {
  it("signs with the clinic's name, address on one line, and phone", () => {
    const m = renderMessage("aftercare", {
      ...facts,
      clinicAddress: "410 W Main St\nBoise, ID 83702",
      clinicPhone: "208-555-0100",
    });
    expect(m.text).toContain("Knotwork Demo Clinic\n410 W Main St, Boise, ID 83702\n208-555-0100");
    expect(m.html).toContain("<p>Knotwork Demo Clinic<br>410 W Main St, Boise, ID 83702<br>208-555-0100</p>");
  });

  it("escapes the profile in HTML, and leaves out what the profile lacks", () => {
    const m = renderMessage("aftercare", {
      ...facts,
      clinicAddress: "<script>x</script>",
      clinicPhone: null,
    });
    expect(m.html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect(m.html).not.toContain("<script>");
    expect(clinicSignature({ ...facts, clinicAddress: "  ", clinicPhone: "" })).toEqual([
      "Knotwork Demo Clinic",
    ]);
  });
});

describe("every message kind", () => {
  it.each(MESSAGE_KINDS.map((kind) => [kind]))(
    "%s is signed with the clinic's footer in text and HTML",
    (kind) => {
      const m = renderMessage(kind, {
        ...facts,
        clinicAddress: "410 W Main St\nBoise, ID 83702",
        clinicPhone: "208-555-0100",
        serviceName: "Session",
        therapistName: "Marcus",
        startsAt: Date.parse("2027-05-05T16:00:00Z"),
      });
      // The footer is the message's last signed block, after the link, in both forms.
      expect(m.text).toContain("\n\nKnotwork Demo Clinic\n410 W Main St, Boise, ID 83702\n208-555-0100");
      expect(m.text.indexOf("208-555-0100")).toBeGreaterThan(m.text.indexOf(facts.link));
      expect(m.html).toContain(
        "<p>Knotwork Demo Clinic<br>410 W Main St, Boise, ID 83702<br>208-555-0100</p>",
      );
    },
  );
});
