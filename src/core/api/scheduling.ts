/**
 * API contracts of scheduling and appointments (docs/product.md F4), shared by the server and the web app.
 * The OpenAPI document at /api/docs is generated from these schemas, so their descriptions are the
 * reference documentation of the booking API.
 *
 * Instants are ISO 8601 strings with an offset (what `GET …/availability` answers in `slots[].start`);
 * local times ("HH:MM") and dates ("YYYY-MM-DD") are in the clinic's time zone.
 */
import { z } from "zod";
import { availabilityQuerySchema, availabilityResponseSchema, timeZoneSchema } from "../scheduling/contract";
import { EmailSchema, PersonNameSchema } from "./auth";
import {
  APPOINTMENT_STATUSES,
  AppointmentSchema,
  BOOKING_MODES,
  SERVICE_KINDS,
  ServiceSchema,
} from "./clinic";
import { plainText, singleLine } from "./text";

export {
  availabilityQuerySchema as AvailabilityQuerySchema,
  availabilityResponseSchema as AvailabilityResponseSchema,
};

// ---- Building blocks.

const UUID_MESSAGE = "Not a valid id.";
export const UuidSchema = z.string().uuid({ message: UUID_MESSAGE });

/** An instant the server can store: ISO 8601 with an offset, between the years 1900 and 9000. */
export const InstantSchema = z.iso
  .datetime({ offset: true, message: "Use an ISO 8601 instant, e.g. 2026-11-23T16:00:00Z." })
  .refine(
    (text) => {
      const ms = Date.parse(text);
      return Number.isFinite(ms) && ms >= Date.UTC(1900, 0, 1) && ms < Date.UTC(9000, 0, 1);
    },
    { message: "That instant is out of range." },
  );

export const ReasonSchema = plainText(500, 1).describe(
  "Why: shown to the client and kept on the appointment",
);

export const SlugParamsSchema = z.object({
  slug: z
    .string()
    .min(1)
    .max(80)
    .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "Not a clinic address." }),
});

// ---- Appointments.

export const AppointmentDetailSchema = AppointmentSchema.extend({
  statusReason: z.string().nullable().describe("Why it was declined, cancelled or proposed"),
  requestExpiresAt: z
    .string()
    .nullable()
    .describe("A request stops holding its slot at this instant unless confirmed first"),
  clientNote: z.string().nullable(),
  blocksFrom: z.string().describe("Start of the time blocked for therapist and room (buffers included)"),
  blocksUntil: z.string().describe("End of the time blocked for therapist and room (buffers included)"),
  createdAt: z.string(),
  updatedAt: z.string(),
  timeZone: z.string().describe("The clinic's time zone"),
  local: z.string().describe("The start in the clinic's time zone, for display"),
});
export type AppointmentDetail = z.infer<typeof AppointmentDetailSchema>;

export const AppointmentIdParamsSchema = z.object({ id: UuidSchema });

const startField = InstantSchema.describe(
  "Session start: one of the `start` instants offered by the availability search",
);

export const OnlineBookingRequestSchema = z.object({
  serviceId: UuidSchema.describe("A service bookable online"),
  therapistId: UuidSchema.optional().describe("One therapist; omitted = any therapist free at that time"),
  start: startField,
  note: plainText(1000).optional().describe("A message for the clinic (no need to repeat the intake)"),
});
export type OnlineBookingRequest = z.infer<typeof OnlineBookingRequestSchema>;

export const NewClientSchema = z.object({
  firstName: PersonNameSchema,
  lastName: PersonNameSchema,
  email: EmailSchema.optional(),
  phone: singleLine(40).optional(),
});

export const StaffBookingRequestSchema = z
  .object({
    clientId: UuidSchema.optional().describe("An existing client of the clinic"),
    newClient: NewClientSchema.optional().describe("Or a new client, created without a log-in"),
    serviceId: UuidSchema,
    therapistId: UuidSchema.optional().describe("Omitted = any therapist free at that time"),
    roomId: UuidSchema.optional().describe("Omitted = any free room (when the service needs one)"),
    start: InstantSchema.describe("Session start; any minute inside the therapist's working hours"),
    note: plainText(1000).optional(),
  })
  .refine((body) => (body.clientId === undefined) !== (body.newClient === undefined), {
    message: "Give either clientId or newClient.",
    path: ["clientId"],
  });
export type StaffBookingRequest = z.infer<typeof StaffBookingRequestSchema>;

export const ReasonRequestSchema = z.object({ reason: ReasonSchema });
export const OptionalReasonRequestSchema = z.object({ reason: ReasonSchema.optional() });

export const RescheduleRequestSchema = z.object({
  start: InstantSchema.describe("The new session start"),
  therapistId: UuidSchema.optional().describe("Staff only: another therapist (omitted = the same therapist)"),
  roomId: UuidSchema.optional().describe(
    "Staff only: another room (omitted = the same room if free, else any)",
  ),
  reason: ReasonSchema.optional(),
});

export const ProposeRequestSchema = z.object({
  start: InstantSchema.describe("The time the clinic proposes instead"),
  therapistId: UuidSchema.optional().describe("Omitted = the same therapist if free, else any"),
  roomId: UuidSchema.optional(),
  reason: ReasonSchema,
});

export const ProposeResponseSchema = z.object({
  declined: AppointmentDetailSchema.describe("The original request, now declined"),
  proposed: AppointmentDetailSchema.describe("The new request at the proposed time, awaiting the client"),
});

export const ReadinessSchema = z.object({
  firstVisit: z.boolean(),
  ok: z.boolean().describe("Whether the appointment may be confirmed now"),
  reasons: z.array(
    z.object({
      code: z.enum([
        "not-requested",
        "request-expired",
        "already-started",
        "intake-not-submitted",
        "consent-not-signed",
        "screening-missing",
        "red-flag",
        "clearance-missing",
      ]),
      message: z.string(),
      findingId: z.string().optional(),
    }),
  ),
});
export type Readiness = z.infer<typeof ReadinessSchema>;

export const AppointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);

// ---- Waitlist.

export const WaitlistRequestSchema = z
  .object({
    serviceId: UuidSchema,
    therapistId: UuidSchema.optional().describe("Omitted = any therapist"),
    earliest: InstantSchema.describe("Tell me about openings from this instant…"),
    latest: InstantSchema.describe("…until this one"),
  })
  .refine((body) => Date.parse(body.latest) > Date.parse(body.earliest), {
    message: "`latest` must be after `earliest`.",
    path: ["latest"],
  })
  .refine((body) => Date.parse(body.latest) - Date.parse(body.earliest) <= 366 * 86_400_000, {
    message: "Ask for at most a year.",
    path: ["latest"],
  });

export const WaitlistEntrySchema = z.object({
  id: z.string(),
  client: z.object({ id: z.string(), name: z.string() }),
  service: z.object({ id: z.string(), name: z.string() }),
  therapist: z.object({ id: z.string(), name: z.string() }).nullable(),
  earliest: z.string(),
  latest: z.string(),
  createdAt: z.string(),
  notifiedAt: z.string().nullable().describe("When the last opening was offered"),
});

// ---- Calendar feeds.

export const FeedTokenParamsSchema = z.object({ token: z.string().min(1).max(200) });
export const FeedUrlSchema = z.object({
  url: z.string().describe("Private subscription URL: anyone with it can read this therapist's schedule"),
});

// ---- Administration (owner).

export const LocalTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: "Use HH:MM between 00:00 and 24:00." });

export const LocalIntervalSchema = z
  .object({ start: LocalTimeSchema, end: LocalTimeSchema })
  .refine((i) => i.end > i.start, { message: "The end must be after the start.", path: ["end"] })
  .refine((i) => i.start !== "24:00", { message: "A day ends at 24:00.", path: ["start"] });

export const WeeklyIntervalSchema = z
  .object({
    weekday: z.number().int().min(0).max(6).describe("0 = Sunday … 6 = Saturday"),
    start: LocalTimeSchema,
    end: LocalTimeSchema,
  })
  .refine((i) => i.end > i.start, { message: "The end must be after the start.", path: ["end"] })
  .refine((i) => i.start !== "24:00", { message: "A day ends at 24:00.", path: ["start"] });

export const WeeklyHoursSchema = z.object({
  hours: z.array(WeeklyIntervalSchema).max(100).describe("Working intervals, in the clinic's local time"),
  breaks: z.array(WeeklyIntervalSchema).max(100).describe("Recurring breaks inside the working hours"),
});
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

export const LocalDateSchema = z.iso.date({ message: "Use a date YYYY-MM-DD." });

export const DateOverrideSchema = z.object({
  date: z.string(),
  intervals: z.array(z.object({ start: z.string(), end: z.string() })),
  note: z.string().nullable(),
});

export const DateOverrideRequestSchema = z.object({
  intervals: z
    .array(LocalIntervalSchema)
    .max(24)
    .describe("The exact working intervals of that date (breaks excluded); [] = not working"),
  note: plainText(300).optional(),
});

export const DateRangeQuerySchema = z
  .object({ from: LocalDateSchema, to: LocalDateSchema })
  .refine((q) => q.to >= q.from, { message: "`to` must not be before `from`.", path: ["to"] });

export const TherapistDateParamsSchema = z.object({ id: UuidSchema, date: LocalDateSchema });
export const TherapistItemParamsSchema = z.object({ id: UuidSchema, itemId: UuidSchema });

export const TimeOffSchema = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string().nullable(),
});

export const TimeOffRequestSchema = z
  .object({ startsAt: InstantSchema, endsAt: InstantSchema, reason: plainText(300).optional() })
  .refine((b) => Date.parse(b.endsAt) > Date.parse(b.startsAt), {
    message: "The end must be after the start.",
    path: ["endsAt"],
  });

export const TimeRangeQuerySchema = z
  .object({ from: InstantSchema, to: InstantSchema })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), {
    message: "`to` must be after `from`.",
    path: ["to"],
  });

const minutes = (max: number) => z.number().int().min(0).max(max);

export const ServiceRequestSchema = z.object({
  kind: z.enum(SERVICE_KINDS).describe("consultation = first visit"),
  name: singleLine(120, 1),
  description: plainText(2000).default(""),
  durationMin: z.number().int().min(5).max(480),
  bufferBeforeMin: minutes(240).default(0),
  bufferAfterMin: minutes(240).default(0),
  priceCents: z.number().int().min(0).max(100_000_000).nullable().default(null),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: "Use an ISO 4217 code such as USD." })
    .default("USD"),
  bookableOnline: z.boolean().default(true),
  bookingMode: z
    .enum(["instant", "request"])
    .default("request")
    .describe("instant: confirmed at once (except first visits); request: staff confirm"),
  needsRoom: z.boolean().default(true),
  active: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(1000).default(0),
});

export const ServiceUpdateSchema = z.object({
  kind: z.enum(SERVICE_KINDS).optional(),
  name: singleLine(120, 1).optional(),
  description: plainText(2000).optional(),
  durationMin: z.number().int().min(5).max(480).optional(),
  bufferBeforeMin: minutes(240).optional(),
  bufferAfterMin: minutes(240).optional(),
  priceCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { message: "Use an ISO 4217 code such as USD." })
    .optional(),
  bookableOnline: z.boolean().optional(),
  bookingMode: z.enum(BOOKING_MODES).optional(),
  needsRoom: z.boolean().optional(),
  active: z.boolean().optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});

/** A service as the owner edits it: the public shape plus whether it is offered and its place in lists. */
export const AdminServiceSchema = ServiceSchema.extend({
  active: z.boolean(),
  sortOrder: z.number(),
});

export const RoomRequestSchema = z.object({ name: singleLine(80, 1), active: z.boolean().default(true) });
export const RoomUpdateSchema = z.object({
  name: singleLine(80, 1).optional(),
  active: z.boolean().optional(),
});
export const AdminRoomSchema = z.object({ id: z.string(), name: z.string(), active: z.boolean() });

/** What is still booked in a room (requested or confirmed, not yet over): asked about before archiving it. */
export const RoomUpcomingSchema = z.object({
  /** All of them; `appointments` lists the first ROOM_UPCOMING_LIMIT. */
  count: z.number().int(),
  appointments: z.array(
    z.object({
      id: z.string(),
      startsAt: z.string(),
      status: z.enum(["requested", "confirmed"]),
      clientName: z.string(),
      therapistName: z.string(),
      serviceName: z.string(),
    }),
  ),
});
export const ROOM_UPCOMING_LIMIT = 20;

export { timeZoneSchema as TimeZoneSchema };
