/**
 * Staff two-factor against the real app, on PGlite and PostgreSQL: enrolment, the owner's policy
 * enforced, codes not reusable, recovery codes once, the rate limit, the secret never shown again.
 */
import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSessions, recoveryCodes, users, userTotp } from "../db/schema";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { createTestApp, ipSequence, type TestApp } from "../testing/harness";
import { tokenHash } from "./tokens";
import { matchingStep, stepAt } from "./two-factor";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
});
afterAll(() => t.close());

const freshIp = ipSequence(71);

interface Agent {
  cookie: string;
  csrf: string;
  body: Record<string, unknown> & {
    twoFactor: { enrolled: boolean; passed: boolean; pending: string | null };
  };
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: object): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: object): Promise<LightMyRequestResponse>;
}

async function signIn(email: string, password = DEMO_PASSWORD): Promise<Agent> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    remoteAddress: freshIp(),
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookieValue = response.cookies.find((c) => c.name === "kw_session")?.value;
  const cookie = `kw_session=${cookieValue}`;
  const body = response.json();
  const send = (method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie, "x-csrf-token": body.csrfToken },
      remoteAddress: freshIp(),
      ...(payload === undefined ? {} : { payload }),
    });
  return {
    cookie,
    csrf: body.csrfToken,
    body,
    get: (url) => send("GET", url),
    post: (url, payload) => send("POST", url, payload),
    patch: (url, payload) => send("PATCH", url, payload),
  };
}

/** The code an authenticator app would show for this manual key at this moment. */
function codeFor(manualKey: string, atMs = Date.now()): string {
  const totp = new TOTP({ secret: Secret.fromBase32(manualKey.replace(/\s/g, "")), digits: 6, period: 30 });
  return totp.generate({ timestamp: atMs });
}

async function userId(email: string): Promise<string> {
  const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

/** Enrols the agent's account; returns the manual key and recovery codes. */
async function enrol(agent: Agent): Promise<{ manualKey: string; recoveryCodes: string[] }> {
  const started = await agent.post("/api/auth/two-factor/enrol");
  expect(started.statusCode, started.body).toBe(200);
  const { manualKey, otpauthUrl, qrSvg } = started.json();
  expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
  expect(qrSvg).toContain("<svg");
  // The code of the step before: the current step stays unused for the sign-in that follows.
  const confirmed = await agent.post("/api/auth/two-factor/confirm", {
    code: codeFor(manualKey, Date.now() - 30_000),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { manualKey, recoveryCodes: confirmed.json().recoveryCodes };
}

describe("TOTP steps", () => {
  it("accepts a code one step early or late, and names the step it belongs to", () => {
    const secret = new Secret({ size: 20 }).base32;
    const now = Date.UTC(2026, 0, 5, 12, 0, 10);
    expect(matchingStep(secret, codeFor(secret, now), now)).toBe(stepAt(now));
    expect(matchingStep(secret, codeFor(secret, now - 30_000), now)).toBe(stepAt(now) - 1);
    expect(matchingStep(secret, codeFor(secret, now + 30_000), now)).toBe(stepAt(now) + 1);
    expect(matchingStep(secret, codeFor(secret, now - 90_000), now)).toBeNull();
  });
});

describe("the owner requires two-factor for staff", () => {
  it("a therapist without two-factor is sent to enrol before anything else, then passes codes at sign-in", async () => {
    const owner = await signIn("owner@knotwork.test");
    // Before the policy: a password alone opens the therapist's work.
    const before = await signIn("therapist@knotwork.test");
    expect(before.body.twoFactor).toEqual({ enrolled: false, passed: false, pending: null });
    expect((await before.get("/api/clients")).statusCode).toBe(200);

    // The owner enrols first (the policy applies to the owner too), then requires it.
    await enrol(owner);
    const policy = await owner.patch("/api/clinic", { policies: { requireStaffTwoFactor: true } });
    expect(policy.statusCode, policy.body).toBe(200);

    // The therapist's open session is stopped at once, and a new sign-in has to enrol.
    const blocked = await before.get("/api/clients");
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe("second_factor_enrolment_required");
    const therapist = await signIn("therapist@knotwork.test");
    expect(therapist.body.twoFactor.pending).toBe("enrol");
    expect((await therapist.get("/api/clients")).json().code).toBe("second_factor_enrolment_required");
    const session = await therapist.get("/api/auth/session");
    expect(session.json().twoFactor.pending).toBe("enrol");

    const { manualKey, recoveryCodes: codes } = await enrol(therapist);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await therapist.get("/api/clients")).statusCode).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(authSessions)
      .where(eq(authSessions.idHash, tokenHash(therapist.cookie.slice("kw_session=".length))));
    expect(row?.secondFactorAt).toBeInstanceOf(Date);

    // Signing in again: the password alone opens nothing.
    const next = await signIn("therapist@knotwork.test");
    expect(next.body.twoFactor).toEqual({ enrolled: true, passed: false, pending: "verify" });
    expect((await next.get("/api/clients")).json().code).toBe("second_factor_required");
    expect((await next.post("/api/auth/two-factor/verify", { code: "000000" })).statusCode).toBe(400);
    const code = codeFor(manualKey);
    const passed = await next.post("/api/auth/two-factor/verify", { code });
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json().twoFactor).toEqual({ enrolled: true, passed: true, pending: null });
    expect((await next.get("/api/clients")).statusCode).toBe(200);

    // The same code again, in another sign-in within its window: refused.
    const replay = await signIn("therapist@knotwork.test");
    const again = await replay.post("/api/auth/two-factor/verify", { code });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe("invalid_code");

    // A recovery code works once, with or without its dash and in any case.
    const recovery = codes[0] as string;
    const withIt = await replay.post("/api/auth/two-factor/verify", { code: recovery.toUpperCase() });
    expect(withIt.statusCode, withIt.body).toBe(200);
    const third = await signIn("therapist@knotwork.test");
    expect((await third.post("/api/auth/two-factor/verify", { code: recovery })).statusCode).toBe(400);
    const status = await next.get("/api/auth/two-factor");
    expect(status.json()).toEqual({ enrolled: true, required: true, recoveryCodesLeft: 9 });

    // The secret is never shown again once confirmed, and is not stored in the clear.
    const reenrol = await next.post("/api/auth/two-factor/enrol");
    expect(reenrol.statusCode).toBe(409);
    const [stored] = await t.database.db
      .select()
      .from(userTotp)
      .where(eq(userTotp.userId, await userId("therapist@knotwork.test")));
    expect(stored?.secretSealed).not.toContain(manualKey.replace(/\s/g, ""));
    const hashes = await t.database.db
      .select()
      .from(recoveryCodes)
      .where(eq(recoveryCodes.userId, await userId("therapist@knotwork.test")));
    expect(hashes.map((h) => h.codeHash)).not.toContain(recovery);

    // Public routes act for nobody while the code is missing (no staff powers by the back door).
    await owner.patch("/api/clinic", { policies: { requireStaffTwoFactor: false } });
    const stillVerify = await signIn("therapist@knotwork.test");
    expect(stillVerify.body.twoFactor.pending).toBe("verify");
    expect((await stillVerify.get("/api/clients")).statusCode).toBe(403);
  });

  it("a client is never asked to enrol, even when the clinic requires two-factor of its staff", async () => {
    const owner = await signIn("owner@knotwork.test");
    const ownerKey = await t.database.db.select().from(userTotp);
    expect(ownerKey.length).toBeGreaterThan(0);
    // The owner passed a code in the first test's session only; this one must verify first.
    expect(owner.body.twoFactor.pending).toBe("verify");
    const client = await signIn("client@knotwork.test");
    expect(client.body.twoFactor.pending).toBeNull();
  });
});

describe("wrong codes are rate-limited", () => {
  it("after five wrong codes the sixth waits, even if it is right", async () => {
    const desk = await signIn("desk@knotwork.test");
    const { manualKey } = await enrol(desk);
    const next = await signIn("desk@knotwork.test");
    for (let i = 0; i < 5; i++) {
      const wrong = await next.post("/api/auth/two-factor/verify", {
        code: "123456" === codeFor(manualKey) ? "654321" : "123456",
      });
      expect(wrong.statusCode).toBe(400);
    }
    const limited = await next.post("/api/auth/two-factor/verify", { code: codeFor(manualKey) });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("a code that is not six digits or a recovery code is a field error, not a guess", async () => {
    const client = await signIn("client@knotwork.test");
    const response = await client.post("/api/auth/two-factor/verify", { code: "12" });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe("code");
  });
});
