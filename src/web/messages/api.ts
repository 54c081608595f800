/** What the message centre reads and writes (F8; one `queryOptions` per key, docs/decisions/0011). */
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ContactPreferencesSchema,
  MessageStatus,
  MessagesOverviewSchema,
  PortalMessagesSchema,
} from "../../core/api/notify";
import { api, get } from "../api/client";

export type PortalMessages = z.infer<typeof PortalMessagesSchema>;
export type ContactPreferences = z.infer<typeof ContactPreferencesSchema>;
export type MessagesOverview = z.infer<typeof MessagesOverviewSchema>;

export const messageKeys = {
  mine: ["my-messages"] as const,
  preferences: ["contact-preferences"] as const,
  overview: (filter: { status: string; kind: string; clientId: string }) =>
    ["messages-overview", filter.status, filter.kind, filter.clientId] as const,
};

export const myMessagesQuery = queryOptions({
  queryKey: messageKeys.mine,
  queryFn: () => get<PortalMessages>("/api/portal/messages"),
});

export const myPreferencesQuery = queryOptions({
  queryKey: messageKeys.preferences,
  queryFn: () => get<ContactPreferences>("/api/portal/contact-preferences"),
});

export function updatePreferencesMutation(queryClient: QueryClient) {
  return {
    mutationFn: (change: Partial<ContactPreferences>) =>
      api<ContactPreferences>("PUT", "/api/portal/contact-preferences", change),
    onSuccess: (data: ContactPreferences) => queryClient.setQueryData(messageKeys.preferences, data),
  };
}

/** The owner's filters: a status, a kind, one client (each optional). */
export interface MessagesFilter {
  status: MessageStatus | "";
  kind: string;
  clientId: string;
}

export function messagesOverviewQuery(filter: MessagesFilter) {
  const search = new URLSearchParams();
  if (filter.status) search.set("status", filter.status);
  if (filter.kind) search.set("kind", filter.kind);
  if (filter.clientId) search.set("clientId", filter.clientId);
  const query = search.toString();
  return queryOptions({
    queryKey: messageKeys.overview(filter),
    queryFn: () => get<MessagesOverview>(`/api/notify/messages${query ? `?${query}` : ""}`),
  });
}
