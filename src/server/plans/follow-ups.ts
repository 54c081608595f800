/**
 * What a completed session means for the client's treatment plan (F7/F8): while planned sessions
 * remain, a follow-up to book the next one if none is booked two days on; once the plan's sessions
 * are done (or it is in maintenance), the maintenance recall at the plan's interval. Both are outbox
 * rows written in the completion's own transaction, and both are dropped at send time when the client
 * has booked meanwhile (src/server/notify/preflight.ts).
 */
import { and, count, eq, gte, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/connect";
import { appointments, treatmentPlans } from "../db/schema";
import { schedulePlanFollowUp, scheduleRecall } from "../notify/schedule";

const MS_PER_DAY = 86_400_000;
/** How long after a session a client without a next booking is reminded of their plan. */
export const PLAN_FOLLOW_UP_DELAY_MS = 2 * MS_PER_DAY;

export interface CompletedSession {
  clinicId: string;
  clientId: string;
  appointmentId: string;
  /** When the session started and ended (epoch ms). */
  startedAt: number;
  endedAt: number;
  publicUrl: string;
  /** The clinic's default maintenance interval, for a plan that has none of its own. */
  defaultMaintenanceWeeks: number;
}

/** Schedules the plan follow-up or the maintenance recall after a completed session; false with no plan. */
export async function scheduleAfterSession(db: Db, session: CompletedSession): Promise<boolean> {
  const [plan] = await db
    .select({
      id: treatmentPlans.id,
      status: treatmentPlans.status,
      plannedSessions: treatmentPlans.plannedSessions,
      maintenanceIntervalWeeks: treatmentPlans.maintenanceIntervalWeeks,
      startsOn: treatmentPlans.startsOn,
    })
    .from(treatmentPlans)
    .where(
      and(
        eq(treatmentPlans.clinicId, session.clinicId),
        eq(treatmentPlans.clientId, session.clientId),
        inArray(treatmentPlans.status, ["active", "maintenance"]),
      ),
    )
    .orderBy(sql`${treatmentPlans.createdAt} desc`)
    .limit(1);
  if (!plan) return false;
  const [done] = await db
    .select({ n: count() })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, session.clinicId),
        eq(appointments.clientId, session.clientId),
        eq(appointments.status, "completed"),
        gte(appointments.startsAt, new Date(`${plan.startsOn}T00:00:00Z`)),
      ),
    );
  const completed = Number(done?.n ?? 0);
  if (plan.status === "maintenance" || completed >= plan.plannedSessions) {
    return scheduleRecall(db, {
      clinicId: session.clinicId,
      clientId: session.clientId,
      lastAppointmentId: session.appointmentId,
      lastSessionAt: session.startedAt,
      intervalWeeks: plan.maintenanceIntervalWeeks ?? session.defaultMaintenanceWeeks,
      publicUrl: session.publicUrl,
    });
  }
  return schedulePlanFollowUp(db, {
    clinicId: session.clinicId,
    clientId: session.clientId,
    planId: plan.id,
    sessionNumber: completed + 1,
    dueAt: session.endedAt + PLAN_FOLLOW_UP_DELAY_MS,
    publicUrl: session.publicUrl,
  });
}
