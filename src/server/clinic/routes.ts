import { and, asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ClinicSchema,
  PublicClinicSchema,
  RoomSchema,
  ServiceSchema,
  TherapistSchema,
  UpdateClinicRequestSchema,
} from "../../core/api/clinic";
import { DefaultClinicSchema } from "../../core/api/setup";
import { ANY_ROLE, OWNER, STAFF, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import { clinics, DEFAULT_CLINIC_POLICIES, rooms, services, therapists } from "../db/schema";
import { notFound } from "../http/errors";

function listServices(db: Db, clinicId: string, onlyOnline: boolean) {
  const conditions = [eq(services.clinicId, clinicId), eq(services.active, true)];
  if (onlyOnline) conditions.push(eq(services.bookableOnline, true));
  return db
    .select({
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
    })
    .from(services)
    .where(and(...conditions))
    .orderBy(asc(services.sortOrder), asc(services.durationMin));
}

function listTherapists(db: Db, clinicId: string) {
  return db
    .select({ id: therapists.id, displayName: therapists.displayName, bio: therapists.bio })
    .from(therapists)
    .where(and(eq(therapists.clinicId, clinicId), eq(therapists.active, true)))
    .orderBy(asc(therapists.displayName));
}

export async function loadClinic(db: Db, clinicId: string) {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.id, clinicId));
  if (!clinic) throw notFound("Clinic not found.");
  const { createdAt: _createdAt, ...rest } = clinic;
  // Policies added after a clinic was created take their defaults until the owner sets them.
  return { ...rest, policies: { ...DEFAULT_CLINIC_POLICIES, ...rest.policies } };
}

/**
 * The clinic `/book` and `/sign-up` mean when the URL names none: KNOTWORK_DEFAULT_CLINIC when it
 * exists, else the only clinic, else none (the web app then asks for the clinic's own link).
 */
async function defaultClinic(db: Db, configured: string | null) {
  const summary = { slug: clinics.slug, name: clinics.name, timeZone: clinics.timeZone };
  if (configured) {
    const [chosen] = await db.select(summary).from(clinics).where(eq(clinics.slug, configured));
    if (chosen) return { clinic: chosen, setupNeeded: false };
  }
  const firstTwo = await db.select(summary).from(clinics).orderBy(asc(clinics.createdAt)).limit(2);
  return { clinic: firstTwo.length === 1 ? (firstTwo[0] ?? null) : null, setupNeeded: firstTwo.length === 0 };
}

export const clinicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    "/public/default-clinic",
    {
      config: { access: "public" },
      schema: {
        tags: ["clinic"],
        summary: "The clinic booking and sign-up use when the URL names none",
        description:
          "KNOTWORK_DEFAULT_CLINIC if set and present, else the only clinic; `null` when there are several (use `/c/SLUG/book`).",
        response: { 200: DefaultClinicSchema },
      },
    },
    async () => defaultClinic(db, app.config.defaultClinic),
  );

  app.get(
    "/public/clinics/:slug",
    {
      config: { access: "public" },
      schema: {
        tags: ["clinic"],
        summary: "A clinic's public profile: services bookable online and therapists",
        params: z.object({ slug: z.string().min(1).max(80) }),
        response: { 200: PublicClinicSchema },
      },
    },
    async (request) => {
      const [clinic] = await db.select().from(clinics).where(eq(clinics.slug, request.params.slug));
      if (!clinic) throw notFound("Clinic not found.");
      const { id, createdAt: _createdAt, ...profile } = clinic;
      return {
        ...profile,
        services: await listServices(db, id, true),
        therapists: await listTherapists(db, id),
      };
    },
  );

  app.get(
    "/clinic",
    {
      config: { access: ANY_ROLE },
      schema: { tags: ["clinic"], summary: "The clinic the caller acts in", response: { 200: ClinicSchema } },
    },
    async (request) => loadClinic(db, scopeOf(request).clinicId),
  );

  app.patch(
    "/clinic",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Update the clinic's profile and policies (owner)",
        body: UpdateClinicRequestSchema,
        response: { 200: ClinicSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      const current = await loadClinic(db, clinicId);
      const { policies, ...profile } = request.body;
      await db
        .update(clinics)
        .set({ ...profile, policies: { ...current.policies, ...policies } })
        .where(eq(clinics.id, clinicId));
      return loadClinic(db, clinicId);
    },
  );

  app.get(
    "/clinic/services",
    {
      config: { access: STAFF },
      schema: { tags: ["clinic"], summary: "All active services", response: { 200: z.array(ServiceSchema) } },
    },
    async (request) => listServices(db, scopeOf(request).clinicId, false),
  );

  app.get(
    "/clinic/therapists",
    {
      config: { access: ANY_ROLE },
      schema: { tags: ["clinic"], summary: "Active therapists", response: { 200: z.array(TherapistSchema) } },
    },
    async (request) => listTherapists(db, scopeOf(request).clinicId),
  );

  app.get(
    "/clinic/rooms",
    {
      config: { access: STAFF },
      schema: { tags: ["clinic"], summary: "Active rooms", response: { 200: z.array(RoomSchema) } },
    },
    async (request) =>
      db
        .select({ id: rooms.id, name: rooms.name })
        .from(rooms)
        .where(and(eq(rooms.clinicId, scopeOf(request).clinicId), eq(rooms.active, true)))
        .orderBy(asc(rooms.name)),
  );
};
