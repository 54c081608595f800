/** Helpers for the charting tests (not a test file itself): a demo clinic with every chart role signed in. */
import { and, asc, eq } from "drizzle-orm";
import { hashPassword } from "../auth/passwords";
import {
  appointments,
  clients,
  memberships,
  services,
  therapists,
  treatmentSessions,
  users,
} from "../db/schema";
import { clinicIdBySlug, signInAs } from "../intake/testing";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { OTHER_PASSWORD, seedOtherClinic } from "../testing/fixtures";
import { type Agent, createTestApp, type TestApp } from "../testing/harness";

export interface ChartWorld {
  t: TestApp;
  clinicId: string;
  owner: Agent;
  /** Marcus Bell: treats Jordan (the demo client) and today's 09:00 appointment. */
  treating: Agent;
  /** Priya Nair, given a sign-in here: a therapist of the clinic who did not treat those. */
  otherTherapist: Agent;
  desk: Agent;
  client: Agent;
  otherClinic: Agent;
  jordanId: string;
  /** Jordan's signed, amended consultation (demo data). */
  signedChartId: string;
  /** Marcus's confirmed appointment today (not yet charted). */
  todayAppointmentId: string;
  /** A new confirmed appointment of Marcus with Ben Carter (a chart of its own per call). */
  newAppointment(): Promise<string>;
}

let slot = 0;

export async function openChartWorld(): Promise<ChartWorld> {
  const t = await createTestApp();
  const { db } = t.database;
  await seedDemoClinic(db);
  await seedOtherClinic(db);
  const clinicId = await clinicIdBySlug(db, "demo");
  // Give Priya a sign-in as a therapist.
  const [priya] = await db
    .select()
    .from(therapists)
    .where(and(eq(therapists.clinicId, clinicId), eq(therapists.displayName, "Priya Nair")));
  const [user] = await db
    .insert(users)
    .values({
      email: "priya@knotwork.test",
      name: "Priya Nair",
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })
    .returning();
  if (!priya || !user) throw new Error("no Priya");
  await db.insert(memberships).values({ clinicId, userId: user.id, role: "therapist" });
  await db.update(therapists).set({ userId: user.id }).where(eq(therapists.id, priya.id));

  const [jordan] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.email, "client@knotwork.test")));
  const [marcus] = await db
    .select()
    .from(therapists)
    .where(and(eq(therapists.clinicId, clinicId), eq(therapists.displayName, "Marcus Bell")));
  if (!jordan || !marcus) throw new Error("no demo people");
  const [signed] = await db
    .select({ id: treatmentSessions.id })
    .from(treatmentSessions)
    .where(and(eq(treatmentSessions.clinicId, clinicId), eq(treatmentSessions.clientId, jordan.id)))
    .orderBy(asc(treatmentSessions.createdAt));
  const [today] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        eq(appointments.therapistId, marcus.id),
        eq(appointments.status, "confirmed"),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  if (!signed || !today) throw new Error("demo charting data missing");
  const [ben] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.email, "ben.carter@example.com")));
  const [service] = await db
    .select()
    .from(services)
    .where(and(eq(services.clinicId, clinicId), eq(services.kind, "session")));
  if (!ben || !service) throw new Error("no Ben or service");
  const newAppointment = async () => {
    // Two hours apart, from 120 days ahead: never overlapping the demo's or each other.
    const startsAt = new Date(Date.now() + 120 * 86_400_000 + slot++ * 2 * 3_600_000);
    const endsAt = new Date(startsAt.getTime() + 60 * 60_000);
    const [row] = await db
      .insert(appointments)
      .values({
        clinicId,
        clientId: ben.id,
        therapistId: marcus.id,
        serviceId: service.id,
        status: "confirmed",
        source: "staff",
        startsAt,
        endsAt,
        blocksFrom: startsAt,
        blocksUntil: endsAt,
        firstVisit: false,
      })
      .returning({ id: appointments.id });
    if (!row) throw new Error("no appointment");
    return row.id;
  };
  return {
    newAppointment,
    t,
    clinicId,
    owner: await signInAs(t.app, "owner@knotwork.test"),
    treating: await signInAs(t.app, "therapist@knotwork.test"),
    otherTherapist: await signInAs(t.app, "priya@knotwork.test"),
    desk: await signInAs(t.app, "desk@knotwork.test"),
    client: await signInAs(t.app, "client@knotwork.test"),
    otherClinic: await signInAs(t.app, "owner@other.test", OTHER_PASSWORD),
    jordanId: jordan.id,
    signedChartId: signed.id,
    todayAppointmentId: today.id,
  };
}

/** A point as the chart sends it. */
export function pointBody(muscleId = "upper-trapezius", extra: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID(),
    muscleId,
    side: "left",
    regionId: "neck-posterior-left",
    mapView: "back",
    mapX: 540,
    mapY: 180,
    active: true,
    pressure: "strong",
    comfort: 6,
    holdSeconds: 0,
    twitch: false,
    referralReproduced: ["temple-left"],
    release: null,
    stretchApplied: null,
    ...extra,
  };
}

export function noteBody(extra: Record<string, unknown> = {}) {
  return {
    subjective: "Client reports a headache behind the left eye (canary-subjective-91c2).",
    objective: "Taut band in left upper trapezius.",
    assessment: "Upper trapezius trigger point.",
    plan: "Review in a week.",
    painBefore: 6,
    painAfter: 3,
    consultation: null,
    clientNote: "Stretch twice a day.",
    ...extra,
  };
}
