/**
 * Password reset, change of password and of profile, for every role, on PGlite and PostgreSQL.
 * Links are read from the outbox, as the in-app message centre would show them without SMTP.
 */
import { and, desc, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clients, outboxMessages, passwordResets, users } from "../db/schema";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { createTestApp, ipSequence, type TestApp } from "../testing/harness";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
});
afterAll(() => t.close());

const freshIp = ipSequence(72);

interface Agent {
  get(url: string): Promise<LightMyRequestResponse>;
  send(method: "POST" | "PATCH", url: string, payload?: object): Promise<LightMyRequestResponse>;
}

/** Passwords changed by the tests below (the demo password is too weak to change back to). */
const changedPasswords = new Map<string, string>();

async function signIn(
  email: string,
  password = changedPasswords.get(email) ?? DEMO_PASSWORD,
): Promise<Agent> {
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    remoteAddress: freshIp(),
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = `kw_session=${response.cookies.find((c) => c.name === "kw_session")?.value}`;
  const csrf = response.json().csrfToken as string;
  return {
    get: (url) => t.app.inject({ method: "GET", url, headers: { cookie }, remoteAddress: freshIp() }),
    send: (method, url, payload) =>
      t.app.inject({
        method,
        url,
        headers: { cookie, "x-csrf-token": csrf },
        remoteAddress: freshIp(),
        ...(payload === undefined ? {} : { payload }),
      }),
  };
}

const publicPost = (url: string, payload: object) =>
  t.app.inject({ method: "POST", url, payload, remoteAddress: freshIp() });

async function latestMessage(to: string, kind: string) {
  const [message] = await t.database.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.toAddress, to), eq(outboxMessages.kind, kind)))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  return message;
}

function tokenIn(body: string, path: string): string {
  const match = body.match(new RegExp(`${path.replace(/[/?]/g, "\\$&")}\\?token=([A-Za-z0-9_%-]+)`));
  if (!match?.[1]) throw new Error(`no ${path} link in: ${body}`);
  return decodeURIComponent(match[1]);
}

describe("password reset by e-mailed link", () => {
  it("answers alike for known and unknown addresses, and mails a link only to a known one", async () => {
    const known = await publicPost("/api/auth/password-reset", { email: "desk@knotwork.test" });
    const unknown = await publicPost("/api/auth/password-reset", { email: "nobody@knotwork.test" });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json());
    expect(await latestMessage("desk@knotwork.test", "password_reset")).toBeDefined();
    expect(await latestMessage("nobody@knotwork.test", "password_reset")).toBeUndefined();
    const stored = await t.database.db.select().from(passwordResets);
    const body = (await latestMessage("desk@knotwork.test", "password_reset"))?.body ?? "";
    // Only the hash is stored, never the token the e-mail carries.
    expect(stored.map((r) => r.tokenHash)).not.toContain(tokenIn(body, "/reset-password"));
  });

  it("a link sets a new password once, ends every session, and the old password stops working", async () => {
    const open = await signIn("therapist@knotwork.test");
    await publicPost("/api/auth/password-reset", { email: "Therapist@Knotwork.test" });
    const message = await latestMessage("therapist@knotwork.test", "password_reset");
    const token = tokenIn(message?.body ?? "", "/reset-password");

    const weak = await publicPost("/api/auth/password-reset/confirm", { token, newPassword: "password123" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().field).toBe("newPassword");

    const reset = await publicPost("/api/auth/password-reset/confirm", {
      token,
      newPassword: "heron lantern orchard 42",
    });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await open.get("/api/auth/session")).statusCode).toBe(401);
    const again = await publicPost("/api/auth/password-reset/confirm", {
      token,
      newPassword: "another fine sentence 7",
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe("invalid_token");
    const old = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "therapist@knotwork.test", password: DEMO_PASSWORD },
      remoteAddress: freshIp(),
    });
    expect(old.statusCode).toBe(401);
    await signIn("therapist@knotwork.test", "heron lantern orchard 42");
    changedPasswords.set("therapist@knotwork.test", "heron lantern orchard 42");
  });

  it("an expired link is refused", async () => {
    await publicPost("/api/auth/password-reset", { email: "client@knotwork.test" });
    const token = tokenIn(
      (await latestMessage("client@knotwork.test", "password_reset"))?.body ?? "",
      "/reset-password",
    );
    const [user] = await t.database.db.select().from(users).where(eq(users.email, "client@knotwork.test"));
    await t.database.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.userId, user?.id ?? ""));
    const response = await publicPost("/api/auth/password-reset/confirm", {
      token,
      newPassword: "heron lantern orchard 42",
    });
    expect(response.json().code).toBe("invalid_token");
  });
});

describe("change of password", () => {
  it("needs the current password and ends the other sessions, for every role", async () => {
    for (const login of DEMO_LOGINS) {
      const current = changedPasswords.get(login.email) ?? DEMO_PASSWORD;
      const here = await signIn(login.email);
      const elsewhere = await signIn(login.email);
      const wrong = await here.send("POST", "/api/auth/password", {
        currentPassword: "not-the-password",
        newPassword: "violet harbour sketch 9",
      });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().field).toBe("currentPassword");
      const changed = await here.send("POST", "/api/auth/password", {
        currentPassword: current,
        newPassword: "violet harbour sketch 9",
      });
      expect(changed.statusCode, `${login.role}: ${changed.body}`).toBe(200);
      expect((await here.get("/api/auth/session")).statusCode).toBe(200);
      expect((await elsewhere.get("/api/auth/session")).statusCode).toBe(401);
      changedPasswords.set(login.email, "violet harbour sketch 9");
    }
  });
});

describe("profile", () => {
  it("name and phone change at once; a new e-mail only once its link is opened", async () => {
    const client = await signIn("client@knotwork.test");
    const before = await client.get("/api/account");
    expect(before.json()).toMatchObject({ email: "client@knotwork.test", pendingEmail: null });
    const updated = await client.send("PATCH", "/api/account", {
      name: "Jordan Lee-Park",
      phone: "208-555-0100",
      email: "jordan.new@example.com",
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toEqual({
      name: "Jordan Lee-Park",
      phone: "208-555-0100",
      email: "client@knotwork.test",
      pendingEmail: "jordan.new@example.com",
    });
    expect((await client.get("/api/auth/session")).json().user.name).toBe("Jordan Lee-Park");
    expect(await latestMessage("client@knotwork.test", "email_change_notice")).toBeDefined();
    const link = await latestMessage("jordan.new@example.com", "email_change");
    const token = tokenIn(link?.body ?? "", "/api/account/email/confirm");
    const confirmed = await t.app.inject({
      method: "GET",
      url: `/api/account/email/confirm?token=${encodeURIComponent(token)}`,
      headers: { accept: "text/html" },
      remoteAddress: freshIp(),
    });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe("/app/account?emailChanged=1");
    const after = (await client.get("/api/account")).json();
    expect(after).toMatchObject({ email: "jordan.new@example.com", pendingEmail: null });
    const [record] = await t.database.db
      .select()
      .from(clients)
      .where(eq(clients.email, "jordan.new@example.com"));
    expect(record?.phone).toBe("208-555-0100");
    await signIn("jordan.new@example.com", changedPasswords.get("client@knotwork.test"));
    // A used link does nothing more.
    const reused = await t.app.inject({
      method: "GET",
      url: `/api/account/email/confirm?token=${encodeURIComponent(token)}`,
      remoteAddress: freshIp(),
    });
    expect(reused.statusCode).toBe(400);
  });

  it("an address another account has meanwhile is refused at confirmation", async () => {
    const desk = await signIn("desk@knotwork.test");
    await desk.send("PATCH", "/api/account", { name: "Dana Whitfield", email: "owner@knotwork.test" });
    const token = tokenIn(
      (await latestMessage("owner@knotwork.test", "email_change"))?.body ?? "",
      "/api/account/email/confirm",
    );
    const response = await t.app.inject({
      method: "GET",
      url: `/api/account/email/confirm?token=${encodeURIComponent(token)}`,
      remoteAddress: freshIp(),
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe("email_taken");
  });

  it("bad input is a field error", async () => {
    const owner = await signIn("owner@knotwork.test");
    const response = await owner.send("PATCH", "/api/account", { name: "", email: "not-an-email" });
    expect(response.statusCode).toBe(400);
    expect((await owner.get("/api/account")).json().name).toBe("Olivia Reyes");
  });
});
