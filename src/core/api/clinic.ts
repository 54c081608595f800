/** API contracts for the clinic, its staff, clients and appointments. */
import { z } from "zod";
import { DEFAULT_NOTIFICATION_POLICIES, OPTIONAL_KINDS, secondReminderProblem } from "../notify/policies";
import { EmailSchema, PersonNameSchema } from "./auth";
import { ScreeningFlagSchema } from "./intake";
import { STAFF_ROLES } from "./roles";
import { TimeZoneSchema } from "./setup";
import { plainText, singleLine } from "./text";

export const IdParamsSchema = z.object({ id: z.string().uuid({ message: "Not a valid id." }) });

/** Value tuples shared by the API schemas and the database's enums (src/server/db/schema.ts). */
export const SERVICE_KINDS = ["consultation", "session"] as const;
export const BOOKING_MODES = ["instant", "request"] as const;
export const APPOINTMENT_SOURCES = ["online", "phone", "staff"] as const;

const LocalTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use HH:MM." });

/** Notification timing (docs/decisions/0017-notifications.md); defaults in src/core/notify/policies.ts. */
export const NotificationPoliciesSchema = z
  .object({
    reminderLeadHours: z.number().int().min(1).max(168),
    secondReminderLeadHours: z.number().int().min(1).max(168).nullable(),
    intakeReminderLeadHours: z.number().int().min(1).max(336),
    quietHoursStart: LocalTimeSchema,
    quietHoursEnd: LocalTimeSchema,
    checkInLocalTime: LocalTimeSchema,
    turnedOff: z
      .array(z.enum(OPTIONAL_KINDS))
      .max(OPTIONAL_KINDS.length)
      .default([])
      .describe("Optional kinds the clinic does not send"),
  })
  .superRefine((p, ctx) => {
    const problem = secondReminderProblem(p);
    if (problem) ctx.addIssue({ code: "custom", path: ["secondReminderLeadHours"], message: problem });
  });

export const ClinicPoliciesSchema = z.object({
  minNoticeMin: z.number().int().min(0).max(10_080),
  horizonDays: z.number().int().min(1).max(365),
  slotStepMin: z.number().int().min(5).max(120),
  cancellationWindowHours: z.number().int().min(0).max(336),
  requestExpiryHours: z.number().int().min(1).max(336),
  maintenanceIntervalWeeks: z.number().int().min(1).max(26),
  requireStaffTwoFactor: z.boolean(),
  // Charting (docs/product.md F6).
  defaultHoldSeconds: z.number().int().min(10).max(60).describe("The hold timer's default, seconds"),
  unsignedNoteLimitHours: z
    .number()
    .int()
    .min(1)
    .max(336)
    .describe("Unsigned notes older than this are listed for their therapist and the owner"),
  therapistsReadAllCharts: z
    .boolean()
    .describe("Therapists may read charts of clients they did not treat (read only)"),
  notifications: NotificationPoliciesSchema.default(DEFAULT_NOTIFICATION_POLICIES),
  // Records (F11): years clinical records are kept after an erased client's last visit.
  retentionYears: z.number().int().min(1).max(100),
});

export const ServiceSchema = z.object({
  id: z.string(),
  kind: z.enum(SERVICE_KINDS),
  name: z.string(),
  description: z.string(),
  durationMin: z.number(),
  bufferBeforeMin: z.number(),
  bufferAfterMin: z.number(),
  priceCents: z.number().nullable(),
  currency: z.string(),
  bookableOnline: z.boolean(),
  bookingMode: z.enum(BOOKING_MODES),
  needsRoom: z.boolean(),
});

export const TherapistSchema = z.object({ id: z.string(), displayName: z.string(), bio: z.string() });
export const RoomSchema = z.object({ id: z.string(), name: z.string() });

export const ClinicSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  timeZone: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  policies: ClinicPoliciesSchema,
  // The public profile (docs/decisions/0025-clinic-profile.md).
  description: z.string(),
  firstVisitInfo: z.string(),
  cancellationPolicy: z.string(),
  /** Where the logo is served (`/api/public/clinics/SLUG/logo?v=...`), or null without one. */
  logoUrl: z.string().nullable(),
});

/** The policies a visitor needs to book: the rest (two-factor, charting, records) stay private. */
export const PublicPoliciesSchema = ClinicPoliciesSchema.pick({
  minNoticeMin: true,
  horizonDays: true,
  slotStepMin: true,
  cancellationWindowHours: true,
  requestExpiryHours: true,
});

/** Local opening hours on one weekday (0 = Sunday): when at least one therapist works. */
export const OpeningDaySchema = z.object({
  weekday: z.number().int().min(0).max(6),
  intervals: z.array(z.object({ start: z.string(), end: z.string() })),
});
export type OpeningDay = z.infer<typeof OpeningDaySchema>;

export const PublicClinicSchema = ClinicSchema.omit({ id: true, policies: true }).extend({
  policies: PublicPoliciesSchema,
  services: z.array(ServiceSchema),
  therapists: z.array(TherapistSchema),
  openingHours: z.array(OpeningDaySchema),
});

export const CLINIC_DESCRIPTION_MAX = 600;
export const CLINIC_POLICY_TEXT_MAX = 1_000;
export const THERAPIST_BIO_MAX = 500;

export const UpdateClinicRequestSchema = z.object({
  name: singleLine(120, 1).optional(),
  email: EmailSchema.nullable().optional(),
  phone: singleLine(40)
    .refine((phone) => phone === "" || /^[+0-9][0-9 ()./-]{3,39}$/.test(phone), {
      message: "Use digits, spaces and + ( ) - . / only, e.g. +49 30 1234567.",
    })
    .nullable()
    .optional(),
  address: plainText(300).nullable().optional(),
  timeZone: TimeZoneSchema.optional(),
  description: plainText(CLINIC_DESCRIPTION_MAX).optional(),
  firstVisitInfo: plainText(CLINIC_POLICY_TEXT_MAX).optional(),
  cancellationPolicy: plainText(CLINIC_POLICY_TEXT_MAX).optional(),
  policies: ClinicPoliciesSchema.partial().optional(),
});

/** Logo upload: the image as a `data:` URL (what a browser's FileReader gives), PNG, JPEG or WebP. */
export const LOGO_MAX_BYTES = 200 * 1024;
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export const UploadLogoRequestSchema = z.object({
  // base64 of LOGO_MAX_BYTES plus the prefix; the decoded size is checked again on the server.
  dataUrl: z
    .string()
    .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4 + 40, { message: "Use an image under 200 KB." })
    .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/, {
      message: "Use a PNG, JPEG or WebP image.",
    }),
});

/** A therapist's short bio on the public page: the owner edits any, a therapist their own. */
export const UpdateTherapistBioRequestSchema = z.object({ bio: plainText(THERAPIST_BIO_MAX) });

/** Everyone on the team: staff with a sign-in, and therapists on the calendar without one. */
export const StaffMemberSchema = z.object({
  userId: z.string().nullable(),
  therapistId: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(STAFF_ROLES),
  hasSignIn: z.boolean(),
  /** For a therapist without a sign-in: when the open invitation to them expires, if one is open. */
  invitedUntil: z.string().nullable(),
});

export const InviteStaffRequestSchema = z.object({
  email: EmailSchema,
  name: PersonNameSchema,
  role: z.enum(STAFF_ROLES),
  /** Give a sign-in to this existing therapist (one without a sign-in) instead of adding a new one. */
  therapistId: z.string().uuid().optional(),
});

export const InvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(STAFF_ROLES),
  expiresAt: z.string(),
  /** The address already has an account: the invitee signs in to accept instead of choosing a password. */
  existingAccount: z.boolean(),
  /** The accept link; also e-mailed. Shown once, to the owner who invited. */
  acceptUrl: z.string(),
});

export const ClientSummarySchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  hasLogin: z.boolean(),
  flags: z
    .array(ScreeningFlagSchema)
    .optional()
    .describe("Staff only: the client's screening flags (red flags, holds, cautions), most severe first"),
});

export const ClientRecordSchema = ClientSummarySchema.extend({
  dateOfBirth: z.string().nullable(),
  createdAt: z.string(),
});

export const ClientListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const APPOINTMENT_STATUSES = [
  "requested",
  "confirmed",
  "declined",
  "cancelled",
  "completed",
  "no_show",
] as const;

export const AppointmentSchema = z.object({
  id: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  source: z.enum(APPOINTMENT_SOURCES),
  startsAt: z.string(),
  endsAt: z.string(),
  firstVisit: z.boolean(),
  client: z.object({ id: z.string(), name: z.string() }),
  /** `isYou`: this is the signed-in therapist's own appointment (drives "your day"). */
  therapist: z.object({ id: z.string(), name: z.string(), isYou: z.boolean() }),
  service: z.object({ id: z.string(), name: z.string(), durationMin: z.number() }),
  room: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type Appointment = z.infer<typeof AppointmentSchema>;

export const AppointmentListQuerySchema = z
  .object({
    from: z.iso.datetime({ offset: true, message: "Use an ISO 8601 instant, e.g. 2026-11-23T00:00:00Z." }),
    to: z.iso.datetime({ offset: true, message: "Use an ISO 8601 instant, e.g. 2026-11-30T00:00:00Z." }),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), {
    message: "`to` must be after `from`.",
    path: ["to"],
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 92 * 86_400_000, {
    message: "Ask for at most 92 days at a time.",
    path: ["to"],
  });

export const AuditEventSchema = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  clientId: z.string().nullable(),
  ip: z.string().nullable(),
});
