import { and, asc, eq, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  ClinicSchema,
  PublicClinicSchema,
  RoomSchema,
  ServiceSchema,
  TherapistSchema,
  UpdateClinicRequestSchema,
  UploadLogoRequestSchema,
} from "../../core/api/clinic";
import { DefaultClinicSchema } from "../../core/api/setup";
import { openingHours } from "../../core/clinic/opening-hours";
import { ANY_ROLE, OWNER, STAFF, scopeOf } from "../auth/access";
import type { Db } from "../db/connect";
import {
  clinicLogos,
  clinics,
  DEFAULT_CLINIC_POLICIES,
  rooms,
  services,
  therapists,
  workingHours,
} from "../db/schema";
import { badRequest, notFound } from "../http/errors";
import { decodeLogo, logoUpdatedAt, logoUrlOf } from "./logo";

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
  const logoUrl = logoUrlOf(clinic.slug, await logoUpdatedAt(db, clinicId));
  // Policies added after a clinic was created take their defaults until the owner sets them.
  return { ...rest, logoUrl, policies: { ...DEFAULT_CLINIC_POLICIES, ...rest.policies } };
}

/** The weekly hours of the clinic's active therapists, as the public page's opening hours. */
async function clinicOpeningHours(db: Db, clinicId: string) {
  const rows = await db
    .select({
      therapistId: workingHours.therapistId,
      weekday: workingHours.weekday,
      startTime: workingHours.startTime,
      endTime: workingHours.endTime,
      isBreak: workingHours.isBreak,
    })
    .from(workingHours)
    .innerJoin(
      therapists,
      and(eq(therapists.clinicId, workingHours.clinicId), eq(therapists.id, workingHours.therapistId)),
    )
    .where(and(eq(workingHours.clinicId, clinicId), eq(therapists.active, true)));
  return openingHours(rows);
}

/**
 * What anyone may read about a clinic, field by field (never a spread of the row, so a column added
 * later is not published by accident): contact, profile, booking policies, services bookable online,
 * therapists' names and bios, and opening hours. No staff e-mail, no internal policies.
 */
async function publicProfile(db: Db, slug: string) {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.slug, slug));
  if (!clinic) throw notFound("Clinic not found.");
  const policies = { ...DEFAULT_CLINIC_POLICIES, ...clinic.policies };
  return {
    slug: clinic.slug,
    name: clinic.name,
    timeZone: clinic.timeZone,
    email: clinic.email,
    phone: clinic.phone,
    address: clinic.address,
    description: clinic.description,
    firstVisitInfo: clinic.firstVisitInfo,
    cancellationPolicy: clinic.cancellationPolicy,
    logoUrl: logoUrlOf(clinic.slug, await logoUpdatedAt(db, clinic.id)),
    policies: {
      minNoticeMin: policies.minNoticeMin,
      horizonDays: policies.horizonDays,
      slotStepMin: policies.slotStepMin,
      cancellationWindowHours: policies.cancellationWindowHours,
      requestExpiryHours: policies.requestExpiryHours,
    },
    services: await listServices(db, clinic.id, true),
    therapists: await listTherapists(db, clinic.id),
    openingHours: await clinicOpeningHours(db, clinic.id),
  };
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
        summary: "A clinic's public page: profile, services bookable online, therapists, opening hours",
        description:
          "No sign-in. Contact details, description and policies the owner wrote, booking policies, services with durations and prices, therapists' names and short bios, and weekly opening hours (when at least one therapist works). Never staff e-mails or internal policies.",
        params: z.object({ slug: z.string().min(1).max(80) }),
        response: { 200: PublicClinicSchema },
      },
    },
    async (request) => publicProfile(db, request.params.slug),
  );

  app.get(
    "/public/clinics/:slug/logo",
    {
      config: { access: "public" },
      schema: {
        tags: ["clinic"],
        summary: "The clinic's logo image (PNG, JPEG or WebP)",
        params: z.object({ slug: z.string().min(1).max(80) }),
        querystring: z.object({ v: z.string().max(20).optional() }),
      },
    },
    async (request, reply) => {
      const [logo] = await db
        .select({ contentType: clinicLogos.contentType, dataBase64: clinicLogos.dataBase64 })
        .from(clinicLogos)
        .innerJoin(clinics, eq(clinics.id, clinicLogos.clinicId))
        .where(eq(clinics.slug, request.params.slug));
      if (!logo) throw notFound("This clinic has no logo.");
      // The URL carries the version (`?v=`), so a changed logo has a new address: cache for a day.
      reply.header("cache-control", "public, max-age=86400");
      reply.header("content-disposition", "inline");
      reply.type(logo.contentType);
      return reply.send(Buffer.from(logo.dataBase64, "base64"));
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
      if (profile.timeZone !== undefined) await assertDatabaseKnowsZone(db, profile.timeZone);
      await db
        .update(clinics)
        .set({ ...profile, policies: { ...current.policies, ...policies } })
        .where(eq(clinics.id, clinicId));
      return loadClinic(db, clinicId);
    },
  );

  app.put(
    "/clinic/logo",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Upload or replace the clinic's logo (owner)",
        description:
          "A `data:` URL of a PNG, JPEG or WebP image under 200 KB; the bytes must be what the URL says.",
        body: UploadLogoRequestSchema,
        response: { 200: ClinicSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      const { contentType, bytes } = decodeLogo(request.body.dataUrl);
      const values = { contentType, dataBase64: bytes.toString("base64"), updatedAt: new Date() };
      await db
        .insert(clinicLogos)
        .values({ clinicId, ...values })
        .onConflictDoUpdate({ target: clinicLogos.clinicId, set: values });
      return loadClinic(db, clinicId);
    },
  );

  app.delete(
    "/clinic/logo",
    {
      config: { access: OWNER },
      schema: {
        tags: ["clinic"],
        summary: "Remove the clinic's logo (owner)",
        response: { 200: ClinicSchema },
      },
    },
    async (request) => {
      const { clinicId } = scopeOf(request);
      await db.delete(clinicLogos).where(eq(clinicLogos.clinicId, clinicId));
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

/**
 * The database computes local days from the clinic's zone (the report summaries' triggers), so a
 * zone the JavaScript runtime knows but the database's time-zone data lacks would make every later
 * appointment write fail: refuse it here, at the field.
 */
async function assertDatabaseKnowsZone(db: Db, zone: string): Promise<void> {
  try {
    await db.execute(sql`SELECT now() AT TIME ZONE ${zone}`);
  } catch {
    throw badRequest(
      "invalid_time_zone",
      "This server does not know that time zone. Choose one such as Europe/Berlin or America/Chicago.",
      "timeZone",
    );
  }
}
