/** The pain diary's reads and writes (docs/decisions/0011); contract types only, no schemas. */
import { queryOptions } from "@tanstack/react-query";
import type { DiaryEntry } from "../../core/api/plans";
import { get, post } from "../api/client";

export type { DiaryEntry };

export const diaryKeys = {
  all: ["diary"] as const,
  mine: ["diary", "me"] as const,
  client: (clientId: string) => ["diary", "client", clientId] as const,
};

export const myDiaryQuery = queryOptions({
  queryKey: diaryKeys.mine,
  queryFn: () => get<DiaryEntry[]>("/api/me/diary"),
});

export function clientDiaryQuery(clientId: string) {
  return queryOptions({
    queryKey: diaryKeys.client(clientId),
    queryFn: () => get<DiaryEntry[]>(`/api/clients/${clientId}/diary`),
  });
}

export const addDiaryEntry = (body: { regions: { id: string; intensity: number }[]; note?: string }) =>
  post<DiaryEntry>("/api/me/diary", body);
