/**
 * Test harness: a fresh, migrated database per test file (PGlite by default, PostgreSQL when
 * TEST_DATABASE_URL is set) and the real app on top of it, driven with `inject` or real HTTP.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { buildApp } from "../app";
import { type Config, testConfig } from "../config";
import { type Database, openPglite, openPostgres } from "../db/connect";
import { databaseUrlWithName } from "./database-url";

export const usingPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

export async function createTestDatabase(): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `kw_t_${process.ppid}_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject("postgresTemplate")}`);
          break;
        } catch (error) {
          // 55006: the template is briefly in use by another file's CREATE DATABASE.
          if ((error as { code?: string }).code !== "55006" || attempt > 50) throw error;
          await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
        }
      }
    } finally {
      await admin.end();
    }
    const { database } = openPostgres(databaseUrlWithName(adminUrl, name), 20);
    return {
      ...database,
      close: async () => {
        await database.close();
        const dropper = new pg.Client({ connectionString: adminUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
      },
    };
  }
  const tarball = readFileSync(inject("pgliteTemplatePath"));
  const { database } = await openPglite(null, new Blob([tarball]));
  return database;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({ database, config: testConfig(overrides) });
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in browser-like agent: keeps the session cookie and sends the CSRF token on writes. */
export interface Agent {
  cookie: string;
  csrfToken: string;
  request(method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export function sessionCookieFrom(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === "kw_session");
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `kw_session=${cookie.value}`;
}

export async function signIn(app: FastifyInstance, email: string, password: string): Promise<Agent> {
  const response = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookieFrom(response);
  const csrfToken = response.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    request: (method, url, body) =>
      app.inject({
        method: method as "GET",
        url,
        headers: { cookie, ...(method === "GET" ? {} : { "x-csrf-token": csrfToken }) },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/**
 * A fresh client address per call (10.N.x.y), so tests of per-address sign-in limits do not
 * share a counter; each test file passes its own N.
 */
export function ipSequence(secondOctet: number): () => string {
  let counter = 0;
  return () => {
    counter++;
    return `10.${secondOctet}.${Math.floor(counter / 250)}.${(counter % 250) + 1}`;
  };
}
