/** A client's contact preferences (F8): no row means everything on. */
import { and, eq, sql } from "drizzle-orm";
import type { ContactTopic } from "../../core/notify/kinds";
import type { Db } from "../db/connect";
import { contactPreferences } from "../db/schema";

export type ContactPreferences = Record<"reminders" | "recalls" | "checkIns", boolean>;

const ALL_ON: ContactPreferences = { reminders: true, recalls: true, checkIns: true };

export const TOPIC_FIELD: Record<ContactTopic, keyof ContactPreferences> = {
  reminders: "reminders",
  recalls: "recalls",
  check_ins: "checkIns",
};

export async function preferencesOf(db: Db, clinicId: string, clientId: string): Promise<ContactPreferences> {
  const [row] = await db
    .select({
      reminders: contactPreferences.reminders,
      recalls: contactPreferences.recalls,
      checkIns: contactPreferences.checkIns,
    })
    .from(contactPreferences)
    .where(and(eq(contactPreferences.clinicId, clinicId), eq(contactPreferences.clientId, clientId)));
  return row ?? ALL_ON;
}

/** Writes the given preferences (an upsert: one statement, so two tabs cannot lose each other's change to another topic). */
export async function setPreferences(
  db: Db,
  clinicId: string,
  clientId: string,
  change: Partial<ContactPreferences>,
): Promise<ContactPreferences> {
  const [row] = await db
    .insert(contactPreferences)
    .values({ clinicId, clientId, ...ALL_ON, ...change })
    .onConflictDoUpdate({ target: contactPreferences.clientId, set: { ...change, updatedAt: sql`now()` } })
    .returning({
      reminders: contactPreferences.reminders,
      recalls: contactPreferences.recalls,
      checkIns: contactPreferences.checkIns,
    });
  return row ?? ALL_ON;
}
