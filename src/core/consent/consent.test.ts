import { describe, expect, it } from "vitest";
import {
  CONSENT_VERSIONS,
  ConsentDocumentSchema,
  ConsentSignatureSchema,
  CURRENT_CONSENT,
  consentAsPlainText,
  consentByVersion,
  DEFAULT_CONSENT_V1,
  isConsentCurrent,
  signatureMatchesName,
} from "./consent";

const sectionIds = DEFAULT_CONSENT_V1.sections.map((s) => s.id);
const sectionText = (id: string) => DEFAULT_CONSENT_V1.sections.find((s) => s.id === id)?.body ?? "";

describe("the default consent text", () => {
  it("covers every topic the client must be told about", () => {
    expect(sectionIds).toEqual(
      expect.arrayContaining([
        "what-it-feels-like",
        "your-comfort",
        "afterwards",
        "speak-up",
        "stop-any-time",
        "what-it-is-not",
        "privacy",
      ]),
    );
  });

  it("says that soreness for 1 to 2 days is normal", () => {
    expect(sectionText("afterwards")).toMatch(/1 to 2 days/);
  });

  it("says it is not a diagnosis or a substitute for a doctor", () => {
    expect(sectionText("what-it-is-not")).toMatch(/not a medical diagnosis/);
    expect(sectionText("what-it-is-not")).toMatch(/does not replace care from a doctor/);
  });

  it("has unique section ids and a version, id and effective date", () => {
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
    expect(DEFAULT_CONSENT_V1.version).toBe(1);
    expect(DEFAULT_CONSENT_V1.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("is a valid consent document, the same shape clinics use for their own text", () => {
    expect(ConsentDocumentSchema.safeParse(DEFAULT_CONSENT_V1).success).toBe(true);
  });

  it("prints as plain text with the title, version, every section and the agreement", () => {
    const text = consentAsPlainText(DEFAULT_CONSENT_V1);
    expect(text).toContain("version 1");
    for (const section of DEFAULT_CONSENT_V1.sections) {
      expect(text).toContain(section.heading);
      expect(text).toContain(section.body);
    }
    expect(text.endsWith(DEFAULT_CONSENT_V1.agreement)).toBe(true);
  });
});

describe("consent versions", () => {
  it("keeps every published version findable, with the current one the latest", () => {
    const versions = CONSENT_VERSIONS.map((d) => d.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect(CURRENT_CONSENT.version).toBe(Math.max(...versions));
    expect(consentByVersion(1)).toBe(DEFAULT_CONSENT_V1);
    expect(consentByVersion(99)).toBeUndefined();
  });
});

describe("isConsentCurrent", () => {
  it("is true only for a signature of the current version", () => {
    expect(isConsentCurrent(3, 3)).toBe(true);
  });

  it("is false for an older version: the client must sign the new text", () => {
    expect(isConsentCurrent(2, 3)).toBe(false);
  });

  it("is false for a version newer than current, which nobody can have been shown", () => {
    expect(isConsentCurrent(4, 3)).toBe(false);
  });

  it("is false when nothing was signed", () => {
    expect(isConsentCurrent(null, 1)).toBe(false);
    expect(isConsentCurrent(undefined, 1)).toBe(false);
  });
});

describe("ConsentSignatureSchema", () => {
  it("accepts a typed name and a version, trimming the name", () => {
    expect(ConsentSignatureSchema.parse({ typedName: "  Ana Pérez ", consentVersion: 1 })).toEqual({
      typedName: "Ana Pérez",
      consentVersion: 1,
    });
  });

  it("accepts names in any script", () => {
    expect(ConsentSignatureSchema.safeParse({ typedName: "李小龍", consentVersion: 1 }).success).toBe(true);
  });

  it.each([
    ["an empty name", { typedName: "", consentVersion: 1 }],
    ["a name of spaces", { typedName: "    ", consentVersion: 1 }],
    ["a name without letters", { typedName: "1234", consentVersion: 1 }],
    ["a very long name", { typedName: "a".repeat(201), consentVersion: 1 }],
    ["version 0", { typedName: "Ana Pérez", consentVersion: 0 }],
    ["a fractional version", { typedName: "Ana Pérez", consentVersion: 1.5 }],
    ["a missing version", { typedName: "Ana Pérez" }],
  ])("rejects %s", (_, signature) => {
    expect(ConsentSignatureSchema.safeParse(signature).success).toBe(false);
  });
});

describe("signatureMatchesName", () => {
  it("ignores case, spacing and Unicode forms, nothing else", () => {
    expect(signatureMatchesName("  jordan   LEE ", ["Jordan Lee"])).toBe(true);
    expect(signatureMatchesName("José Núñez", ["Jose\u0301 Nu\u0301n\u0303ez".normalize("NFD")])).toBe(true);
    expect(signatureMatchesName("Jordan Lee-Park", ["Jordan Lee", "Jordan Lee-Park"])).toBe(true);
    expect(signatureMatchesName("JordanLee", ["Jordan Lee"])).toBe(false);
    expect(signatureMatchesName("Jordan Le", ["Jordan Lee"])).toBe(false);
    expect(signatureMatchesName("   ", ["   "])).toBe(false);
  });
});
