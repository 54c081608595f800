/**
 * Access control and tenant isolation (docs/architecture.md "Reliability and security": Access, Audit).
 * Every operation in the OpenAPI document is called as anonymous, as each demo role and as the
 * owner and a client of a second clinic; each operation's declared access (`x-access`) decides
 * what each caller must get, and no response to one clinic's callers may carry the other's data.
 */
import { and, count, eq, sql } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, auditEvents, clients, clinics } from "../db/schema";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { OTHER_PASSWORD, seedOtherClinic } from "../testing/fixtures";
import { createTestApp, type TestApp } from "../testing/harness";

type Role = "owner" | "therapist" | "front_desk" | "client";
type Access = "public" | "signed-in" | Role[];

interface Caller {
  name: string;
  clinic: "demo" | "other" | null;
  role: Role | null;
  email?: string;
  password?: string;
  cookie?: string;
  csrfToken?: string;
  clientId?: string | null;
}

interface Operation {
  method: string;
  path: string;
  access: Access;
  hasBody: boolean;
  query: { name: string; required: boolean; schema: { format?: string; type?: string; enum?: unknown[] } }[];
}

let t: TestApp;
let other: Awaited<ReturnType<typeof seedOtherClinic>>;
let demoClinicId: string;
let demoClients: {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  userId: string | null;
}[];
let jordanId: string;
let operations: Operation[];
const callers: Caller[] = [
  { name: "anonymous", clinic: null, role: null },
  {
    name: "demo owner",
    clinic: "demo",
    role: "owner",
    email: "owner@knotwork.test",
    password: DEMO_PASSWORD,
  },
  {
    name: "demo therapist",
    clinic: "demo",
    role: "therapist",
    email: "therapist@knotwork.test",
    password: DEMO_PASSWORD,
  },
  {
    name: "demo front desk",
    clinic: "demo",
    role: "front_desk",
    email: "desk@knotwork.test",
    password: DEMO_PASSWORD,
  },
  {
    name: "demo client",
    clinic: "demo",
    role: "client",
    email: "client@knotwork.test",
    password: DEMO_PASSWORD,
  },
  {
    name: "other owner",
    clinic: "other",
    role: "owner",
    email: "owner@other.test",
    password: OTHER_PASSWORD,
  },
  {
    name: "other client",
    clinic: "other",
    role: "client",
    email: "client@other.test",
    password: OTHER_PASSWORD,
  },
];
const caller = (name: string) => callers.find((c) => c.name === name) as Caller;

/** Strings only the other clinic's records contain. */
const OTHER_CANARIES = () => ["Otherclinic-7f3a", "client@other.test", "owner@other.test", other.client.id];
/** Strings only the demo clinic's client records contain. */
const DEMO_CANARIES = () => [
  ...demoClients.flatMap((c) => [c.lastName, c.email ?? "", c.id]).filter(Boolean),
  "208-555-0155",
];

let ipCounter = 0;
const freshIp = () => `10.30.${Math.floor(ipCounter / 250)}.${(ipCounter++ % 250) + 1}`;

async function signInCaller(c: Caller): Promise<void> {
  if (!c.email || !c.password) return;
  const response = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email: c.email, password: c.password },
    remoteAddress: freshIp(),
  });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((k) => k.name === "kw_session");
  c.cookie = `kw_session=${cookie?.value}`;
  c.csrfToken = response.json().csrfToken;
  c.clientId = response.json().context?.clientId ?? null;
}

function call(c: Caller, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (c.cookie) headers.cookie = c.cookie;
  if (c.csrfToken && method !== "GET") headers["x-csrf-token"] = c.csrfToken;
  return t.app.inject({
    method: method as "GET",
    url,
    headers,
    remoteAddress: freshIp(),
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

beforeAll(async () => {
  t = await createTestApp();
  const { db } = t.database;
  await seedDemoClinic(db);
  other = await seedOtherClinic(db);
  const [demo] = await db.select().from(clinics).where(eq(clinics.slug, "demo"));
  demoClinicId = demo?.id as string;
  demoClients = await db.select().from(clients).where(eq(clients.clinicId, demoClinicId));
  jordanId = demoClients.find((c) => c.email === "client@knotwork.test")?.id as string;
  for (const c of callers) await signInCaller(c);

  const doc = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json();
  operations = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as {
        "x-access"?: Access;
        requestBody?: unknown;
        parameters?: {
          in: string;
          name: string;
          required?: boolean;
          schema: Operation["query"][number]["schema"];
        }[];
      };
      operations.push({
        method: method.toUpperCase(),
        path,
        access: op["x-access"] as Access,
        hasBody: Boolean(op.requestBody),
        query: (op.parameters ?? [])
          .filter((p) => p.in === "query")
          .map((p) => ({ name: p.name, required: Boolean(p.required), schema: p.schema })),
      });
    }
  }
});
afterAll(() => t.close());

const allows = (access: Access, role: Role | null): boolean =>
  access === "public" || (role !== null && (access === "signed-in" || access.includes(role)));

/** A query string that passes validation where we can tell how: ranges are the month around now. */
function queryFor(op: Operation): string {
  const params = new URLSearchParams();
  const now = Date.now();
  for (const q of op.query.filter((p) => p.required)) {
    if (q.schema.format === "date-time") {
      const offset = q.name === "to" || q.name === "until" || q.name === "end" ? 30 : -30;
      params.set(q.name, new Date(now + offset * 86_400_000).toISOString());
    } else if (q.schema.format === "date") params.set(q.name, new Date(now).toISOString().slice(0, 10));
    else if (q.schema.enum) params.set(q.name, String(q.schema.enum[0]));
    else if (q.schema.type === "integer" || q.schema.type === "number") params.set(q.name, "1");
    else params.set(q.name, "x");
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Path parameters: a clinic slug, or each of several ids (own, another demo client's, the other clinic's, unknown). */
function urlsFor(op: Operation, c: Caller): { url: string; foreign: boolean }[] {
  let base = op.path.replace("{slug}", c.clinic ?? "demo");
  base = base.replace(/\{(?!id\})[^}]+\}/g, (param) => (param === "{slug}" ? "demo" : "x"));
  if (!base.includes("{id}")) return [{ url: base + queryFor(op), foreign: false }];
  const otherDemoClient = demoClients.find((x) => x.id !== jordanId)?.id as string;
  const ids: { id: string; foreign: boolean }[] =
    c.clinic === "other"
      ? demoClients.map((x) => ({ id: x.id, foreign: true }))
      : [
          { id: jordanId, foreign: false },
          { id: otherDemoClient, foreign: c.role === "client" },
          { id: other.client.id, foreign: true },
        ];
  ids.push({ id: "5b0d6a8e-1c2f-4e3a-9b7c-0d1e2f3a4b5c", foreign: true });
  return ids.map(({ id, foreign }) => ({ url: base.replace("{id}", id) + queryFor(op), foreign }));
}

interface Outcome {
  op: Operation;
  role: Role | null;
  caller: string;
  method: string;
  url: string;
  status: number;
  body: string;
  expected: string;
}

async function sweep(): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const op of operations) {
    for (const c of callers) {
      for (const { url, foreign } of urlsFor(op, c)) {
        const response = await call(c, op.method, url, op.hasBody ? {} : undefined);
        const allowed = allows(op.access, c.role);
        const expected = !allowed
          ? c.role === null
            ? "401"
            : "403"
          : foreign && op.access !== "public"
            ? "404 or 4xx"
            : "not 401/403, < 500";
        outcomes.push({
          op,
          role: c.role,
          caller: c.name,
          method: op.method,
          url,
          status: response.statusCode,
          body: response.body,
          expected,
        });
        // Signing out ends the caller's session: sign back in for the rest of the sweep.
        if (op.path === "/api/auth/logout" && response.statusCode === 200) await signInCaller(c);
      }
    }
  }
  return outcomes;
}

/**
 * One sweep, shared by the tests that read it. The promise is kept (not its result), so a test that
 * starts while the sweep runs waits for it instead of starting a second sweep whose sign-outs would
 * end the first one's sessions.
 */
let sweeping: Promise<Outcome[]> | undefined;
function sweepOnce(): Promise<Outcome[]> {
  sweeping ??= sweep();
  return sweeping;
}

const describeOutcome = (o: Outcome) =>
  `${o.caller} ${o.method} ${o.url} → ${o.status} (wanted ${o.expected})`;

describe("access to every API operation", () => {
  // Every operation × every caller × several ids: minutes on a busy machine, so it runs once, up front.
  beforeAll(() => sweepOnce().then(() => undefined), 600_000);

  it("finds the API's operations in the OpenAPI document, each declaring who may call it", () => {
    expect(operations.length).toBeGreaterThanOrEqual(19);
    const undeclared = operations
      .filter((op) => op.access === undefined)
      .map((op) => `${op.method} ${op.path}`);
    expect(undeclared).toEqual([]);
    for (const op of operations) {
      const valid =
        op.access === "public" ||
        op.access === "signed-in" ||
        (Array.isArray(op.access) && op.access.length > 0);
      expect(valid, `${op.method} ${op.path}`).toBe(true);
    }
  });

  it("keeps the declared access of sensitive operations to staff or the owner", () => {
    const accessOf = (method: string, path: string) =>
      operations.find((op) => op.method === method && op.path === path)?.access;
    expect(accessOf("GET", "/api/clients")).toEqual(["owner", "therapist", "front_desk"]);
    expect(accessOf("GET", "/api/clinic/services")).toEqual(["owner", "therapist", "front_desk"]);
    expect(accessOf("GET", "/api/clinic/rooms")).toEqual(["owner", "therapist", "front_desk"]);
    expect(accessOf("GET", "/api/staff")).toEqual(["owner", "front_desk"]);
    expect(accessOf("POST", "/api/staff/invitations")).toEqual(["owner"]);
    expect(accessOf("PATCH", "/api/clinic")).toEqual(["owner"]);
    expect(accessOf("GET", "/api/audit")).toEqual(["owner"]);
    expect(accessOf("GET", "/api/audit/verify")).toEqual(["owner"]);
    // Nothing about clients, staff, the audit log or the schedule is ever public.
    const publicOps = operations
      .filter((op) => op.access === "public")
      .map((op) => `${op.method} ${op.path}`);
    expect(publicOps.filter((p) => /\/api\/(clients|staff|audit|appointments|clinic)\b/.test(p))).toEqual([]);
    expect(publicOps).toEqual(
      expect.arrayContaining([
        "GET /api/health",
        "GET /api/public/clinics/{slug}",
        "POST /api/auth/login",
        "POST /api/auth/signup",
        "POST /api/auth/invitations/accept",
      ]),
    );
  });

  it("answers anonymous callers 401 on every operation that is not public", async () => {
    expect((await sweepOnce()).length).toBeGreaterThanOrEqual(operations.length * callers.length);
    const wrong = (await sweepOnce()).filter(
      (o) =>
        o.caller === "anonymous" &&
        o.expected === "401" &&
        (o.status !== 401 || JSON.parse(o.body).code !== "unauthenticated"),
    );
    expect(wrong.map(describeOutcome)).toEqual([]);
    expect(
      (await sweepOnce()).filter((o) => o.caller === "anonymous" && o.expected === "401").length,
    ).toBeGreaterThan(10);
  });

  it("answers every signed-in caller 403 on operations their role may not use", async () => {
    const wrong = (await sweepOnce()).filter(
      (o) => o.expected === "403" && (o.status !== 403 || JSON.parse(o.body).code !== "forbidden"),
    );
    expect(wrong.map(describeOutcome)).toEqual([]);
  });

  it("never answers a client 2xx on a staff operation", async () => {
    const isStaffOp = (op: Operation) => Array.isArray(op.access) && !op.access.includes("client");
    expect(operations.filter(isStaffOp).length).toBeGreaterThanOrEqual(7);
    const clientCalls = (await sweepOnce()).filter((o) => o.role === "client" && isStaffOp(o.op));
    expect(clientCalls.length).toBeGreaterThanOrEqual(14);
    expect(clientCalls.filter((o) => o.status !== 403).map(describeOutcome)).toEqual([]);
  });

  it("lets each allowed caller through every operation without a server error", async () => {
    const wrong = (await sweepOnce()).filter(
      (o) => o.expected === "not 401/403, < 500" && (o.status === 401 || o.status === 403 || o.status >= 500),
    );
    expect(wrong.map(describeOutcome)).toEqual([]);
  });

  it("never answers 2xx for an id that belongs to another clinic or another client", async () => {
    const wrong = (await sweepOnce()).filter(
      (o) => o.expected === "404 or 4xx" && (o.status < 400 || o.status >= 500),
    );
    expect(wrong.map(describeOutcome)).toEqual([]);
  });

  it("never shows the other clinic's data to the demo clinic's callers", async () => {
    const demoCallers = new Set(callers.filter((c) => c.clinic !== "other").map((c) => c.name));
    const leaks = (await sweepOnce()).flatMap((o) =>
      demoCallers.has(o.caller)
        ? OTHER_CANARIES()
            // An id the caller put in the URL may be echoed back; that tells them nothing new.
            .filter((canary) => o.body.includes(canary) && !o.url.includes(canary))
            .map((canary) => `${describeOutcome(o)} contains ${canary}`)
        : [],
    );
    expect(leaks).toEqual([]);
  });

  it("never shows the demo clinic's clients to the other clinic's callers", async () => {
    const leaks = (await sweepOnce()).flatMap((o) =>
      o.caller.startsWith("other")
        ? DEMO_CANARIES()
            // An id the caller put in the URL may be echoed back; that tells them nothing new.
            .filter((canary) => o.body.includes(canary) && !o.url.includes(canary))
            .map((canary) => `${describeOutcome(o)} contains ${canary}`)
        : [],
    );
    expect(leaks).toEqual([]);
  });
});

describe("client records", () => {
  it("shows a client their own record", async () => {
    const response = await call(caller("demo client"), "GET", `/api/clients/${jordanId}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: jordanId, firstName: "Jordan", lastName: "Lee" });
  });

  it("answers a client 404 for another client's record, without any of its data", async () => {
    for (const target of demoClients.filter((c) => c.id !== jordanId)) {
      const response = await call(caller("demo client"), "GET", `/api/clients/${target.id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ code: "not_found", message: expect.any(String) });
      expect(response.body).not.toContain(target.lastName);
    }
    const foreign = await call(caller("demo client"), "GET", `/api/clients/${other.client.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain("Otherclinic-7f3a");
  });

  it("answers the other clinic's staff and client 404 for every demo client id", async () => {
    for (const name of ["other owner", "other client"]) {
      for (const target of demoClients) {
        const response = await call(caller(name), "GET", `/api/clients/${target.id}`);
        expect(response.statusCode).toBe(404);
        expect(response.body).not.toContain(target.lastName);
      }
    }
  });

  it("answers the demo clinic's staff 404 for the other clinic's client", async () => {
    for (const name of ["demo owner", "demo therapist", "demo front desk"]) {
      const response = await call(caller(name), "GET", `/api/clients/${other.client.id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ code: "not_found", message: expect.any(String) });
    }
  });

  it("finds no other clinic's clients in a staff search", async () => {
    for (const q of ["Otherclinic", "Canary", "other.test", ""]) {
      const response = await call(
        caller("demo owner"),
        "GET",
        `/api/clients?q=${encodeURIComponent(q)}&limit=200`,
      );
      expect(response.statusCode).toBe(200);
      const ids = (response.json() as { id: string }[]).map((c) => c.id);
      expect(ids).not.toContain(other.client.id);
      if (q === "") expect(ids.sort()).toEqual(demoClients.map((c) => c.id).sort());
    }
    const theirs = await call(caller("other owner"), "GET", "/api/clients?limit=200");
    expect((theirs.json() as { id: string }[]).map((c) => c.id)).toEqual([other.client.id]);
  });

  it("does not let a user switch into a clinic they have no role in", async () => {
    for (const role of ["owner", "client"] as const) {
      const response = await call(caller("demo owner"), "POST", "/api/auth/context", {
        clinicId: other.clinic.id,
        role,
      });
      expect(response.statusCode).toBe(404);
    }
    const clinic = await call(caller("demo owner"), "GET", "/api/clinic");
    expect(clinic.json().slug).toBe("demo");
  });
});

describe("appointments", () => {
  const range = () => {
    const now = Date.now();
    return `from=${new Date(now - 60 * 86_400_000).toISOString()}&to=${new Date(now + 30 * 86_400_000).toISOString()}`;
  };

  it("shows a client only their own appointments, all of them", async () => {
    const response = await call(caller("demo client"), "GET", `/api/appointments?${range()}`);
    expect(response.statusCode).toBe(200);
    const list = response.json() as { client: { id: string } }[];
    const [own] = await t.database.db
      .select({ n: count() })
      .from(appointments)
      .where(and(eq(appointments.clinicId, demoClinicId), eq(appointments.clientId, jordanId)));
    expect(list.length).toBe(own?.n);
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((a) => a.client.id === jordanId)).toBe(true);
  });

  it("shows staff the whole clinic's appointments and nothing of the other clinic", async () => {
    const [all] = await t.database.db
      .select({ n: count() })
      .from(appointments)
      .where(eq(appointments.clinicId, demoClinicId));
    for (const name of ["demo owner", "demo therapist", "demo front desk"]) {
      const response = await call(caller(name), "GET", `/api/appointments?${range()}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toHaveLength(all?.n as number);
    }
  });

  it("shows the other clinic's callers none of the demo clinic's appointments", async () => {
    for (const name of ["other owner", "other client"]) {
      const response = await call(caller(name), "GET", `/api/appointments?${range()}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([]);
    }
  });
});

describe("the audit log", () => {
  const clientReads = async (clientId: string) => {
    const [row] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, "read"),
          eq(auditEvents.entity, "client"),
          eq(auditEvents.entityId, clientId),
        ),
      );
    return row?.n ?? 0;
  };

  it("writes exactly one audit row per read of a client record, whoever reads it", async () => {
    const target = demoClients.find((c) => c.lastName === "Gomez")?.id as string;
    const before = await clientReads(target);
    const readers = ["demo owner", "demo therapist", "demo front desk"];
    const n = 4;
    for (const name of readers) {
      for (let i = 0; i < n; i++) {
        expect((await call(caller(name), "GET", `/api/clients/${target}`)).statusCode).toBe(200);
      }
    }
    expect(await clientReads(target)).toBe(before + readers.length * n);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, target), eq(auditEvents.action, "read")));
    expect(rows.filter((r) => r.actorRole === "therapist")).toHaveLength(n);
    expect(rows.every((r) => r.clinicId === demoClinicId && r.clientId === target && r.ip)).toBe(true);
  });

  it("audits a client reading their own record too", async () => {
    const before = await clientReads(jordanId);
    await call(caller("demo client"), "GET", `/api/clients/${jordanId}`);
    await call(caller("demo client"), "GET", `/api/clients/${jordanId}`);
    expect(await clientReads(jordanId)).toBe(before + 2);
  });

  it("writes no read row when the record was not shown", async () => {
    const before = await clientReads(other.client.id);
    const beforeTotal = (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0;
    await call(caller("demo owner"), "GET", `/api/clients/${other.client.id}`);
    await call(
      caller("demo client"),
      "GET",
      `/api/clients/${demoClients.find((c) => c.id !== jordanId)?.id}`,
    );
    expect(await clientReads(other.client.id)).toBe(before);
    const afterTotal = (await t.database.db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0;
    expect(afterTotal).toBe(beforeTotal);
  });

  it("keeps exact counts and an intact chain under 20 concurrent reads", async () => {
    const target = demoClients.find((c) => c.lastName === "Carter")?.id as string;
    const before = await clientReads(target);
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => call(caller("demo owner"), "GET", `/api/clients/${target}`)),
    );
    expect(responses.every((r) => r.statusCode === 200)).toBe(true);
    expect(await clientReads(target)).toBe(before + 20);
    const verify = await call(caller("demo owner"), "GET", "/api/audit/verify");
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it("shows the owner the clinic's audit log, newest first, and none of another clinic's events", async () => {
    const response = await call(caller("demo owner"), "GET", "/api/audit?limit=500");
    expect(response.statusCode).toBe(200);
    const events = response.json() as { id: number; clientId: string | null; action: string }[];
    expect(events.length).toBeGreaterThan(20);
    const ids = events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(events.some((e) => e.clientId === other.client.id)).toBe(false);
    expect(response.body).not.toContain("Otherclinic-7f3a");
  });

  it("verifies the intact hash chain of each clinic", async () => {
    const demo = await call(caller("demo owner"), "GET", "/api/audit/verify");
    expect(demo.statusCode).toBe(200);
    const [rows] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.clinicId, demoClinicId));
    expect(demo.json()).toMatchObject({ ok: true, checked: rows?.n });
    const theirs = await call(caller("other owner"), "GET", "/api/audit/verify");
    expect(theirs.json()).toMatchObject({ ok: true });
  });

  it("refuses to update or delete audit rows", async () => {
    const [first] = await t.database.db.select().from(auditEvents).limit(1);
    await expect(
      t.database.db
        .update(auditEvents)
        .set({ action: "nothing" })
        .where(eq(auditEvents.id, first?.id as number)),
    ).rejects.toThrow();
    await expect(
      t.database.db.delete(auditEvents).where(eq(auditEvents.id, first?.id as number)),
    ).rejects.toThrow();
    const [still] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.id, first?.id as number));
    expect(still?.action).toBe(first?.action);
  });

  it("reports the first altered row once someone bypasses the trigger and edits history", async () => {
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.clinicId, demoClinicId))
      .orderBy(auditEvents.id);
    const victim = rows[Math.floor(rows.length / 2)];
    if (!victim) throw new Error("no audit rows");
    await t.database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
    try {
      // Changing who read the record, keeping the stored hashes: the recomputed hash no longer matches.
      await t.database.db
        .update(auditEvents)
        .set({ actorRole: "front_desk", actorUserId: null })
        .where(eq(auditEvents.id, victim.id));
    } finally {
      await t.database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    }
    const verify = await call(caller("demo owner"), "GET", "/api/audit/verify");
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: false, checked: rows.length, brokenAt: victim.id });
    // The other clinic's chain is separate and still intact.
    expect((await call(caller("other owner"), "GET", "/api/audit/verify")).json()).toMatchObject({
      ok: true,
    });
  });

  it("reports a deleted row as a break at the row after it", async () => {
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.clinicId, other.clinic.id))
      .orderBy(auditEvents.id);
    // The other clinic's chain: add a few reads so there is a middle row to delete.
    for (let i = 0; i < 3; i++) await call(caller("other owner"), "GET", `/api/clients/${other.client.id}`);
    const chain = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.clinicId, other.clinic.id))
      .orderBy(auditEvents.id);
    expect(chain.length).toBe(rows.length + 3);
    const [, victim, next] = chain.slice(-3);
    await t.database.db.execute(sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update`);
    try {
      await t.database.db.delete(auditEvents).where(eq(auditEvents.id, victim?.id as number));
    } finally {
      await t.database.db.execute(sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update`);
    }
    const verify = await call(caller("other owner"), "GET", "/api/audit/verify");
    expect(verify.json()).toMatchObject({ ok: false, brokenAt: next?.id });
  });
});
