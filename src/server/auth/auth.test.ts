/**
 * Sign-in, sessions and CSRF against the real app (docs/architecture.md "Reliability and security": Auth).
 * Every request comes from its own made-up IP address unless a test is about the per-IP limit, so
 * the many sign-ins here never trip the per-IP rate limit by accident.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authSessions, memberships, outboxMessages, signInThrottle, users } from "../db/schema";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { createTestApp, ipSequence, type TestApp } from "../testing/harness";
import { tokenHash } from "./tokens";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
});
afterAll(() => t.close());

const freshIp = ipSequence(20);

interface Session {
  cookie: string;
  csrfToken: string;
  body: Record<string, unknown> & { context: { role: string; clientId: string | null } | null };
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

function cookieOf(response: LightMyRequestResponse): string | undefined {
  const cookie = response.cookies.find((c) => c.name === "kw_session");
  return cookie?.value ? `kw_session=${cookie.value}` : undefined;
}

function sessionFrom(response: LightMyRequestResponse): Session {
  const cookie = cookieOf(response);
  if (!cookie) throw new Error(`no session cookie: ${response.statusCode} ${response.body}`);
  const body = response.json();
  const csrfToken = body.csrfToken as string;
  return {
    cookie,
    csrfToken,
    body,
    get: (url) => t.app.inject({ method: "GET", url, headers: { cookie }, remoteAddress: freshIp() }),
    post: (url, payload, headers = {}) =>
      t.app.inject({
        method: "POST",
        url,
        headers: { cookie, "x-csrf-token": csrfToken, ...headers },
        remoteAddress: freshIp(),
        ...(payload === undefined ? {} : { payload }),
      }),
  };
}

function login(
  email: string,
  password: string,
  options: { ip?: string; headers?: Record<string, string> } = {},
) {
  return t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    headers: options.headers ?? {},
    remoteAddress: options.ip ?? freshIp(),
  });
}

async function signIn(email: string, password = DEMO_PASSWORD): Promise<Session> {
  const response = await login(email, password);
  expect(response.statusCode).toBe(200);
  return sessionFrom(response);
}

/** Signs up, then signs in: sign-up itself answers alike for new and taken addresses, without a session. */
async function signUp(email: string, password = "a-long-enough-password"): Promise<Session> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: { clinicSlug: "demo", firstName: "Test", lastName: "Person", email, password },
    remoteAddress: freshIp(),
  });
  expect(response.statusCode).toBe(202);
  expect(cookieOf(response)).toBeUndefined();
  return signIn(email, password);
}

const sessionStatus = async (cookie: string) =>
  (await t.app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie } })).statusCode;

const EXPECTED_ROLE = {
  owner: "owner",
  therapist: "therapist",
  front_desk: "front_desk",
  client: "client",
} as const;

describe("signing in", () => {
  it.each(DEMO_LOGINS.map((l) => [l.email, l.role] as const))(
    "signs in %s and acts as %s in the demo clinic",
    async (email, role) => {
      const session = await signIn(email);
      expect(session.body.context?.role).toBe(EXPECTED_ROLE[role]);
      if (role === "client") expect(session.body.context?.clientId).toMatch(/^[0-9a-f-]{36}$/);
      else expect(session.body.context?.clientId).toBeNull();
      const current = await session.get("/api/auth/session");
      expect(current.statusCode).toBe(200);
      expect(current.json()).toMatchObject({
        user: { email },
        csrfToken: session.csrfToken,
        context: { role: EXPECTED_ROLE[role], clinicSlug: "demo" },
      });
    },
  );

  it("accepts the e-mail address in any letter case", async () => {
    const session = await signIn("  Owner@KnotWork.TEST ");
    expect(session.body.context?.role).toBe("owner");
  });

  it("sets the session cookie HttpOnly, SameSite=Lax and for the whole site", async () => {
    const response = await login("owner@knotwork.test", DEMO_PASSWORD);
    const cookie = response.cookies.find((c) => c.name === "kw_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.value.length).toBeGreaterThanOrEqual(40);
  });

  it("gives an unknown e-mail and a wrong password the identical answer and no cookie", async () => {
    const unknown = await login("nobody-here@knotwork.test", DEMO_PASSWORD);
    const wrong = await login("therapist@knotwork.test", "not-the-password");
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(unknown.statusCode);
    expect(wrong.body).toBe(unknown.body);
    expect(unknown.json()).toEqual({ code: "invalid_credentials", message: expect.any(String) });
    expect(cookieOf(unknown)).toBeUndefined();
    expect(cookieOf(wrong)).toBeUndefined();
  });
});

describe("the failed sign-in limit", () => {
  it("refuses an e-mail with 429 after the configured number of failures, even with the right password", async () => {
    const max = t.app.config.loginMaxFailures;
    expect(max).toBe(5);
    await signUp("lockout@example.com", "the-right-password");
    for (let attempt = 0; attempt < max; attempt++) {
      expect((await login("lockout@example.com", `wrong-${attempt}`)).statusCode).toBe(401);
    }
    const locked = await login("LOCKOUT@example.com", "the-right-password");
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toEqual({ code: "rate_limited", message: expect.any(String) });
    expect(cookieOf(locked)).toBeUndefined();
  });

  it("does not lock other e-mail addresses", async () => {
    await signUp("lockout-neighbour@example.com", "the-right-password");
    for (let attempt = 0; attempt < t.app.config.loginMaxFailures; attempt++) {
      await login("lockout-victim@example.com", "wrong-password");
    }
    expect((await login("lockout-victim@example.com", "wrong-password")).statusCode).toBe(429);
    expect((await login("lockout-neighbour@example.com", "the-right-password")).statusCode).toBe(200);
  });

  it("locks an unknown e-mail the same way, so the lock reveals nothing about accounts", async () => {
    for (let attempt = 0; attempt < t.app.config.loginMaxFailures; attempt++) {
      expect((await login("ghost@example.com", "wrong-password")).statusCode).toBe(401);
    }
    expect((await login("ghost@example.com", "wrong-password")).statusCode).toBe(429);
  });

  it("lifts the lock once the failures are older than the window", async () => {
    await signUp("lockout-window@example.com", "the-right-password");
    for (let attempt = 0; attempt <= t.app.config.loginMaxFailures; attempt++) {
      await login("lockout-window@example.com", "wrong-password");
    }
    expect((await login("lockout-window@example.com", "the-right-password")).statusCode).toBe(429);
    const windowMinutes = t.app.config.loginWindowMinutes;
    const longAgo = new Date(Date.now() - (windowMinutes + 1) * 60_000);
    await t.database.db
      .update(signInThrottle)
      .set({ windowStart: longAgo, lastAttemptAt: longAgo, nextAttemptAt: longAgo })
      .where(eq(signInThrottle.key, "email:lockout-window@example.com"));
    expect((await login("lockout-window@example.com", "the-right-password")).statusCode).toBe(200);
  });

  it("forgets earlier failures after a successful sign-in", async () => {
    await signUp("lockout-reset@example.com", "the-right-password");
    const max = t.app.config.loginMaxFailures;
    for (let attempt = 0; attempt < max - 1; attempt++) await login("lockout-reset@example.com", "wrong");
    expect((await login("lockout-reset@example.com", "the-right-password")).statusCode).toBe(200);
    for (let attempt = 0; attempt < max - 1; attempt++) await login("lockout-reset@example.com", "wrong");
    expect((await login("lockout-reset@example.com", "the-right-password")).statusCode).toBe(200);
  });

  it("limits sign-in attempts from one address to 30 a minute, whatever the e-mail", async () => {
    const ip = "10.99.0.1";
    for (let attempt = 0; attempt < 30; attempt++) {
      expect((await login(`spray-${attempt}@example.com`, "wrong-password", { ip })).statusCode).toBe(401);
    }
    const limited = await login("owner@knotwork.test", DEMO_PASSWORD, { ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ code: "rate_limited", message: expect.any(String) });
    expect((await login("owner@knotwork.test", DEMO_PASSWORD, { ip: "10.99.0.2" })).statusCode).toBe(200);
  });
});

describe("sessions", () => {
  it("issues a new session id at sign-in; an unknown id presented before it is not adopted", async () => {
    const planted = "kw_session=attacker-chosen-session-id-0123456789abcdef";
    const response = await login("therapist@knotwork.test", DEMO_PASSWORD, { headers: { cookie: planted } });
    expect(response.statusCode).toBe(200);
    expect(cookieOf(response)).toBeDefined();
    expect(cookieOf(response)).not.toBe(planted);
    expect(await sessionStatus(planted)).toBe(401);
  });

  it("ends the session presented at sign-in, so the cookie from before no longer works", async () => {
    const before = await signIn("client@knotwork.test");
    const response = await login("owner@knotwork.test", DEMO_PASSWORD, {
      headers: { cookie: before.cookie, "x-csrf-token": before.csrfToken },
    });
    expect(response.statusCode).toBe(200);
    const after = sessionFrom(response);
    expect(after.cookie).not.toBe(before.cookie);
    expect(await sessionStatus(before.cookie)).toBe(401);
    expect(await sessionStatus(after.cookie)).toBe(200);
  });

  it("gives every sign-in its own session and CSRF token", async () => {
    const a = await signIn("desk@knotwork.test");
    const b = await signIn("desk@knotwork.test");
    expect(a.cookie).not.toBe(b.cookie);
    expect(a.csrfToken).not.toBe(b.csrfToken);
  });

  it("stores only a hash of the session id", async () => {
    const session = await signIn("desk@knotwork.test");
    const raw = session.cookie.slice("kw_session=".length);
    const byRaw = await t.database.db.select().from(authSessions).where(eq(authSessions.idHash, raw));
    const byHash = await t.database.db
      .select()
      .from(authSessions)
      .where(eq(authSessions.idHash, tokenHash(raw)));
    expect(byRaw).toHaveLength(0);
    expect(byHash).toHaveLength(1);
  });

  it("ends the session at logout: the old cookie gets 401 and the cookie is cleared", async () => {
    const session = await signIn("therapist@knotwork.test");
    const other = await signIn("therapist@knotwork.test");
    const response = await session.post("/api/auth/logout");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    const cleared = response.cookies.find((c) => c.name === "kw_session");
    expect(cleared?.value).toBe("");
    expect(await sessionStatus(session.cookie)).toBe(401);
    expect((await session.get("/api/clinic")).statusCode).toBe(401);
    // Only that session: the same person's other session stays.
    expect(await sessionStatus(other.cookie)).toBe(200);
  });

  it("refuses logout without a session", async () => {
    const response = await t.app.inject({ method: "POST", url: "/api/auth/logout" });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ code: "unauthenticated", message: expect.any(String) });
  });

  it("ends a session that has been idle longer than the idle timeout", async () => {
    const session = await signIn("desk@knotwork.test");
    const idleMinutes = t.app.config.sessionIdleMinutes;
    const idHash = tokenHash(session.cookie.slice("kw_session=".length));
    await t.database.db
      .update(authSessions)
      .set({ lastSeenAt: new Date(Date.now() - (idleMinutes + 1) * 60_000) })
      .where(eq(authSessions.idHash, idHash));
    expect(await sessionStatus(session.cookie)).toBe(401);
    expect(
      await t.database.db.select().from(authSessions).where(eq(authSessions.idHash, idHash)),
    ).toHaveLength(0);
  });

  it("keeps a session alive while it is used within the idle timeout, and records the use", async () => {
    const session = await signIn("desk@knotwork.test");
    const idleMinutes = t.app.config.sessionIdleMinutes;
    const idHash = tokenHash(session.cookie.slice("kw_session=".length));
    const nearlyIdle = new Date(Date.now() - (idleMinutes - 1) * 60_000);
    await t.database.db
      .update(authSessions)
      .set({ lastSeenAt: nearlyIdle })
      .where(eq(authSessions.idHash, idHash));
    expect(await sessionStatus(session.cookie)).toBe(200);
    const [row] = await t.database.db.select().from(authSessions).where(eq(authSessions.idHash, idHash));
    expect(row?.lastSeenAt.getTime()).toBeGreaterThan(nearlyIdle.getTime());
  });

  it("ends a session past its absolute lifetime even if it was used a moment ago", async () => {
    const session = await signIn("desk@knotwork.test");
    const idHash = tokenHash(session.cookie.slice("kw_session=".length));
    await t.database.db
      .update(authSessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() - 1000) })
      .where(eq(authSessions.idHash, idHash));
    expect(await sessionStatus(session.cookie)).toBe(401);
  });

  it("sets the absolute lifetime from the configuration", async () => {
    const session = await signIn("desk@knotwork.test");
    const idHash = tokenHash(session.cookie.slice("kw_session=".length));
    const [row] = await t.database.db.select().from(authSessions).where(eq(authSessions.idHash, idHash));
    const lifetimeHours = ((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)) / 3_600_000;
    expect(Math.round(lifetimeHours)).toBe(t.app.config.sessionAbsoluteHours);
  });
});

describe("changing the password", () => {
  it("ends the user's other sessions but not the current one, and the old password stops working", async () => {
    const current = await signUp("changer@example.com", "old-password-123");
    const elsewhere = await signIn("changer@example.com", "old-password-123");
    const response = await current.post("/api/auth/password", {
      currentPassword: "old-password-123",
      newPassword: "new-password-456",
    });
    expect(response.statusCode).toBe(200);
    expect(await sessionStatus(elsewhere.cookie)).toBe(401);
    expect(await sessionStatus(current.cookie)).toBe(200);
    expect((await login("changer@example.com", "old-password-123")).statusCode).toBe(401);
    expect((await login("changer@example.com", "new-password-456")).statusCode).toBe(200);
  });

  it("refuses a wrong current password with 400 on the currentPassword field and changes nothing", async () => {
    const session = await signUp("changer-2@example.com", "old-password-123");
    const response = await session.post("/api/auth/password", {
      currentPassword: "not-my-password",
      newPassword: "new-password-456",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: "invalid_credentials",
      message: expect.any(String),
      field: "currentPassword",
    });
    expect((await login("changer-2@example.com", "old-password-123")).statusCode).toBe(200);
  });

  it("refuses a new password shorter than 10 characters", async () => {
    const session = await signUp("changer-3@example.com", "old-password-123");
    const response = await session.post("/api/auth/password", {
      currentPassword: "old-password-123",
      newPassword: "short",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "invalid_request", field: "newPassword" });
  });
});

describe("CSRF protection", () => {
  it("refuses a cookie-authenticated POST without the x-csrf-token header with 403 csrf", async () => {
    const session = await signIn("owner@knotwork.test");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: session.cookie },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: "csrf", message: expect.any(String) });
    expect(await sessionStatus(session.cookie)).toBe(200);
  });

  it("refuses a cookie-authenticated write with another session's CSRF token", async () => {
    const session = await signIn("owner@knotwork.test");
    const other = await signIn("owner@knotwork.test");
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/clinic",
      headers: { cookie: session.cookie, "x-csrf-token": other.csrfToken },
      payload: { name: "Hijacked" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: "csrf" });
    const clinic = await session.get("/api/clinic");
    expect(clinic.json().name).toBe("Knotwork Demo Clinic");
  });

  it("refuses a write from a foreign Origin even with the right token", async () => {
    const session = await signIn("owner@knotwork.test");
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/clinic",
      headers: {
        host: "clinic.example",
        origin: "https://evil.example",
        cookie: session.cookie,
        "x-csrf-token": session.csrfToken,
      },
      payload: { name: "Hijacked" },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: "csrf" });
  });

  it("refuses a sign-in posted from a foreign Origin or an opaque one", async () => {
    for (const origin of ["https://evil.example", "null"]) {
      const response = await login("owner@knotwork.test", DEMO_PASSWORD, {
        headers: { host: "clinic.example", origin },
      });
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ code: "csrf" });
      expect(cookieOf(response)).toBeUndefined();
    }
  });

  it("refuses an Origin with the same host but another scheme or port", async () => {
    const session = await signIn("owner@knotwork.test");
    // The test server speaks plain HTTP with secure cookies off: its own origin is http://clinic.example.
    for (const origin of ["https://clinic.example", "http://clinic.example:8080"]) {
      const response = await t.app.inject({
        method: "PATCH",
        url: "/api/clinic",
        headers: {
          host: "clinic.example",
          origin,
          cookie: session.cookie,
          "x-csrf-token": session.csrfToken,
        },
        payload: { name: "Hijacked" },
      });
      expect(response.statusCode, origin).toBe(403);
      expect(response.json()).toMatchObject({ code: "csrf" });
    }
  });

  it("accepts a write from the same origin with the session's token", async () => {
    const session = await signIn("owner@knotwork.test");
    const response = await t.app.inject({
      method: "PATCH",
      url: "/api/clinic",
      headers: {
        host: "clinic.example",
        origin: "http://clinic.example",
        cookie: session.cookie,
        "x-csrf-token": session.csrfToken,
      },
      payload: { phone: "208-555-0101" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().phone).toBe("208-555-0101");
  });
});

describe("client sign-up", () => {
  it("creates a client at the clinic and signs them in as that client", async () => {
    const session = await signUp("new.client@example.com");
    expect(session.body.context).toMatchObject({ role: "client", clinicSlug: "demo" });
    const clientId = session.body.context?.clientId as string;
    const own = await session.get(`/api/clients/${clientId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ id: clientId, email: "new.client@example.com", hasLogin: true });
    const owner = await signIn("owner@knotwork.test");
    const search = await owner.get("/api/clients?q=new.client");
    expect(search.json().map((c: { id: string }) => c.id)).toEqual([clientId]);
  });

  it("answers a sign-up for a taken address exactly like one for a new address, and tells the owner by e-mail", async () => {
    const attempt = (email: string, firstName: string) =>
      t.app.inject({
        method: "POST",
        url: "/api/auth/signup",
        remoteAddress: freshIp(),
        payload: { clinicSlug: "demo", firstName, lastName: "Cat", email, password: "copycat-password-9" },
      });
    const taken = await attempt("Client@Knotwork.test", "Copy");
    const fresh = await attempt("brand.new.person@example.com", "Brand");
    expect(taken.statusCode).toBe(202);
    expect(fresh.statusCode).toBe(taken.statusCode);
    expect(taken.body).toBe(fresh.body);
    expect(cookieOf(taken)).toBeUndefined();
    expect(cookieOf(fresh)).toBeUndefined();
    // The existing account is untouched: its password still works, the copycat's does not.
    expect((await login("client@knotwork.test", DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await login("client@knotwork.test", "copycat-password-9")).statusCode).toBe(401);
    const toOwner = await t.database.db
      .select()
      .from(outboxMessages)
      // Not the demo's messages about Jordan's appointments (src/server/seed/demo-notify.ts).
      .where(and(eq(outboxMessages.toAddress, "client@knotwork.test"), isNull(outboxMessages.appointmentId)));
    expect(toOwner.map((m) => m.kind)).toEqual(["signup_attempt"]);
    expect(toOwner[0]?.body).toContain("No new account was created");
  });

  it("refuses an unknown clinic with 400 on the clinicSlug field", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      remoteAddress: freshIp(),
      payload: {
        clinicSlug: "no-such-clinic",
        firstName: "Lost",
        lastName: "Person",
        email: "lost@example.com",
        password: "a-long-enough-password",
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      code: "unknown_clinic",
      message: expect.any(String),
      field: "clinicSlug",
    });
    const rows = await t.database.db.select().from(users).where(eq(users.email, "lost@example.com"));
    expect(rows).toHaveLength(0);
  });
});

describe("staff invitations", () => {
  async function invite(by: Session, email: string, role: string) {
    return by.post("/api/staff/invitations", { email, name: "Invited Person", role });
  }
  const tokenOf = (response: LightMyRequestResponse) =>
    new URL(response.json().acceptUrl).pathname.split("/").pop() as string;

  async function accept(token: string, password = "invited-password-1") {
    return t.app.inject({
      method: "POST",
      url: "/api/auth/invitations/accept",
      payload: { token, password },
      remoteAddress: freshIp(),
    });
  }

  it("lets the owner invite a therapist who accepts, then signs in as a therapist of the clinic", async () => {
    const owner = await signIn("owner@knotwork.test");
    const invitation = await invite(owner, "new.therapist@example.com", "therapist");
    expect(invitation.statusCode).toBe(201);
    expect(invitation.json()).toMatchObject({ email: "new.therapist@example.com", role: "therapist" });
    const outbox = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, "new.therapist@example.com"));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.body).toContain(invitation.json().acceptUrl);

    const accepted = await accept(tokenOf(invitation));
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().context).toMatchObject({ role: "therapist", clinicSlug: "demo" });

    const again = await signIn("new.therapist@example.com", "invited-password-1");
    expect(again.body.context?.role).toBe("therapist");
    const therapists = await again.get("/api/clinic/therapists");
    expect(therapists.json().map((x: { displayName: string }) => x.displayName)).toContain("Invited Person");
    const staff = await owner.get("/api/staff");
    expect(staff.json()).toContainEqual(
      expect.objectContaining({ email: "new.therapist@example.com", role: "therapist" }),
    );
  });

  it("lets an invitation be used only once", async () => {
    const owner = await signIn("owner@knotwork.test");
    const invitation = await invite(owner, "once@example.com", "front_desk");
    expect((await accept(tokenOf(invitation))).statusCode).toBe(200);
    const second = await accept(tokenOf(invitation), "another-password-2");
    expect(second.statusCode).toBe(400);
    expect(second.json()).toEqual({ code: "invalid_invitation", message: expect.any(String) });
  });

  it("refuses an expired or made-up invitation token", async () => {
    const owner = await signIn("owner@knotwork.test");
    const invitation = await invite(owner, "late@example.com", "front_desk");
    await t.database.db.execute(
      sql`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = 'late@example.com'`,
    );
    expect((await accept(tokenOf(invitation))).statusCode).toBe(400);
    expect((await accept("made-up-token-0123456789")).statusCode).toBe(400);
  });

  it.each(["therapist@knotwork.test", "desk@knotwork.test", "client@knotwork.test"])(
    "does not let %s invite staff (403)",
    async (email) => {
      const session = await signIn(email);
      const response = await invite(session, `by-${email}`, "owner");
      expect(response.statusCode).toBe(403);
      expect(response.json()).toEqual({ code: "forbidden", message: expect.any(String) });
      const rows = await t.database.db.execute(sql`SELECT 1 FROM invitations WHERE email = ${`by-${email}`}`);
      expect((rows as unknown as { rows: unknown[] }).rows).toHaveLength(0);
    },
  );

  it("applies the removal of a membership on the very next request of a signed-in staff member", async () => {
    const owner = await signIn("owner@knotwork.test");
    const invitation = await invite(owner, "leaver@example.com", "front_desk");
    const leaver = sessionFrom(await accept(tokenOf(invitation)));
    expect((await leaver.get("/api/staff")).statusCode).toBe(200);
    const userId = (leaver.body.user as { id: string }).id;
    await t.database.db.delete(memberships).where(and(eq(memberships.userId, userId)));
    const after = await leaver.get("/api/staff");
    expect(after.statusCode).toBe(403);
    expect((await leaver.get("/api/clients")).statusCode).toBe(403);
    const current = await leaver.get("/api/auth/session");
    expect(current.json().context).toBeNull();
  });
});
