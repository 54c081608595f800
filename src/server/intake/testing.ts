/** Helpers for the intake, consent and portal tests: new clients, demo staff, a visit that happened. */
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { IntakeSubmission } from "../../core/intake";
import { completeIntake } from "../../core/intake/intake-fixtures";
import type { Db } from "../db/connect";
import { appointments, clinics, services, therapists } from "../db/schema";
import { DEMO_PASSWORD } from "../seed/demo";
import { type Agent, sessionCookieFrom } from "../testing/harness";

let ipCounter = 0;
/** A fresh client address per request, so per-IP rate limits never hide what a test is about. */
export const freshIp = () => `10.50.${Math.floor(ipCounter / 250) % 250}.${(ipCounter++ % 250) + 1}`;

function agentFor(app: FastifyInstance, cookie: string, csrfToken: string): Agent {
  return {
    cookie,
    csrfToken,
    request: (method, url, body) =>
      app.inject({
        method: method as "GET",
        url,
        remoteAddress: freshIp(),
        headers: { cookie, ...(method === "GET" ? {} : { "x-csrf-token": csrfToken }) },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}

export interface ClientAgent extends Agent {
  clientId: string;
  clinicId: string;
  /** The client's name as on their record: a consent signature must match it. */
  name: string;
}

let clientCounter = 0;

/** Signs up a new client at a clinic (the demo clinic by default) and returns their signed-in agent. */
export async function newClient(
  app: FastifyInstance,
  firstName = "Test",
  clinicSlug = "demo",
): Promise<ClientAgent> {
  clientCounter++;
  const email = `${firstName.toLowerCase()}.${clientCounter}.${Date.now()}@example.com`;
  const password = "a long enough password";
  const signup = await app.inject({
    method: "POST",
    url: "/api/auth/signup",
    remoteAddress: freshIp(),
    payload: { clinicSlug, firstName, lastName: `Client${clientCounter}`, email, password },
  });
  if (signup.statusCode !== 202) throw new Error(`sign-up failed: ${signup.statusCode} ${signup.body}`);
  // Sign-up answers alike for new and taken addresses, so it does not sign in; the client does.
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: freshIp(),
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const body = response.json();
  const agent = agentFor(app, sessionCookieFrom(response), body.csrfToken);
  return {
    ...agent,
    clientId: body.context.clientId,
    clinicId: body.context.clinicId,
    name: `${firstName} Client${clientCounter}`,
  };
}

export async function signInAs(
  app: FastifyInstance,
  email: string,
  password = DEMO_PASSWORD,
): Promise<Agent> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    remoteAddress: freshIp(),
    payload: { email, password },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.body}`);
  return agentFor(app, sessionCookieFrom(response), response.json().csrfToken);
}

/** A complete intake, optionally with some health questions answered "yes". */
export function intakeWith(yes: { health?: string[]; bloodThinners?: boolean } = {}): IntakeSubmission {
  const intake = completeIntake();
  for (const id of yes.health ?? []) {
    (intake.healthHistory as Record<string, { answer: boolean; detail?: string }>)[id] = {
      answer: true,
      detail: "Told you so",
    };
  }
  if (yes.bloodThinners) intake.medications = { ...intake.medications, bloodThinners: true };
  return intake;
}

/** Records that the client had a visit at `startsAt` with the given status (straight into the database). */
export async function recordVisit(
  db: Db,
  clinicId: string,
  clientId: string,
  startsAt: Date,
  status: "completed" | "confirmed" | "cancelled" = "completed",
): Promise<void> {
  const [therapist] = await db.select().from(therapists).where(eq(therapists.clinicId, clinicId)).limit(1);
  const [service] = await db
    .select()
    .from(services)
    .where(and(eq(services.clinicId, clinicId), eq(services.kind, "consultation")))
    .limit(1);
  if (!therapist || !service) throw new Error("no therapist or service to book");
  const endsAt = new Date(startsAt.getTime() + service.durationMin * 60_000);
  await db.insert(appointments).values({
    clinicId,
    clientId,
    therapistId: therapist.id,
    serviceId: service.id,
    roomId: null,
    status,
    source: "online",
    startsAt,
    endsAt,
    blocksFrom: startsAt,
    blocksUntil: endsAt,
    firstVisit: true,
  });
}

export async function clinicIdBySlug(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, slug));
  if (!row) throw new Error(`no clinic ${slug}`);
  return row.id;
}
