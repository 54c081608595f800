/**
 * The audit log's closed vocabulary: every action and every kind of record an audit event may
 * name. A closed list keeps the owner's audit view and any report over it meaningful (no "Read",
 * "read" and "view" for one thing), and the type checker refuses a new word until it is added here.
 */
export const AUDIT_ACTIONS = [
  "read",
  "create",
  "update",
  "delete",
  "sign",
  "export",
  "login",
  "logout",
  // Appointment transitions (src/server/appointments/transitions.ts).
  "confirm",
  "decline",
  "cancel",
  "complete",
  "no-show",
  "reschedule",
  "propose",
  "read-readiness",
  // Charting (src/server/charting).
  "amend",
  "add-hold",
  // Records (F11): erasure of a client's account, and the purge after the retention period.
  "request-erasure",
  "erase",
  "purge",
  // Account security (src/server/auth): second factor, passwords, profile.
  "enrol-two-factor",
  "verify-two-factor",
  "use-recovery-code",
  "change-password",
  "reset-password",
  "update-profile",
  // Intake (src/server/intake): the owner or a therapist entering a client's intake for them (by phone).
  "enter-for-client",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ENTITIES = [
  "session",
  "client",
  "intake",
  "clearance",
  "screening_flags",
  "readiness",
  "consent",
  "consent_version",
  "appointment",
  // Charting (src/server/charting): a chart (treatment session note), one of its trigger points, a
  // client's chart timeline, and the client's own plain-language session summaries.
  "chart",
  "trigger_point",
  "chart_timeline",
  "session_summary",
  // Treatment plans, aftercare, home care, diary and progress (src/server/plans).
  "treatment_plan",
  "plan_rule",
  "home_care_plan",
  "check_in",
  "pain_diary",
  "progress",
  // Records (F11): the FHIR export, erasure requests and the retention purge.
  "fhir_bundle",
  "erasure_request",
  "account",
  "audit_log",
  // Clinic reports (src/server/reports): entity id is the report's name.
  "report",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
