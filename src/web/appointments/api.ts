/**
 * The scheduling API as the web app calls it (contracts: core/api/scheduling.ts and
 * core/scheduling/contract.ts), one `queryOptions` per query key (see docs/decisions/0011).
 * Type-only imports: no zod reaches the browser from here.
 */
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { Appointment } from "../../core/api/clinic";
import type {
  AppointmentDetail,
  OnlineBookingRequest,
  ProposeResponseSchema,
  Readiness,
  StaffBookingRequest,
} from "../../core/api/scheduling";
import type { AvailabilityResponse } from "../../core/scheduling/contract";
import { get, post } from "../api/client";

export type { Appointment, AppointmentDetail, Readiness };
export type ProposeResponse = z.infer<typeof ProposeResponseSchema>;

export interface AvailabilityParams {
  serviceId: string;
  therapistId?: string | null;
  /** Local dates in `zone` (or the clinic's zone when omitted), inclusive. */
  from: string;
  to: string;
  zone?: string;
}

function search(params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return query.toString();
}

const id$ = encodeURIComponent;

export const appointmentKeys = {
  /** Every list and detail: what a booking or status change invalidates. */
  lists: ["appointments"] as const,
  list: (range: { from: string; to: string }) => ["appointments", range.from, range.to] as const,
  detail: (id: string) => ["appointment", id] as const,
  readiness: (id: string) => ["readiness", id] as const,
  availability: (slug: string | null, params: AvailabilityParams) =>
    [
      "availability",
      slug ?? "staff",
      params.serviceId,
      params.therapistId ?? "any",
      params.from,
      params.to,
      params.zone ?? "",
    ] as const,
};

/** Appointments overlapping a range: the clinic's for staff, one's own for a client. */
export function appointmentsQuery(range: { from: string; to: string }) {
  return queryOptions({
    queryKey: appointmentKeys.list(range),
    queryFn: () => get<Appointment[]>(`/api/appointments?${search(range)}`),
  });
}

export function appointmentQuery(id: string) {
  return queryOptions({
    queryKey: appointmentKeys.detail(id),
    queryFn: () => get<AppointmentDetail>(`/api/appointments/${id$(id)}`),
  });
}

/** What still stands before a request can be confirmed (first visits: intake, consent, clearance). */
export function readinessQuery(id: string) {
  return queryOptions({
    queryKey: appointmentKeys.readiness(id),
    queryFn: () => get<Readiness>(`/api/appointments/${id$(id)}/readiness`),
    retry: false,
  });
}

/**
 * Open times: the public search (online rules: notice, horizon, services bookable online) for a
 * clinic's slug, or with `slug: null` the staff search (any active service, no notice, a year ahead).
 * Never cached as fresh: a slot someone else took must not be offered again.
 */
export function availabilityQuery(slug: string | null, params: AvailabilityParams) {
  return queryOptions({
    queryKey: appointmentKeys.availability(slug, params),
    queryFn: () => get<AvailabilityResponse>(availabilityUrl(slug, params)),
    staleTime: 0,
    retry: false,
  });
}

function availabilityUrl(slug: string | null, params: AvailabilityParams): string {
  const path = slug === null ? "/api/clinic/availability" : `/api/public/clinics/${id$(slug)}/availability`;
  const { serviceId, therapistId, from, to, zone } = params;
  return `${path}?${search({ serviceId, therapistId, from, to, zone })}`;
}

/** A signed-in client asks for (or instantly books) a slot found by the availability search. */
export function requestOnline(slug: string, body: OnlineBookingRequest): Promise<AppointmentDetail> {
  return post<AppointmentDetail>(`/api/public/clinics/${id$(slug)}/appointments`, body);
}

/** Staff book a phone call on the same path (an existing client or a new one). */
export function bookByStaff(body: StaffBookingRequest): Promise<AppointmentDetail> {
  return post<AppointmentDetail>("/api/appointments", body);
}

export type AppointmentAction =
  | { kind: "confirm" }
  | { kind: "decline"; reason: string }
  | { kind: "cancel"; reason: string }
  | { kind: "no-show" }
  | { kind: "complete" }
  | { kind: "reschedule"; start: string; therapistId?: string; reason?: string }
  | { kind: "propose"; start: string; therapistId?: string; reason: string };

/** Runs one status change; `propose` answers both appointments, the rest the changed one. */
export function runAction(
  id: string,
  action: AppointmentAction,
): Promise<AppointmentDetail | ProposeResponse> {
  const { kind, ...body } = action;
  return post(`/api/appointments/${id$(id)}/${kind}`, body);
}

/** A status change, refreshing the lists, the appointment and its readiness afterwards. */
export function appointmentActionMutation(queryClient: QueryClient, id: string) {
  return mutationOptions({
    mutationFn: (action: AppointmentAction) => runAction(id, action),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: appointmentKeys.lists });
      void queryClient.invalidateQueries({ queryKey: appointmentKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: appointmentKeys.readiness(id) });
    },
  });
}

/** Staff book by phone; the calendar and lists refresh. */
export function staffBookingMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationFn: bookByStaff,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: appointmentKeys.lists }),
  });
}

/** "Tell me if an earlier time opens": a waitlist entry (service, optional therapist, a window). */
export function joinWaitlist(body: {
  serviceId: string;
  therapistId?: string;
  earliest: string;
  latest: string;
}) {
  return post("/api/waitlist", body);
}

export function icsUrl(id: string): string {
  return `/api/appointments/${id$(id)}/ics`;
}
