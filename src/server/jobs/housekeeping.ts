/** Housekeeping jobs: rows that are no use once their time has passed, deleted so tables stay small. */
import { sql } from "drizzle-orm";
import { deleteEndedSessions } from "../auth/sessions";
import { deleteStaleCounters } from "../auth/throttle";
import type { Config } from "../config";
import type { Db } from "../db/connect";

const MS_PER_MINUTE = 60_000;
/** Counters are kept a day even when the counting window is shorter: enough to look into an attack. */
const MIN_SIGN_IN_COUNTER_RETENTION_MS = 24 * 60 * MS_PER_MINUTE;

/** Deletes sessions that have passed their absolute lifetime or their idle limit. */
export function purgeEndedSessions(db: Db, config: Config, now = new Date()): Promise<number> {
  const idleBefore = new Date(now.getTime() - config.sessionIdleMinutes * MS_PER_MINUTE);
  return deleteEndedSessions(db, now, idleBefore);
}

/** Deletes sign-in throttle counters untouched for both the counting window and a day, with no delay running. */
export function purgeStaleSignInCounters(db: Db, config: Config, now = new Date()): Promise<number> {
  const keepMs = Math.max(config.loginWindowMinutes * MS_PER_MINUTE, MIN_SIGN_IN_COUNTER_RETENTION_MS);
  return deleteStaleCounters(db, new Date(now.getTime() - keepMs), now);
}

/**
 * Refreshes the query planner's statistics of every table. Embedded PGlite runs no autovacuum, so
 * without this its tables are never analysed and the planner guesses at their sizes: the reports'
 * triggers then scanned a whole clinic's visits for each client a completion touched (a minute per
 * 2,000-visit import once 30,000 were stored). PostgreSQL's autovacuum does this itself.
 */
export async function refreshPlannerStatistics(db: Db): Promise<void> {
  await db.execute(sql`ANALYZE`);
}
