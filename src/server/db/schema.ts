/**
 * The one database schema, for PGlite and PostgreSQL alike (docs/decisions/0002-database.md).
 *
 * Tenant rule (docs/architecture.md): every clinic-owned table carries `clinic_id`; references between
 * clinic-owned rows are composite `(clinic_id, x_id)` foreign keys, so a row can never point into
 * another clinic, and the schema can be distributed by `clinic_id` (Citus) without a rewrite.
 *
 * The exclusion constraints that make double booking impossible are hand-written SQL in
 * migrations/0001_no_double_booking.sql (drizzle-kit cannot express them).
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  time,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  APPOINTMENT_SOURCES,
  APPOINTMENT_STATUSES,
  BOOKING_MODES,
  SERVICE_KINDS,
} from "../../core/api/clinic";
import { STAFF_ROLES } from "../../core/api/roles";
import { DEFAULT_NOTIFICATION_POLICIES, type NotificationPolicies } from "../../core/notify/policies";

const id = () => uuid("id").primaryKey().defaultRandom();
const clinicId = () => uuid("clinic_id").notNull();
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

// The value tuples come from the API contracts, so the API and the database cannot drift apart.
export const staffRole = pgEnum("staff_role", STAFF_ROLES);
export const appointmentStatus = pgEnum("appointment_status", APPOINTMENT_STATUSES);
export const appointmentSource = pgEnum("appointment_source", APPOINTMENT_SOURCES);
export const serviceKind = pgEnum("service_kind", SERVICE_KINDS);
export const bookingMode = pgEnum("booking_mode", BOOKING_MODES);

/** Clinic policies, kept as one JSON document so a new policy needs no migration. */
export interface ClinicPolicies {
  minNoticeMin: number;
  horizonDays: number;
  slotStepMin: number;
  cancellationWindowHours: number;
  requestExpiryHours: number;
  maintenanceIntervalWeeks: number;
  requireStaffTwoFactor: boolean;
  // Charting (docs/product.md F6).
  /** The hold timer's default, seconds (10-60). */
  defaultHoldSeconds: number;
  /** Unsigned notes older than this are listed for their therapist and the owner. */
  unsignedNoteLimitHours: number;
  /** Therapists may read the charts of clients they did not treat (they never write them). */
  therapistsReadAllCharts: boolean;
  /** Notification timing; clinics stored before it existed got the defaults by migration. */
  notifications: NotificationPolicies;
  // Records (F11): how long clinical records are kept after an erased client's last visit.
  retentionYears: number;
}

export const DEFAULT_CLINIC_POLICIES: ClinicPolicies = {
  minNoticeMin: 120,
  horizonDays: 60,
  slotStepMin: 15,
  cancellationWindowHours: 24,
  requestExpiryHours: 48,
  maintenanceIntervalWeeks: 4,
  requireStaffTwoFactor: false,
  defaultHoldSeconds: 30,
  unsignedNoteLimitHours: 24,
  therapistsReadAllCharts: true,
  notifications: DEFAULT_NOTIFICATION_POLICIES,
  // Records (F11): a common minimum for adult health records; the owner sets the clinic's own.
  retentionYears: 7,
};

export const clinics = pgTable("clinics", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  timeZone: text("time_zone").notNull(),
  email: text("email"),
  phone: text("phone"),
  address: text("address"),
  policies: jsonb("policies").$type<ClinicPolicies>().notNull(),
  // The public profile (docs/decisions/0025-clinic-profile.md): shown on the clinic's public page.
  /** A short introduction to the clinic, plain text. */
  description: text("description").notNull().default(""),
  /** What a first visit involves, plain text; the page falls back to a standard wording when empty. */
  firstVisitInfo: text("first_visit_info").notNull().default(""),
  /** The cancellation policy in the clinic's words; the window itself is `policies.cancellationWindowHours`. */
  cancellationPolicy: text("cancellation_policy").notNull().default(""),
  /**
   * Changes whenever anything the slot engine reads about this clinic except busy time changes (this
   * row, services, therapists, working hours, date overrides, time off, rooms): set from a sequence by
   * triggers (migration 0022), never by the app. Servers cache the schedule under it, and the booking
   * write inserts nothing when it differs (docs/decisions/0027-schedule-cache.md).
   */
  scheduleVersion: bigint("schedule_version", { mode: "number" }).notNull().default(0),
  createdAt: createdAt(),
});

/**
 * The clinic's logo, one per clinic, in its own table so `SELECT * FROM clinics` never carries the
 * image. Raster only (PNG, JPEG, WebP: checked by their magic bytes, never SVG, which can carry
 * script); kept as base64 text so PGlite and node-postgres return the same value.
 */
export const clinicLogos = pgTable("clinic_logos", {
  clinicId: uuid("clinic_id")
    .primaryKey()
    .references(() => clinics.id, { onDelete: "cascade" }),
  contentType: text("content_type").notNull(),
  dataBase64: text("data_base64").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    passwordChangedAt: instant("password_changed_at").notNull().defaultNow(),
    /** The person's own phone number (account page); a client's clinic record keeps its own copy. */
    phone: text("phone"),
    /**
     * When the owner of the address proved it (the sign-up link). Null only for a client's own
     * sign-up until they open the link; staff invitations, the seed and the CLI prove it otherwise.
     */
    emailVerifiedAt: instant("email_verified_at").defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

/**
 * A person's TOTP second factor (RFC 6238; docs/decisions/0020-two-factor-and-account-recovery.md).
 * The shared secret is sealed with AES-256-GCM under a key derived from the server's audit key, so a
 * copy of the database alone cannot mint codes. `confirmedAt` is null while enrolment waits for the
 * first code; `lastStep` is the latest 30-second step accepted, so a code cannot be used twice.
 */
export const userTotp = pgTable("user_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed").notNull(),
  confirmedAt: instant("confirmed_at"),
  lastStep: integer("last_step"),
  createdAt: createdAt(),
});

/** One-time recovery codes for the second factor: only a keyed hash (HMAC-SHA256) of each is kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** A password-reset link: single use, short-lived, only the token's SHA-256 stored. */
export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/** A change of e-mail waiting for the new address to be confirmed by its link. */
export const emailChanges = pgTable(
  "email_changes",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    newEmail: text("new_email").notNull(),
    expiresAt: instant("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("email_changes_user_idx").on(t.userId)],
);

/** A sign-up's e-mail link: only the SHA-256 of the token is stored, like sessions and invitations. */
export const emailVerifications = pgTable(
  "email_verifications",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The address the link was sent to; a later change of address voids the link. */
    email: text("email").notNull(),
    /**
     * A sign-up for an address whose account is still unconfirmed: the password that sign-up chose,
     * applied only when its link is opened, so the owner of the mailbox wins over whoever signed
     * up with their address first.
     */
    passwordHash: text("password_hash"),
    expiresAt: instant("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("email_verifications_user_idx").on(t.userId)],
);

/** A staff member's role in one clinic. One role per person per clinic keeps permission checks simple. */
export const memberships = pgTable(
  "memberships",
  {
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: staffRole("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.userId] })],
);

export const invitations = pgTable(
  "invitations",
  {
    id: id(),
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: staffRole("role").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id),
    expiresAt: instant("expires_at").notNull(),
    acceptedAt: instant("accepted_at"),
    /** Set when the invitation gives a sign-in to a therapist row that already exists (Team page). */
    therapistId: uuid("therapist_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("invitations_clinic_idx").on(t.clinicId),
    foreignKey({
      columns: [t.clinicId, t.therapistId],
      foreignColumns: [therapists.clinicId, therapists.id],
    }).onDelete("cascade"),
  ],
);

/** Server-side log-in sessions: the cookie holds a random id, the table holds only its SHA-256. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    /** The clinic and role this session acts in (a person may be staff in one clinic, client in another). */
    clinicId: uuid("clinic_id").references(() => clinics.id, { onDelete: "cascade" }),
    role: text("role"),
    clientId: uuid("client_id"),
    createdAt: createdAt(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    /** When this session passed the second factor (TOTP or a recovery code); null: not (yet). */
    secondFactorAt: instant("second_factor_at"),
  },
  (t) => [index("auth_sessions_user_idx").on(t.userId)],
);

/** Failed log-ins, counted per e-mail in the database so every app server sees the same limit. */
/**
 * Sign-in throttle counters, one row per key (`email:…`, `device:…`, `ip:<route>:…`), shared by
 * every app server. A row is read `FOR UPDATE` and written in one transaction, so counting an attempt
 * and deciding whether it may run are atomic (src/server/auth/throttle.ts).
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  /** Start of the current fixed window (per-IP limits). */
  windowStart: instant("window_start").notNull(),
  /** The latest attempt let through; a quiet window after it starts the count afresh. */
  lastAttemptAt: instant("last_attempt_at").notNull(),
  attempts: integer("attempts").notNull(),
  /** Progressive delay: no attempt before this instant once the free attempts are used up. */
  nextAttemptAt: instant("next_attempt_at").notNull(),
});

/**
 * One-time tokens for the first-run page (docs/decisions/0010-clinic-setup.md): printed to the log
 * at start while no clinic exists, stored only as a SHA-256, deleted once the first clinic exists.
 * In the database, not in memory, so the page works whichever app server answers it.
 */
export const setupTokens = pgTable("setup_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  expiresAt: instant("expires_at").notNull(),
  createdAt: createdAt(),
});

export const clients = pgTable(
  "clients",
  {
    id: id(),
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    /** A client booked by phone may have no log-in yet. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    dateOfBirth: date("date_of_birth"),
    createdAt: createdAt(),
  },
  (t) => [
    unique("clients_clinic_id_key").on(t.clinicId, t.id),
    unique("clients_clinic_user_key").on(t.clinicId, t.userId),
    index("clients_clinic_name_idx").on(t.clinicId, t.lastName, t.firstName),
  ],
);

/**
 * What a client agreed to be contacted about (F8). No row: everything on. Transactional messages
 * (answers to what the client or clinic did) are not listed here: they always go.
 */
export const contactPreferences = pgTable("contact_preferences", {
  clientId: uuid("client_id")
    .primaryKey()
    .references(() => clients.id, { onDelete: "cascade" }),
  clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
  reminders: boolean("reminders").notNull().default(true),
  recalls: boolean("recalls").notNull().default(true),
  checkIns: boolean("check_ins").notNull().default(true),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

/**
 * A client's request to erase their account (F11; docs/decisions/0019-backup-and-erasure.md). It holds
 * ids only, so it outlives the client row: "requested" by the client, "erased" when the owner carries
 * it out (contact details, account, diary, messages gone; clinical records kept until `retain_until`),
 * "purged" when the sweep has deleted the rest, "withdrawn" if the client changes their mind first.
 */
export const erasureRequests = pgTable(
  "erasure_requests",
  {
    id: id(),
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    clientId: uuid("client_id").notNull(),
    status: text("status").notNull().default("requested"),
    requestedAt: instant("requested_at").notNull().defaultNow(),
    erasedAt: instant("erased_at"),
    erasedBy: uuid("erased_by").references(() => users.id, { onDelete: "set null" }),
    /** The last visit plus the clinic's retention years, fixed when the erasure is carried out. */
    retainUntil: instant("retain_until"),
    purgedAt: instant("purged_at"),
    withdrawnAt: instant("withdrawn_at"),
  },
  (t) => [
    index("erasure_requests_clinic_idx").on(t.clinicId, t.status),
    // At most one open request per client.
    uniqueIndex("erasure_requests_open_key")
      .on(t.clinicId, t.clientId)
      .where(sql`status IN ('requested', 'erased')`),
    check(
      "erasure_requests_status_valid",
      sql`${t.status} IN ('requested', 'erased', 'purged', 'withdrawn')`,
    ),
  ],
);

export const therapists = pgTable(
  "therapists",
  {
    id: id(),
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    displayName: text("display_name").notNull(),
    bio: text("bio").notNull().default(""),
    active: boolean("active").notNull().default(true),
    /** Secret for the private ICS feed URL; rotating it revokes old subscriptions. */
    /** SHA-256 of the private ICS feed URL's secret (the secret itself is shown once and not kept). */
    feedTokenHash: text("feed_token_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("therapists_clinic_id_key").on(t.clinicId, t.id),
    // One therapist row per person and clinic: the no-double-booking constraint is per row.
    unique("therapists_clinic_user_key").on(t.clinicId, t.userId),
    uniqueIndex("therapists_feed_token_hash_key").on(t.feedTokenHash),
  ],
);

export const rooms = pgTable(
  "rooms",
  {
    id: id(),
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    unique("rooms_clinic_id_key").on(t.clinicId, t.id),
    // One name per room in a clinic, whatever the case; archived rooms keep theirs (they can be restored).
    uniqueIndex("rooms_clinic_name_key").on(t.clinicId, sql`lower(${t.name})`),
  ],
);

export const services = pgTable(
  "services",
  {
    id: id(),
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    kind: serviceKind("kind").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    durationMin: smallint("duration_min").notNull(),
    bufferBeforeMin: smallint("buffer_before_min").notNull().default(0),
    bufferAfterMin: smallint("buffer_after_min").notNull().default(0),
    priceCents: integer("price_cents"),
    currency: text("currency").notNull().default("USD"),
    bookableOnline: boolean("bookable_online").notNull().default(true),
    bookingMode: bookingMode("booking_mode").notNull().default("request"),
    needsRoom: boolean("needs_room").notNull().default(true),
    active: boolean("active").notNull().default(true),
    sortOrder: smallint("sort_order").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [unique("services_clinic_id_key").on(t.clinicId, t.id)],
);

/** Weekly recurring hours in the clinic's local time; `is_break` marks a break inside working hours. */
export const workingHours = pgTable(
  "working_hours",
  {
    id: id(),
    clinicId: clinicId(),
    therapistId: uuid("therapist_id").notNull(),
    weekday: smallint("weekday").notNull(),
    startTime: time("start_time").notNull(),
    endTime: time("end_time").notNull(),
    isBreak: boolean("is_break").notNull().default(false),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.therapistId],
      foreignColumns: [therapists.clinicId, therapists.id],
    }).onDelete("cascade"),
    index("working_hours_therapist_idx").on(t.clinicId, t.therapistId),
  ],
);

/** A date with different hours (`intervals` empty = closed that day), in the clinic's local time. */
export const dateOverrides = pgTable(
  "date_overrides",
  {
    id: id(),
    clinicId: clinicId(),
    therapistId: uuid("therapist_id").notNull(),
    date: date("date").notNull(),
    intervals: jsonb("intervals").$type<{ start: string; end: string }[]>().notNull(),
    note: text("note"),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.therapistId],
      foreignColumns: [therapists.clinicId, therapists.id],
    }).onDelete("cascade"),
    unique("date_overrides_therapist_date_key").on(t.clinicId, t.therapistId, t.date),
  ],
);

export const timeOff = pgTable(
  "time_off",
  {
    id: id(),
    clinicId: clinicId(),
    therapistId: uuid("therapist_id").notNull(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    reason: text("reason"),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.therapistId],
      foreignColumns: [therapists.clinicId, therapists.id],
    }).onDelete("cascade"),
    index("time_off_therapist_idx").on(t.clinicId, t.therapistId, t.startsAt),
  ],
);

/**
 * An appointment occupies its therapist and room from `blocks_from` to `blocks_until`: the
 * session plus the service's buffers. Two rows in a holding status (requested, confirmed) may not
 * overlap for one therapist or one room: enforced by exclusion constraints, not by the app.
 */
export const appointments = pgTable(
  "appointments",
  {
    id: id(),
    clinicId: clinicId(),
    clientId: uuid("client_id").notNull(),
    therapistId: uuid("therapist_id").notNull(),
    roomId: uuid("room_id"),
    serviceId: uuid("service_id").notNull(),
    status: appointmentStatus("status").notNull(),
    source: appointmentSource("source").notNull(),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    blocksFrom: instant("blocks_from").notNull(),
    blocksUntil: instant("blocks_until").notNull(),
    /** A first visit needs intake and consent (and any clearance) before it can be confirmed. */
    firstVisit: boolean("first_visit").notNull().default(false),
    /** When an unconfirmed request stops holding its slot. */
    requestExpiresAt: instant("request_expires_at"),
    clientNote: text("client_note"),
    statusReason: text("status_reason"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({
      columns: [t.clinicId, t.therapistId],
      foreignColumns: [therapists.clinicId, therapists.id],
    }),
    foreignKey({ columns: [t.clinicId, t.roomId], foreignColumns: [rooms.clinicId, rooms.id] }),
    foreignKey({ columns: [t.clinicId, t.serviceId], foreignColumns: [services.clinicId, services.id] }),
    unique("appointments_clinic_id_key").on(t.clinicId, t.id),
    index("appointments_clinic_start_idx").on(t.clinicId, t.startsAt),
    index("appointments_client_idx").on(t.clinicId, t.clientId, t.startsAt),
    // One therapist's figures in the reports (src/server/reports).
    index("appointments_therapist_start_idx").on(t.clinicId, t.therapistId, t.startsAt),
    // The reports' per-client figures (visits, no-shows): narrow partial indexes, see ADR 0024.
    // A client's first visit (the report_client_firsts trigger): by client, then time.
    index("appointments_completed_idx")
      .on(t.clinicId, t.clientId, t.startsAt)
      .where(sql`status = 'completed'`),
    index("appointments_missed_idx")
      .on(t.clinicId, t.startsAt)
      .where(sql`status IN ('no_show', 'cancelled')`),
  ],
);

/**
 * A client's wish to be told when an earlier slot opens (F4 waitlist): for a service, optionally one
 * therapist, within `[earliest, latest)`. An offer e-mail goes out when a matching appointment is
 * cancelled, declined or expires; `notified_at` is the last time one did.
 */
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    id: id(),
    clinicId: clinicId(),
    clientId: uuid("client_id").notNull(),
    serviceId: uuid("service_id").notNull(),
    therapistId: uuid("therapist_id"),
    earliest: instant("earliest").notNull(),
    latest: instant("latest").notNull(),
    createdAt: createdAt(),
    notifiedAt: instant("notified_at"),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.clientId],
      foreignColumns: [clients.clinicId, clients.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.clinicId, t.serviceId],
      foreignColumns: [services.clinicId, services.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.clinicId, t.therapistId],
      foreignColumns: [therapists.clinicId, therapists.id],
    }).onDelete("cascade"),
    unique("waitlist_entries_clinic_id_key").on(t.clinicId, t.id),
    index("waitlist_entries_window_idx").on(t.clinicId, t.earliest, t.latest),
    index("waitlist_entries_client_idx").on(t.clinicId, t.clientId),
    check("waitlist_entries_window_valid", sql`${t.earliest} < ${t.latest}`),
  ],
);

/** Intake questionnaire answers (F5): a draft saved as the client goes, then submitted and versioned. */
export const intakes = pgTable(
  "intakes",
  {
    id: id(),
    clinicId: clinicId(),
    clientId: uuid("client_id").notNull(),
    version: integer("version").notNull().default(1),
    answers: jsonb("answers").notNull(),
    screening: jsonb("screening"),
    submittedAt: instant("submitted_at"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.clientId],
      foreignColumns: [clients.clinicId, clients.id],
    }).onDelete("cascade"),
    unique("intakes_client_version_key").on(t.clinicId, t.clientId, t.version),
  ],
);

/**
 * The client's working copy of the intake, saved as they type (one per client). Submitting copies it
 * into `intakes`: in place while the latest version has not been used at a visit, as version + 1 after.
 */
export const intakeDrafts = pgTable(
  "intake_drafts",
  {
    clinicId: clinicId(),
    clientId: uuid("client_id").notNull(),
    answers: jsonb("answers").notNull(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.clientId] }),
    foreignKey({
      columns: [t.clinicId, t.clientId],
      foreignColumns: [clients.clinicId, clients.id],
    }).onDelete("cascade"),
  ],
);

/** A doctor's clearance for a do-not-treat-until-cleared finding, recorded by staff. */
export const clearances = pgTable(
  "clearances",
  {
    id: id(),
    clinicId: clinicId(),
    clientId: uuid("client_id").notNull(),
    findingId: text("finding_id").notNull(),
    clearedBy: text("cleared_by").notNull(),
    clearedOn: date("cleared_on").notNull(),
    note: text("note").notNull().default(""),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.clientId],
      foreignColumns: [clients.clinicId, clients.id],
    }).onDelete("cascade"),
    index("clearances_client_idx").on(t.clinicId, t.clientId),
  ],
);

/** A clinic's own consent text, one row per version; `body` is the ConsentDocument as JSON (core/consent). */
export const consentVersions = pgTable(
  "consent_versions",
  {
    id: id(),
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique("consent_versions_clinic_version_key").on(t.clinicId, t.version)],
);

export const consentSignatures = pgTable(
  "consent_signatures",
  {
    id: id(),
    clinicId: clinicId(),
    clientId: uuid("client_id").notNull(),
    version: integer("version").notNull(),
    typedName: text("typed_name").notNull(),
    signedAt: instant("signed_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.clientId],
      foreignColumns: [clients.clinicId, clients.id],
    }).onDelete("cascade"),
    index("consent_signatures_client_idx").on(t.clinicId, t.clientId, t.signedAt),
  ],
);

/** A treatment session's chart (F6): SOAP note and pain before/after; locked once signed. */
export const treatmentSessions = pgTable(
  "treatment_sessions",
  {
    id: id(),
    clinicId: clinicId(),
    appointmentId: uuid("appointment_id"),
    clientId: uuid("client_id").notNull(),
    therapistId: uuid("therapist_id").notNull(),
    consultation: jsonb("consultation"),
    /** consultation or session (src/core/charting CHART_KINDS). */
    kind: text("kind").notNull().default("session"),
    /** Bumped by every write: an autosave from a stale copy is refused instead of losing an edit. */
    version: integer("version").notNull().default(0),
    /** What to do next, in plain words for the client's portal summary. */
    clientNote: text("client_note").notNull().default(""),
    subjective: text("subjective").notNull().default(""),
    objective: text("objective").notNull().default(""),
    assessment: text("assessment").notNull().default(""),
    plan: text("plan").notNull().default(""),
    painBefore: smallint("pain_before"),
    painAfter: smallint("pain_after"),
    signedAt: instant("signed_at"),
    signedBy: uuid("signed_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({
      columns: [t.clinicId, t.therapistId],
      foreignColumns: [therapists.clinicId, therapists.id],
    }),
    foreignKey({
      columns: [t.clinicId, t.appointmentId],
      foreignColumns: [appointments.clinicId, appointments.id],
    }),
    unique("treatment_sessions_clinic_id_key").on(t.clinicId, t.id),
    index("treatment_sessions_client_idx").on(t.clinicId, t.clientId),
    // One chart per appointment (creating it twice returns the first).
    uniqueIndex("treatment_sessions_appointment_key").on(t.clinicId, t.appointmentId),
    index("treatment_sessions_unsigned_idx").on(t.clinicId, t.createdAt).where(sql`${t.signedAt} is null`),
    // The outcomes report reads a date range of sessions.
    index("treatment_sessions_created_idx").on(t.clinicId, t.createdAt),
    // One therapist's outcomes read that therapist's sessions of a range (a hundredth of the clinic's).
    index("treatment_sessions_therapist_created_idx").on(t.clinicId, t.therapistId, t.createdAt),
  ],
);

export const triggerPointRecords = pgTable(
  "trigger_point_records",
  {
    id: id(),
    clinicId: clinicId(),
    sessionId: uuid("session_id").notNull(),
    muscleId: text("muscle_id").notNull(),
    side: text("side"),
    mapView: text("map_view"),
    mapX: integer("map_x"),
    mapY: integer("map_y"),
    active: boolean("active").notNull().default(true),
    pressure: text("pressure"),
    comfort: smallint("comfort"),
    holdSeconds: smallint("hold_seconds"),
    twitch: boolean("twitch").notNull().default(false),
    referralReproduced: jsonb("referral_reproduced").$type<string[]>(),
    release: text("release"),
    stretchApplied: text("stretch_applied"),
    /** The body-map region the point lies in (a public region id). */
    regionId: text("region_id"),
    /** Order on the chart's list (the order the therapist recorded them). */
    ordinal: integer("ordinal").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.sessionId],
      foreignColumns: [treatmentSessions.clinicId, treatmentSessions.id],
    }).onDelete("cascade"),
    index("trigger_point_records_session_idx").on(t.clinicId, t.sessionId),
  ],
);

/** Changes to a signed note: the original stays as it was; each amendment keeps author, time and why. */
export const noteAmendments = pgTable(
  "note_amendments",
  {
    id: id(),
    clinicId: clinicId(),
    sessionId: uuid("session_id").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    changes: jsonb("changes").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.sessionId],
      foreignColumns: [treatmentSessions.clinicId, treatmentSessions.id],
    }).onDelete("cascade"),
    index("note_amendments_session_idx").on(t.clinicId, t.sessionId, t.createdAt),
  ],
);

/**
 * A course of care (F7): planned sessions at an interval with one therapist, then maintenance.
 * `details` keeps what the plan rule suggested when the plan was made (core/plans), so the therapist
 * can see how far their plan departs from it. Visits from `starts_on` count toward the plan.
 */
export const treatmentPlans = pgTable(
  "treatment_plans",
  {
    id: id(),
    clinicId: clinicId(),
    clientId: uuid("client_id").notNull(),
    plannedSessions: smallint("planned_sessions").notNull(),
    maintenanceIntervalWeeks: smallint("maintenance_interval_weeks"),
    details: jsonb("details").notNull(),
    createdAt: createdAt(),
    therapistId: uuid("therapist_id"),
    serviceId: uuid("service_id"),
    /** active | maintenance | finished | cancelled (core/api/plans PLAN_STATUSES). */
    status: text("status").notNull().default("active"),
    sessionIntervalDays: smallint("session_interval_days").notNull().default(7),
    /** The client's goals, in their own words. */
    goals: text("goals").notNull().default(""),
    /** The therapist's notes; never shown to the client. */
    notes: text("notes").notNull().default(""),
    startsOn: date("starts_on").notNull().default(sql`CURRENT_DATE`),
    /** Pain (0-10) when the plan started: the yardstick of the re-assessment prompt. */
    baselinePain: smallint("baseline_pain"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({
      columns: [t.clinicId, t.therapistId],
      foreignColumns: [therapists.clinicId, therapists.id],
    }),
    foreignKey({ columns: [t.clinicId, t.serviceId], foreignColumns: [services.clinicId, services.id] }),
    unique("treatment_plans_clinic_id_key").on(t.clinicId, t.id),
    index("treatment_plans_client_idx").on(t.clinicId, t.clientId),
    // Plans started in a range, and a client's next plan (the plan-completion report).
    index("treatment_plans_created_idx").on(t.clinicId, t.createdAt),
    index("treatment_plans_client_created_idx").on(t.clinicId, t.clientId, t.createdAt),
    check(
      "treatment_plans_status_valid",
      sql`${t.status} IN ('active', 'maintenance', 'finished', 'cancelled')`,
    ),
  ],
);

/** The appointments booked as a plan's series (F7 "book the series"). */
export const treatmentPlanAppointments = pgTable(
  "treatment_plan_appointments",
  {
    clinicId: clinicId(),
    planId: uuid("plan_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.planId, t.appointmentId] }),
    foreignKey({
      columns: [t.clinicId, t.planId],
      foreignColumns: [treatmentPlans.clinicId, treatmentPlans.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.clinicId, t.appointmentId],
      foreignColumns: [appointments.clinicId, appointments.id],
    }).onDelete("cascade"),
  ],
);

/** A clinic's own thresholds for the plan rule (core/plans PlanRuleSettings); absent = the defaults. */
export const planRuleSettings = pgTable("plan_rule_settings", {
  clinicId: uuid("clinic_id")
    .primaryKey()
    .references(() => clinics.id, { onDelete: "cascade" }),
  settings: jsonb("settings").notNull(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

/**
 * A client's home-care plan (F7): items built from the treated muscles (core/homecare), edited by
 * the therapist; the client sees it (portal, PDF handout) once shared. One per client.
 */
export const homeCarePlans = pgTable(
  "home_care_plans",
  {
    id: id(),
    clinicId: clinicId(),
    clientId: uuid("client_id").notNull(),
    items: jsonb("items").notNull(),
    shared: boolean("shared").notNull().default(false),
    sharedAt: instant("shared_at"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.clientId],
      foreignColumns: [clients.clinicId, clients.id],
    }).onDelete("cascade"),
    unique("home_care_plans_client_key").on(t.clinicId, t.clientId),
  ],
);

/** The next-day soreness check-in after a completed visit (F7); `flags` say why it needs a look. */
export const sorenessCheckIns = pgTable(
  "soreness_check_ins",
  {
    id: id(),
    clinicId: clinicId(),
    clientId: uuid("client_id").notNull(),
    appointmentId: uuid("appointment_id").notNull(),
    soreness: smallint("soreness").notNull(),
    symptoms: jsonb("symptoms").$type<string[]>().notNull(),
    note: text("note").notNull().default(""),
    flags: jsonb("flags").$type<string[]>().notNull(),
    flagged: boolean("flagged").notNull(),
    answeredAt: instant("answered_at").notNull().defaultNow(),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.clientId],
      foreignColumns: [clients.clinicId, clients.id],
    }).onDelete("cascade"),
    foreignKey({
      columns: [t.clinicId, t.appointmentId],
      foreignColumns: [appointments.clinicId, appointments.id],
    }).onDelete("cascade"),
    unique("soreness_check_ins_appointment_key").on(t.clinicId, t.appointmentId),
    index("soreness_check_ins_flagged_idx").on(t.clinicId, t.answeredAt).where(sql`flagged`),
    check("soreness_check_ins_soreness_range", sql`${t.soreness} BETWEEN 0 AND 10`),
  ],
);

export const painDiaryEntries = pgTable(
  "pain_diary_entries",
  {
    id: id(),
    clinicId: clinicId(),
    clientId: uuid("client_id").notNull(),
    recordedAt: instant("recorded_at").notNull(),
    regions: jsonb("regions").$type<{ id: string; intensity: number }[]>().notNull(),
    note: text("note"),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.clientId],
      foreignColumns: [clients.clinicId, clients.id],
    }).onDelete("cascade"),
    index("pain_diary_entries_client_idx").on(t.clinicId, t.clientId, t.recordedAt),
  ],
);

/**
 * Outgoing e-mail (F8). Every message is written here first; a worker sends it over SMTP. The unique
 * `dedupe_key` (e.g. `reminder:<appointment id>`) is what makes "exactly once per appointment and kind" hold
 * across restarts and parallel workers. With no SMTP configured, messages stay here and show in the app.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: id(),
    clinicId: uuid("clinic_id").references(() => clinics.id, { onDelete: "cascade" }),
    dedupeKey: text("dedupe_key").notNull().unique(),
    kind: text("kind").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    sendAfter: instant("send_after").notNull().defaultNow(),
    sentAt: instant("sent_at"),
    cancelledAt: instant("cancelled_at"),
    /** A worker's lease while it sends (claim, send, mark: docs/decisions/0009-background-jobs.md). */
    claimedUntil: instant("claimed_until"),
    attempts: smallint("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    /** What the message is about, for the message centre and the owner's view (F8). */
    appointmentId: uuid("appointment_id").references(() => appointments.id, { onDelete: "set null" }),
    clientId: uuid("client_id").references(() => clients.id, { onDelete: "cascade" }),
    /** transactional | reminders | recalls | check_ins (src/core/notify/kinds.ts). */
    category: text("category").notNull().default("transactional"),
    /** email (sms: an interface without a sender yet). */
    channel: text("channel").notNull().default("email"),
    html: text("html"),
    /** An iCalendar attachment (confirmations and reschedules). */
    ics: text("ics"),
    /** The Message-ID header sent with every try, so a repeat is recognisably the same message. */
    messageId: text("message_id"),
    /** Given up: a permanent (5xx) refusal or the last try failed. Shown to the owner. */
    deadAt: instant("dead_at"),
    /** Why it was cancelled: the appointment changed, the client opted out, it was no longer needed. */
    cancelReason: text("cancel_reason"),
  },
  (t) => [
    index("outbox_pending_idx").on(t.sendAfter).where(sql`sent_at IS NULL AND cancelled_at IS NULL`),
    index("outbox_client_idx").on(t.clientId, t.sendAfter),
    index("outbox_appointment_idx").on(t.appointmentId),
    index("outbox_clinic_idx").on(t.clinicId, t.sendAfter),
  ],
);

/**
 * Append-only, tamper-evident audit log (F11): each row's hash covers its content and the previous
 * row's hash in the same clinic, so altering or deleting a row breaks the chain.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    clinicId: uuid("clinic_id"),
    actorUserId: uuid("actor_user_id"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    clientId: uuid("client_id"),
    ip: text("ip"),
    at: instant("at").notNull().defaultNow(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_clinic_idx").on(t.clinicId, t.id),
    // When staff confirmed an appointment (the appointments report's time to confirm).
    index("audit_events_confirm_idx")
      .on(t.clinicId, t.entityId, t.at)
      .where(sql`action = 'confirm' AND entity = 'appointment'`),
  ],
);

/**
 * The reports' per-day summaries of appointments (docs/decisions/0024-reports-summary.md). Derived
 * data, written only by the triggers of migration 0019 in the same transaction as the appointment
 * change (never by application code); days are local days in the clinic's time zone and "late" uses
 * the clinic's cancellation window, so a change of either rebuilds the clinic's rows.
 *
 * report_clinic_days: the clinic's appointments per day, status, source, whether the booking carried
 * a request expiry, and whether it was a late cancellation (the appointments and no-shows reports).
 */
export const reportClinicDays = pgTable(
  "report_clinic_days",
  {
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    status: appointmentStatus("status").notNull(),
    source: appointmentSource("source").notNull(),
    expiring: boolean("expiring").notNull(),
    late: boolean("late").notNull(),
    appointments: integer("appointments").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.day, t.status, t.source, t.expiring, t.late] }),
    // Keys whose count fell to nothing, found and removed by the triggers right away.
    index("report_clinic_days_empty_idx").on(t.clinicId).where(sql`appointments = 0`),
  ],
);

/** Booked (confirmed, completed, no-show) appointments and their seconds per day, therapist and room: utilisation. */
export const reportBookedDays = pgTable(
  "report_booked_days",
  {
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    therapistId: uuid("therapist_id").notNull(),
    roomId: uuid("room_id"),
    appointments: integer("appointments").notNull(),
    seconds: numeric("seconds").notNull(),
  },
  (t) => [
    unique("report_booked_days_key").on(t.clinicId, t.day, t.therapistId, t.roomId).nullsNotDistinct(),
    index("report_booked_days_therapist_idx").on(t.clinicId, t.therapistId, t.day),
    index("report_booked_days_empty_idx").on(t.clinicId).where(sql`appointments = 0`),
  ],
);

/**
 * Appointments staff confirmed (the audit log's first `confirm` event), with what the appointments
 * report needs to count requests and the median time to confirm. Kept by migration 0019's triggers
 * on audit_events and appointments; removed with its appointment.
 */
export const reportConfirmations = pgTable(
  "report_confirmations",
  {
    clinicId: clinicId(),
    appointmentId: uuid("appointment_id").notNull(),
    therapistId: uuid("therapist_id").notNull(),
    startsAt: instant("starts_at").notNull(),
    createdAt: instant("created_at").notNull(),
    /** Booked as a request (requested or declined, or with a request expiry). */
    flagged: boolean("flagged").notNull(),
    confirmedAt: instant("confirmed_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.appointmentId] }),
    foreignKey({
      columns: [t.clinicId, t.appointmentId],
      foreignColumns: [appointments.clinicId, appointments.id],
    }).onDelete("cascade"),
    index("report_confirmations_start_idx").on(t.clinicId, t.startsAt),
    index("report_confirmations_therapist_idx").on(t.clinicId, t.therapistId, t.startsAt),
  ],
);

/**
 * Each client's first visit (first completed appointment anywhere in the clinic) and the first
 * booking after it (requested, confirmed, completed or no-show): the clients report's new clients
 * and retention. Kept by migration 0019's trigger on appointments.
 */
export const reportClientFirsts = pgTable(
  "report_client_firsts",
  {
    clinicId: clinicId(),
    // Not named client_id: the erasure purge finds client rows by that column, and these are derived
    // rows that the appointments triggers remove with the client's last appointment (ADR 0024).
    clientRef: uuid("client_ref").notNull(),
    firstVisitAt: instant("first_visit_at").notNull(),
    againAt: instant("again_at"),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.clientRef] }),
    foreignKey({
      columns: [t.clinicId, t.clientRef],
      foreignColumns: [clients.clinicId, clients.id],
    }).onDelete("cascade"),
    index("report_client_firsts_first_idx").on(t.clinicId, t.firstVisitAt),
  ],
);

/**
 * Each local day a client came (a completed appointment), with the client's previous such day: the
 * clients report's distinct clients per week and per range (ADR 0024, amendment "clients"). Kept by
 * the appointments triggers of migration `report_client_weeks`, recomputed per touched client.
 */
export const reportClientDays = pgTable(
  "report_client_days",
  {
    clinicId: clinicId(),
    // client_ref, not client_id: derived rows, removed by the triggers with the client's last visit
    // (and by the foreign key with the client), not by the erasure purge (as report_client_firsts).
    clientRef: uuid("client_ref").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    prevDay: date("prev_day", { mode: "string" }),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.clientRef, t.day] }),
    foreignKey({
      columns: [t.clinicId, t.clientRef],
      foreignColumns: [clients.clinicId, clients.id],
    }).onDelete("cascade"),
    // The range's edge days (partial weeks) are read by day.
    index("report_client_days_day_idx").on(t.clinicId, t.day, t.prevDay),
  ],
);

/**
 * report_client_days counted per local week (Monday) and previous visit day, for the rows that are a
 * client's first day in their week: a week's distinct clients, its new clients (no previous day) and
 * a range's distinct clients (previous day before the range) are sums of a few rows per week.
 * Kept from report_client_days' own changes by triggers on it, so it always equals their count.
 */
export const reportClientWeeks = pgTable(
  "report_client_weeks",
  {
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    week: date("week", { mode: "string" }).notNull(),
    prevDay: date("prev_day", { mode: "string" }),
    clients: integer("clients").notNull(),
  },
  (t) => [
    unique("report_client_weeks_key").on(t.clinicId, t.week, t.prevDay).nullsNotDistinct(),
    index("report_client_weeks_empty_idx").on(t.clinicId).where(sql`clients = 0`),
  ],
);

/**
 * report_client_firsts counted per local day of the first visit: new clients, and those who booked
 * again within the retention period (ADR 0024, amendment "clients"). Kept from report_client_firsts'
 * own changes by triggers on it.
 */
export const reportClientFirstDays = pgTable(
  "report_client_first_days",
  {
    clinicId: clinicId().references(() => clinics.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    clients: integer("clients").notNull(),
    rebooked: integer("rebooked").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.day] }),
    index("report_client_first_days_empty_idx").on(t.clinicId).where(sql`clients = 0`),
  ],
);

/**
 * The outcomes report's steps (docs/decisions/0024-reports-summary.md, amendment "outcomes by
 * steps"): for each client and muscle or region (report_outcome_keys), one row per signed
 * session with a pain score that treated it _after_ an earlier such session: when it was (`at`), when
 * the previous one and the one before that were, and the change in pain from the previous one. The
 * change from a client's first to latest session in a range is the sum of the steps whose previous
 * session lies in the range (the sum telescopes), and the step with no earlier one in the range marks
 * one client. Kept per client by migration 0023's triggers on treatment_sessions and
 * trigger_point_records; never written by application code.
 */
export const reportPainSteps = pgTable(
  "report_pain_steps",
  {
    clinicId: clinicId(),
    // Not client_id: derived rows, removed by the triggers with the client's sessions (as report_client_firsts).
    clientRef: uuid("client_ref").notNull(),
    /** The muscle or region (report_outcome_keys): grouping by a number, not two text columns. */
    keyId: integer("key_id").notNull(),
    at: instant("at").notNull(),
    prevAt: instant("prev_at").notNull(),
    prevPrevAt: instant("prev_prev_at"),
    change: smallint("change").notNull(),
  },
  (t) => [
    foreignKey({
      columns: [t.clinicId, t.clientRef],
      foreignColumns: [clients.clinicId, clients.id],
    }).onDelete("cascade"),
    index("report_pain_steps_client_idx").on(t.clinicId, t.clientRef),
    index("report_pain_steps_prev_idx").on(t.clinicId, t.prevAt),
  ],
);

/**
 * The atlas's region of each muscle (src/core/atlas, `group`), for the outcomes steps computed in the
 * database. A copy of code data: src/server/reports/outcomes-summary.test.ts fails when they differ,
 * and a migration then brings the table up to date (and rebuilds the steps).
 */
export const reportMuscleRegions = pgTable("report_muscle_regions", {
  muscleId: text("muscle_id").primaryKey(),
  region: text("region").notNull(),
});

/** The muscles and regions of report_pain_steps by number; rows are added by its triggers, never removed. */
export const reportOutcomeKeys = pgTable(
  "report_outcome_keys",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: text("kind").notNull(),
    key: text("key").notNull(),
  },
  (t) => [unique("report_outcome_keys_key").on(t.kind, t.key)],
);
