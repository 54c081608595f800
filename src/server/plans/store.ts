/**
 * Treatment plans as the API shows them: the row, its visits (the client's appointments from the
 * plan's start until the next plan's, and any booked as its series), planned vs done, and the
 * re-assessment prompt (core/plans).
 */
import { and, asc, desc, eq, gte, inArray, or } from "drizzle-orm";
import type { Plan, PlanStatus } from "../../core/api/plans";
import {
  normalizePlanRule,
  type PlanRuleSettings,
  type PlanSuggestion,
  reassessmentDue,
  tallyPlan,
} from "../../core/plans";
import { formatSlotInZone, localToInstant } from "../../core/scheduling";
import type { Db } from "../db/connect";
import {
  appointments,
  clients,
  painDiaryEntries,
  planRuleSettings,
  services,
  therapists,
  treatmentPlanAppointments,
  treatmentPlans,
} from "../db/schema";
import { notFound } from "../http/errors";
import { loadSessions } from "./facts";

export type PlanRow = typeof treatmentPlans.$inferSelect;

export async function planRuleOf(db: Db, clinicId: string): Promise<PlanRuleSettings> {
  const [row] = await db
    .select({ settings: planRuleSettings.settings })
    .from(planRuleSettings)
    .where(eq(planRuleSettings.clinicId, clinicId));
  return normalizePlanRule((row?.settings ?? null) as Partial<PlanRuleSettings> | null);
}

export async function planRow(db: Db, clinicId: string, planId: string): Promise<PlanRow> {
  const [row] = await db
    .select()
    .from(treatmentPlans)
    .where(and(eq(treatmentPlans.clinicId, clinicId), eq(treatmentPlans.id, planId)));
  if (!row) throw notFound("Plan not found.");
  return row;
}

/** Midnight at the start of a local date in the clinic's zone (the first instant of that day). */
export function startOfLocalDay(date: string, zone: string): Date {
  const result = localToInstant(date, "00:00", zone);
  // Midnight can fall in a DST gap in a few zones; one hour later is then the day's first instant.
  if (result.ok) return new Date(result.instant);
  const later = localToInstant(date, "01:00", zone);
  return new Date(later.ok ? later.instant : Date.parse(`${date}T00:00:00Z`));
}

const MS_PER_DAY = 86_400_000;

function suggestionOf(details: unknown): PlanSuggestion | null {
  if (typeof details !== "object" || details === null) return null;
  const suggestion = (details as { suggestion?: unknown }).suggestion;
  return typeof suggestion === "object" && suggestion !== null ? (suggestion as PlanSuggestion) : null;
}

/**
 * The plans of one client (newest first) as the API shows them. Each plan's window runs from its
 * start to the next plan's start, so a new plan does not inherit the old one's visits.
 */
export async function plansOfClient(
  db: Db,
  clinic: { id: string; timeZone: string },
  clientId: string,
  only?: string,
): Promise<Plan[]> {
  const rows = await db
    .select()
    .from(treatmentPlans)
    .where(and(eq(treatmentPlans.clinicId, clinic.id), eq(treatmentPlans.clientId, clientId)))
    .orderBy(asc(treatmentPlans.startsOn), asc(treatmentPlans.createdAt));
  if (rows.length === 0) return [];
  const [client] = await db
    .select({ firstName: clients.firstName, lastName: clients.lastName })
    .from(clients)
    .where(and(eq(clients.clinicId, clinic.id), eq(clients.id, clientId)));
  const planIds = rows.map((r) => r.id);
  const links = await db
    .select()
    .from(treatmentPlanAppointments)
    .where(
      and(
        eq(treatmentPlanAppointments.clinicId, clinic.id),
        inArray(treatmentPlanAppointments.planId, planIds),
      ),
    );
  const firstStart = startOfLocalDay(rows[0]?.startsOn as string, clinic.timeZone);
  const linkedIds = links.map((l) => l.appointmentId);
  const visits = await db
    .select({
      id: appointments.id,
      startsAt: appointments.startsAt,
      status: appointments.status,
      therapistName: therapists.displayName,
    })
    .from(appointments)
    .innerJoin(
      therapists,
      and(eq(therapists.clinicId, appointments.clinicId), eq(therapists.id, appointments.therapistId)),
    )
    .where(
      and(
        eq(appointments.clinicId, clinic.id),
        eq(appointments.clientId, clientId),
        linkedIds.length > 0
          ? or(gte(appointments.startsAt, firstStart), inArray(appointments.id, linkedIds))
          : gte(appointments.startsAt, firstStart),
      ),
    )
    .orderBy(asc(appointments.startsAt));
  const sessions = await loadSessions(db, clinic.id, clientId);
  const diary = await db
    .select({ at: painDiaryEntries.recordedAt, regions: painDiaryEntries.regions })
    .from(painDiaryEntries)
    .where(and(eq(painDiaryEntries.clinicId, clinic.id), eq(painDiaryEntries.clientId, clientId)))
    .orderBy(asc(painDiaryEntries.recordedAt));
  const therapistIds = [...new Set(rows.map((r) => r.therapistId).filter((x): x is string => Boolean(x)))];
  const serviceIds = [...new Set(rows.map((r) => r.serviceId).filter((x): x is string => Boolean(x)))];
  const therapistRows = therapistIds.length
    ? await db
        .select({ id: therapists.id, name: therapists.displayName })
        .from(therapists)
        .where(and(eq(therapists.clinicId, clinic.id), inArray(therapists.id, therapistIds)))
    : [];
  const serviceRows = serviceIds.length
    ? await db
        .select({ id: services.id, name: services.name, durationMin: services.durationMin })
        .from(services)
        .where(and(eq(services.clinicId, clinic.id), inArray(services.id, serviceIds)))
    : [];
  const rule = await planRuleOf(db, clinic.id);

  const plans = rows.map((row, index) => {
    const from = startOfLocalDay(row.startsOn, clinic.timeZone).getTime();
    const next = rows[index + 1];
    const until = next ? startOfLocalDay(next.startsOn, clinic.timeZone).getTime() : Number.POSITIVE_INFINITY;
    const own = new Set(links.filter((l) => l.planId === row.id).map((l) => l.appointmentId));
    const inWindow = (t: number) => t >= from && t < until;
    const planVisits = visits.filter((v) => own.has(v.id) || inWindow(v.startsAt.getTime()));
    const tally = tallyPlan(
      row.plannedSessions,
      planVisits.map((v) => v.status),
    );
    const windowSessions = sessions.filter((s) => inWindow(s.at.getTime()));
    const baselinePain = row.baselinePain ?? windowSessions[0]?.painBefore ?? null;
    // The latest pain: the last session's "before" score or diary entry (its highest region), whichever is later.
    const measures: { at: number; pain: number }[] = [];
    for (const s of windowSessions.slice(1))
      if (s.painBefore !== null) measures.push({ at: s.at.getTime(), pain: s.painBefore });
    for (const d of diary) {
      const t = d.at.getTime();
      if (!inWindow(t) || d.regions.length === 0) continue;
      measures.push({ at: t, pain: Math.max(...d.regions.map((r) => r.intensity)) });
    }
    measures.sort((a, b) => a.at - b.at);
    const latestPain = measures.at(-1)?.pain ?? null;
    const reassessment = reassessmentDue({
      planned: row.plannedSessions,
      completed: tally.completed,
      baselinePain,
      latestPain,
      target: rule.improvementTarget,
    });
    const lastCompleted = [...planVisits].reverse().find((v) => v.status === "completed");
    const nextMaintenanceOn =
      row.status === "maintenance" && row.maintenanceIntervalWeeks && lastCompleted
        ? new Date(lastCompleted.startsAt.getTime() + row.maintenanceIntervalWeeks * 7 * MS_PER_DAY)
            .toISOString()
            .slice(0, 10)
        : null;
    const therapist = therapistRows.find((t) => t.id === row.therapistId);
    const service = serviceRows.find((s) => s.id === row.serviceId);
    const plan: Plan = {
      id: row.id,
      clientId,
      clientName: client ? `${client.firstName} ${client.lastName}` : "",
      therapist: therapist ? { id: therapist.id, name: therapist.name } : null,
      service: service ? { id: service.id, name: service.name, durationMin: service.durationMin } : null,
      status: row.status as PlanStatus,
      plannedSessions: row.plannedSessions,
      sessionIntervalDays: row.sessionIntervalDays,
      maintenanceIntervalWeeks: row.maintenanceIntervalWeeks,
      goals: row.goals,
      notes: row.notes,
      startsOn: row.startsOn,
      suggestion: suggestionOf(row.details),
      visits: planVisits.map((v) => ({
        appointmentId: v.id,
        startsAt: v.startsAt.toISOString(),
        local: formatSlotInZone(v.startsAt.getTime(), clinic.timeZone),
        status: v.status,
        therapistName: v.therapistName,
        inSeries: own.has(v.id),
      })),
      progress: {
        ...tally,
        baselinePain,
        latestPain,
        improvement: reassessment.improvement,
        reassessment: { due: reassessment.due, message: reassessment.message },
      },
      nextMaintenanceOn,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
    return plan;
  });
  const result = plans.reverse();
  return only ? result.filter((p) => p.id === only) : result;
}

export async function planById(
  db: Db,
  clinic: { id: string; timeZone: string },
  planId: string,
): Promise<Plan> {
  const row = await planRow(db, clinic.id, planId);
  const [plan] = await plansOfClient(db, clinic, row.clientId, planId);
  if (!plan) throw notFound("Plan not found.");
  return plan;
}

/** The plan a client sees: the newest that is not cancelled. */
export async function currentPlan(db: Db, clinic: { id: string; timeZone: string }, clientId: string) {
  const plans = await plansOfClient(db, clinic, clientId);
  return plans.find((p) => p.status !== "cancelled") ?? null;
}

/** Active and maintenance plans of the clinic (for the therapist's prompts), newest first. */
export async function openPlanClients(db: Db, clinicId: string, therapistId: string | null, limit = 200) {
  const rows = await db
    .selectDistinct({ clientId: treatmentPlans.clientId, createdAt: treatmentPlans.createdAt })
    .from(treatmentPlans)
    .where(
      and(
        eq(treatmentPlans.clinicId, clinicId),
        inArray(treatmentPlans.status, ["active", "maintenance"]),
        therapistId ? eq(treatmentPlans.therapistId, therapistId) : undefined,
      ),
    )
    .orderBy(desc(treatmentPlans.createdAt))
    .limit(limit);
  return [...new Set(rows.map((r) => r.clientId))];
}
