/**
 * The sign-in throttle against the real app and database: parallel guesses, remembered devices,
 * progressive delay, per-IP limits shared by several servers, and which address counts as the
 * client's behind proxies (KNOTWORK_TRUST_PROXY).
 */
import { desc, eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { loadConfig, testConfig } from "../config";
import type { Database } from "../db/connect";
import { auditEvents, signInThrottle } from "../db/schema";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { createTestApp, createTestDatabase, ipSequence, type TestApp } from "../testing/harness";
import { DEVICE_COOKIE, signDevice } from "./device";
import { decideAttempt, type ThrottlePolicy } from "./throttle";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
});
afterAll(() => t.close());

const freshIp = ipSequence(30);

function login(
  app: FastifyInstance,
  email: string,
  password: string,
  options: { ip?: string; headers?: Record<string, string> } = {},
) {
  return app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    headers: options.headers ?? {},
    remoteAddress: options.ip ?? freshIp(),
  });
}

function deviceCookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === DEVICE_COOKIE);
  return cookie?.value ? `${DEVICE_COOKIE}=${cookie.value}` : undefined;
}

const statuses = (responses: LightMyRequestResponse[]) =>
  responses.reduce<Record<number, number>>((counts, r) => {
    counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
    return counts;
  }, {});

describe("the per-e-mail limit under concurrency", () => {
  it("lets at most the configured 5 of 25 parallel wrong guesses reach the password check", async () => {
    const guesses = await Promise.all(
      Array.from({ length: 25 }, (_, i) => login(t.app, "therapist@knotwork.test", `wrong-guess-${i}`)),
    );
    // A 401 is a guess whose password was verified; a 429 never got that far.
    expect(statuses(guesses)).toEqual({ 401: 5, 429: 20 });
    for (const refused of guesses.filter((g) => g.statusCode === 429)) {
      expect(refused.json()).toEqual({ code: "rate_limited", message: expect.any(String) });
      expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    }
  });
});

describe("remembered devices and progressive delay", () => {
  it("lets the owner in on a device they signed in from before, after an attacker used up the e-mail's attempts", async () => {
    const first = await login(t.app, "owner@knotwork.test", DEMO_PASSWORD);
    expect(first.statusCode).toBe(200);
    const device = deviceCookieOf(first);
    expect(device).toBeDefined();
    const deviceCookie = first.cookies.find((c) => c.name === DEVICE_COOKIE);
    expect(deviceCookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/api/auth" });

    for (let i = 0; i < 5; i++) {
      expect((await login(t.app, "owner@knotwork.test", `attacker-${i}`)).statusCode).toBe(401);
    }
    // The attacker (no device cookie) is now held back, even with the right password…
    const attacker = await login(t.app, "owner@knotwork.test", DEMO_PASSWORD);
    expect(attacker.statusCode).toBe(429);
    // …but the owner's own browser is counted on its own and gets in.
    const owner = await login(t.app, "owner@knotwork.test", DEMO_PASSWORD, {
      headers: { cookie: device as string },
    });
    expect(owner.statusCode).toBe(200);
    expect(owner.json().context.role).toBe("owner");
  });

  it("does not honour a device cookie that is forged, or issued for another account", async () => {
    const desk = await login(t.app, "desk@knotwork.test", DEMO_PASSWORD);
    const deskDevice = deviceCookieOf(desk) as string;
    const forged = `${DEVICE_COOKIE}=${signDevice("not-the-server-secret-0123456789abcdef", {
      userId: desk.json().user.id,
      deviceId: "aaaaaaaaaaaaaaaaaaaaaaaa",
    })}`;
    for (let i = 0; i < 5; i++) await login(t.app, "desk@knotwork.test", `attacker-${i}`);
    expect(
      (await login(t.app, "desk@knotwork.test", DEMO_PASSWORD, { headers: { cookie: forged } })).statusCode,
    ).toBe(429);
    for (let i = 0; i < 5; i++) await login(t.app, "client@knotwork.test", `attacker-${i}`);
    expect(
      (await login(t.app, "client@knotwork.test", DEMO_PASSWORD, { headers: { cookie: deskDevice } }))
        .statusCode,
    ).toBe(429);
    expect(
      (await login(t.app, "desk@knotwork.test", DEMO_PASSWORD, { headers: { cookie: deskDevice } }))
        .statusCode,
    ).toBe(200);
  });

  it("limits guesses on a remembered device too", async () => {
    await t.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      remoteAddress: freshIp(),
      payload: {
        clinicSlug: "demo",
        firstName: "Device",
        lastName: "Owner",
        email: "device-guess@example.com",
        password: "my-own-long-pass",
      },
    });
    const device = deviceCookieOf(
      await login(t.app, "device-guess@example.com", "my-own-long-pass"),
    ) as string;
    const headers = { cookie: device };
    for (let i = 0; i < 5; i++) {
      expect(
        (await login(t.app, "device-guess@example.com", `stolen-laptop-${i}`, { headers })).statusCode,
      ).toBe(401);
    }
    expect((await login(t.app, "device-guess@example.com", "my-own-long-pass", { headers })).statusCode).toBe(
      429,
    );
  });

  it("slows rather than locks: after the delay one more attempt runs, and the next delay is longer", async () => {
    const email = "slow-down@example.com";
    for (let i = 0; i < 5; i++) await login(t.app, email, `guess-${i}`);
    const firstRefusal = await login(t.app, email, "guess-x");
    expect(firstRefusal.statusCode).toBe(429);
    const firstWait = Number(firstRefusal.headers["retry-after"]);
    expect(firstWait).toBeGreaterThan(0);
    // Let the delay pass (move the counter's clock back rather than wait).
    await t.database.db
      .update(signInThrottle)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(signInThrottle.key, `email:${email}`));
    expect((await login(t.app, email, "guess-after-wait")).statusCode).toBe(401);
    const secondRefusal = await login(t.app, email, "guess-y");
    expect(secondRefusal.statusCode).toBe(429);
    expect(Number(secondRefusal.headers["retry-after"])).toBeGreaterThan(firstWait);
  });
});

describe("the throttle's decision", () => {
  const progressive: ThrottlePolicy = {
    max: 5,
    windowMs: 15 * 60_000,
    mode: "progressive",
    baseDelayMs: 30_000,
  };
  const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);

  it("doubles the delay after the free attempts, never beyond the window, and starts afresh after a quiet window", () => {
    let state = null;
    let now = 0;
    const waits: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      let decision = decideAttempt(state, at(now), progressive);
      if (!decision.allowed) {
        waits.push(decision.retryAfterMs / 1000);
        now += decision.retryAfterMs / 1000;
        decision = decideAttempt(state, at(now), progressive);
      }
      if (!decision.allowed) throw new Error("refused after waiting");
      state = decision.next;
    }
    expect(waits).toEqual([30, 60, 120, 240, 480, 900, 900]);
    const afterQuiet = decideAttempt(state, at(now + 900 + 15 * 60 + 1), progressive);
    expect(afterQuiet.allowed && afterQuiet.next.attempts).toBe(1);
  });

  it("refuses the fixed-window limit until the window ends", () => {
    const fixed: ThrottlePolicy = { max: 2, windowMs: 60_000, mode: "fixed" };
    let state = null;
    for (let i = 0; i < 2; i++) {
      const d = decideAttempt(state, at(i), fixed);
      if (!d.allowed) throw new Error("refused too early");
      state = d.next;
    }
    const refused = decideAttempt(state, at(10), fixed);
    expect(refused).toEqual({ allowed: false, retryAfterMs: 50_000 });
    expect(decideAttempt(state, at(60), fixed).allowed).toBe(true);
  });
});

describe("the per-IP limit", () => {
  it("is one limit for all app servers on one database, not one per server", async () => {
    const database: Database = await createTestDatabase();
    const apps = [
      await buildApp({ database, config: testConfig() }),
      await buildApp({ database, config: testConfig() }),
    ];
    try {
      const ip = "10.31.0.1";
      for (let i = 0; i < 30; i++) {
        const app = apps[i % 2] as FastifyInstance;
        // An empty password is refused (400) before any hashing, but the attempt still counts.
        expect((await login(app, `spray-${i}@example.com`, "", { ip })).statusCode).toBe(400);
      }
      for (const app of apps) {
        const limited = await login(app, "someone@example.com", "wrong-password", { ip });
        expect(limited.statusCode).toBe(429);
        expect(limited.json()).toEqual({ code: "rate_limited", message: expect.any(String) });
        expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      }
    } finally {
      for (const app of apps) await app.close();
      await database.close();
    }
  });
});

describe("which address counts as the client's (KNOTWORK_TRUST_PROXY)", () => {
  async function auditIpOfLastLogin(database: Database): Promise<string | null> {
    const [row] = await database.db
      .select({ ip: auditEvents.ip })
      .from(auditEvents)
      .where(eq(auditEvents.action, "login"))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    return row?.ip ?? null;
  }

  it("ignores X-Forwarded-For by default: the audit log and the per-IP limit see the socket's address", async () => {
    const socket = "10.32.0.1";
    await t.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      remoteAddress: freshIp(),
      payload: {
        clinicSlug: "demo",
        firstName: "Xff",
        lastName: "Person",
        email: "xff@example.com",
        password: "xff-long-password",
      },
    });
    const ok = await login(t.app, "xff@example.com", "xff-long-password", {
      ip: socket,
      headers: { "x-forwarded-for": "203.0.113.77" },
    });
    expect(ok.statusCode).toBe(200);
    expect(await auditIpOfLastLogin(t.database)).toBe(socket);
    for (let i = 1; i < 30; i++) {
      const forged = { "x-forwarded-for": `198.51.100.${i}` };
      expect(
        (await login(t.app, `forger-${i}@example.com`, "", { ip: socket, headers: forged })).statusCode,
      ).toBe(400);
    }
    const limited = await login(t.app, "forger-x@example.com", "wrong", {
      ip: socket,
      headers: { "x-forwarded-for": "198.51.100.250" },
    });
    expect(limited.statusCode).toBe(429);
  });

  it("refuses KNOTWORK_TRUST_PROXY=true at start with a message that says what to set instead", () => {
    expect(() => loadConfig({ KNOTWORK_TRUST_PROXY: "true" })).toThrow(
      /trust every hop.*KNOTWORK_TRUST_PROXY=1/s,
    );
    expect(() => loadConfig({ KNOTWORK_TRUST_PROXY: "10.0.0.0/33" })).toThrow(/10\.0\.0\.0\/33/);
    expect(loadConfig({ KNOTWORK_TRUST_PROXY: "2" }).trustProxy).toBe(2);
    expect(loadConfig({ KNOTWORK_TRUST_PROXY: " 10.0.0.0/8, 127.0.0.1 ,::1" }).trustProxy).toEqual([
      "10.0.0.0/8",
      "127.0.0.1",
      "::1",
    ]);
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it.each([
    ["one hop", "1"],
    ["the proxy's address", "10.33.0.0/16"],
  ])(
    "behind a proxy trusted by %s, takes the address the proxy saw, not one the client wrote",
    async (_, setting) => {
      const proxied = await createTestApp({
        trustProxy: loadConfig({ KNOTWORK_TRUST_PROXY: setting }).trustProxy,
      });
      try {
        await seedDemoClinic(proxied.database.db);
        const proxy = "10.33.0.9";
        // The client wrote "6.6.6.6"; the proxy appended the address it really saw.
        const headers = { "x-forwarded-for": "6.6.6.6, 198.51.100.9" };
        const ok = await login(proxied.app, "owner@knotwork.test", DEMO_PASSWORD, { ip: proxy, headers });
        expect(ok.statusCode).toBe(200);
        expect(await auditIpOfLastLogin(proxied.database)).toBe("198.51.100.9");
        // Rotating the forged part does not escape the per-IP limit of the real client.
        for (let i = 1; i < 30; i++) {
          const forged = { "x-forwarded-for": `6.6.6.${i}, 198.51.100.9` };
          await login(proxied.app, `rotating-${i}@example.com`, "", { ip: proxy, headers: forged });
        }
        const limited = await login(proxied.app, "rotating-x@example.com", "wrong", {
          ip: proxy,
          headers: { "x-forwarded-for": "6.6.6.250, 198.51.100.9" },
        });
        expect(limited.statusCode).toBe(429);
      } finally {
        await proxied.close();
      }
    },
  );
});
