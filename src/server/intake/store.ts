/**
 * Writing the intake (F5): the working copy is saved as the client goes; submitting screens it and
 * copies it into `intakes`. A submitted version stays editable until a visit has used it (an
 * appointment that started after it was submitted and was completed, or confirmed and has begun);
 * from then on a change is saved as the next version, so what the therapist saw at the visit is kept.
 */
import { and, eq, gte, inArray, lte, max, or, sql } from "drizzle-orm";
import type { IntakeDraft, IntakeSubmission } from "../../core/intake";
import { type ScreeningResult, screenIntake } from "../../core/screening";
import type { Db } from "../db/connect";
import { appointments, clients, intakeDrafts, intakes } from "../db/schema";
import { loadSubmittedIntake, type SubmittedIntake } from "./facts";

type Executor = Pick<Db, "select">;

/** Whether a visit has taken place since this version was submitted (so it must be kept as it is). */
export async function usedAtVisit(
  db: Executor,
  clinicId: string,
  clientId: string,
  submitted: Pick<SubmittedIntake, "submittedAt">,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        eq(appointments.clientId, clientId),
        gte(appointments.startsAt, submitted.submittedAt),
        or(
          eq(appointments.status, "completed"),
          and(eq(appointments.status, "confirmed"), lte(appointments.startsAt, now)),
        ),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function saveDraft(
  db: Db,
  clinicId: string,
  clientId: string,
  answers: IntakeDraft,
  now: Date,
): Promise<Date> {
  await db
    .insert(intakeDrafts)
    .values({ clinicId, clientId, answers, updatedAt: now })
    .onConflictDoUpdate({
      target: [intakeDrafts.clinicId, intakeDrafts.clientId],
      set: { answers, updatedAt: now },
    });
  return now;
}

export interface SubmitResult {
  id: string;
  version: number;
  submittedAt: Date;
  screening: ScreeningResult;
  /** "created": a new version; "updated": the current version, changed before any visit used it. */
  change: "created" | "updated";
}

/** Screens and stores a complete intake; the working copy becomes the submitted answers. */
export async function submitIntake(
  db: Db,
  clinicId: string,
  clientId: string,
  answers: IntakeSubmission,
  now: Date,
): Promise<SubmitResult> {
  const screening = screenIntake(answers);
  return db.transaction(async (tx) => {
    // One submission per client at a time: the next version number is read, then written.
    await tx.execute(
      sql`SELECT 1 FROM ${clients} WHERE ${clients.clinicId} = ${clinicId} AND ${clients.id} = ${clientId} FOR UPDATE`,
    );
    const latest = await loadSubmittedIntake(tx, clinicId, clientId);
    let result: SubmitResult;
    if (latest && !(await usedAtVisit(tx, clinicId, clientId, latest, now))) {
      await tx
        .update(intakes)
        .set({ answers, screening, submittedAt: now, updatedAt: now })
        .where(and(eq(intakes.clinicId, clinicId), eq(intakes.id, latest.id)));
      result = { id: latest.id, version: latest.version, submittedAt: now, screening, change: "updated" };
    } else {
      const [top] = await tx
        .select({ version: max(intakes.version) })
        .from(intakes)
        .where(and(eq(intakes.clinicId, clinicId), eq(intakes.clientId, clientId)));
      const version = (top?.version ?? 0) + 1;
      const [row] = await tx
        .insert(intakes)
        .values({ clinicId, clientId, version, answers, screening, submittedAt: now, updatedAt: now })
        .returning({ id: intakes.id });
      if (!row) throw new Error("intake insert returned nothing");
      result = { id: row.id, version, submittedAt: now, screening, change: "created" };
    }
    await tx
      .insert(intakeDrafts)
      .values({ clinicId, clientId, answers, updatedAt: now })
      .onConflictDoUpdate({
        target: [intakeDrafts.clinicId, intakeDrafts.clientId],
        set: { answers, updatedAt: now },
      });
    return result;
  });
}

/** Clients of a clinic that exist (to tell a 404 from a client with no intake). */
export async function existingClients(db: Db, clinicId: string, clientIds: readonly string[]) {
  if (clientIds.length === 0) return [];
  return db
    .select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName })
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), inArray(clients.id, [...clientIds])));
}
