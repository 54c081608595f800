/**
 * The scheduling API as the web app calls it (contracts: core/api/scheduling.ts and
 * core/scheduling/contract.ts). Type-only imports: no zod reaches the browser from here.
 */
import type { z } from "zod";
import type {
  AppointmentDetail,
  OnlineBookingRequest,
  ProposeResponseSchema,
  Readiness,
  StaffBookingRequest,
} from "../../core/api/scheduling";
import type { AvailabilityResponse } from "../../core/scheduling/contract";
import { get, post } from "../api/client";

export type { AppointmentDetail, Readiness };
export type ProposeResponse = z.infer<typeof ProposeResponseSchema>;

export interface AvailabilityParams {
  serviceId: string;
  therapistId?: string | null;
  /** Local dates in `zone` (or the clinic's zone when omitted), inclusive. */
  from: string;
  to: string;
  zone?: string;
}

function query(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  return search.toString();
}

/**
 * Open times: the public search (online rules: notice, horizon, services bookable online) for a
 * clinic's slug, or with `slug: null` the staff search (any active service, no notice, a year ahead).
 */
export function fetchAvailability(
  slug: string | null,
  params: AvailabilityParams,
): Promise<AvailabilityResponse> {
  const path =
    slug === null
      ? "/api/clinic/availability"
      : `/api/public/clinics/${encodeURIComponent(slug)}/availability`;
  return get<AvailabilityResponse>(
    `${path}?${query({
      serviceId: params.serviceId,
      therapistId: params.therapistId,
      from: params.from,
      to: params.to,
      zone: params.zone,
    })}`,
  );
}

/** A signed-in client asks for (or instantly books) a slot found by the availability search. */
export function requestOnline(slug: string, body: OnlineBookingRequest): Promise<AppointmentDetail> {
  return post<AppointmentDetail>(`/api/public/clinics/${encodeURIComponent(slug)}/appointments`, body);
}

/** Staff book a phone call on the same path (an existing client or a new one). */
export function bookByStaff(body: StaffBookingRequest): Promise<AppointmentDetail> {
  return post<AppointmentDetail>("/api/appointments", body);
}

export function fetchAppointment(id: string): Promise<AppointmentDetail> {
  return get<AppointmentDetail>(`/api/appointments/${encodeURIComponent(id)}`);
}

export function fetchReadiness(id: string): Promise<Readiness> {
  return get<Readiness>(`/api/appointments/${encodeURIComponent(id)}/readiness`);
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
  return post(`/api/appointments/${encodeURIComponent(id)}/${kind}`, body);
}

export function icsUrl(id: string): string {
  return `/api/appointments/${encodeURIComponent(id)}/ics`;
}
