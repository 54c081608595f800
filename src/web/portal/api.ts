/** What the client portal reads (one `queryOptions` per key; docs/decisions/0011). */
import { queryOptions } from "@tanstack/react-query";
import type { Appointment } from "../../core/api/clinic";
import { get } from "../api/client";

const DAY_MS = 86_400_000;
/** The appointments API serves at most 92 days per request: each request asks for that many. */
const PAGE_DAYS = 92;

export const portalKeys = {
  all: ["my-appointments"] as const,
  appointments: (from: number, to: number) => ["my-appointments", from, to] as const,
};

/** The client's own appointments over a range (app/ranges.ts `portalRanges`), a few requests' worth. */
export function myAppointmentsQuery(range: { from: number; to: number }) {
  return queryOptions({
    queryKey: portalKeys.appointments(range.from, range.to),
    queryFn: async () => {
      const pages: Promise<Appointment[]>[] = [];
      for (let start = range.from; start < range.to; start += PAGE_DAYS * DAY_MS) {
        const end = Math.min(start + PAGE_DAYS * DAY_MS, range.to);
        const search = new URLSearchParams({
          from: new Date(start).toISOString(),
          to: new Date(end).toISOString(),
        });
        pages.push(get<Appointment[]>(`/api/appointments?${search}`));
      }
      const seen = new Set<string>();
      return (await Promise.all(pages)).flat().filter((a) => !seen.has(a.id) && seen.add(a.id));
    },
  });
}
