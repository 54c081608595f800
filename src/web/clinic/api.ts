/**
 * The clinic's shared lists, as every page asks for them. The convention for each capability's
 * `api.ts` in src/web:
 *
 * - one `queryOptions` per query key, typed from the API contract in src/core/api, so a key always
 *   holds one shape (`useQuery(therapistsQuery)`, `queryClient.prefetchQuery(therapistsQuery)`,
 *   `queryClient.ensureQueryData(...)` in a route loader);
 * - keys start with the capability (`["clinic", ...]`), so `invalidateQueries({ queryKey: clinicKeys.all })`
 *   refreshes everything a change can affect;
 * - writes are `mutationOptions` (or plain functions) next to the queries they invalidate;
 * - pages never build an `/api/...` URL themselves.
 *
 * Type-only zod imports: the schemas' runtime stays out of pages that only read.
 */
import { mutationOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ClinicSchema,
  PublicClinicSchema,
  RoomSchema,
  ServiceSchema,
  TherapistSchema,
  UpdateClinicRequestSchema,
} from "../../core/api/clinic";
import { api, get, patch } from "../api/client";

export type Clinic = z.infer<typeof ClinicSchema>;
export type PublicClinic = z.infer<typeof PublicClinicSchema>;
export type Service = z.infer<typeof ServiceSchema>;
export type Therapist = z.infer<typeof TherapistSchema>;
export type Room = z.infer<typeof RoomSchema>;
export type UpdateClinicRequest = z.input<typeof UpdateClinicRequestSchema>;

export const clinicKeys = {
  all: ["clinic"] as const,
  profile: ["clinic", "profile"] as const,
  services: ["clinic", "services"] as const,
  therapists: ["clinic", "therapists"] as const,
  rooms: ["clinic", "rooms"] as const,
  public: (slug: string) => ["public-clinic", slug] as const,
};

/** The clinic the signed-in staff member acts in: name, zone, contact, booking policies. */
export const clinicQuery = queryOptions({
  queryKey: clinicKeys.profile,
  queryFn: () => get<Clinic>("/api/clinic"),
});

/** Active services (staff view: every service, bookable online or not). */
export const servicesQuery = queryOptions({
  queryKey: clinicKeys.services,
  queryFn: () => get<Service[]>("/api/clinic/services"),
});

/** Active therapists, calendar order. */
export const therapistsQuery = queryOptions({
  queryKey: clinicKeys.therapists,
  queryFn: () => get<Therapist[]>("/api/clinic/therapists"),
});

/** Active rooms. */
export const roomsQuery = queryOptions({
  queryKey: clinicKeys.rooms,
  queryFn: () => get<Room[]>("/api/clinic/rooms"),
});

/** What anyone may see of a clinic before signing in: services bookable online and therapists. */
export function publicClinicQuery(slug: string) {
  return queryOptions({
    queryKey: clinicKeys.public(slug),
    queryFn: () => get<PublicClinic>(`/api/public/clinics/${encodeURIComponent(slug)}`),
    staleTime: 5 * 60_000,
  });
}

/** Owner edits the clinic's profile or policies; the answer is the whole clinic. */
export function updateClinicMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationFn: (body: UpdateClinicRequest) => patch<Clinic>("/api/clinic", body),
    onSuccess: (clinic) => queryClient.setQueryData(clinicKeys.profile, clinic),
  });
}

/** Owner uploads the logo as a `data:` URL (PNG, JPEG or WebP under 200 KB) or removes it. */
export function logoMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationFn: (dataUrl: string | null) =>
      dataUrl === null
        ? api<Clinic>("DELETE", "/api/clinic/logo")
        : api<Clinic>("PUT", "/api/clinic/logo", { dataUrl }),
    onSuccess: (clinic) => queryClient.setQueryData(clinicKeys.profile, clinic),
  });
}

/** A therapist's short bio on the public page (the owner any, a therapist their own). */
export function therapistBioMutation(queryClient: QueryClient) {
  return mutationOptions({
    mutationFn: ({ therapistId, bio }: { therapistId: string; bio: string }) =>
      api<Therapist>("PUT", `/api/staff/therapists/${encodeURIComponent(therapistId)}/bio`, { bio }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clinicKeys.therapists }),
  });
}
