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
  // Clinic reports (src/server/reports): entity id is the report's name.
  "report",
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
