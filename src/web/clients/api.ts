/** The client list and one client's record, as staff pages ask for them (docs/decisions/0011). */
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { ClientRecordSchema, ClientSummarySchema } from "../../core/api/clinic";
import { get } from "../api/client";

export type ClientSummary = z.infer<typeof ClientSummarySchema>;
export type ClientRecord = z.infer<typeof ClientRecordSchema>;

/** The owner's home counts clients from one page of the list: the API's largest. */
export const CLIENT_COUNT_LIMIT = 200;

export const clientKeys = {
  all: ["clients"] as const,
  list: (text: string, limit: number) => ["clients", "list", text, limit] as const,
  record: (id: string) => ["client", id] as const,
};

/** Clients matching a search (name, e-mail or phone); every client when `text` is empty. */
export function clientsQuery(text = "", limit = 100) {
  const search = new URLSearchParams({ limit: String(limit) });
  if (text) search.set("q", text);
  return queryOptions({
    queryKey: clientKeys.list(text, limit),
    queryFn: () => get<ClientSummary[]>(`/api/clients?${search}`),
  });
}

export function clientRecordQuery(id: string) {
  return queryOptions({
    queryKey: clientKeys.record(id),
    queryFn: () => get<ClientRecord>(`/api/clients/${encodeURIComponent(id)}`),
    retry: false,
  });
}
