/**
 * Vitest global setup: migrate one template database per run, so each test file starts from a
 * fresh copy in about a second instead of running initdb and every migration again.
 * - PGlite (default): a migrated in-memory instance dumped to a tarball that files load.
 * - PostgreSQL (TEST_DATABASE_URL set): a migrated template database that files clone with
 *   CREATE DATABASE … TEMPLATE.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openPglite, openPostgres } from "../db/connect";
import { databaseUrlWithName } from "./database-url";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const template = `kw_template_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${template}`);
    const { database } = openPostgres(databaseUrlWithName(adminUrl, template), 1);
    await database.migrate();
    await database.close();
    project.provide("postgresTemplate", template);
    project.provide("pgliteTemplatePath", "");
    return async () => {
      const leftovers = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1",
        [`kw_t_${process.pid}_%`],
      );
      for (const row of leftovers.rows)
        await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const { client, database } = await openPglite(null);
  await database.migrate();
  const dump = await client.dumpDataDir("none");
  const path = join(tmpdir(), `knotwork-template-${process.pid}.tar`);
  writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteTemplatePath", path);
  project.provide("postgresTemplate", "");
}
