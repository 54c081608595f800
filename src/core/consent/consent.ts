/**
 * Informed consent (F5): versioned text, the signature contract, and whether a signature still counts.
 * The text is data so that the exact wording a client signed can always be shown again: a signature
 * stores the version, and old versions stay in `CONSENT_VERSIONS` for good.
 */
import { z } from "zod";

export interface ConsentSection {
  readonly id: string;
  readonly heading: string;
  readonly body: string;
}

export interface ConsentDocument {
  /** Increases by one whenever the meaning of the text changes; clients must then sign again. */
  readonly version: number;
  /** Stable text id, e.g. `knotwork-default-v1`. */
  readonly id: string;
  /** ISO date (YYYY-MM-DD) from which this version is the one to sign. */
  readonly effectiveDate: string;
  readonly title: string;
  readonly sections: readonly ConsentSection[];
  /** The sentence the client agrees to by typing their name. */
  readonly agreement: string;
}

/** For clinics that write their own consent text: the same shape, validated. */
export const ConsentDocumentSchema = z.object({
  version: z.number().int().min(1),
  id: z.string().trim().min(1).max(100),
  effectiveDate: z.iso.date(),
  title: z.string().trim().min(1).max(200),
  sections: z
    .array(
      z.object({
        id: z.string().trim().min(1).max(100),
        heading: z.string().trim().min(1).max(200),
        body: z.string().trim().min(1).max(5000),
      }),
    )
    .min(1),
  agreement: z.string().trim().min(1).max(1000),
});

export const DEFAULT_CONSENT_V1: ConsentDocument = {
  version: 1,
  id: "knotwork-default-v1",
  effectiveDate: "2026-11-23",
  title: "Consent to trigger point massage",
  sections: [
    {
      id: "what-it-feels-like",
      heading: "It can feel intense",
      body: "Trigger point massage uses firm, steady pressure on tight, tender spots in a muscle. While a spot is pressed you may feel a strong ache, sometimes spreading to another area (for example from your shoulder into your head). That is expected, and it should ease as the pressure is held.",
    },
    {
      id: "your-comfort",
      heading: "Pressure is adjusted to your comfort",
      body: "Your therapist works at a level you can relax into: uncomfortable but bearable, never sharp. Pressure is adjusted to you, your body and how you feel on the day.",
    },
    {
      id: "speak-up",
      heading: "Tell us when it's too much",
      body: "Please say straight away if the pressure is too strong, or if you feel sharp, burning or electric pain, numbness, dizziness or feel unwell. Your therapist will ease off or change what they are doing.",
    },
    {
      id: "stop-any-time",
      heading: "You can stop at any time",
      body: "You can ask to pause or stop the treatment at any moment, for any reason, without explaining why.",
    },
    {
      id: "afterwards",
      heading: "Soreness afterwards is normal",
      body: "You may feel sore, a little bruised or tired for 1 to 2 days after a session, much like after exercise. If soreness is severe, lasts longer, or you notice swelling, heat or redness, please contact us or a doctor.",
    },
    {
      id: "what-it-is-not",
      heading: "What this treatment is not",
      body: "Trigger point massage is not a medical diagnosis and does not replace care from a doctor. Anything your therapist says about which muscles may be involved is a working guide, not a diagnosis. Keep seeing your doctor for medical problems, and follow their advice.",
    },
    {
      id: "your-health-information",
      heading: "Keeping your answers up to date",
      body: "The treatment is planned around what you told us about your health. Please tell us before your next session if anything changes: new symptoms, a new diagnosis, new medicines, surgery or pregnancy.",
    },
    {
      id: "privacy",
      heading: "Your record is private",
      body: "Your answers and session notes are kept in a private record. Only the clinic staff caring for you can see it, every look at it is logged, and it is not shared without your permission unless the law requires it. You can download your record at any time.",
    },
  ],
  agreement:
    "I have read and understood this information, I have answered the health questions truthfully, and I agree to trigger point massage.",
};

/** Every version ever published, oldest first; never remove one (signatures point at them). */
export const CONSENT_VERSIONS: readonly ConsentDocument[] = [DEFAULT_CONSENT_V1];

export const CURRENT_CONSENT: ConsentDocument = DEFAULT_CONSENT_V1;

export function consentByVersion(version: number): ConsentDocument | undefined {
  return CONSENT_VERSIONS.find((document) => document.version === version);
}

/**
 * A signature as the client submits it. The server adds the timestamp (`signedAt`) itself: a clock
 * the client controls proves nothing.
 */
export const ConsentSignatureSchema = z.object({
  typedName: z
    .string()
    .trim()
    .min(2, "Please type your full name")
    .max(200, "Please keep your name under 200 characters")
    .regex(/\p{L}/u, "Please type your name"),
  consentVersion: z.number().int().min(1),
});
export type ConsentSignature = z.infer<typeof ConsentSignatureSchema>;

/** A name as compared for a signature: case, spacing and Unicode forms aside. */
export function nameForSignature(name: string): string {
  return name.normalize("NFKC").toLocaleLowerCase("en").replace(/\s+/g, " ").trim();
}

/**
 * Whether a typed signature is the signer's own name: their name on the clinic's record or on their
 * account, ignoring case and spacing. A signature in someone else's name proves nothing.
 */
export function signatureMatchesName(typedName: string, names: readonly string[]): boolean {
  const typed = nameForSignature(typedName);
  return names.some((name) => nameForSignature(name) === typed && typed !== "");
}

/** A stored signature: what was signed, by which typed name, and when (ISO instant, set by the server). */
export interface SignedConsent extends ConsentSignature {
  readonly signedAt: string;
}

/**
 * A signature counts only for the exact current version. A newer-than-current version cannot have been
 * shown to anyone, so it is treated as not current rather than trusted. A missing signature is not current.
 */
export function isConsentCurrent(signedVersion: number | null | undefined, currentVersion: number): boolean {
  return signedVersion === currentVersion;
}

/** The whole text as plain paragraphs, for a printed copy or a PDF. */
export function consentAsPlainText(document: ConsentDocument): string {
  const sections = document.sections.map((section) => `${section.heading}\n${section.body}`);
  return [
    `${document.title} (version ${document.version}, effective ${document.effectiveDate})`,
    ...sections,
    document.agreement,
  ].join("\n\n");
}
