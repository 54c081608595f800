/**
 * A real clinic's first run (docs/decisions/0010-clinic-setup.md): a production start on an empty
 * database creates no account and prints no password; the first-run API creates a clinic whose
 * owner can sign in, invite staff and take bookings; it refuses a wrong token and a second set-up.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../app";
import { type Config, testConfig } from "../config";
import type { Database } from "../db/connect";
import { clinics, services, setupTokens, users } from "../db/schema";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../seed/demo";
import { createTestApp, createTestDatabase, signIn, type TestApp, usingPostgres } from "../testing/harness";
import { createClinic } from "./create-clinic";
import { prepareFirstRun } from "./first-run";
import { issueSetupToken } from "./tokens";

const engine = usingPostgres() ? "PostgreSQL" : "PGlite";

/** Everything written to the console or stdout/stderr while `run` runs. */
async function captureOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
  const chunks: string[] = [];
  const record = (...args: unknown[]) => {
    chunks.push(args.map(String).join(" "));
  };
  const spies = [
    vi.spyOn(console, "log").mockImplementation(record),
    vi.spyOn(console, "info").mockImplementation(record),
    vi.spyOn(console, "warn").mockImplementation(record),
    vi.spyOn(console, "error").mockImplementation(record),
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      chunks.push(String(chunk));
      return true;
    }),
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      chunks.push(String(chunk));
      return true;
    }),
  ];
  try {
    const result = await run();
    return { result, output: chunks.join("\n") };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** What `startServer` prints after its first-run step: the lines it returns, plus anything logged meanwhile. */
async function startOutput(database: Database, config: Config) {
  const { result, output } = await captureOutput(() => prepareFirstRun(database.db, config));
  return `${output}\n${result.join("\n")}`;
}

async function accounts(database: Database) {
  const [u] = await database.db.select({ n: count() }).from(users);
  const [c] = await database.db.select({ n: count() }).from(clinics);
  return { users: u?.n, clinics: c?.n };
}

function expectNoPassword(output: string) {
  expect(output).not.toContain(DEMO_PASSWORD);
  expect(output).not.toMatch(/password/i);
  for (const login of DEMO_LOGINS) expect(output).not.toContain(login.email);
}

describe(`start on an empty database (${engine})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("with NODE_ENV=production creates no account, prints no password, and offers set-up with a token", async () => {
    const output = await startOutput(database, testConfig({ nodeEnv: "production" }));
    expect(await accounts(database)).toEqual({ users: 0, clinics: 0 });
    expectNoPassword(output);
    expect(output).toContain("NODE_ENV=production");
    expect(output).toMatch(/\/setup\?token=[A-Za-z0-9_-]{43}\b/);
    expect(output).toContain("npx knotwork setup");
    expect((await database.db.select().from(setupTokens)).length).toBeGreaterThan(0);
  });

  it("with DATABASE_URL set creates no account and prints no password", async () => {
    const output = await startOutput(
      database,
      testConfig({ databaseUrl: "postgres://db.example.org/clinic" }),
    );
    expect(await accounts(database)).toEqual({ users: 0, clinics: 0 });
    expectNoPassword(output);
    expect(output).toContain("DATABASE_URL is set");
  });

  it("with KNOTWORK_DEMO=false on the embedded database creates nothing, and names the operator's own token without printing it", async () => {
    const token = "operator-chosen-setup-token-0123456789";
    const output = await startOutput(database, testConfig({ demo: "off", setupToken: token }));
    expect(await accounts(database)).toEqual({ users: 0, clinics: 0 });
    expectNoPassword(output);
    expect(output).not.toContain(token);
    expect(output).toContain("KNOTWORK_SETUP_TOKEN");
  });

  it("with no configuration on the embedded database seeds the demo and prints its log-ins (the two-command promise)", async () => {
    const output = await startOutput(database, testConfig());
    expect(await accounts(database)).toMatchObject({ clinics: 1 });
    expect(output).toContain("Seeded the demo clinic");
    expect(output).toContain(DEMO_PASSWORD);
    expect(output).toContain("owner@knotwork.test");
    expect(await startOutput(database, testConfig())).toContain("Demo clinic present.");
  });

  it("with KNOTWORK_DEMO=true on PostgreSQL keeps the showcase running and says its accounts are live", async () => {
    const output = await startOutput(
      database,
      testConfig({ databaseUrl: "postgres://showcase", demo: "on" }),
    );
    expect(output).toContain(DEMO_PASSWORD);
    expect(output).toContain("KNOTWORK_DEMO=true");
  });
});

describe(`start beside a real clinic (${engine})`, () => {
  it("never seeds or prints the demo once a real clinic exists, even with no configuration", async () => {
    const database = await createTestDatabase();
    try {
      await createClinic(database.db, {
        clinicName: "Knot Lab",
        slug: "knot-lab",
        timeZone: "Europe/Berlin",
        address: null,
        phone: null,
        ownerName: "Ada Owner",
        ownerEmail: "ada@knotlab.example",
        ownerPassword: "ada's own password",
        ownerIsTherapist: false,
      });
      for (const config of [testConfig(), testConfig({ demo: "on" })]) {
        const output = await startOutput(database, config);
        expectNoPassword(output);
        expect(output).toContain("real clinic");
        expect(output).not.toContain("/setup");
      }
      expect(await accounts(database)).toEqual({ users: 1, clinics: 1 });
    } finally {
      await database.close();
    }
  });
});

const SETUP = {
  clinicName: "Nordknoten Praxis",
  slug: "nordknoten",
  timeZone: "Europe/Berlin",
  address: "Knotenweg 3, 20095 Hamburg",
  phone: "+49 40 555 0100",
  ownerName: "Greta Nord",
  ownerEmail: "Greta@Nordknoten.example",
  ownerPassword: "greta chose this sentence",
};

describe(`first-run set-up through the API (${engine})`, () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await issueSetupToken(t.database.db, null);
  });
  afterAll(() => t.close());

  const post = (body: object) => t.app.inject({ method: "POST", url: "/api/setup", payload: body });

  it("says set-up is needed while no clinic exists", async () => {
    const status = await t.app.inject({ method: "GET", url: "/api/setup" });
    expect(status.json()).toEqual({ needed: true });
    const fallback = await t.app.inject({ method: "GET", url: "/api/public/default-clinic" });
    expect(fallback.json()).toEqual({ clinic: null, setupNeeded: true });
  });

  it("refuses a wrong token with 403 and creates nothing", async () => {
    const response = await post({ ...SETUP, token: "not-the-token-from-the-log" });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: "invalid_setup_token", field: "token" });
    expect(await accounts(t.database)).toEqual({ users: 0, clinics: 0 });
  });

  it("refuses an unknown time zone and a reserved address with field errors", async () => {
    const zone = await post({ ...SETUP, token, timeZone: "Mars/Olympus_Mons" });
    expect(zone.statusCode).toBe(400);
    expect(zone.json()).toMatchObject({ code: "invalid_request", field: "timeZone" });
    const slug = await post({ ...SETUP, token, slug: "demo" });
    expect(slug.statusCode).toBe(400);
    expect(slug.json()).toMatchObject({ field: "slug" });
    expect(await accounts(t.database)).toEqual({ users: 0, clinics: 0 });
  });

  it("creates the clinic with the owner's own password; the owner signs in", async () => {
    const response = await post({ ...SETUP, token });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ slug: "nordknoten", ownerAccountExisted: false });
    const [clinic] = await t.database.db.select().from(clinics);
    expect(clinic).toMatchObject({
      slug: "nordknoten",
      name: "Nordknoten Praxis",
      timeZone: "Europe/Berlin",
      address: "Knotenweg 3, 20095 Hamburg",
      phone: "+49 40 555 0100",
    });
    // The token is used up with the set-up.
    expect(await t.database.db.select().from(setupTokens)).toEqual([]);
    const owner = await signIn(t.app, "greta@nordknoten.example", SETUP.ownerPassword);
    const session = (await owner.request("GET", "/api/auth/session")).json();
    expect(session.context).toMatchObject({ role: "owner", clinicSlug: "nordknoten" });
    // No demo account came with it.
    expect(await accounts(t.database)).toEqual({ users: 1, clinics: 1 });
  });

  it("lets the owner invite staff", async () => {
    const owner = await signIn(t.app, "greta@nordknoten.example", SETUP.ownerPassword);
    const invite = await owner.request("POST", "/api/staff/invitations", {
      email: "desk@nordknoten.example",
      name: "Finn Desk",
      role: "front_desk",
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json().acceptUrl).toContain("/invite/");
  });

  it("opens the standard services for booking at once: the owner works the standard week", async () => {
    const profile = (await t.app.inject({ method: "GET", url: "/api/public/clinics/nordknoten" })).json();
    expect(profile.services.map((s: { durationMin: number }) => s.durationMin)).toEqual([60, 30, 60, 90]);
    expect(profile.services.every((s: { priceCents: number | null }) => s.priceCents === null)).toBe(true);
    expect(profile.therapists).toEqual([expect.objectContaining({ displayName: "Greta Nord" })]);
    const session30 = profile.services.find((s: { name: string }) => s.name.includes("30 min"));
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const search = await t.app.inject({
      method: "GET",
      url: `/api/public/clinics/nordknoten/availability?serviceId=${session30.id}&from=${day(2)}&to=${day(12)}`,
    });
    expect(search.statusCode).toBe(200);
    const slots = search.json().slots as { start: string }[];
    expect(slots.length).toBeGreaterThan(20);

    // A client signs up at the clinic's own address and books one of those times.
    const signup = await t.app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: {
        clinicSlug: "nordknoten",
        firstName: "Kai",
        lastName: "Client",
        email: "kai@example.org",
        password: "kai's long password",
      },
    });
    expect(signup.statusCode).toBe(202);
    const client = await signIn(t.app, "kai@example.org", "kai's long password");
    const booking = await client.request("POST", "/api/public/clinics/nordknoten/appointments", {
      serviceId: session30.id,
      start: slots[0]?.start,
    });
    expect(booking.statusCode).toBe(201);
    // A first visit always starts as a request the clinic confirms.
    expect(booking.json().status).toBe("requested");
  });

  it("refuses a second set-up once a clinic exists, with any token", async () => {
    const fresh = await issueSetupToken(t.database.db, null);
    for (const attempt of [token, fresh, "wrong"]) {
      const response = await post({ ...SETUP, slug: "second", token: attempt });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({ code: "already_set_up" });
    }
    expect((await t.app.inject({ method: "GET", url: "/api/setup" })).json()).toEqual({ needed: false });
    expect(await t.database.db.select({ n: count() }).from(clinics)).toEqual([{ n: 1 }]);
  });

  it("names the only clinic as the default for /book and /sign-up, and none when there are several unless configured", async () => {
    const only = await t.app.inject({ method: "GET", url: "/api/public/default-clinic" });
    expect(only.json()).toEqual({
      clinic: { slug: "nordknoten", name: "Nordknoten Praxis", timeZone: "Europe/Berlin" },
      setupNeeded: false,
    });
    await createClinic(t.database.db, {
      ...SETUP,
      clinicName: "Südknoten",
      slug: "suedknoten",
      ownerEmail: "greta@nordknoten.example",
      address: null,
      phone: null,
      ownerIsTherapist: true,
    });
    const several = await t.app.inject({ method: "GET", url: "/api/public/default-clinic" });
    expect(several.json()).toEqual({ clinic: null, setupNeeded: false });
    const configured = await buildApp({
      database: t.database,
      config: testConfig({ defaultClinic: "suedknoten" }),
    });
    try {
      const chosen = await configured.inject({ method: "GET", url: "/api/public/default-clinic" });
      expect(chosen.json().clinic).toMatchObject({ slug: "suedknoten", name: "Südknoten" });
    } finally {
      await configured.close();
    }
  });

  it("reuses an existing account as a further clinic's owner, its password unchanged", async () => {
    const [greta] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, "greta@nordknoten.example"));
    expect(greta).toBeDefined();
    const owner = await signIn(t.app, "greta@nordknoten.example", SETUP.ownerPassword);
    const contexts = (await owner.request("GET", "/api/auth/session")).json().contexts as {
      clinicSlug: string;
      role: string;
    }[];
    expect(
      contexts
        .filter((c) => c.role === "owner")
        .map((c) => c.clinicSlug)
        .sort(),
    ).toEqual(["nordknoten", "suedknoten"]);
    const [south] = await t.database.db.select().from(clinics).where(eq(clinics.slug, "suedknoten"));
    expect(
      await t.database.db
        .select({ n: count() })
        .from(services)
        .where(eq(services.clinicId, south?.id as string)),
    ).toEqual([{ n: 4 }]);
  });
});

describe(`parallel set-ups (${engine})`, () => {
  it("creates exactly one clinic when several set-ups race, with one token or with several", async () => {
    const t = await createTestApp();
    try {
      const shared = await issueSetupToken(t.database.db, null);
      const own = await issueSetupToken(t.database.db, null);
      const responses = await Promise.all(
        [shared, shared, shared, own, own].map((token, i) =>
          t.app.inject({
            method: "POST",
            url: "/api/setup",
            payload: { ...SETUP, slug: `race-${i}`, ownerEmail: `owner${i}@race.example`, token },
          }),
        ),
      );
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.every((s) => s === 201 || s === 403 || s === 409)).toBe(true);
      expect(await accounts(t.database)).toEqual({ users: 1, clinics: 1 });
    } finally {
      await t.close();
    }
  });
});
