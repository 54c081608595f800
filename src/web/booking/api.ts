/**
 * Booking's own queries (the clinic's lists are in clinic/api.ts, appointments in appointments/api.ts).
 */
import { queryOptions } from "@tanstack/react-query";
import { get } from "../api/client";

/** Whether the signed-in client's next booking is a first visit (then it is always a request). */
export const firstVisitQuery = queryOptions({
  queryKey: ["my-first-visit"] as const,
  queryFn: () => get<{ firstVisit: boolean }>("/api/me/first-visit"),
});
