/**
 * Booking's own queries (the clinic's lists are in clinic/api.ts, appointments in appointments/api.ts).
 */
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { ClientSummarySchema } from "../../core/api/clinic";
import { get } from "../api/client";

export type ClientSummary = z.infer<typeof ClientSummarySchema>;

/** Whether the signed-in client's next booking is a first visit (then it is always a request). */
export const firstVisitQuery = queryOptions({
  queryKey: ["my-first-visit"] as const,
  queryFn: () => get<{ firstVisit: boolean }>("/api/me/first-visit"),
});

/** Clients matching what the desk types (name, phone or e-mail), for the phone booking's picker. */
export function clientSearchQuery(text: string, limit = 8) {
  return queryOptions({
    queryKey: ["clients", "search", text, limit] as const,
    queryFn: () => get<ClientSummary[]>(`/api/clients?limit=${limit}&q=${encodeURIComponent(text)}`),
    enabled: text.length > 0,
  });
}
