/** Rows the plan tests need from other capabilities (charting, past visits), written directly. */
import type { Db } from "../db/connect";
import { appointments, treatmentSessions, triggerPointRecords } from "../db/schema";

const MS_PER_MINUTE = 60_000;

export interface VisitInput {
  clinicId: string;
  clientId: string;
  therapistId: string;
  serviceId: string;
  startsAt: Date;
  status?: "completed" | "cancelled" | "no_show" | "confirmed";
  durationMin?: number;
}

/** A visit in the past (completed by default), outside the holding statuses so it blocks nothing. */
export async function insertVisit(db: Db, input: VisitInput): Promise<string> {
  const end = new Date(input.startsAt.getTime() + (input.durationMin ?? 60) * MS_PER_MINUTE);
  const [row] = await db
    .insert(appointments)
    .values({
      clinicId: input.clinicId,
      clientId: input.clientId,
      therapistId: input.therapistId,
      serviceId: input.serviceId,
      status: input.status ?? "completed",
      source: "staff",
      startsAt: input.startsAt,
      endsAt: end,
      blocksFrom: input.startsAt,
      blocksUntil: end,
    })
    .returning({ id: appointments.id });
  if (!row) throw new Error("visit insert returned nothing");
  return row.id;
}

export interface SessionInput {
  clinicId: string;
  clientId: string;
  therapistId: string;
  appointmentId?: string | null;
  painBefore?: number | null;
  painAfter?: number | null;
  consultation?: unknown;
  createdAt?: Date;
  points?: { muscleId: string; side?: string | null; release?: string | null }[];
}

/** A charted session with its trigger points, as the charting capability would write it. */
export async function insertSession(db: Db, input: SessionInput): Promise<string> {
  const [row] = await db
    .insert(treatmentSessions)
    .values({
      clinicId: input.clinicId,
      clientId: input.clientId,
      therapistId: input.therapistId,
      appointmentId: input.appointmentId ?? null,
      painBefore: input.painBefore ?? null,
      painAfter: input.painAfter ?? null,
      consultation: input.consultation ?? null,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })
    .returning({ id: treatmentSessions.id });
  if (!row) throw new Error("session insert returned nothing");
  const points = input.points ?? [];
  if (points.length > 0)
    await db.insert(triggerPointRecords).values(
      points.map((p, ordinal) => ({
        clinicId: input.clinicId,
        sessionId: row.id,
        ordinal,
        muscleId: p.muscleId,
        side: p.side ?? null,
        release: p.release ?? null,
      })),
    );
  return row.id;
}
