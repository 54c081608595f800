/** The clinic's staff, as the Team page lists them (one `queryOptions` per key; docs/decisions/0011). */
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { StaffMemberSchema, TherapistSchema } from "../../core/api/clinic";
import { get } from "../api/client";

export type StaffMember = z.infer<typeof StaffMemberSchema>;

export const teamKeys = { staff: ["staff"] as const, me: ["staff", "therapist", "me"] as const };

export const staffQuery = queryOptions({
  queryKey: teamKeys.staff,
  queryFn: () => get<StaffMember[]>("/api/staff"),
});

/** The signed-in therapist's own row (name, public bio); 404 for someone not on the calendar. */
export const myTherapistQuery = queryOptions({
  queryKey: teamKeys.me,
  queryFn: () => get<z.infer<typeof TherapistSchema>>("/api/staff/therapists/me"),
  retry: false,
});
