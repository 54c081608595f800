/** The audit log as the owner reads it (one `queryOptions` per key; docs/decisions/0011). */
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { AuditEventSchema } from "../../core/api/clinic";
import { get } from "../api/client";

export type AuditEvent = z.infer<typeof AuditEventSchema>;
export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAt?: number;
  /** What is wrong, in words, when the chain or a checkpoint does not hold. */
  problem?: string;
  /** How many signed checkpoints the chain was compared with. */
  checkpoints: number;
}

export const auditEventsQuery = queryOptions({
  queryKey: ["audit", "events"] as const,
  queryFn: () => get<AuditEvent[]>("/api/audit?limit=200"),
});

/** Re-walks the hash chain on the server. */
export const auditVerificationQuery = queryOptions({
  queryKey: ["audit", "verify"] as const,
  queryFn: () => get<AuditVerification>("/api/audit/verify"),
});
