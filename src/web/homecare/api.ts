/** What the home-care pages read and write (docs/decisions/0011); contract types only, no schemas. */
import { queryOptions } from "@tanstack/react-query";
import type { HomeCareItemBody, HomeCarePlan } from "../../core/api/plans";
import { api, get } from "../api/client";

export type { HomeCareItemBody, HomeCarePlan };

export const homeCareKeys = {
  all: ["home-care"] as const,
  mine: ["home-care", "me"] as const,
  client: (clientId: string) => ["home-care", "client", clientId] as const,
  suggested: (clientId: string) => ["home-care", "client", clientId, "suggested"] as const,
};

export const MY_HANDOUT_URL = "/api/me/home-care.pdf";
export const clientHandoutUrl = (clientId: string) => `/api/clients/${clientId}/home-care.pdf`;

export const myHomeCareQuery = queryOptions({
  queryKey: homeCareKeys.mine,
  queryFn: () => get<{ plan: HomeCarePlan | null }>("/api/me/home-care"),
});

export function clientHomeCareQuery(clientId: string) {
  return queryOptions({
    queryKey: homeCareKeys.client(clientId),
    queryFn: () => get<HomeCarePlan>(`/api/clients/${clientId}/home-care`),
  });
}

export function suggestedHomeCareQuery(clientId: string) {
  return queryOptions({
    queryKey: homeCareKeys.suggested(clientId),
    queryFn: () => get<HomeCareItemBody[]>(`/api/clients/${clientId}/home-care/suggested`),
  });
}

export const saveHomeCare = (clientId: string, body: { items: HomeCareItemBody[]; shared: boolean }) =>
  api<HomeCarePlan>("PUT", `/api/clients/${clientId}/home-care`, body);
