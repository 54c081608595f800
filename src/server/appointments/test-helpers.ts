/** Helpers shared by the scheduling and appointment tests (not a test file itself). */
import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { instantToLocal, localToInstant } from "../../core/scheduling";
import type { Db } from "../db/connect";
import { appointments, clients, clinics, rooms, services, therapists } from "../db/schema";
import { DEMO_PASSWORD, DEMO_TIME_ZONE, seedDemoClinic } from "../seed/demo";
import { OTHER_PASSWORD, seedOtherClinic } from "../testing/fixtures";
import { type Agent, createTestApp, sessionCookieFrom, signIn, type TestApp } from "../testing/harness";

export interface DemoIds {
  clinicId: string;
  consultation: string;
  session30: string;
  session60: string;
  session90: string;
  marcus: string;
  priya: string;
  sam: string;
  cedar: string;
  sage: string;
  jordan: string;
}

export async function demoIds(db: Db): Promise<DemoIds> {
  const [clinic] = await db.select().from(clinics).where(eq(clinics.slug, "demo"));
  if (!clinic) throw new Error("demo clinic missing");
  const serviceRows = await db.select().from(services).where(eq(services.clinicId, clinic.id));
  const therapistRows = await db.select().from(therapists).where(eq(therapists.clinicId, clinic.id));
  const roomRows = await db.select().from(rooms).where(eq(rooms.clinicId, clinic.id));
  const [jordan] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.clinicId, clinic.id), eq(clients.email, "client@knotwork.test")));
  const service = (fragment: string) => serviceRows.find((s) => s.name.includes(fragment))?.id as string;
  const therapist = (name: string) => therapistRows.find((t) => t.displayName === name)?.id as string;
  const room = (name: string) => roomRows.find((r) => r.name === name)?.id as string;
  return {
    clinicId: clinic.id,
    consultation: service("First visit"),
    session30: service("30 min"),
    session60: service("60 min"),
    session90: service("90 min"),
    marcus: therapist("Marcus Bell"),
    priya: therapist("Priya Nair"),
    sam: therapist("Sam Okafor"),
    cedar: room("Cedar room"),
    sage: room("Sage room"),
    jordan: jordan?.id as string,
  };
}

const MS_PER_DAY = 86_400_000;

/**
 * The `n`-th Monday-to-Friday date (n ≥ 1) in the demo clinic's zone counted from a week ahead, so
 * after the seeded fortnight of appointments; distinct `n` give distinct dates (n ≤ 35 stays inside
 * the 60-day booking horizon).
 */
export function workday(n: number, now = Date.now()): string {
  let found = 0;
  for (let d = 7; ; d++) {
    const local = instantToLocal(now + d * MS_PER_DAY, DEMO_TIME_ZONE);
    if (local.weekday >= 1 && local.weekday <= 5 && ++found === n) return local.date;
  }
}

/** The ISO instant of a wall-clock time in Boise. */
export function boise(date: string, time: string): string {
  const result = localToInstant(date, time, DEMO_TIME_ZONE);
  if (!result.ok) throw new Error(`${date} ${time} does not exist in Boise`);
  return new Date(result.instant).toISOString();
}

let signups = 0;

/** A new client account at the demo clinic, signed in (argon2 makes this take ~100 ms). */
export async function newClient(
  app: FastifyInstance,
  first = "Test",
): Promise<Agent & { clientId: string; name: string }> {
  signups++;
  const email = `client${signups}-${Date.now()}@example.com`;
  const remoteAddress = `10.77.${signups % 250}.${(signups * 7) % 250}`;
  const password = "long-enough-pw";
  const signup = await app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: { clinicSlug: "demo", firstName: first, lastName: `Client${signups}`, email, password },
    remoteAddress,
  });
  if (signup.statusCode !== 202) throw new Error(`signup failed: ${signup.statusCode} ${signup.body}`);
  // Sign-up answers alike for new and taken addresses, so it does not sign in; the client does.
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password },
    remoteAddress,
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = sessionCookieFrom(response);
  const csrfToken = response.json().csrfToken as string;
  const clientId = response.json().context?.clientId as string;
  return {
    cookie,
    csrfToken,
    clientId,
    name: `${first} Client${signups}`,
    request: (method, url, body) =>
      app.inject({
        method: method as "GET",
        url,
        headers: { cookie, ...(method === "GET" ? {} : { "x-csrf-token": csrfToken }) },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

/** Pairs of holding appointments whose blocked ranges overlap on one therapist or one room: must be 0. */
export async function overlappingHolders(db: Db): Promise<number> {
  const result = await db.execute<{ n: number | string }>(sql`
    SELECT count(*) AS n FROM appointments a JOIN appointments b
      ON a.clinic_id = b.clinic_id AND a.id < b.id
     AND (a.therapist_id = b.therapist_id OR a.room_id = b.room_id)
     AND tstzrange(a.blocks_from, a.blocks_until, '[)') && tstzrange(b.blocks_from, b.blocks_until, '[)')
   WHERE a.status IN ('requested', 'confirmed') AND b.status IN ('requested', 'confirmed')`);
  const rows =
    (result as unknown as { rows: { n: number | string }[] }).rows ?? (result as unknown as { n: number }[]);
  return Number(rows[0]?.n ?? 0);
}

export async function appointmentCount(db: Db, where: ReturnType<typeof sql>): Promise<number> {
  const result = await db.select({ n: sql<number>`count(*)::int` }).from(appointments).where(where);
  return Number(result[0]?.n ?? 0);
}

/** The usual cast of the scheduling tests, signed in on a fresh app with the demo and another clinic. */
export interface DemoWorld {
  t: TestApp;
  ids: DemoIds;
  owner: Agent;
  desk: Agent;
  marcus: Agent;
  jordan: Agent;
  otherOwner: Agent;
  otherClient: Agent;
}

export async function openDemoWorld(): Promise<DemoWorld> {
  const t = await createTestApp();
  await seedDemoClinic(t.database.db);
  await seedOtherClinic(t.database.db);
  const [ids, owner, desk, marcus, jordan, otherOwner, otherClient] = await Promise.all([
    demoIds(t.database.db),
    signIn(t.app, "owner@knotwork.test", DEMO_PASSWORD),
    signIn(t.app, "desk@knotwork.test", DEMO_PASSWORD),
    signIn(t.app, "therapist@knotwork.test", DEMO_PASSWORD),
    signIn(t.app, "client@knotwork.test", DEMO_PASSWORD),
    signIn(t.app, "owner@other.test", OTHER_PASSWORD),
    signIn(t.app, "client@other.test", OTHER_PASSWORD),
  ]);
  return { t, ids, owner, desk, marcus, jordan, otherOwner, otherClient };
}
