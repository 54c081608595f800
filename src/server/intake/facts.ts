/**
 * Reading what screening needs about clients: the latest submitted intake, the working copy and the
 * recorded clearances. Batched by client, so a list of 200 appointments costs three queries.
 */
import { and, asc, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { ClearanceRecord, StaffScreening } from "../../core/api/intake";
import type { IntakeDraft } from "../../core/intake";
import { type ScreeningResult, screenIntake } from "../../core/screening";
import type { Db } from "../db/connect";
import { clearances, intakeDrafts, intakes, users } from "../db/schema";
import {
  combineFindings,
  type ScreeningSources,
  sameAnswers,
  staffScreening,
  storedScreening,
} from "./findings";

export interface SubmittedIntake {
  id: string;
  version: number;
  answers: IntakeDraft;
  screening: ScreeningResult;
  submittedAt: Date;
}

export interface IntakeDraftRow {
  answers: IntakeDraft;
  updatedAt: Date;
}

export interface ScreeningFacts {
  submitted: SubmittedIntake | null;
  draft: IntakeDraftRow | null;
  clearances: ClearanceRecord[];
}

const submittedColumns = {
  id: intakes.id,
  clientId: intakes.clientId,
  version: intakes.version,
  answers: intakes.answers,
  screening: intakes.screening,
  submittedAt: intakes.submittedAt,
};

function toSubmitted(row: {
  id: string;
  version: number;
  answers: unknown;
  screening: unknown;
  submittedAt: Date | null;
}): SubmittedIntake {
  return {
    id: row.id,
    version: row.version,
    answers: row.answers as IntakeDraft,
    screening: storedScreening(row.screening, row.answers),
    submittedAt: row.submittedAt ?? new Date(0),
  };
}

/** The latest submitted version (or the one asked for) of one client's intake. */
export async function loadSubmittedIntake(
  db: Pick<Db, "select">,
  clinicId: string,
  clientId: string,
  version?: number,
): Promise<SubmittedIntake | null> {
  const [row] = await db
    .select(submittedColumns)
    .from(intakes)
    .where(
      and(
        eq(intakes.clinicId, clinicId),
        eq(intakes.clientId, clientId),
        isNotNull(intakes.submittedAt),
        version === undefined ? undefined : eq(intakes.version, version),
      ),
    )
    .orderBy(desc(intakes.version))
    .limit(1);
  return row ? toSubmitted(row) : null;
}

export async function loadSubmittedVersions(db: Db, clinicId: string, clientId: string) {
  const rows = await db
    .select({ version: intakes.version, submittedAt: intakes.submittedAt })
    .from(intakes)
    .where(
      and(eq(intakes.clinicId, clinicId), eq(intakes.clientId, clientId), isNotNull(intakes.submittedAt)),
    )
    .orderBy(asc(intakes.version));
  return rows.map((r) => ({ version: r.version, submittedAt: (r.submittedAt ?? new Date(0)).toISOString() }));
}

export async function loadDraft(db: Db, clinicId: string, clientId: string): Promise<IntakeDraftRow | null> {
  const [row] = await db
    .select({ answers: intakeDrafts.answers, updatedAt: intakeDrafts.updatedAt })
    .from(intakeDrafts)
    .where(and(eq(intakeDrafts.clinicId, clinicId), eq(intakeDrafts.clientId, clientId)));
  return row ? { answers: row.answers as IntakeDraft, updatedAt: row.updatedAt } : null;
}

async function loadClearances(db: Db, clinicId: string, clientIds: readonly string[]) {
  const rows = await db
    .select({
      id: clearances.id,
      clientId: clearances.clientId,
      findingId: clearances.findingId,
      clearedBy: clearances.clearedBy,
      clearedOn: clearances.clearedOn,
      note: clearances.note,
      recordedById: clearances.recordedBy,
      recordedByName: users.name,
      createdAt: clearances.createdAt,
    })
    .from(clearances)
    .leftJoin(users, eq(users.id, clearances.recordedBy))
    .where(and(eq(clearances.clinicId, clinicId), inArray(clearances.clientId, [...clientIds])))
    .orderBy(asc(clearances.createdAt));
  return rows.map((row) => ({
    clientId: row.clientId,
    record: {
      id: row.id,
      findingId: row.findingId,
      clearedBy: row.clearedBy,
      clearedOn: row.clearedOn,
      note: row.note,
      recordedBy: row.recordedById ? { id: row.recordedById, name: row.recordedByName ?? "" } : null,
      recordedAt: row.createdAt.toISOString(),
    } satisfies ClearanceRecord,
  }));
}

/** Screening facts for each of the given clients of one clinic (clients without any get empty facts). */
export async function loadScreeningFacts(
  db: Db,
  clinicId: string,
  clientIds: readonly string[],
): Promise<Map<string, ScreeningFacts>> {
  const facts = new Map<string, ScreeningFacts>();
  const ids = [...new Set(clientIds)];
  if (ids.length === 0) return facts;
  for (const id of ids) facts.set(id, { submitted: null, draft: null, clearances: [] });
  const [submittedRows, draftRows, clearanceRows] = await Promise.all([
    db
      .selectDistinctOn([intakes.clientId], submittedColumns)
      .from(intakes)
      .where(
        and(eq(intakes.clinicId, clinicId), inArray(intakes.clientId, ids), isNotNull(intakes.submittedAt)),
      )
      .orderBy(intakes.clientId, desc(intakes.version)),
    db
      .select({
        clientId: intakeDrafts.clientId,
        answers: intakeDrafts.answers,
        updatedAt: intakeDrafts.updatedAt,
      })
      .from(intakeDrafts)
      .where(and(eq(intakeDrafts.clinicId, clinicId), inArray(intakeDrafts.clientId, ids))),
    loadClearances(db, clinicId, ids),
  ]);
  for (const row of submittedRows) {
    const entry = facts.get(row.clientId);
    if (entry) entry.submitted = toSubmitted(row);
  }
  for (const row of draftRows) {
    const entry = facts.get(row.clientId);
    if (entry) entry.draft = { answers: row.answers as IntakeDraft, updatedAt: row.updatedAt };
  }
  for (const { clientId, record } of clearanceRows) facts.get(clientId)?.clearances.push(record);
  return facts;
}

export async function loadClientScreeningFacts(
  db: Db,
  clinicId: string,
  clientId: string,
): Promise<ScreeningFacts> {
  const facts = await loadScreeningFacts(db, clinicId, [clientId]);
  return facts.get(clientId) ?? { submitted: null, draft: null, clearances: [] };
}

/** Whether the working copy says something the submitted version does not (or there is no submitted version). */
export function hasPendingChanges(facts: Pick<ScreeningFacts, "submitted" | "draft">): boolean {
  if (!facts.draft) return false;
  if (!facts.submitted) return Object.keys(facts.draft.answers ?? {}).length > 0;
  return !sameAnswers(facts.draft.answers, facts.submitted.answers);
}

export function screeningSources(facts: ScreeningFacts): ScreeningSources {
  return {
    submitted: facts.submitted?.screening ?? null,
    pending: facts.draft && hasPendingChanges(facts) ? screenIntake(facts.draft.answers) : null,
  };
}

export function staffScreeningOf(facts: ScreeningFacts): StaffScreening {
  return staffScreening(combineFindings(screeningSources(facts)), facts.clearances);
}
