/**
 * A charted history for one client, for export tests and the records bench: `count` completed
 * weekly visits, each with a session chart (pain before/after), two treated trigger points, a
 * treatment plan, a shared home-care plan (unless the client has one), and diary entries. Written straight to the tables that charting
 * and plans own, with their current columns.
 */
import { and, eq } from "drizzle-orm";
import { buildHomeCarePlan } from "../../core/homecare";
import type { Db } from "../db/connect";
import {
  appointments,
  homeCarePlans,
  painDiaryEntries,
  rooms,
  services,
  therapists,
  treatmentPlans,
  treatmentSessions,
  triggerPointRecords,
} from "../db/schema";

const DAY = 86_400_000;

export async function seedChartedHistory(
  db: Db,
  clinicId: string,
  clientId: string,
  count: number,
  now = new Date(),
): Promise<void> {
  const [therapist] = await db.select().from(therapists).where(eq(therapists.clinicId, clinicId)).limit(1);
  const [room] = await db.select().from(rooms).where(eq(rooms.clinicId, clinicId)).limit(1);
  const [service] = await db
    .select()
    .from(services)
    .where(and(eq(services.clinicId, clinicId), eq(services.kind, "session")))
    .limit(1);
  if (!therapist || !room || !service) throw new Error("the clinic needs a therapist, a room and a service");
  for (let i = 0; i < count; i++) {
    // Weekly, ending a year back, at an odd minute so no real booking can coincide.
    const startsAt = new Date(now.getTime() - 365 * DAY - (count - i) * 7 * DAY + 17 * 60_000);
    const endsAt = new Date(startsAt.getTime() + service.durationMin * 60_000);
    const [appointment] = await db
      .insert(appointments)
      .values({
        clinicId,
        clientId,
        therapistId: therapist.id,
        roomId: room.id,
        serviceId: service.id,
        status: "completed",
        source: "staff",
        startsAt,
        endsAt,
        blocksFrom: startsAt,
        blocksUntil: endsAt,
      })
      .returning({ id: appointments.id });
    const [session] = await db
      .insert(treatmentSessions)
      .values({
        clinicId,
        appointmentId: appointment?.id,
        clientId,
        therapistId: therapist.id,
        consultation: { regions: [{ id: "neck-posterior-left", intensity: 6 }] },
        subjective: "Neck stiff after desk work.",
        painBefore: 6,
        painAfter: 3,
        createdAt: startsAt,
      })
      .returning({ id: treatmentSessions.id });
    if (!session) throw new Error("no session");
    await db.insert(triggerPointRecords).values([
      {
        clinicId,
        sessionId: session.id,
        muscleId: "upper-trapezius",
        side: "left",
        holdSeconds: 30,
        release: "full",
        pressure: "moderate",
        regionId: "neck-posterior-left",
      },
      {
        clinicId,
        sessionId: session.id,
        muscleId: "levator-scapulae",
        side: "left",
        holdSeconds: 45,
        release: "partial",
      },
    ]);
    // Signed last: the database refuses points on a signed note.
    await db.update(treatmentSessions).set({ signedAt: endsAt }).where(eq(treatmentSessions.id, session.id));
  }
  await db.insert(treatmentPlans).values({
    clinicId,
    clientId,
    therapistId: therapist.id,
    serviceId: service.id,
    status: "maintenance",
    plannedSessions: 6,
    maintenanceIntervalWeeks: 4,
    goals: "Turn the head without pain",
    details: {},
  });
  // One home-care plan per client: a client that has one (the demo's Jordan) keeps it.
  await db
    .insert(homeCarePlans)
    .values({
      clinicId,
      clientId,
      items: buildHomeCarePlan(["upper-trapezius", "levator-scapulae"]),
      shared: true,
      sharedAt: now,
    })
    .onConflictDoNothing();
  await db.insert(painDiaryEntries).values([
    {
      clinicId,
      clientId,
      recordedAt: new Date(now.getTime() - 3 * DAY),
      regions: [{ id: "neck-posterior-left", intensity: 4 }],
    },
    {
      clinicId,
      clientId,
      recordedAt: new Date(now.getTime() - DAY),
      regions: [{ id: "temple-left", intensity: 2 }],
      note: "Better",
    },
  ]);
}
