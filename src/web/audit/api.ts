/** The audit log as the owner reads it (one `queryOptions` per key; docs/decisions/0011). */
import { queryOptions } from "@tanstack/react-query";
import type { AuditEntry, AuditFilter, AuditFilterOptions, AuditVerification } from "../../core/api/audit";
import { get } from "../api/client";

export type { AuditEntry, AuditFilter, AuditVerification };

export const AUDIT_FILTER_KEYS = ["clientId", "actorUserId", "action", "from", "to"] as const;

/** The filter as a query string (empty values left out), shared by the list and the CSV link. */
export function auditSearch(filter: AuditFilter): string {
  const params = new URLSearchParams();
  for (const key of AUDIT_FILTER_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

export function auditEventsQuery(filter: AuditFilter) {
  const search = auditSearch(filter);
  return queryOptions({
    queryKey: ["audit", "events", search] as const,
    queryFn: () => get<AuditEntry[]>(`/api/audit?limit=200${search ? `&${search}` : ""}`),
  });
}

export const auditFilterOptionsQuery = queryOptions({
  queryKey: ["audit", "filters"] as const,
  queryFn: () => get<AuditFilterOptions>("/api/audit/filters"),
});

/** Re-walks the hash chain on the server (run when the owner asks). */
export const auditVerificationQuery = queryOptions({
  queryKey: ["audit", "verify"] as const,
  queryFn: () => get<AuditVerification>("/api/audit/verify"),
  enabled: false,
});
