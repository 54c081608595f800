/** Helpers for backup tests: every table's row count, and an audit chain check per clinic. */
import { sql } from "drizzle-orm";
import { verifyAuditChain } from "../audit/audit";
import type { Db } from "../db/connect";
import { auditEvents } from "../db/schema";

/** Row counts of every table outside PostgreSQL's own schemas (the migrations table included). */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = (await db.execute(
    sql`SELECT table_schema AS s, table_name AS t FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`,
  )) as unknown as { rows: { s: string; t: string }[] };
  const counts: Record<string, number> = {};
  for (const { s, t } of tables.rows) {
    const result = (await db.execute(sql.raw(`SELECT count(*)::int AS n FROM "${s}"."${t}"`))) as unknown as {
      rows: { n: number }[];
    };
    counts[`${s}.${t}`] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** Each clinic's chain: its length, head hash and whether it verifies. */
export async function auditChains(db: Db) {
  const ids = await db.selectDistinct({ clinicId: auditEvents.clinicId }).from(auditEvents);
  const out: Record<string, { ok: boolean; checked: number }> = {};
  for (const { clinicId } of ids) {
    const check = await verifyAuditChain(db, clinicId);
    out[clinicId ?? "global"] = { ok: check.ok, checked: check.checked };
  }
  return out;
}
