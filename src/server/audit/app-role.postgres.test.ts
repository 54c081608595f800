/**
 * PostgreSQL only (roles do not exist in PGlite's single-user mode; vitest.config.ts includes
 * `*.postgres.test.ts` files only when TEST_DATABASE_URL is set): the app running as a role
 * that does not own the tables works, and cannot rewrite the audit log or switch off its triggers.
 */
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { testConfig } from "../config";
import type { Database } from "../db/connect";
import { openMigratedDatabase } from "../main";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { databaseUrlWithName } from "../testing/database-url";
import { createTestDatabase, signIn } from "../testing/harness";

describe("the app on PostgreSQL as a role that does not own the tables", () => {
  const role = `kw_app_${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  let owner: Database;
  let database: Database;
  let app: FastifyInstance;

  async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    owner = await createTestDatabase();
    const name = (
      (await owner.db.execute(sql`SELECT current_database() AS name`)) as unknown as {
        rows: { name: string }[];
      }
    ).rows[0]?.name as string;
    await admin((c) => c.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`));
    const ownerUrl = databaseUrlWithName(process.env.TEST_DATABASE_URL as string, name);
    const appUrl = new URL(ownerUrl);
    appUrl.username = role;
    appUrl.password = password;
    const config = testConfig({ databaseUrl: appUrl.toString(), migrationDatabaseUrl: ownerUrl });
    // The start-up path: migrate and grant as the owner, then open the app's own connection.
    database = await openMigratedDatabase(config);
    await seedDemoClinic(database.db);
    app = await buildApp({ database, config });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await owner?.close();
    await admin((c) => c.query(`DROP ROLE IF EXISTS ${role}`));
  });

  it("serves the app and writes and verifies the audit log", async () => {
    const who = await database.db.execute(sql`SELECT current_user AS me`);
    expect((who as unknown as { rows: { me: string }[] }).rows[0]?.me).toBe(role);
    const ownerSession = await signIn(app, "owner@knotwork.test", DEMO_PASSWORD);
    const clients = (await ownerSession.request("GET", "/api/clients")).json() as { id: string }[];
    expect((await ownerSession.request("GET", `/api/clients/${clients[0]?.id}`)).statusCode).toBe(200);
    const verify = await ownerSession.request("GET", "/api/audit/verify");
    expect(verify.json()).toMatchObject({ ok: true });
    expect(verify.json().checked).toBeGreaterThan(0);
  });

  it.each([
    ["UPDATE", sql`UPDATE audit_events SET action = 'nothing'`],
    ["DELETE", sql`DELETE FROM audit_events`],
    ["TRUNCATE", sql`TRUNCATE audit_events`],
    ["disable the trigger", sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`],
    ["drop the trigger", sql`DROP TRIGGER audit_events_no_update ON audit_events`],
  ])("cannot %s on the audit log", async (_what, statement) => {
    const error = await database.db.execute(statement).then(
      () => null,
      (caught: unknown) => caught as { cause?: { code?: string }; code?: string },
    );
    // 42501: insufficient privilege (or "must be owner of table").
    expect(error?.cause?.code ?? error?.code).toBe("42501");
  });
});
