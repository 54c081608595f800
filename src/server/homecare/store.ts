/** Home-care plans in the database (F7): one per client, built from the treated muscles until saved. */
import { and, eq } from "drizzle-orm";
import type { HomeCarePlan } from "../../core/api/plans";
import { GENERAL_SELF_TREATMENT_RULES } from "../../core/atlas";
import { buildHomeCarePlan, type HomeCareItem } from "../../core/homecare";
import type { Db } from "../db/connect";
import { homeCarePlans } from "../db/schema";
import { type ClientFacts, loadSessions, treatedMuscleIds } from "../plans/facts";

export type HomeCareRow = typeof homeCarePlans.$inferSelect;

export async function homeCareRow(db: Db, clinicId: string, clientId: string): Promise<HomeCareRow | null> {
  const [row] = await db
    .select()
    .from(homeCarePlans)
    .where(and(eq(homeCarePlans.clinicId, clinicId), eq(homeCarePlans.clientId, clientId)));
  return row ?? null;
}

/** A fresh plan from every muscle treated in the client's sessions. */
export async function suggestedItems(db: Db, clinicId: string, clientId: string): Promise<HomeCareItem[]> {
  const sessions = await loadSessions(db, clinicId, clientId);
  return buildHomeCarePlan(treatedMuscleIds(sessions));
}

export function toHomeCarePlan(
  client: ClientFacts,
  row: HomeCareRow | null,
  items: HomeCareItem[],
): HomeCarePlan {
  return {
    id: row?.id ?? null,
    clientId: client.id,
    clientName: client.name,
    items,
    shared: row?.shared ?? false,
    sharedAt: row?.sharedAt?.toISOString() ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    generalCautions: [...GENERAL_SELF_TREATMENT_RULES],
  };
}

/** The saved plan, or one built now (not saved) when the therapist has not saved one yet. */
export async function homeCareFor(db: Db, clinicId: string, client: ClientFacts): Promise<HomeCarePlan> {
  const row = await homeCareRow(db, clinicId, client.id);
  const items = row ? (row.items as HomeCareItem[]) : await suggestedItems(db, clinicId, client.id);
  return toHomeCarePlan(client, row, items);
}

export async function saveHomeCare(
  db: Db,
  clinicId: string,
  clientId: string,
  items: HomeCareItem[],
  shared: boolean,
  userId: string,
): Promise<void> {
  const now = new Date();
  const existing = await homeCareRow(db, clinicId, clientId);
  const sharedAt = shared ? (existing?.sharedAt ?? now) : null;
  await db
    .insert(homeCarePlans)
    .values({ clinicId, clientId, items, shared, sharedAt, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({
      target: [homeCarePlans.clinicId, homeCarePlans.clientId],
      set: { items, shared, sharedAt, updatedBy: userId, updatedAt: now },
    });
}
