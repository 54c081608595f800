/**
 * Writes a small clinic "world" for the report tests straight into the tables: the same records the
 * reference computations (src/core/reports/compute.ts) take in memory, so a test can compare the SQL
 * reports with them. Rows go in with multi-row inserts; confirmations become audit `confirm` events
 * (the reports read the confirmation time from there).
 */

import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { RawAppointment, RawPlan, RawSession, RawWaitlistEntry } from "../../core/reports/compute";
import type { LocalInterval } from "../../core/scheduling";
import { unissuedFeedTokenHash } from "../clinic/feed-token";
import type { Db } from "../db/connect";
import {
  appointments,
  auditEvents,
  clients,
  clinics,
  DEFAULT_CLINIC_POLICIES,
  dateOverrides,
  rooms,
  services,
  therapists,
  timeOff,
  treatmentPlans,
  treatmentSessions,
  triggerPointRecords,
  waitlistEntries,
  workingHours,
} from "../db/schema";

export interface WorldTherapist {
  id: string;
  name: string;
  userId?: string | null;
  /** weekday (0 = Sunday) → intervals */
  hours: Record<number, LocalInterval[]>;
  breaks?: Record<number, LocalInterval[]>;
  overrides?: { date: string; intervals: LocalInterval[] }[];
  timeOff?: { start: number; end: number }[];
}

export interface World {
  clinicId: string;
  timeZone: string;
  therapists: WorldTherapist[];
  rooms: { id: string; name: string }[];
  serviceIds: string[];
  clients: { id: string; firstName: string; lastName: string }[];
  appointments: RawAppointment[];
  sessions: RawSession[];
  plans: RawPlan[];
  waitlist: RawWaitlistEntry[];
}

const BATCH = 2_000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export async function insertWorld(db: Db, world: World): Promise<void> {
  const clinicId = world.clinicId;
  await db.insert(clinics).values({
    id: clinicId,
    slug: `reports-${clinicId.slice(0, 8)}`,
    name: "Reports Clinic",
    timeZone: world.timeZone,
    policies: DEFAULT_CLINIC_POLICIES,
  });
  await db.insert(therapists).values(
    world.therapists.map((t) => ({
      id: t.id,
      clinicId,
      userId: t.userId ?? null,
      displayName: t.name,
      feedTokenHash: unissuedFeedTokenHash(),
    })),
  );
  const hours = world.therapists.flatMap((t) => [
    ...Object.entries(t.hours).flatMap(([weekday, list]) =>
      list.map((i) => ({
        clinicId,
        therapistId: t.id,
        weekday: Number(weekday),
        startTime: i.start,
        endTime: i.end,
      })),
    ),
    ...Object.entries(t.breaks ?? {}).flatMap(([weekday, list]) =>
      list.map((i) => ({
        clinicId,
        therapistId: t.id,
        weekday: Number(weekday),
        startTime: i.start,
        endTime: i.end,
        isBreak: true,
      })),
    ),
  ]);
  if (hours.length) await db.insert(workingHours).values(hours);
  const overrides = world.therapists.flatMap((t) =>
    (t.overrides ?? []).map((o) => ({ clinicId, therapistId: t.id, date: o.date, intervals: o.intervals })),
  );
  if (overrides.length) await db.insert(dateOverrides).values(overrides);
  const absences = world.therapists.flatMap((t) =>
    (t.timeOff ?? []).map((x) => ({
      clinicId,
      therapistId: t.id,
      startsAt: new Date(x.start),
      endsAt: new Date(x.end),
    })),
  );
  if (absences.length) await db.insert(timeOff).values(absences);
  if (world.rooms.length) await db.insert(rooms).values(world.rooms.map((r) => ({ ...r, clinicId })));
  await db.insert(services).values(
    world.serviceIds.map((id, i) => ({
      id,
      clinicId,
      kind: "session" as const,
      name: `Service ${i}`,
      durationMin: 60,
    })),
  );
  await insertChunked(world.clients, (chunk) =>
    db.insert(clients).values(chunk.map((c) => ({ ...c, clinicId }))),
  );
  await insertChunked(world.appointments, (chunk) =>
    db.insert(appointments).values(
      chunk.map((a) => ({
        id: a.id,
        clinicId,
        clientId: a.clientId,
        therapistId: a.therapistId,
        roomId: a.roomId,
        serviceId: a.serviceId,
        status: a.status,
        source: a.source,
        startsAt: new Date(a.startsAt),
        endsAt: new Date(a.endsAt),
        blocksFrom: new Date(a.startsAt),
        blocksUntil: new Date(a.endsAt),
        requestExpiresAt: a.requestExpiresAt === null ? null : new Date(a.requestExpiresAt),
        createdAt: new Date(a.createdAt),
        updatedAt: new Date(a.updatedAt),
      })),
    ),
  );
  const confirmations = world.appointments.filter((a) => a.confirmedAt !== null);
  await insertChunked(confirmations, (chunk) =>
    db.insert(auditEvents).values(
      chunk.map((a) => ({
        clinicId,
        action: "confirm",
        entity: "appointment",
        entityId: a.id,
        clientId: a.clientId,
        at: new Date(a.confirmedAt as number),
        prevHash: "test",
        hash: "test",
      })),
    ),
  );
  await insertChunked(world.sessions, (chunk) =>
    db.insert(treatmentSessions).values(
      chunk.map((s) => ({
        id: s.id,
        clinicId,
        clientId: s.clientId,
        therapistId: s.therapistId,
        painBefore: s.painBefore,
        createdAt: new Date(s.createdAt),
      })),
    ),
  );
  const records = world.sessions.flatMap((s) =>
    s.muscleIds.map((muscleId) => ({ clinicId, sessionId: s.id, muscleId })),
  );
  await insertChunked(records, (chunk) => db.insert(triggerPointRecords).values(chunk));
  // Signed after their points are in: the database refuses points on a signed note.
  await insertChunked(
    world.sessions.filter((s) => s.signed),
    (chunk) =>
      db
        .update(treatmentSessions)
        .set({ signedAt: sql`created_at` })
        .where(
          inArray(
            treatmentSessions.id,
            chunk.map((s) => s.id),
          ),
        ),
  );
  await insertChunked(world.plans, (chunk) =>
    db.insert(treatmentPlans).values(
      chunk.map((p) => ({
        id: p.id,
        clinicId,
        clientId: p.clientId,
        plannedSessions: p.plannedSessions,
        maintenanceIntervalWeeks: p.maintenanceIntervalWeeks,
        details: {},
        createdAt: new Date(p.createdAt),
      })),
    ),
  );
  await insertChunked(world.waitlist, (chunk) =>
    db.insert(waitlistEntries).values(
      chunk.map((e) => ({
        clinicId,
        clientId: e.clientId,
        serviceId: e.serviceId,
        therapistId: e.therapistId,
        earliest: new Date(e.createdAt),
        latest: new Date(e.latest),
        createdAt: new Date(e.createdAt),
        notifiedAt: e.notifiedAt === null ? null : new Date(e.notifiedAt),
      })),
    ),
  );
}

export function emptyWorld(timeZone = "America/Boise"): World {
  return {
    clinicId: randomUUID(),
    timeZone,
    therapists: [],
    rooms: [],
    serviceIds: [randomUUID()],
    clients: [],
    appointments: [],
    sessions: [],
    plans: [],
    waitlist: [],
  };
}

/** mulberry32: a small seeded random source for the reports' property tests, so a failing seed reproduces. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}
