/**
 * Demo data for treatment plans, home care, the pain diary and check-ins (F7), so every screen shows
 * something real: Jordan Lee (client@knotwork.test) is half-way through a plan with a shared home-care
 * plan and weeks of diary entries; Alex Morgan finished a course and is in maintenance with a clear
 * improvement; Ben Carter's course is done with little change (a re-assessment prompt).
 *
 * Runs after the charting demo (if any): a completed visit that already has a charted session keeps
 * it, and only visits without one get the minimal session written here, so nothing is charted twice.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { buildHomeCarePlan } from "../../core/homecare";
import { instantToLocal, localToInstant } from "../../core/scheduling";
import type { Db } from "../db/connect";
import {
  appointments,
  clients,
  homeCarePlans,
  painDiaryEntries,
  rooms,
  services,
  sorenessCheckIns,
  therapists,
  treatmentPlanAppointments,
  treatmentPlans,
  treatmentSessions,
  triggerPointRecords,
} from "../db/schema";

const ZONE = "America/Boise";
const DAY = 86_400_000;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The weekday on or before `date` (demo visits fall on working days). */
function weekdayOnOrBefore(date: string): string {
  let d = date;
  for (;;) {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) return d;
    d = addDays(d, -1);
  }
}

function boise(date: string, time: string): Date {
  const result = localToInstant(date, time, ZONE);
  if (!result.ok) throw new Error(`demo time ${date} ${time} does not exist`);
  return new Date(result.instant);
}

interface Point {
  muscleId: string;
  side: "left" | "right" | null;
  release: "full" | "partial" | "none";
}

interface SessionSpec {
  painBefore: number;
  painAfter: number;
  points: Point[];
  regions: { id: string; intensity: number }[];
  rom: { movement: string; side: string; degrees: number }[];
}

/** The charted session of a visit: the existing one (charting demo), else a minimal one written now. */
async function ensureSession(
  tx: Db,
  visit: { id: string; clinicId: string; clientId: string; therapistId: string; startsAt: Date },
  spec: SessionSpec,
): Promise<void> {
  const [existing] = await tx
    .select({ id: treatmentSessions.id })
    .from(treatmentSessions)
    .where(
      and(eq(treatmentSessions.clinicId, visit.clinicId), eq(treatmentSessions.appointmentId, visit.id)),
    );
  if (existing) return;
  const [session] = await tx
    .insert(treatmentSessions)
    .values({
      clinicId: visit.clinicId,
      appointmentId: visit.id,
      clientId: visit.clientId,
      therapistId: visit.therapistId,
      consultation: { regions: spec.regions, rom: spec.rom },
      subjective: "Demo session.",
      painBefore: spec.painBefore,
      painAfter: spec.painAfter,
      createdAt: visit.startsAt,
      updatedAt: visit.startsAt,
    })
    .returning({ id: treatmentSessions.id });
  if (!session) return;
  await tx.insert(triggerPointRecords).values(
    spec.points.map((p) => ({
      clinicId: visit.clinicId,
      sessionId: session.id,
      muscleId: p.muscleId,
      side: p.side,
      release: p.release,
      holdSeconds: 30,
      createdAt: visit.startsAt,
    })),
  );
  // Signed last: a signed note's points can no longer be added (the sign lock in the database).
  await tx
    .update(treatmentSessions)
    .set({ signedAt: new Date(visit.startsAt.getTime() + 3_600_000) })
    .where(eq(treatmentSessions.id, session.id));
}

const NECK: Point[] = [
  { muscleId: "upper-trapezius", side: "left", release: "full" },
  { muscleId: "levator-scapulae", side: "left", release: "partial" },
  { muscleId: "suboccipitals", side: null, release: "none" },
];
const LOW_BACK: Point[] = [
  { muscleId: "quadratus-lumborum", side: "right", release: "full" },
  { muscleId: "gluteus-medius", side: "right", release: "partial" },
];

function neckSession(pain: number, rotation: number, released = true): SessionSpec {
  return {
    painBefore: pain,
    painAfter: Math.max(0, pain - 3),
    points: NECK.map((p) => ({ ...p, release: released ? p.release : "none" })),
    regions: [
      { id: "neck-posterior-left", intensity: pain },
      { id: "temple-left", intensity: Math.max(0, pain - 2) },
    ],
    rom: [{ movement: "Neck rotation", side: "left", degrees: rotation }],
  };
}

function backSession(pain: number, flexion: number): SessionSpec {
  return {
    painBefore: pain,
    painAfter: Math.max(0, pain - 2),
    points: LOW_BACK,
    regions: [{ id: "back-low-right", intensity: pain }],
    rom: [{ movement: "Trunk flexion", side: "both", degrees: flexion }],
  };
}

export async function seedDemoPlans(tx: Db, clinicId: string, now: Date): Promise<void> {
  const clientRows = await tx.select().from(clients).where(eq(clients.clinicId, clinicId));
  const therapistRows = await tx.select().from(therapists).where(eq(therapists.clinicId, clinicId));
  const serviceRows = await tx.select().from(services).where(eq(services.clinicId, clinicId));
  const roomRows = await tx.select().from(rooms).where(eq(rooms.clinicId, clinicId));
  const client = (email: string) => clientRows.find((c) => c.email === email);
  const jordan = client("client@knotwork.test");
  const alex = client("alex.morgan@example.com");
  const ben = client("ben.carter@example.com");
  const marcus = therapistRows.find((t) => t.displayName === "Marcus Bell");
  const priya = therapistRows.find((t) => t.displayName === "Priya Nair");
  const session60 = serviceRows.find((s) => s.name.includes("60 min"));
  const room = roomRows[0];
  if (!jordan || !alex || !ben || !marcus || !priya || !session60 || !room) return;
  const today = instantToLocal(now.getTime(), ZONE).date;
  const duration = session60.durationMin;
  const serviceId = session60.id;
  const roomId = room.id;

  /** A completed visit in the past (no holding status, so it blocks nothing). */
  async function pastVisit(clientId: string, therapistId: string, date: string, time: string) {
    const startsAt = boise(weekdayOnOrBefore(date), time);
    const endsAt = new Date(startsAt.getTime() + duration * 60_000);
    const [row] = await tx
      .insert(appointments)
      .values({
        clinicId,
        clientId,
        therapistId,
        roomId,
        serviceId,
        status: "completed",
        source: "phone",
        startsAt,
        endsAt,
        blocksFrom: startsAt,
        blocksUntil: endsAt,
      })
      .returning();
    if (!row) throw new Error("demo visit insert returned nothing");
    return row;
  }

  async function diary(
    clientId: string,
    entries: { daysAgo: number; regions: { id: string; intensity: number }[]; note?: string }[],
  ) {
    await tx.insert(painDiaryEntries).values(
      entries.map((e) => ({
        clinicId,
        clientId,
        recordedAt: boise(addDays(today, -e.daysAgo), "20:00"),
        regions: e.regions,
        note: e.note ?? null,
      })),
    );
  }

  async function shareHomeCare(clientId: string, muscleIds: string[]) {
    await tx.insert(homeCarePlans).values({
      clinicId,
      clientId,
      items: buildHomeCarePlan(muscleIds),
      shared: true,
      sharedAt: new Date(now.getTime() - 3 * DAY),
    });
  }

  // ---- Jordan: a plan in progress (2 of 4 done, the next booked), shared home care, weeks of diary.
  const jordanVisits = await tx
    .select()
    .from(appointments)
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.clientId, jordan.id)))
    .orderBy(asc(appointments.startsAt));
  const completed = jordanVisits.filter((v) => v.status === "completed");
  const specs = [neckSession(7, 50), neckSession(5, 60)];
  for (const [index, visit] of completed.entries())
    await ensureSession(tx, visit, specs[Math.min(index, 1)] as SessionSpec);
  const firstVisit = completed[0] ?? jordanVisits[0];
  const jordanStart = firstVisit
    ? instantToLocal(firstVisit.startsAt.getTime(), ZONE).date
    : addDays(today, -7);
  const [jordanPlan] = await tx
    .insert(treatmentPlans)
    .values({
      clinicId,
      clientId: jordan.id,
      plannedSessions: 4,
      maintenanceIntervalWeeks: 4,
      sessionIntervalDays: 7,
      details: {
        suggestion: {
          band: "course",
          chronic: true,
          severe: true,
          sessions: 5,
          sessionIntervalDays: 7,
          maintenanceIntervalWeeks: 3,
          pain: 7,
          reasons: ["Pain for 180 days: chronic (from 90 days).", "Pain 7/10: severe (from 7)."],
        },
      },
      therapistId: marcus.id,
      serviceId: session60.id,
      status: "active",
      goals:
        "Turn my head to check the blind spot without pain, and get through a work day without a headache.",
      notes: "Left levator responds well; keep an eye on desk set-up.",
      startsOn: jordanStart,
      baselinePain: 7,
    })
    .returning();
  if (jordanPlan) {
    const upcoming = jordanVisits.filter(
      (v) => v.startsAt > now && (v.status === "confirmed" || v.status === "requested"),
    );
    const linked = [...completed, ...upcoming].map((v) => ({
      clinicId,
      planId: jordanPlan.id,
      appointmentId: v.id,
    }));
    if (linked.length > 0) await tx.insert(treatmentPlanAppointments).values(linked).onConflictDoNothing();
  }
  const jordanMuscles = await treatedMuscles(tx, clinicId, jordan.id);
  await shareHomeCare(jordan.id, jordanMuscles.length > 0 ? jordanMuscles : NECK.map((p) => p.muscleId));
  await diary(
    jordan.id,
    [35, 30, 26, 21, 17, 13, 10, 6, 4, 1].map((daysAgo, i) => ({
      daysAgo,
      regions: [
        { id: "neck-posterior-left", intensity: Math.max(2, 7 - Math.floor(i / 2)) },
        { id: "temple-left", intensity: Math.max(1, 5 - Math.floor(i / 3)) },
      ],
      ...(i === 0 ? { note: "Headache after a long week at the screen" } : {}),
      ...(i === 7 ? { note: "Better after the stretches" } : {}),
    })),
  );
  const lastCompleted = completed.at(-1);
  if (lastCompleted)
    await tx.insert(sorenessCheckIns).values({
      clinicId,
      clientId: jordan.id,
      appointmentId: lastCompleted.id,
      soreness: 3,
      symptoms: [],
      note: "A little sore, like after the gym.",
      flags: [],
      flagged: false,
      answeredAt: new Date(lastCompleted.startsAt.getTime() + DAY),
    });

  // ---- Alex: a finished course of 4 with Priya, now in maintenance; pain 8 → 3; a recent maintenance visit.
  const alexSpecs = [backSession(8, 40), backSession(6, 55), backSession(4, 70), backSession(3, 80)];
  const alexVisits = [];
  for (const [i, spec] of alexSpecs.entries()) {
    const visit = await pastVisit(alex.id, priya.id, addDays(today, -56 + i * 7), "10:00");
    await ensureSession(tx, visit, spec);
    alexVisits.push(visit);
  }
  const maintenance = await pastVisit(alex.id, priya.id, addDays(today, -2), "08:00");
  await ensureSession(tx, maintenance, backSession(2, 85));
  const [alexPlan] = await tx
    .insert(treatmentPlans)
    .values({
      clinicId,
      clientId: alex.id,
      plannedSessions: 4,
      maintenanceIntervalWeeks: 4,
      sessionIntervalDays: 7,
      details: {},
      therapistId: priya.id,
      serviceId: session60.id,
      status: "maintenance",
      goals: "Pick up my kids and garden on weekends without my back seizing.",
      startsOn: instantToLocal((alexVisits[0] as { startsAt: Date }).startsAt.getTime(), ZONE).date,
      baselinePain: 8,
    })
    .returning();
  if (alexPlan)
    await tx
      .insert(treatmentPlanAppointments)
      .values(alexVisits.map((v) => ({ clinicId, planId: alexPlan.id, appointmentId: v.id })));
  await shareHomeCare(
    alex.id,
    LOW_BACK.map((p) => p.muscleId),
  );
  await diary(
    alex.id,
    [55, 48, 41, 34, 27, 20, 10].map((daysAgo, i) => ({
      daysAgo,
      regions: [{ id: "back-low-right", intensity: Math.max(1, 8 - i) }],
    })),
  );
  await tx.insert(sorenessCheckIns).values({
    clinicId,
    clientId: alex.id,
    appointmentId: maintenance.id,
    soreness: 7,
    symptoms: ["bruising"],
    note: "Bruise on the right hip where the ball went.",
    flags: ["severe-soreness", "bruising"],
    flagged: true,
    answeredAt: new Date(maintenance.startsAt.getTime() + DAY),
  });

  // ---- Ben: a course of 2 with Marcus done, pain 7 → 6: the therapist is prompted to re-assess.
  const benVisits = [];
  for (const [i, pain] of [7, 6].entries()) {
    const visit = await pastVisit(ben.id, marcus.id, addDays(today, -24 + i * 10), "15:00");
    await ensureSession(tx, visit, neckSession(pain, 55 + i * 3, false));
    benVisits.push(visit);
  }
  const [benPlan] = await tx
    .insert(treatmentPlans)
    .values({
      clinicId,
      clientId: ben.id,
      plannedSessions: 2,
      maintenanceIntervalWeeks: 6,
      sessionIntervalDays: 10,
      details: {},
      therapistId: marcus.id,
      serviceId: session60.id,
      status: "active",
      goals: "Sleep through the night without neck pain.",
      startsOn: instantToLocal((benVisits[0] as { startsAt: Date }).startsAt.getTime(), ZONE).date,
      baselinePain: 7,
    })
    .returning();
  if (benPlan)
    await tx
      .insert(treatmentPlanAppointments)
      .values(benVisits.map((v) => ({ clinicId, planId: benPlan.id, appointmentId: v.id })));
}

/** The muscles charted for a client so far, in the order first treated. */
async function treatedMuscles(tx: Db, clinicId: string, clientId: string): Promise<string[]> {
  const sessions = await tx
    .select({ id: treatmentSessions.id })
    .from(treatmentSessions)
    .where(and(eq(treatmentSessions.clinicId, clinicId), eq(treatmentSessions.clientId, clientId)));
  if (sessions.length === 0) return [];
  const points = await tx
    .select({ muscleId: triggerPointRecords.muscleId })
    .from(triggerPointRecords)
    .where(
      and(
        eq(triggerPointRecords.clinicId, clinicId),
        inArray(
          triggerPointRecords.sessionId,
          sessions.map((s) => s.id),
        ),
      ),
    )
    .orderBy(asc(triggerPointRecords.createdAt));
  return [...new Set(points.map((p) => p.muscleId))];
}
