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
 *
 * The hot paths (session lookup, snapshot, booking write) compile their statement once per shape
 * with `compileStatement` (drizzle's `sql` with `sql.placeholder(…)` for the per-call values), so a
 * request only maps its values into an array: no query building, no hashing, no drizzle in between
 * (docs/decisions/0023-booking-hot-path-and-driver.md).
 */
import { createHash } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { Placeholder, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "./connect";

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

/** A statement's text and its name (one per distinct text), computed once. */
export interface CompiledStatement<K extends string = string> {
  readonly name: string;
  readonly text: string;
  /** Per position: a placeholder's name (filled per call) or a value fixed at compile time. */
  readonly slots: readonly ({ placeholder: K } | { value: unknown })[];
}

function nameOf(label: string, text: string): string {
  return `kw_${label}_${createHash("sha1").update(text).digest("hex").slice(0, 12)}`;
}

/** Compiles `statement` (drizzle's `sql`, with `sql.placeholder(name)` for per-call values) once. */
export function compileStatement<K extends string = string>(
  label: string,
  statement: SQL,
): CompiledStatement<K> {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  return {
    name: nameOf(label, text),
    text,
    slots: params.map((param) =>
      param instanceof Placeholder ? { placeholder: param.name as K } : { value: param },
    ),
  };
}

/**
 * The same statement as drizzle SQL with the values inlined as parameters, for a transaction
 * object (which has no pool to prepare on). `$n` appears in the texts only as a parameter.
 */
function asSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) chunks.push(sql.raw(parts[i] as string));
    else chunks.push(sql`${values[Number(parts[i]) - 1]}`);
  }
  return sql.join(chunks);
}

/** Runs a named prepared statement of `text` with positional `values`; returns its rows, untyped. */
async function runNamed(db: Db, name: string, text: string, values: unknown[]): Promise<unknown[]> {
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
    const args = values.length === 0 ? "" : `(${values.map(sqlLiteral).join(", ")})`;
    // The simple protocol: one call into PGlite instead of the extended protocol's six.
    const [result] = await client.exec(`EXECUTE ${name}${args}`);
    return result?.rows ?? [];
  }
  if (client && typeof (client as PgPoolLike).query === "function" && "totalCount" in (client as object)) {
    return rowsOf(await (client as PgPoolLike).query({ name, text, values }));
  }
  return rowsOf(await db.execute(asSql(text, values)));
}

/** Runs a compiled statement with this call's placeholder values. */
export function runCompiled<K extends string>(
  db: Db,
  statement: CompiledStatement<K>,
  values: Readonly<Record<K, unknown>>,
): Promise<unknown[]> {
  const args = statement.slots.map((slot) => ("placeholder" in slot ? values[slot.placeholder] : slot.value));
  return runNamed(db, statement.name, statement.text, args);
}

/**
 * Runs `statement` as the prepared statement `label` (one per distinct SQL text); returns its rows,
 * untyped: the caller decodes them (e.g. ../scheduling/snapshot-rows.ts). For cold paths: it builds
 * the query on every call; hot paths use `compileStatement` + `runCompiled`.
 */
export async function executePrepared(db: Db, label: string, statement: SQL): Promise<unknown[]> {
  const { sql: text, params } = dialect.sqlToQuery(statement);
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!client || !(client instanceof PGlite || "totalCount" in (client as object))) {
    return rowsOf(await db.execute(statement));
  }
  return runNamed(db, nameOf(label, text), text, params);
}
