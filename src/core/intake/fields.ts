/**
 * The value shapes of the intake questionnaire, shared by the draft and the submission schemas.
 * Messages are written for the client filling in the form: they are shown next to the field.
 */
import { z } from "zod";
import { isRegionId, REGIONS } from "../body/regions";
import { DURATION_UNITS, durationInDays } from "./chronicity";

export const TEXT_LIMITS = {
  reasonForVisit: 2000,
  goals: 1000,
  detail: 1000,
  medicationsList: 2000,
  triggersOther: 200,
} as const;

/** Long inputs are cut in error messages so a huge bogus id can't turn into a huge message. */
function shownInMessage(value: unknown): string {
  const text = String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** A body region id from the shared vocabulary (F1); an unknown id is rejected by name. */
export const RegionIdSchema = z.string().refine(isRegionId, {
  error: (issue) => `Unknown body region "${shownInMessage(issue.input)}"`,
});

export const IntensitySchema = z
  .number()
  .int("Intensity is a whole number from 1 to 10")
  .min(1, "Intensity is from 1 to 10")
  .max(10, "Intensity is from 1 to 10");

/** Same shape as the finder's `{ id, intensity }`, so "book a session for these" carries regions as they are. */
export const MarkedRegionSchema = z.object({ id: RegionIdSchema, intensity: IntensitySchema });
export type MarkedRegion = z.infer<typeof MarkedRegionSchema>;

function rejectRepeatedRegions(regions: readonly MarkedRegion[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  regions.forEach((region, index) => {
    if (seen.has(region.id)) {
      ctx.addIssue({
        code: "custom",
        path: [index, "id"],
        message: `Body region "${region.id}" is marked more than once`,
      });
    }
    seen.add(region.id);
  });
}

/** Each region at most once; at most the whole vocabulary. Emptiness is checked by the submission. */
export const AreasOfConcernSchema = z
  .array(MarkedRegionSchema)
  .max(REGIONS.length, "Too many regions marked")
  .superRefine(rejectRepeatedRegions);

export const PainScoreSchema = z
  .number()
  .int("Pain is a whole number from 0 to 10")
  .min(0, "Pain is from 0 (none) to 10 (worst imaginable)")
  .max(10, "Pain is from 0 (none) to 10 (worst imaginable)");

export const DurationUnitSchema = z.enum(DURATION_UNITS);

export const DurationAmountSchema = z
  .number()
  .int("Use a whole number")
  .min(1, "Use a number of 1 or more")
  .max(999, "That number is too large");

const LONGEST_PLAUSIBLE_DAYS = 100 * 365;

export const DurationSchema = z
  .object({ amount: DurationAmountSchema, unit: DurationUnitSchema })
  .refine((duration) => durationInDays(duration) <= LONGEST_PLAUSIBLE_DAYS, {
    error: "Please check how long: that is more than 100 years",
    path: ["amount"],
  });

/** What brings the pain on (F5). "not-sure" lets an honest client answer a required question. */
export const TRIGGERS = [
  "posture",
  "desk-work",
  "repetitive-movement",
  "sport-or-overuse",
  "stress",
  "injury",
  "other",
  "not-sure",
] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const TRIGGER_LABELS: Readonly<Record<Trigger, string>> = {
  posture: "Posture (how I sit or stand)",
  "desk-work": "Desk or computer work",
  "repetitive-movement": "Repeating the same movement",
  "sport-or-overuse": "Sport, exercise or overuse",
  stress: "Stress or tension",
  injury: "An injury or accident",
  other: "Something else",
  "not-sure": "I'm not sure",
};

export const TriggersSchema = z
  .array(z.enum(TRIGGERS))
  .max(TRIGGERS.length)
  .refine((triggers) => new Set(triggers).size === triggers.length, { error: "Each choice at most once" });

export const PREGNANCY_STATUSES = ["yes", "no", "not-applicable"] as const;
export type PregnancyStatus = (typeof PREGNANCY_STATUSES)[number];

export const PREGNANCY_STATUS_LABELS: Readonly<Record<PregnancyStatus, string>> = {
  yes: "Yes",
  no: "No",
  "not-applicable": "Doesn't apply to me",
};

export const PregnancyWeeksSchema = z
  .number()
  .int("Use whole weeks")
  .min(1, "Weeks of pregnancy are from 1 to 42")
  .max(42, "Weeks of pregnancy are from 1 to 42");

/** Free text the client types; trimmed, bounded, possibly empty (a draft saves as they type). */
export function optionalText(maxLength: number) {
  return z.string().trim().max(maxLength, `Please keep this under ${maxLength} characters`);
}

/** Free text that must say something. */
export function requiredText(maxLength: number, emptyMessage: string) {
  return optionalText(maxLength).min(1, emptyMessage);
}
