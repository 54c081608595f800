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
  // Treatment plans, aftercare, home care, diary and progress (src/server/plans).
  "treatment_plan",
  "plan_rule",
  "home_care_plan",
  "check_in",
  "pain_diary",
  "progress",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
