/**
 * What the treatment-plan pages read and write (one `queryOptions` per key; docs/decisions/0011).
 * Types come from the contract in src/core/api/plans.ts as types only, so no zod schema (nor the
 * atlas data the home-care schema refers to) is bundled with the portal.
 */
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CheckIn,
  MyAftercareSchema,
  MyPlanSchema,
  Plan,
  PlanAlertsSchema,
  PlanCreate,
  PlanSuggestionResponse,
  PlanUpdate,
  SeriesBookResult,
  SeriesOffer,
} from "../../core/api/plans";
import { api, get, post } from "../api/client";

export type MyPlan = z.infer<typeof MyPlanSchema>;
export type ClientPlan = NonNullable<MyPlan["plan"]>;
export type MyAftercare = z.infer<typeof MyAftercareSchema>;
export type AftercareVisit = MyAftercare["visits"][number];
export type PlanAlerts = z.infer<typeof PlanAlertsSchema>;
export type { CheckIn, Plan, PlanSuggestionResponse, SeriesBookResult, SeriesOffer };

export const planKeys = {
  all: ["plans"] as const,
  mine: ["plans", "me"] as const,
  myOffer: (from: string | undefined) => ["plans", "me", "offer", from ?? ""] as const,
  client: (clientId: string) => ["plans", "client", clientId] as const,
  suggestion: (clientId: string) => ["plans", "client", clientId, "suggestion"] as const,
  offer: (planId: string, from: string | undefined) => ["plans", "offer", planId, from ?? ""] as const,
  alerts: ["plans", "alerts"] as const,
  checkIns: (clientId: string) => ["plans", "client", clientId, "check-ins"] as const,
  aftercare: ["plans", "me", "aftercare"] as const,
};

export const myPlanQuery = queryOptions({
  queryKey: planKeys.mine,
  queryFn: () => get<MyPlan>("/api/me/plan"),
});

export const mySeriesOffer = {
  key: (from: string) => planKeys.myOffer(from),
  fetch: (from: string) => get<SeriesOffer>(`/api/me/plan/series-offer?from=${from}`),
};

export const bookMySeries = (starts: string[]) => post<SeriesBookResult>("/api/me/plan/series", { starts });

export const myAftercareQuery = queryOptions({
  queryKey: planKeys.aftercare,
  queryFn: () => get<MyAftercare>("/api/me/aftercare"),
});

export const sendCheckIn = (body: {
  appointmentId: string;
  soreness: number;
  symptoms: string[];
  note: string;
}) => post<CheckIn>("/api/me/check-ins", body);

// ---- Staff.

export function clientPlansQuery(clientId: string) {
  return queryOptions({
    queryKey: planKeys.client(clientId),
    queryFn: () => get<Plan[]>(`/api/clients/${clientId}/plans`),
  });
}

export function planSuggestionQuery(clientId: string) {
  return queryOptions({
    queryKey: planKeys.suggestion(clientId),
    queryFn: () => get<PlanSuggestionResponse>(`/api/clients/${clientId}/plan-suggestion`),
  });
}

export const seriesOffer = (planId: string) => ({
  key: (from: string) => planKeys.offer(planId, from),
  fetch: (from: string) => get<SeriesOffer>(`/api/plans/${planId}/series-offer?from=${from}`),
});

export const bookSeries = (planId: string, starts: string[]) =>
  post<SeriesBookResult>(`/api/plans/${planId}/series`, { starts });

export const createPlan = (clientId: string, body: Partial<PlanCreate>) =>
  post<Plan>(`/api/clients/${clientId}/plans`, body);

export const updatePlan = (planId: string, body: PlanUpdate) =>
  api<Plan>("PATCH", `/api/plans/${planId}`, body);

export const planAlertsQuery = queryOptions({
  queryKey: planKeys.alerts,
  queryFn: () => get<PlanAlerts>("/api/plans/alerts"),
});

export function clientCheckInsQuery(clientId: string) {
  return queryOptions({
    queryKey: planKeys.checkIns(clientId),
    queryFn: () => get<CheckIn[]>(`/api/clients/${clientId}/check-ins`),
  });
}
