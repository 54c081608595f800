/**
 * The owner's audit viewer (F11): events with the person and client named at read time (the log
 * itself keeps ids only, so erasing a name never breaks the hash chain), filters, and a CSV export.
 */
import { z } from "zod";

export const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  /** The actor's name now (null for the system, or an account since erased). */
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  clientId: z.string().nullable(),
  /** The client's name now (null when the event is about no client, or the client is erased). */
  clientName: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "Use a date like 2026-03-31." });

export const AuditFilterSchema = z.object({
  clientId: z.string().uuid().optional(),
  actorUserId: z.string().uuid().optional(),
  /** One word of the audit vocabulary (src/server/audit/vocabulary.ts). */
  action: z
    .string()
    .regex(/^[a-z-]{1,40}$/, { message: "Choose an action from the list." })
    .optional(),
  /** First day included, in the clinic's time zone. */
  from: LocalDate.optional(),
  /** Last day included, in the clinic's time zone. */
  to: LocalDate.optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditQuerySchema = AuditFilterSchema.extend({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const AuditFilterOptionsSchema = z.object({
  staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.string().nullable() })),
  clients: z.array(z.object({ id: z.string(), name: z.string() })),
  actions: z.array(z.string()),
});
export type AuditFilterOptions = z.infer<typeof AuditFilterOptionsSchema>;

export const AuditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  brokenAt: z.number().optional(),
  problem: z.string().optional(),
  checkpoints: z.number().describe("Signed checkpoints compared (0: none found)"),
  unkeyed: z.number().describe("Events from before the audit key, hashed without it"),
});
export type AuditVerification = z.infer<typeof AuditVerificationSchema>;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A
 * field a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return
 * before one) gets a leading apostrophe, so opening the export cannot run anything (CWE-1236).
 */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows as CSV: CRLF line ends, a header line first. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

export const AUDIT_CSV_HEADER = [
  "event",
  "time (UTC)",
  "local time",
  "who",
  "role",
  "action",
  "record",
  "record id",
  "client",
  "client id",
  "from",
] as const;
