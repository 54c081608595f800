/** Erasure requests as the client and the owner read them (one `queryOptions` per key; docs/decisions/0011). */
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { ErasureRequestListSchema, MyErasureRequest } from "../../core/api/records";
import { api, get, post } from "../api/client";

export type ErasureRequestList = z.infer<typeof ErasureRequestListSchema>;

export const erasureKeys = {
  mine: ["my-erasure-request"] as const,
  list: ["erasure-requests"] as const,
};

export const myErasureQuery = queryOptions({
  queryKey: erasureKeys.mine,
  queryFn: () => get<MyErasureRequest>("/api/me/erasure-request"),
});

export const erasureRequestsQuery = queryOptions({
  queryKey: erasureKeys.list,
  queryFn: () => get<ErasureRequestList>("/api/erasure-requests"),
});

export const askForErasure = () => post<MyErasureRequest>("/api/me/erasure-request", { confirm: true });
export const withdrawErasure = () => api<MyErasureRequest>("DELETE", "/api/me/erasure-request");
export const carryOutErasure = (id: string) => post<unknown>(`/api/erasure-requests/${id}/carry-out`);
