/** Progress chart data (docs/decisions/0011); contract types only, no schemas. */
import { queryOptions } from "@tanstack/react-query";
import type { Progress } from "../../core/api/plans";
import { get } from "../api/client";

export type { Progress };

export const progressKeys = {
  all: ["progress"] as const,
  mine: ["progress", "me"] as const,
  client: (clientId: string) => ["progress", "client", clientId] as const,
};

export const myProgressQuery = queryOptions({
  queryKey: progressKeys.mine,
  queryFn: () => get<Progress>("/api/me/progress"),
});

export function clientProgressQuery(clientId: string) {
  return queryOptions({
    queryKey: progressKeys.client(clientId),
    queryFn: () => get<Progress>(`/api/clients/${clientId}/progress`),
  });
}
