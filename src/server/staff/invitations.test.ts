import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoIds, openDemoWorld } from "../appointments/test-helpers";
import { invitations, memberships, therapists, users } from "../db/schema";
import { DEMO_PASSWORD } from "../seed/demo";
import { type Agent, signIn, type TestApp } from "../testing/harness";

let t: TestApp;
let ids: DemoIds;
let owner: Agent;
let desk: Agent;

beforeAll(async () => {
  ({ t, ids, owner, desk } = await openDemoWorld());
});
afterAll(() => t.close());

let ipCounter = 0;
const freshIp = () => `10.88.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

async function invite(body: Record<string, unknown>) {
  const response = await owner.request("POST", "/api/staff/invitations", { name: "Invited Person", ...body });
  if (response.statusCode !== 201) throw new Error(`invite failed: ${response.statusCode} ${response.body}`);
  return response;
}
const tokenOf = (response: LightMyRequestResponse) =>
  new URL(response.json().acceptUrl).pathname.split("/").pop() as string;

function accept(payload: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "POST",
    url: "/api/auth/invitations/accept",
    payload,
    headers,
    remoteAddress: freshIp(),
  });
}

async function therapistRowsOf(email: string) {
  return t.database.db
    .select({ id: therapists.id })
    .from(therapists)
    .innerJoin(users, eq(users.id, therapists.userId))
    .where(and(eq(therapists.clinicId, ids.clinicId), eq(users.email, email)));
}

type Member = { name: string; therapistId: string | null; hasSignIn: boolean; invitedUntil: string | null };
async function team(): Promise<Member[]> {
  const response = await desk.request("GET", "/api/staff");
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe("accepting an invitation", () => {
  it("succeeds exactly once when the same link is accepted 20 times in parallel", async () => {
    const token = tokenOf(await invite({ email: "racer@example.com", role: "therapist" }));
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => accept({ token, password: "racer-password-1" })),
    );
    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 400)).toHaveLength(19);
    for (const r of responses.filter((r) => r.statusCode === 400))
      expect(r.json()).toEqual({ code: "invalid_invitation", message: expect.any(String) });
    expect(await therapistRowsOf("racer@example.com")).toHaveLength(1);
    const accounts = await t.database.db.select().from(users).where(eq(users.email, "racer@example.com"));
    expect(accounts).toHaveLength(1);
  });

  it("re-inviting an existing therapist links the invitation to their row and adds no second one", async () => {
    const response = await invite({
      email: "therapist@knotwork.test",
      role: "therapist",
      name: "Marcus Bell",
    });
    expect(response.json().existingAccount).toBe(true);
    const [stored] = await t.database.db
      .select()
      .from(invitations)
      .where(eq(invitations.id, response.json().id));
    expect(stored?.therapistId).toBe(ids.marcus);
    const accepted = await accept({ token: tokenOf(response), password: DEMO_PASSWORD });
    expect(accepted.statusCode).toBe(200);
    expect(await therapistRowsOf("therapist@knotwork.test")).toEqual([{ id: ids.marcus }]);
  });

  it("refuses a second therapist row for one person in one clinic (database constraint)", async () => {
    const [marcusRow] = await t.database.db.select().from(therapists).where(eq(therapists.id, ids.marcus));
    await expect(
      t.database.db.insert(therapists).values({
        clinicId: ids.clinicId,
        userId: marcusRow?.userId,
        displayName: "Marcus again",
        feedTokenHash: "x".repeat(64),
      }),
    ).rejects.toThrow();
  });
});

describe("an invitation to an address that already has an account", () => {
  it("asks that account to sign in: its password, or its session, and never a new password", async () => {
    const response = await invite({ email: "client@knotwork.test", role: "therapist", name: "Jordan Lee" });
    const token = tokenOf(response);
    const preview = await t.app.inject({
      method: "GET",
      url: `/api/auth/invitations/preview?token=${token}`,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({
      clinicName: "Knotwork Demo Clinic",
      email: "client@knotwork.test",
      name: "Jordan Lee",
      role: "therapist",
      existingAccount: true,
    });
    const noPassword = await accept({ token });
    expect(noPassword.statusCode).toBe(401);
    expect(noPassword.json()).toMatchObject({ code: "sign_in_required", field: "password" });
    const wrong = await accept({ token, password: "not-the-password" });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: "invalid_credentials", field: "password" });

    // Signed in as the invited account, accepting needs no password.
    const session = await signIn(t.app, "client@knotwork.test", DEMO_PASSWORD);
    const accepted = await accept({ token }, { cookie: session.cookie, "x-csrf-token": session.csrfToken });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().contexts).toContainEqual(expect.objectContaining({ role: "therapist" }));
    expect(await therapistRowsOf("client@knotwork.test")).toHaveLength(1);
  });

  it("does not accept for a different signed-in account without the invitee's password", async () => {
    const token = tokenOf(await invite({ email: "owner@other.test", role: "front_desk" }));
    const accepted = await accept({ token }, { cookie: owner.cookie, "x-csrf-token": owner.csrfToken });
    expect(accepted.statusCode).toBe(401);
  });

  it("answers 400 to a preview of a used or made-up token", async () => {
    const made = await t.app.inject({
      method: "GET",
      url: "/api/auth/invitations/preview?token=made-up-token-1234",
    });
    expect(made.statusCode).toBe(400);
    expect(made.json()).toEqual({ code: "invalid_invitation", message: expect.any(String) });
  });
});

describe("the team", () => {
  it("lists every therapist, those on the calendar without a sign-in too", async () => {
    const members = await team();
    const priya = members.find((m) => m.name === "Priya Nair");
    const sam = members.find((m) => m.name === "Sam Okafor");
    expect(priya).toMatchObject({ therapistId: ids.priya, hasSignIn: false, invitedUntil: null });
    expect(sam).toMatchObject({ therapistId: ids.sam, hasSignIn: false });
    expect(members.find((m) => m.name === "Marcus Bell")).toMatchObject({
      therapistId: ids.marcus,
      hasSignIn: true,
    });
  });

  it("gives a therapist without a sign-in one through an invitation linked to their row", async () => {
    const response = await invite({ email: "priya@example.com", role: "therapist", therapistId: ids.priya });
    expect((await team()).find((m) => m.therapistId === ids.priya)?.invitedUntil).toBe(
      response.json().expiresAt,
    );
    const accepted = await accept({ token: tokenOf(response), password: "priya-password-1" });
    expect(accepted.statusCode).toBe(200);
    expect(await therapistRowsOf("priya@example.com")).toEqual([{ id: ids.priya }]);
    const priya = (await team()).filter((m) => m.therapistId === ids.priya);
    expect(priya).toEqual([expect.objectContaining({ hasSignIn: true, name: "Invited Person" })]);
    // The row now has a sign-in: a second invitation to it is refused.
    const again = await owner.request("POST", "/api/staff/invitations", {
      email: "priya2@example.com",
      name: "Priya Nair",
      role: "therapist",
      therapistId: ids.priya,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: "therapist_has_sign_in", field: "therapistId" });
  });

  it("refuses to link a therapist row to a non-therapist role or another clinic's row", async () => {
    const wrongRole = await owner.request("POST", "/api/staff/invitations", {
      email: "sam@example.com",
      name: "Sam Okafor",
      role: "front_desk",
      therapistId: ids.sam,
    });
    expect(wrongRole.statusCode).toBe(400);
    const unknown = await owner.request("POST", "/api/staff/invitations", {
      email: "sam@example.com",
      name: "Sam Okafor",
      role: "therapist",
      therapistId: "00000000-0000-4000-8000-000000000000",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: "therapistId" });
  });

  it("keeps one membership per person after several acceptances of invitations to them", async () => {
    const rows = await t.database.db
      .select()
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.clinicId, ids.clinicId), eq(users.email, "racer@example.com")));
    expect(rows).toHaveLength(1);
  });
});
