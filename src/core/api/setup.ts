/** API contracts for setting up a clinic: the first-run page, `knotwork setup` and `create-clinic`. */
import { z } from "zod";
import { isValidTimeZone } from "../scheduling/zone";
import { EmailSchema, NewPasswordSchema, PersonNameSchema } from "./auth";

/** Slugs the software keeps for itself: the demo clinic's, and words that read like app paths. */
export const RESERVED_SLUGS = ["demo", "api", "app", "c", "setup", "book", "sign-in", "sign-up"];

export const ClinicSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, {
    message: "Use 1 to 40 lower-case letters, digits and dashes, not starting or ending with a dash.",
  })
  .refine((slug) => !RESERVED_SLUGS.includes(slug), { message: "That address is reserved; choose another." });

export const TimeZoneSchema = z
  .string()
  .trim()
  .refine(isValidTimeZone, { message: "Choose a time zone such as Europe/Berlin or America/Chicago." });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || null);

/** A new clinic and its owner. The owner's account is reused when the e-mail already has one. */
export const NewClinicSchema = z.object({
  clinicName: z.string().trim().min(1, { message: "Enter the clinic's name." }).max(120),
  slug: ClinicSlugSchema,
  timeZone: TimeZoneSchema,
  address: optionalText(300),
  phone: optionalText(40),
  ownerName: PersonNameSchema,
  ownerEmail: EmailSchema,
  ownerPassword: NewPasswordSchema,
  /** The owner treats clients too: they become a therapist with the standard week's hours. */
  ownerIsTherapist: z.boolean().default(true),
});
export type NewClinic = z.infer<typeof NewClinicSchema>;

export const SetupRequestSchema = NewClinicSchema.extend({
  /** The one-time set-up token printed in the server log. */
  token: z.string().trim().min(1, { message: "Enter the set-up token from the server log." }).max(200),
});

export const SetupStatusSchema = z.object({
  /** True while no clinic exists: the first-run page may be used. */
  needed: z.boolean(),
});

export const ClinicSummarySchema = z.object({ slug: z.string(), name: z.string(), timeZone: z.string() });

export const DefaultClinicSchema = z.object({
  /** The clinic `/book` and `/sign-up` use, or null when there is none or several and none configured. */
  clinic: ClinicSummarySchema.nullable(),
  /** No clinic exists yet. */
  setupNeeded: z.boolean(),
});

/** A URL-safe slug suggested from a clinic's name ("Körper & Knoten Berlin" → "korper-knoten-berlin"). */
export function slugFromName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
}
