/**
 * Opens the database: embedded PGlite by default, a PostgreSQL server when a URL is given
 * (docs/decisions/0002-database.md). Both are driven through the same drizzle schema. Each engine's
 * driver lives in a module of its own (./pglite, ./postgres); the server imports `openDatabase`
 * from ./open, which loads only the engine in use.
 */
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { MIGRATIONS_FOLDER } from "../paths";
import type * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly db: Db;
  readonly engine: "pglite" | "postgres";
  /** The embedded engine itself (backups dump its data folder: src/server/backup). */
  readonly pglite?: PGlite;
  /** Applies the committed SQL migrations that have not run yet. Safe to call on every start. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export { MIGRATIONS_FOLDER };

export type DatabaseConfig =
  | { engine: "postgres"; url: string; poolSize?: number }
  | { engine: "pglite"; dataDir: string | null; loadDataDir?: Blob };

export { openDatabase } from "./open";
export { openPglite } from "./pglite";
export { openPostgres } from "./postgres";
