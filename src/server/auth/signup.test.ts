/**
 * Client sign-up against the real app: weak passwords are refused with `weak_password`, the
 * address is confirmed through a link in the outbox (only its hash is stored), and what an account
 * whose address is not yet confirmed can do.
 */
import { and, asc, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailVerifications, outboxMessages, users } from "../db/schema";
import { seedDemoClinic } from "../seed/demo";
import { createTestApp, ipSequence, type TestApp } from "../testing/harness";
import { tokenHash } from "./tokens";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
});
afterAll(() => t.close());

const freshIp = ipSequence(40);

function signUp(email: string, password = "a-long-enough-password", firstName = "Robin") {
  return t.app.inject({
    method: "POST",
    url: "/api/auth/signup",
    remoteAddress: freshIp(),
    payload: { clinicSlug: "demo", firstName, lastName: "Signup", email, password },
  });
}

function login(email: string, password: string) {
  return t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: freshIp(),
    payload: { email, password },
  });
}

async function messagesTo(email: string) {
  // Oldest first: "the newest link" is the last one (a table scan gives no order of its own).
  return t.database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.toAddress, email))
    .orderBy(asc(outboxMessages.createdAt));
}

/** The link in the newest verification e-mail to the address. */
async function verificationLink(email: string): Promise<URL> {
  const messages = (await messagesTo(email)).filter((m) => m.kind === "verify_email");
  const body = messages.at(-1)?.body ?? "";
  const link = body.match(/https?:\/\/\S+\/api\/auth\/verify-email\?token=\S+/)?.[0];
  if (!link) throw new Error(`no verification link to ${email}`);
  return new URL(link);
}

const verify = (url: URL, accept = "application/json") =>
  t.app.inject({
    method: "GET",
    url: `${url.pathname}${url.search}`,
    headers: { accept },
    remoteAddress: freshIp(),
  });

const sessionOf = (response: LightMyRequestResponse) => {
  const cookie = response.cookies.find((c) => c.name === "kw_session");
  return { cookie: `kw_session=${cookie?.value}`, csrfToken: response.json().csrfToken as string };
};

describe("weak passwords", () => {
  it.each([
    ["aaaaaaaaaa", "repetitive"],
    ["1234567890", "sequence"],
    ["password12", "common"],
    ["          ", "repetitive"],
    ["qwertyuiop", "sequence"],
    ["robinsignup1", "personal"],
  ])(
    "refuses %j at sign-up with 400 weak_password on the password field, and creates nothing",
    async (password) => {
      const email = `weak-${Math.random().toString(36).slice(2)}@example.com`;
      const response = await signUp(email, password);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        code: "weak_password",
        message: expect.any(String),
        field: "password",
      });
      expect(response.json().message).toMatch(/[a-z] [a-z]/);
      expect(await t.database.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    },
  );

  it("refuses a weak new password when changing it, on the newPassword field", async () => {
    expect((await signUp("changing-weak@example.com", "first-strong-pass")).statusCode).toBe(202);
    const session = sessionOf(await login("changing-weak@example.com", "first-strong-pass"));
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
      payload: { currentPassword: "first-strong-pass", newPassword: "password12" },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: "weak_password", field: "newPassword" });
  });
});

describe("e-mail verification", () => {
  it("e-mails a link through the outbox and stores only the token's hash", async () => {
    const response = await signUp("verify-me@example.com");
    expect(response.statusCode).toBe(202);
    expect(response.json()).toEqual({ ok: true, message: expect.any(String) });
    const link = await verificationLink("verify-me@example.com");
    expect(link.origin).toBe(t.app.config.publicUrl);
    const token = link.searchParams.get("token") as string;
    expect(token.length).toBeGreaterThanOrEqual(40);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, "verify-me@example.com"));
    const stored = await t.database.db
      .select()
      .from(emailVerifications)
      .where(eq(emailVerifications.userId, user?.id as string));
    expect(stored.map((s) => s.tokenHash)).toEqual([tokenHash(token)]);
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("lets a new account sign in before confirming, marked unconfirmed, and confirms it with the link once", async () => {
    await signUp("confirm-later@example.com");
    const before = await login("confirm-later@example.com", "a-long-enough-password");
    expect(before.statusCode).toBe(200);
    expect(before.json().user.emailVerified).toBe(false);
    expect(before.json().context).toMatchObject({ role: "client", clinicSlug: "demo" });

    const link = await verificationLink("confirm-later@example.com");
    const confirmed = await verify(link);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ ok: true });
    const session = sessionOf(before);
    const current = await t.app.inject({
      method: "GET",
      url: "/api/auth/session",
      headers: { cookie: session.cookie },
    });
    expect(current.json().user.emailVerified).toBe(true);

    const again = await verify(link);
    expect(again.statusCode).toBe(400);
    expect(again.json()).toEqual({ code: "invalid_token", message: expect.any(String) });
  });

  it("sends a browser back to the app after confirming, and says so when the link is spent", async () => {
    await signUp("browser-confirm@example.com");
    const link = await verificationLink("browser-confirm@example.com");
    const first = await verify(link, "text/html,application/xhtml+xml");
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe("/app?emailVerified=1");
    const second = await verify(link, "text/html");
    expect(second.headers.location).toBe("/app?emailVerified=0");
  });

  it("refuses an expired link, a made-up one, and one for an address the account no longer has", async () => {
    await signUp("expired-link@example.com");
    const expired = await verificationLink("expired-link@example.com");
    await t.database.db
      .update(emailVerifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailVerifications.tokenHash, tokenHash(expired.searchParams.get("token") as string)));
    expect((await verify(expired)).statusCode).toBe(400);

    const madeUp = new URL(expired);
    madeUp.searchParams.set("token", "made-up-token-0123456789abcdef");
    expect((await verify(madeUp)).statusCode).toBe(400);

    await signUp("moved-address@example.com");
    const moved = await verificationLink("moved-address@example.com");
    await t.database.db
      .update(users)
      .set({ email: "moved-elsewhere@example.com" })
      .where(eq(users.email, "moved-address@example.com"));
    expect((await verify(moved)).statusCode).toBe(400);
    const [user] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, "moved-elsewhere@example.com"));
    expect(user?.emailVerifiedAt).toBeNull();
  });

  it("re-sends a link when an unconfirmed address signs up again; the new password applies only once that link is opened", async () => {
    await signUp("twice@example.com", "the-first-password");
    const squatter = sessionOf(await login("twice@example.com", "the-first-password"));
    const again = await signUp("twice@example.com", "a-second-password", "Intruder");
    expect(again.statusCode).toBe(202);
    const links = (await messagesTo("twice@example.com")).filter((m) => m.kind === "verify_email");
    expect(links).toHaveLength(2);
    expect((await login("twice@example.com", "a-second-password")).statusCode).toBe(401);
    expect((await login("twice@example.com", "the-first-password")).statusCode).toBe(200);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, "twice@example.com"));
    expect(user?.name).toBe("Robin Signup");

    // The owner of the mailbox opens the newest link: their password now works, the first one's
    // holder is signed out and locked out.
    expect((await verify(await verificationLink("twice@example.com"))).statusCode).toBe(200);
    expect((await login("twice@example.com", "a-second-password")).statusCode).toBe(200);
    expect((await login("twice@example.com", "the-first-password")).statusCode).toBe(401);
    const old = await t.app.inject({
      method: "GET",
      url: "/api/auth/session",
      headers: { cookie: squatter.cookie },
    });
    expect(old.statusCode).toBe(401);
  });

  it("tells a confirmed account's owner about a sign-up attempt at most once an hour", async () => {
    for (let i = 0; i < 3; i++) expect((await signUp("owner@knotwork.test")).statusCode).toBe(202);
    const notices = await t.database.db
      .select()
      .from(outboxMessages)
      .where(
        and(eq(outboxMessages.toAddress, "owner@knotwork.test"), eq(outboxMessages.kind, "signup_attempt")),
      );
    expect(notices).toHaveLength(1);
  });

  it("treats accounts made before verification existed, by the seed or by invitation, as confirmed", async () => {
    const response = await login("therapist@knotwork.test", "knotwork-demo");
    expect(response.json().user.emailVerified).toBe(true);
  });
});
