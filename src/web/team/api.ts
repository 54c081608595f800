/** The clinic's staff, as the Team page lists them (one `queryOptions` per key; docs/decisions/0011). */
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { StaffMemberSchema } from "../../core/api/clinic";
import { get } from "../api/client";

export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const teamKeys = { staff: ["staff"] as const };

export const staffQuery = queryOptions({
  queryKey: teamKeys.staff,
  queryFn: () => get<StaffMember[]>("/api/staff"),
});
