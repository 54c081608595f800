/** The clinic reports (docs/decisions/0021-reports.md), one `queryOptions` per report and range. */
import { queryOptions } from "@tanstack/react-query";
import type { ReportName, ReportTypes } from "../../core/api/reports";
import { get } from "../api/client";

export interface ReportFilter {
  from: string;
  to: string;
  therapistId: string | null;
}

function reportQueryString(filter: ReportFilter, format?: "csv"): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.therapistId) params.set("therapistId", filter.therapistId);
  if (format) params.set("format", format);
  return params.toString();
}

export function reportQuery<K extends ReportName>(name: K, filter: ReportFilter) {
  return queryOptions({
    queryKey: ["reports", name, filter.from, filter.to, filter.therapistId] as const,
    queryFn: () => get<ReportTypes[K]>(`/api/reports/${name}?${reportQueryString(filter)}`),
    staleTime: 60_000,
  });
}

/** The CSV download is a plain link: the browser sends the session cookie and saves the file. */
export function reportCsvUrl(name: ReportName, filter: ReportFilter): string {
  return `/api/reports/${name}?${reportQueryString(filter, "csv")}`;
}
