import { PassThrough } from "node:stream";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { testConfig } from "../config";
import type { Database } from "../db/connect";
import { therapists, users } from "../db/schema";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { createTestDatabase } from "../testing/harness";

// Values that stand in for health data: none may reach the logs, whatever the request does.
const CANARIES = ["Canary-Sciatica-91b2", "canary-blood-thinner-7c1d", "canary-query-e04f"];

let database: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
const logLines: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoClinic(database.db);
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => logLines.push(...chunk.toString("utf8").split("\n").filter(Boolean)));
  app = await buildApp({ database, config: testConfig({ logLevel: "trace" }), logStream: stream });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe("logs", () => {
  it("record requests but never their bodies, query strings or health data", async () => {
    await app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: {
        clinicSlug: "demo",
        firstName: CANARIES[0],
        lastName: "X",
        email: "not-an-email",
        password: CANARIES[1],
      },
    });
    await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "owner@knotwork.test", password: CANARIES[1] },
    });
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "owner@knotwork.test", password: DEMO_PASSWORD },
    });
    const cookie = `kw_session=${login.cookies.find((c) => c.name === "kw_session")?.value}`;
    await app.inject({ method: "GET", url: `/api/clients?q=${CANARIES[2]}`, headers: { cookie } });
    await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: `{"email": "${CANARIES[0]}"`,
      headers: { "content-type": "application/json" },
    });

    const text = logLines.join("\n");
    expect(logLines.length).toBeGreaterThan(5);
    expect(text).toContain("/api/clients");
    for (const canary of CANARIES) expect(text).not.toContain(canary);
    expect(text).not.toContain(DEMO_PASSWORD);
  });
});

describe("logs of paths that carry a secret", () => {
  it("never contain a therapist's feed token or an invitation token", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "therapist@knotwork.test", password: DEMO_PASSWORD },
    });
    const cookie = `kw_session=${login.cookies.find((c) => c.name === "kw_session")?.value}`;
    const context = login.json().context as { clinicId: string };
    const [therapist] = await database.db
      .select({ id: therapists.id })
      .from(therapists)
      .where(eq(therapists.clinicId, context.clinicId))
      .innerJoin(users, eq(users.id, therapists.userId));
    const issued = await app.inject({
      method: "POST",
      url: `/api/clinic/therapists/${therapist?.id}/feed-url`,
      headers: { cookie, "x-csrf-token": login.json().csrfToken },
    });
    const feedPath = new URL(issued.json().url).pathname;
    const token = feedPath.replace(/^.*\//, "").replace(/\.ics$/, "");
    const before = logLines.length;
    expect((await app.inject({ method: "GET", url: feedPath })).statusCode).toBe(200);
    await app.inject({ method: "GET", url: `/api/feeds/therapists/${token}x.ics` });
    await app.inject({
      method: "GET",
      url: "/invite/secret-invitation-token-5a1c",
      headers: { accept: "text/html" },
    });
    const text = logLines.slice(before).join("\n");
    expect(text).toContain("/api/feeds/therapists/[redacted].ics");
    expect(text).not.toContain(token);
    expect(text).not.toContain("secret-invitation-token-5a1c");
  });
});
