/**
 * A PostgreSQL server behind the `Database` interface (node-postgres pool), kept apart from PGlite so
 * a server on one engine never loads the other's driver.
 */
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import pg from "pg";
import { MIGRATIONS_FOLDER } from "../paths";
import type { Database, Db } from "./connect";
import { migrateWhenBehind } from "./migrate";
import * as schema from "./schema";

export function openPostgres(url: string, poolSize = 10): { pool: pg.Pool; database: Database } {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's network error must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const db = drizzleNodePostgres(pool, { schema }) as unknown as Db;
  const database: Database = {
    db,
    engine: "postgres",
    migrate: () =>
      migrateWhenBehind(db, async () => {
        const { migrate } = await import("drizzle-orm/node-postgres/migrator");
        await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
      }),
    close: () => pool.end(),
  };
  return { pool, database };
}
