/**
 * Running with two PostgreSQL roles (docs/decisions/0004-audit-log.md): a migration role that owns
 * the tables (KNOTWORK_MIGRATION_DATABASE_URL) and the app's role (DATABASE_URL), which may read
 * and write the tables but cannot UPDATE, DELETE or TRUNCATE the audit log, and, not being the
 * owner, cannot switch off the triggers that keep it append-only.
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/connect";

/** The role a PostgreSQL URL signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/** Run by the migration role after each migration, so tables a release adds are covered too. */
export async function grantAppRole(db: Db, role: string): Promise<void> {
  const result = await db.execute<{ me: string }>(sql`SELECT current_user AS me`);
  const me = (result as unknown as { rows: { me: string }[] }).rows[0]?.me;
  if (!role || role === me) return; // one role for both: nothing to separate
  const app = sql.identifier(role);
  await db.execute(sql`GRANT USAGE ON SCHEMA public TO ${app}`);
  await db.execute(sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`);
  await db.execute(sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
  await db.execute(sql`REVOKE UPDATE, DELETE, TRUNCATE, TRIGGER, REFERENCES ON audit_events FROM ${app}`);
}
