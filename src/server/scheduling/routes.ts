/**
 * Scheduling over HTTP (docs/product.md F4): the availability search, and the owner's administration of
 * what it reads (services, rooms, therapists' weekly hours and breaks, date overrides, time off).
 * Policies (notice, horizon, slot step, windows, expiry) are `PATCH /api/clinic`.
 */
import { and, asc, eq, gte, lt, lte } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ErrorSchema, OkSchema } from "../../core/api/auth";
import { IdParamsSchema } from "../../core/api/clinic";
import {
  AdminRoomSchema,
  AdminServiceSchema,
  AvailabilityQuerySchema,
  AvailabilityResponseSchema,
  DateOverrideRequestSchema,
  DateOverrideSchema,
  DateRangeQuerySchema,
  RoomRequestSchema,
  RoomUpcomingSchema,
  RoomUpdateSchema,
  ServiceRequestSchema,
  ServiceUpdateSchema,
  SlugParamsSchema,
  TherapistDateParamsSchema,
  TherapistItemParamsSchema,
  TimeOffRequestSchema,
  TimeOffSchema,
  TimeRangeQuerySchema,
  WeeklyHoursSchema,
} from "../../core/api/scheduling";
import {
  type AvailabilityQuery,
  availabilityRange,
  displayZoneOf,
  findAvailableSlots,
  toAvailabilityResponse,
} from "../../core/scheduling";
import { OWNER, STAFF, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import { dateOverrides, rooms, services, therapists, timeOff, workingHours } from "../db/schema";
import { badRequest, notFound } from "../http/errors";
import { upcomingInRoom, withUniqueRoomName } from "./rooms";
import { bookingPolicyOf, loadSnapshot, slotQueryOf } from "./schedule";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const serviceColumns = {
  id: services.id,
  kind: services.kind,
  name: services.name,
  description: services.description,
  durationMin: services.durationMin,
  bufferBeforeMin: services.bufferBeforeMin,
  bufferAfterMin: services.bufferAfterMin,
  priceCents: services.priceCents,
  currency: services.currency,
  bookableOnline: services.bookableOnline,
  bookingMode: services.bookingMode,
  needsRoom: services.needsRoom,
  active: services.active,
  sortOrder: services.sortOrder,
};

const roomColumns = { id: rooms.id, name: rooms.name, active: rooms.active };

/** Slots for a query, for clients (`online`: notice, horizon, services bookable online) or staff. */
async function availability(
  db: Db,
  clinicRef: { slug: string } | { clinicId: string },
  query: AvailabilityQuery,
  channel: "online" | "staff",
) {
  if (!UUID.test(query.serviceId))
    throw badRequest("invalid_request", "Not a valid id.", "querystring.serviceId");
  if (query.therapistId !== undefined && !UUID.test(query.therapistId)) {
    throw badRequest("invalid_request", "Not a valid id.", "querystring.therapistId");
  }
  const now = Date.now();
  // Read with a margin wide enough for any zone and any service's blocked span; the exact range
  // needs the clinic's zone and policy, which come with the same read.
  const wide = availabilityRange(query, "UTC");
  const snapshot = await loadSnapshot(db, {
    ...clinicRef,
    serviceId: query.serviceId,
    ...(query.therapistId ? { therapistId: query.therapistId } : {}),
    from: wide.from - 2 * MS_PER_DAY,
    to: wide.to + 2 * MS_PER_DAY,
    now,
  });
  const { clinic, service, schedule } = snapshot;
  if (!clinic) throw notFound("Clinic not found.");
  if (!service?.active || (channel === "online" && !service.bookableOnline)) {
    throw badRequest("unknown_service", "No such service bookable here.", "querystring.serviceId");
  }
  if (query.therapistId && schedule.therapists.length === 0) {
    throw badRequest("unknown_therapist", "No such therapist at this clinic.", "querystring.therapistId");
  }
  const zone = displayZoneOf(query, clinic.timeZone);
  const range = availabilityRange(query, clinic.timeZone);
  const policy =
    channel === "online"
      ? bookingPolicyOf(clinic.policies)
      : { minNoticeMin: 0, horizonDays: 366, stepMin: clinic.policies.slotStepMin };
  const from = Math.max(range.from, now + policy.minNoticeMin * MS_PER_MINUTE);
  const to = Math.min(range.to, now + policy.horizonDays * MS_PER_DAY);
  if (from >= to) return toAvailabilityResponse([], zone);
  const slots = findAvailableSlots(
    slotQueryOf(clinic, service, schedule, {
      from,
      to,
      now,
      policy,
      ...(query.therapistId ? { therapistId: query.therapistId } : {}),
    }),
  );
  return toAvailabilityResponse(slots, zone);
}

async function therapistOf(db: Db, clinicId: string, id: string) {
  const [row] = await db
    .select({ id: therapists.id })
    .from(therapists)
    .where(and(eq(therapists.clinicId, clinicId), eq(therapists.id, id)));
  if (!row) throw notFound("Therapist not found.");
  return row;
}

/** Refuses overlapping intervals within one weekday (they would be ambiguous to edit later). */
function checkNoOverlap(intervals: { weekday?: number; start: string; end: string }[], field: string) {
  const sorted = intervals
    .map((interval, index) => ({ ...interval, index }))
    .sort((a, b) => (a.weekday ?? 0) - (b.weekday ?? 0) || a.start.localeCompare(b.start));
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1];
    const current = sorted[i];
    if (previous && current && previous.weekday === current.weekday && current.start < previous.end) {
      throw badRequest(
        "invalid_request",
        "Intervals on one day must not overlap.",
        `${field}[${current.index}]`,
      );
    }
  }
}

const hhmm = (time: string) => time.slice(0, 5);

/**
 * Anonymous availability searches per IP address: plenty for a person paging through weeks, far
 * below the ~70 a second that saturate a server. Signed-in callers are not counted here.
 */
const ANONYMOUS_SEARCH_LIMIT = {
  max: 60,
  timeWindow: "1 minute",
  allowList: (request: FastifyRequest) => request.caller !== null,
};

type AvailabilityResponse = Awaited<ReturnType<typeof availability>>;

export const schedulingRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  // ---- Availability.

  app.get(
    "/public/clinics/:slug/availability",
    {
      config: { access: "public", rateLimit: ANONYMOUS_SEARCH_LIMIT },
      schema: {
        tags: ["scheduling"],
        summary: "Bookable times for a service, any therapist or one, shown in the client's zone",
        description: [
          "`from`/`to` are days (inclusive, at most 31) in `zone` if given, else the clinic's zone;",
          "`local` strings are in that zone. Only services bookable online; minimum notice, horizon",
          "and slot step are the clinic's policies. Each slot lists every therapist free for it.",
          `Callers without a session get ${ANONYMOUS_SEARCH_LIMIT.max} searches a minute per IP address (then 429);`,
          "identical searches may be answered from a cache a few seconds old.",
        ].join(" "),
        params: SlugParamsSchema,
        querystring: AvailabilityQuerySchema,
        response: { 200: AvailabilityResponseSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const key = JSON.stringify([request.params.slug, request.query]);
      const cached = app.availabilityCache.get(key);
      if (cached) return cached as AvailabilityResponse;
      const answer = await availability(db, { slug: request.params.slug }, request.query, "online");
      app.availabilityCache.set(key, answer);
      return answer;
    },
  );

  app.get(
    "/clinic/availability",
    {
      config: { access: STAFF },
      schema: {
        tags: ["scheduling"],
        summary: "Free times for staff booking: any active service, no minimum notice, a year ahead",
        querystring: AvailabilityQuerySchema,
        response: { 200: AvailabilityResponseSchema, 400: ErrorSchema },
      },
    },
    async (request) => availability(db, { clinicId: scopeOf(request).clinicId }, request.query, "staff"),
  );

  // ---- Services.

  app.get(
    "/clinic/services/archived",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Archived (inactive) services (owner)",
        response: { 200: z.array(AdminServiceSchema) },
      },
    },
    async (request) =>
      db
        .select(serviceColumns)
        .from(services)
        .where(and(eq(services.clinicId, scopeOf(request).clinicId), eq(services.active, false)))
        .orderBy(asc(services.sortOrder), asc(services.name)),
  );

  app.get(
    "/clinic/services/:id",
    {
      config: { access: STAFF },
      schema: {
        tags: ["clinic"],
        summary: "One service, active or archived",
        params: IdParamsSchema,
        response: { 200: AdminServiceSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const [row] = await db
        .select(serviceColumns)
        .from(services)
        .where(and(eq(services.clinicId, scopeOf(request).clinicId), eq(services.id, request.params.id)));
      if (!row) throw notFound("Service not found.");
      return row;
    },
  );

  app.post(
    "/clinic/services",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Add a service (owner)",
        body: ServiceRequestSchema,
        response: { 201: AdminServiceSchema, 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      const [row] = await db
        .insert(services)
        .values({ ...request.body, clinicId: scopeOf(request).clinicId })
        .returning(serviceColumns);
      reply.status(201);
      return row;
    },
  );

  app.patch(
    "/clinic/services/:id",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Change a service (owner); existing appointments keep their times",
        params: IdParamsSchema,
        body: ServiceUpdateSchema,
        response: { 200: AdminServiceSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const changes = request.body;
      const clinicId = scopeOf(request).clinicId;
      const where = and(eq(services.clinicId, clinicId), eq(services.id, request.params.id));
      const [row] =
        Object.keys(changes).length === 0
          ? await db.select(serviceColumns).from(services).where(where)
          : await db.update(services).set(changes).where(where).returning(serviceColumns);
      if (!row) throw notFound("Service not found.");
      return row;
    },
  );

  app.delete(
    "/clinic/services/:id",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Archive a service (owner): no new bookings; past and booked appointments keep it",
        params: IdParamsSchema,
        response: { 200: AdminServiceSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const [row] = await db
        .update(services)
        .set({ active: false })
        .where(and(eq(services.clinicId, scopeOf(request).clinicId), eq(services.id, request.params.id)))
        .returning(serviceColumns);
      if (!row) throw notFound("Service not found.");
      return row;
    },
  );

  // ---- Rooms.

  app.get(
    "/clinic/rooms/archived",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Archived (inactive) rooms (owner)",
        response: { 200: z.array(AdminRoomSchema) },
      },
    },
    async (request) =>
      db
        .select(roomColumns)
        .from(rooms)
        .where(and(eq(rooms.clinicId, scopeOf(request).clinicId), eq(rooms.active, false)))
        .orderBy(asc(rooms.name)),
  );

  app.post(
    "/clinic/rooms",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Add a room (owner)",
        description: "Names are unique in a clinic whatever their case: 409 `room_name_taken` otherwise.",
        body: RoomRequestSchema,
        response: { 201: AdminRoomSchema, 400: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { clinicId } = scopeOf(request);
      const [row] = await withUniqueRoomName(db, clinicId, request.body.name, undefined, () =>
        db
          .insert(rooms)
          .values({ ...request.body, clinicId })
          .returning(roomColumns),
      );
      reply.status(201);
      return row;
    },
  );

  app.patch(
    "/clinic/rooms/:id",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Rename, archive or restore a room (owner)",
        description: "Names are unique in a clinic whatever their case: 409 `room_name_taken` otherwise.",
        params: IdParamsSchema,
        body: RoomUpdateSchema,
        response: { 200: AdminRoomSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      const where = and(eq(rooms.clinicId, clinicId), eq(rooms.id, request.params.id));
      const [row] =
        Object.keys(request.body).length === 0
          ? await db.select(roomColumns).from(rooms).where(where)
          : await withUniqueRoomName(db, clinicId, request.body.name, request.params.id, () =>
              db.update(rooms).set(request.body).where(where).returning(roomColumns),
            );
      if (!row) throw notFound("Room not found.");
      return row;
    },
  );

  app.get(
    "/clinic/rooms/:id/upcoming",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary:
          "Requested and confirmed appointments still to come in a room (owner), asked about before archiving it",
        params: IdParamsSchema,
        response: { 200: RoomUpcomingSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      const [room] = await db
        .select({ id: rooms.id })
        .from(rooms)
        .where(and(eq(rooms.clinicId, clinicId), eq(rooms.id, request.params.id)));
      if (!room) throw notFound("Room not found.");
      return upcomingInRoom(db, clinicId, room.id);
    },
  );

  app.delete(
    "/clinic/rooms/:id",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Archive a room (owner): no new bookings use it; booked appointments keep it",
        params: IdParamsSchema,
        response: { 200: AdminRoomSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const [row] = await db
        .update(rooms)
        .set({ active: false })
        .where(and(eq(rooms.clinicId, scopeOf(request).clinicId), eq(rooms.id, request.params.id)))
        .returning(roomColumns);
      if (!row) throw notFound("Room not found.");
      return row;
    },
  );

  // ---- Weekly hours and breaks.

  const readHours = async (clinicId: string, therapistId: string) => {
    const rows = await db
      .select({
        weekday: workingHours.weekday,
        start: workingHours.startTime,
        end: workingHours.endTime,
        isBreak: workingHours.isBreak,
      })
      .from(workingHours)
      .where(and(eq(workingHours.clinicId, clinicId), eq(workingHours.therapistId, therapistId)))
      .orderBy(asc(workingHours.weekday), asc(workingHours.startTime));
    const toInterval = (r: (typeof rows)[number]) => ({
      weekday: r.weekday,
      start: hhmm(r.start),
      end: hhmm(r.end),
    });
    return {
      hours: rows.filter((r) => !r.isBreak).map(toInterval),
      breaks: rows.filter((r) => r.isBreak).map(toInterval),
    };
  };

  app.get(
    "/clinic/therapists/:id/hours",
    {
      config: { access: STAFF },
      schema: {
        tags: ["clinic"],
        summary: "A therapist's weekly working hours and breaks (clinic-local times)",
        params: IdParamsSchema,
        response: { 200: WeeklyHoursSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      await therapistOf(db, clinicId, request.params.id);
      return readHours(clinicId, request.params.id);
    },
  );

  app.put(
    "/clinic/therapists/:id/hours",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Replace a therapist's whole week of hours and breaks (owner)",
        description:
          "Atomic: the old week is replaced in one transaction. Booked appointments are kept even if they now fall outside the hours.",
        params: IdParamsSchema,
        body: WeeklyHoursSchema,
        response: { 200: WeeklyHoursSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      const therapistId = request.params.id;
      await therapistOf(db, clinicId, therapistId);
      const { hours, breaks } = request.body;
      checkNoOverlap(hours, "hours");
      checkNoOverlap(breaks, "breaks");
      await db.transaction(async (tx) => {
        await tx
          .delete(workingHours)
          .where(and(eq(workingHours.clinicId, clinicId), eq(workingHours.therapistId, therapistId)));
        const rows = [
          ...hours.map((h) => ({ ...h, isBreak: false })),
          ...breaks.map((b) => ({ ...b, isBreak: true })),
        ].map((h) => ({
          clinicId,
          therapistId,
          weekday: h.weekday,
          startTime: h.start,
          endTime: h.end,
          isBreak: h.isBreak,
        }));
        if (rows.length > 0) await tx.insert(workingHours).values(rows);
      });
      return readHours(clinicId, therapistId);
    },
  );

  // ---- Date overrides.

  app.get(
    "/clinic/therapists/:id/overrides",
    {
      config: { access: STAFF },
      schema: {
        tags: ["clinic"],
        summary: "A therapist's date overrides between two dates (inclusive)",
        params: IdParamsSchema,
        querystring: DateRangeQuerySchema,
        response: { 200: z.array(DateOverrideSchema), 404: ErrorSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      await therapistOf(db, clinicId, request.params.id);
      return db
        .select({ date: dateOverrides.date, intervals: dateOverrides.intervals, note: dateOverrides.note })
        .from(dateOverrides)
        .where(
          and(
            eq(dateOverrides.clinicId, clinicId),
            eq(dateOverrides.therapistId, request.params.id),
            gte(dateOverrides.date, request.query.from),
            lte(dateOverrides.date, request.query.to),
          ),
        )
        .orderBy(asc(dateOverrides.date));
    },
  );

  app.put(
    "/clinic/therapists/:id/overrides/:date",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Set a date's hours for a therapist, replacing that day's weekly hours and breaks (owner)",
        params: TherapistDateParamsSchema,
        body: DateOverrideRequestSchema,
        response: { 200: DateOverrideSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      const { id: therapistId, date } = request.params;
      await therapistOf(db, clinicId, therapistId);
      const { intervals, note } = request.body;
      checkNoOverlap(intervals, "intervals");
      const sorted = [...intervals].sort((a, b) => a.start.localeCompare(b.start));
      const [row] = await db
        .insert(dateOverrides)
        .values({ clinicId, therapistId, date, intervals: sorted, note: note || null })
        .onConflictDoUpdate({
          target: [dateOverrides.clinicId, dateOverrides.therapistId, dateOverrides.date],
          set: { intervals: sorted, note: note || null },
        })
        .returning({
          date: dateOverrides.date,
          intervals: dateOverrides.intervals,
          note: dateOverrides.note,
        });
      return row;
    },
  );

  app.delete(
    "/clinic/therapists/:id/overrides/:date",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Remove a date override: the weekly hours apply again (owner)",
        params: TherapistDateParamsSchema,
        response: { 200: OkSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      const deleted = await db
        .delete(dateOverrides)
        .where(
          and(
            eq(dateOverrides.clinicId, clinicId),
            eq(dateOverrides.therapistId, request.params.id),
            eq(dateOverrides.date, request.params.date),
          ),
        )
        .returning({ id: dateOverrides.id });
      if (deleted.length === 0) throw notFound("No override on that date.");
      return { ok: true as const };
    },
  );

  // ---- Time off.

  const timeOffColumns = {
    id: timeOff.id,
    startsAt: timeOff.startsAt,
    endsAt: timeOff.endsAt,
    reason: timeOff.reason,
  };
  const toTimeOff = (row: { id: string; startsAt: Date; endsAt: Date; reason: string | null }) => ({
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    reason: row.reason,
  });

  app.get(
    "/clinic/therapists/:id/time-off",
    {
      config: { access: STAFF },
      schema: {
        tags: ["clinic"],
        summary: "A therapist's time off overlapping a range of instants",
        params: IdParamsSchema,
        querystring: TimeRangeQuerySchema,
        response: { 200: z.array(TimeOffSchema), 404: ErrorSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      await therapistOf(db, clinicId, request.params.id);
      const rows = await db
        .select(timeOffColumns)
        .from(timeOff)
        .where(
          and(
            eq(timeOff.clinicId, clinicId),
            eq(timeOff.therapistId, request.params.id),
            lt(timeOff.startsAt, new Date(request.query.to)),
            gte(timeOff.endsAt, new Date(request.query.from)),
          ),
        )
        .orderBy(asc(timeOff.startsAt));
      return rows.map(toTimeOff);
    },
  );

  app.post(
    "/clinic/therapists/:id/time-off",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Add time off for a therapist (owner); booked appointments are kept",
        params: IdParamsSchema,
        body: TimeOffRequestSchema,
        response: { 201: TimeOffSchema, 400: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (request, reply) => {
      const { clinicId } = scopeOf(request);
      await therapistOf(db, clinicId, request.params.id);
      const [row] = await db
        .insert(timeOff)
        .values({
          clinicId,
          therapistId: request.params.id,
          startsAt: new Date(request.body.startsAt),
          endsAt: new Date(request.body.endsAt),
          reason: request.body.reason || null,
        })
        .returning(timeOffColumns);
      if (!row) throw new Error("time off insert returned nothing");
      reply.status(201);
      return toTimeOff(row);
    },
  );

  app.delete(
    "/clinic/therapists/:id/time-off/:itemId",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Remove time off (owner)",
        params: TherapistItemParamsSchema,
        response: { 200: OkSchema, 404: ErrorSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      const deleted = await db
        .delete(timeOff)
        .where(
          and(
            eq(timeOff.clinicId, clinicId),
            eq(timeOff.therapistId, request.params.id),
            eq(timeOff.id, request.params.itemId),
          ),
        )
        .returning({ id: timeOff.id });
      if (deleted.length === 0) throw notFound("Time off not found.");
      return { ok: true as const };
    },
  );
};
