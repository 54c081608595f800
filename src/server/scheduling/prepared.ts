/**
 * Named prepared statements for the hot paths (availability, booking). Parsing, analysing and
 * planning a statement of a dozen subqueries costs several times more than running it, and on the
 * embedded PGlite all of it runs on the one JavaScript thread; a prepared statement pays that once.
 *
 * - PostgreSQL (node-postgres pool): the driver's named statements, prepared once per connection.
 * - PGlite: `PREPARE name AS …` once per database, then `EXECUTE name(…)`. PGlite's extended
 *   protocol cannot bind parameters to an EXECUTE, so the arguments are written as SQL literals,
 *   quoted like libpq's PQescapeLiteral (single quotes doubled; standard_conforming_strings is on in
 *   PGlite, so backslashes are literal). Arguments are ids, instants, numbers and text the API has
 *   validated; a NUL character, which PostgreSQL cannot store anyway, is refused.
 * - Anything else (a transaction object): an ordinary statement.
 */
import { createHash } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "../db/connect";

const dialect = new PgDialect();
/** Per PGlite instance: statement name → its PREPARE (in flight or done). */
const preparedOn = new WeakMap<PGlite, Map<string, Promise<unknown>>>();

interface PgPoolLike {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("Not a finite number");
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "bigint") return value.toString();
  const text = value instanceof Date ? value.toISOString() : String(value);
  if (text.includes("\u0000")) throw new RangeError("A NUL character cannot be stored");
  return `'${text.replace(/'/g, "''")}'`;
}

function rowsOf(result: unknown): unknown[] {
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? rows : Array.isArray(result) ? result : [];
}

/**
 * Runs `statement` as the prepared statement `label` (one per distinct SQL text); returns its rows,
 * untyped: the caller decodes them (e.g. ./snapshot-rows.ts).
 */
export async function executePrepared(db: Db, label: string, statement: SQL): Promise<unknown[]> {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const name = `kw_${label}_${createHash("sha1").update(text).digest("hex").slice(0, 12)}`;
  const client = (db as unknown as { $client?: unknown }).$client;
  if (client instanceof PGlite) {
    let statements = preparedOn.get(client);
    if (!statements) {
      statements = new Map();
      preparedOn.set(client, statements);
    }
    let prepared = statements.get(name);
    if (!prepared) {
      prepared = client.exec(`PREPARE ${name} AS ${text}`);
      statements.set(name, prepared);
      prepared.catch(() => statements?.delete(name));
    }
    await prepared;
    const args = params.length === 0 ? "" : `(${params.map(sqlLiteral).join(", ")})`;
    // The simple protocol: one call into PGlite instead of the extended protocol's six.
    const [result] = await client.exec(`EXECUTE ${name}${args}`);
    return result?.rows ?? [];
  }
  if (client && typeof (client as PgPoolLike).query === "function" && "totalCount" in (client as object)) {
    return rowsOf(await (client as PgPoolLike).query({ name, text, values: params }));
  }
  return rowsOf(await db.execute(statement));
}
