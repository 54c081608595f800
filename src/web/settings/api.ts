/**
 * The owner's settings as the web app reads and writes them: archived services and rooms, a room's
 * upcoming bookings, therapists' weekly hours and time off. The active lists (services, rooms,
 * therapists) and the clinic's policies are the shared queries in ../clinic/api.ts.
 * One `queryOptions` per key (docs/decisions/0011).
 */
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AdminRoomSchema,
  AdminServiceSchema,
  DateOverrideSchema,
  RoomUpcomingSchema,
  TimeOffSchema,
  WeeklyHours,
} from "../../core/api/scheduling";
import { api, get, patch, post } from "../api/client";

export type AdminService = z.infer<typeof AdminServiceSchema>;
export type AdminRoom = z.infer<typeof AdminRoomSchema>;
export type RoomUpcoming = z.infer<typeof RoomUpcomingSchema>;
export type TimeOff = z.infer<typeof TimeOffSchema>;
export type DateOverride = z.infer<typeof DateOverrideSchema>;
export type { WeeklyHours };

const id$ = encodeURIComponent;

export const settingsKeys = {
  archivedServices: ["clinic", "services", "archived"] as const,
  archivedRooms: ["clinic", "rooms", "archived"] as const,
  roomUpcoming: (roomId: string) => ["clinic", "rooms", roomId, "upcoming"] as const,
  hours: (therapistId: string) => ["hours", therapistId] as const,
  timeOff: (therapistId: string) => ["time-off", therapistId] as const,
  /** Every range of one therapist's date overrides (what a change invalidates). */
  overrides: (therapistId: string) => ["overrides", therapistId] as const,
  overridesIn: (therapistId: string, from: string, to: string) =>
    ["overrides", therapistId, from, to] as const,
};

export const archivedServicesQuery = queryOptions({
  queryKey: settingsKeys.archivedServices,
  queryFn: () => get<AdminService[]>("/api/clinic/services/archived"),
});

export const archivedRoomsQuery = queryOptions({
  queryKey: settingsKeys.archivedRooms,
  queryFn: () => get<AdminRoom[]>("/api/clinic/rooms/archived"),
});

/** Requested and confirmed appointments still to come in a room: what archiving it would leave behind. */
export function roomUpcomingQuery(roomId: string) {
  return queryOptions({
    queryKey: settingsKeys.roomUpcoming(roomId),
    queryFn: () => get<RoomUpcoming>(`/api/clinic/rooms/${id$(roomId)}/upcoming`),
    staleTime: 0,
  });
}

export function hoursQuery(therapistId: string) {
  return queryOptions({
    queryKey: settingsKeys.hours(therapistId),
    queryFn: () => get<WeeklyHours>(`/api/clinic/therapists/${id$(therapistId)}/hours`),
  });
}

/** Time off from a month ago to a year ahead. */
export function timeOffQuery(therapistId: string, now = Date.now()) {
  const search = new URLSearchParams({
    from: new Date(now - 30 * 86_400_000).toISOString(),
    to: new Date(now + 366 * 86_400_000).toISOString(),
  });
  return queryOptions({
    queryKey: settingsKeys.timeOff(therapistId),
    queryFn: () => get<TimeOff[]>(`/api/clinic/therapists/${id$(therapistId)}/time-off?${search}`),
  });
}

/** A therapist's date overrides from `from` to `to` (local dates, inclusive). */
export function overridesQuery(therapistId: string, from: string, to: string) {
  const search = new URLSearchParams({ from, to });
  return queryOptions({
    queryKey: settingsKeys.overridesIn(therapistId, from, to),
    queryFn: () => get<DateOverride[]>(`/api/clinic/therapists/${id$(therapistId)}/overrides?${search}`),
  });
}

/** A therapist's time off overlapping `[from, to)` (instants): what one calendar view needs. */
export function timeOffInQuery(therapistId: string, from: string, to: string) {
  const search = new URLSearchParams({ from, to });
  return queryOptions({
    // Under the settings list's key, so adding or removing time off refreshes the calendar too.
    queryKey: [...settingsKeys.timeOff(therapistId), from, to] as const,
    queryFn: () => get<TimeOff[]>(`/api/clinic/therapists/${id$(therapistId)}/time-off?${search}`),
  });
}

export const settingsApi = {
  setOverride: (
    therapistId: string,
    date: string,
    body: { intervals: { start: string; end: string }[]; note?: string },
  ) => api<DateOverride>("PUT", `/api/clinic/therapists/${id$(therapistId)}/overrides/${id$(date)}`, body),
  removeOverride: (therapistId: string, date: string) =>
    api("DELETE", `/api/clinic/therapists/${id$(therapistId)}/overrides/${id$(date)}`),
  saveHours: (therapistId: string, week: WeeklyHours) =>
    api<WeeklyHours>("PUT", `/api/clinic/therapists/${id$(therapistId)}/hours`, week),
  addTimeOff: (therapistId: string, body: { startsAt: string; endsAt: string; reason?: string }) =>
    post<TimeOff>(`/api/clinic/therapists/${id$(therapistId)}/time-off`, body),
  removeTimeOff: (therapistId: string, id: string) =>
    api("DELETE", `/api/clinic/therapists/${id$(therapistId)}/time-off/${id$(id)}`),
  addService: (body: Record<string, unknown>) => post<AdminService>("/api/clinic/services", body),
  updateService: (id: string, body: Record<string, unknown>) =>
    patch<AdminService>(`/api/clinic/services/${id$(id)}`, body),
  archiveService: (id: string) => api<AdminService>("DELETE", `/api/clinic/services/${id$(id)}`),
  addRoom: (name: string) => post<AdminRoom>("/api/clinic/rooms", { name }),
  updateRoom: (id: string, body: { name?: string; active?: boolean }) =>
    patch<AdminRoom>(`/api/clinic/rooms/${id$(id)}`, body),
  archiveRoom: (id: string) => api<AdminRoom>("DELETE", `/api/clinic/rooms/${id$(id)}`),
};
