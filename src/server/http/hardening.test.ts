/**
 * HTTP-level hardening: no copy of personal data in caches (Cache-Control: no-store), HSTS only over
 * HTTPS, the API error shape even for what Node's parser refuses (tested over a real socket, since
 * `inject` bypasses the parser), and names that cannot carry line breaks or control characters.
 */
import { connect } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, clients } from "../db/schema";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { type Agent, createTestApp, signIn, type TestApp } from "../testing/harness";

let t: TestApp;
let owner: Agent;
let client: Agent;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  owner = await signIn(t.app, "owner@knotwork.test", DEMO_PASSWORD);
  client = await signIn(t.app, "client@knotwork.test", DEMO_PASSWORD);
});
afterAll(() => t.close());

/** Sends raw bytes to a listening server and returns the raw answer. */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("utf8");
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", (error) => (answer ? resolve(answer) : reject(error)));
    socket.write(request);
  });
}

function parseRaw(answer: string): { status: number; headers: string; body: unknown } {
  const [head = "", body = ""] = answer.split("\r\n\r\n");
  const status = Number(head.split(" ")[1]);
  return { status, headers: head.toLowerCase(), body: body ? JSON.parse(body) : null };
}

describe("Cache-Control on API answers", () => {
  it("sends no-store on answers with personal and health data", async () => {
    const [someClient] = await t.database.db.select({ id: clients.id }).from(clients).limit(1);
    const [someAppointment] = await t.database.db
      .select({ id: appointments.id })
      .from(appointments)
      .where(eq(appointments.clinicId, (await owner.request("GET", "/api/clinic")).json().id))
      .limit(1);
    const answers = [
      await owner.request("GET", `/api/clients/${someClient?.id}`),
      await owner.request("GET", `/api/clients/${someClient?.id}/intake`),
      await owner.request("GET", `/api/appointments/${someAppointment?.id}`),
      await client.request("GET", "/api/me/intake"),
      await owner.request("GET", "/api/auth/session"),
    ];
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBeLessThan(300);
      expect(answer.headers["cache-control"]).toBe("no-store");
    }
  });

  it("sends no-store on API errors too, and keeps a route's own caching of public atlas data", async () => {
    const missing = await t.app.inject({ method: "GET", url: "/api/clients/not-a-uuid" });
    expect(missing.headers["cache-control"]).toBe("no-store");
    const atlas = await t.app.inject({ method: "GET", url: "/api/atlas/muscles" });
    expect(atlas.statusCode).toBe(200);
    expect(atlas.headers["cache-control"]).toMatch(/max-age/);
  });
});

describe("HSTS", () => {
  it("is not sent over plain HTTP with secure cookies off (the default outside production)", async () => {
    const response = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(response.headers["strict-transport-security"]).toBeUndefined();
  });

  it("is sent when secure cookies are on (the site is served over HTTPS)", async () => {
    const secure = await createTestApp({ secureCookies: true });
    try {
      const response = await secure.app.inject({ method: "GET", url: "/api/health" });
      expect(response.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });
});

describe("errors Node's HTTP parser raises", () => {
  let port: number;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const address = t.app.server.address();
    port = typeof address === "object" && address ? address.port : 0;
  });

  it("answers a 64 KB query string with 431 in the API error shape", async () => {
    const query = "q=".padEnd(64 * 1024, "x");
    const answer = parseRaw(
      await rawRequest(port, `GET /api/clients?${query} HTTP/1.1\r\nHost: localhost\r\n\r\n`),
    );
    expect(answer.status).toBe(431);
    expect(answer.headers).toContain("content-type: application/json");
    expect(answer.body).toEqual({ code: "headers_too_large", message: expect.any(String) });
  });

  it("answers a request that is not HTTP with 400 in the API error shape", async () => {
    const answer = parseRaw(await rawRequest(port, "GET /api/health HTTP/1.1\r\nHost localhost\r\n\r\n"));
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: "bad_request", message: expect.any(String) });
  });

  it("answers an over-long path parameter with 414 in the API error shape, without echoing it", async () => {
    const id = "x".repeat(500);
    const response = await t.app.inject({ method: "GET", url: `/api/clients/${id}` });
    expect(response.statusCode).toBe(414);
    expect(response.json()).toEqual({ code: "uri_too_long", message: expect.any(String) });
    expect(response.body).not.toContain(id);
  });
});

describe("names", () => {
  it.each([
    ["a line break", "Ann\nLee"],
    ["a carriage return", "Ann\r\nBcc: someone@example.com"],
    ["a tab", "Ann\tLee"],
    ["an escape character", "Ann\u001b[31mLee"],
    ["a C1 control character", "Ann\u0085Lee"],
    ["a Unicode line separator", "Ann\u2028Lee"],
  ])("refuses %s in a person's name at sign-up, on that field", async (_, firstName) => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      remoteAddress: "10.41.0.1",
      payload: {
        clinicSlug: "demo",
        firstName,
        lastName: "Lee",
        email: "names@example.com",
        password: "a-long-enough-password",
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid_request", field: "firstName" });
  });

  it("refuses line breaks in a staff invitation's name, the clinic's name and a room's name", async () => {
    const refused = [
      await owner.request("POST", "/api/staff/invitations", {
        email: "crlf@example.com",
        name: "Eve\r\nAdmin",
        role: "front_desk",
      }),
      await owner.request("PATCH", "/api/clinic", { name: "Clinic\nBcc: x@example.com" }),
      await owner.request("POST", "/api/clinic/rooms", { name: "Room\n2" }),
    ];
    for (const response of refused) {
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json()).toMatchObject({ code: "invalid_request", field: "name" });
    }
  });

  it("still accepts names in any script, with accents, apostrophes and hyphens", async () => {
    const response = await owner.request("POST", "/api/staff/invitations", {
      email: "unicode-name@example.com",
      name: "Zoë O'Brien-Łukasiewicz 山田",
      role: "front_desk",
    });
    expect(response.statusCode).toBe(201);
  });
});
