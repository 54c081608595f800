/**
 * The charting API as the web app calls it (routes in src/core/api/charting.ts). One `queryOptions`
 * per key; every load is an audited read on the server.
 */
import { queryOptions } from "@tanstack/react-query";
import type {
  AmendChartRequest,
  Chart,
  ChartHistory,
  ChartOpening,
  ChartSaved,
  ClientTimeline,
  CreateChartRequest,
  MySessionSummaries,
  SaveChartRequest,
  UnsignedNotes,
} from "../../core/api/charting";
import { api, get, post } from "../api/client";

const id$ = encodeURIComponent;

export const chartKeys = {
  opening: (appointmentId: string) => ["chart-opening", appointmentId] as const,
  chart: (chartId: string) => ["chart", chartId] as const,
  history: (chartId: string) => ["chart-history", chartId] as const,
  timeline: (clientId: string) => ["client-charts", clientId] as const,
  unsigned: ["charts-unsigned"] as const,
  mine: ["my-sessions"] as const,
};

/** What the chart page opens with: the appointment, its chart (or null) and the prepared summary. */
export function chartOpeningQuery(appointmentId: string) {
  return queryOptions({
    queryKey: chartKeys.opening(appointmentId),
    queryFn: () => get<ChartOpening>(`/api/appointments/${id$(appointmentId)}/chart`),
    retry: false,
    // The page keeps its own working copy while open: refetching under it would only confuse.
    refetchOnWindowFocus: false,
  });
}

export function chartHistoryQuery(chartId: string) {
  return queryOptions({
    queryKey: chartKeys.history(chartId),
    queryFn: () => get<ChartHistory>(`/api/charts/${id$(chartId)}/history`),
    retry: false,
  });
}

export function clientTimelineQuery(clientId: string) {
  return queryOptions({
    queryKey: chartKeys.timeline(clientId),
    queryFn: () => get<ClientTimeline>(`/api/clients/${id$(clientId)}/charts`),
    retry: false,
  });
}

export const unsignedNotesQuery = queryOptions({
  queryKey: chartKeys.unsigned,
  queryFn: () => get<UnsignedNotes>("/api/charts/unsigned"),
  retry: false,
});

export const mySessionsQuery = queryOptions({
  queryKey: chartKeys.mine,
  queryFn: () => get<MySessionSummaries>("/api/me/sessions"),
  retry: false,
});

export function createChart(appointmentId: string, body: CreateChartRequest = {}): Promise<Chart> {
  return post<Chart>(`/api/appointments/${id$(appointmentId)}/chart`, body);
}

export function saveChart(chartId: string, body: SaveChartRequest): Promise<ChartSaved> {
  return api<ChartSaved>("PUT", `/api/charts/${id$(chartId)}`, body);
}

export function getChart(chartId: string): Promise<Chart> {
  return get<Chart>(`/api/charts/${id$(chartId)}`);
}

export function signChart(chartId: string, version: number): Promise<Chart> {
  return post<Chart>(`/api/charts/${id$(chartId)}/sign`, { version });
}

export function amendChart(chartId: string, body: AmendChartRequest): Promise<Chart> {
  return post<Chart>(`/api/charts/${id$(chartId)}/amendments`, body);
}
