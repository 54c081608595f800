/**
 * `npx knotwork setup`, `create-clinic` and `create-user` run as an operator runs them: `node
 * bin/knotwork.js …` in a child process, on a data folder of its own (PGlite) or a database of its
 * own (PostgreSQL, with TEST_DATABASE_URL). Then the real app on that database signs the owner in.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { testConfig } from "../config";
import { clinics, memberships, therapists, users } from "../db/schema";
import { type CliStorage, freshStorage as freshCliStorage, knotwork } from "../testing/cli";
import { signIn, usingPostgres } from "../testing/harness";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A data folder (PGlite) or a fresh migrated database (PostgreSQL) the CLI and the test take turns on. */
async function freshStorage(): Promise<CliStorage> {
  const storage = await freshCliStorage();
  cleanups.push(storage.remove);
  return storage;
}

const PASSWORD = "maple syrup and knots";
const SETUP_FLAGS = [
  "setup",
  "--clinic-name",
  "Maple Knot Therapy",
  "--time-zone",
  "America/Toronto",
  "--address",
  "12 Queen St W, Toronto",
  "--phone",
  "416-555-0123",
  "--owner-name",
  "Morgan Maple",
  "--owner-email",
  "morgan@maple.example",
  "--password-stdin",
];

describe(`knotwork setup with flags (${usingPostgres() ? "PostgreSQL" : "PGlite"})`, () => {
  let storage: Awaited<ReturnType<typeof freshStorage>>;
  let first: Awaited<ReturnType<typeof knotwork>>;
  beforeAll(async () => {
    storage = await freshStorage();
    first = await knotwork(SETUP_FLAGS, storage.env, `${PASSWORD}\n`);
  }, 120_000);

  it("creates the clinic (slug from its name) and says where to sign in, without printing the password", () => {
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      "Created Maple Knot Therapy (maple-knot-therapy), time zone America/Toronto.",
    );
    expect(first.stdout).toContain("/c/maple-knot-therapy/book");
    expect(first.stdout).not.toContain(PASSWORD);
  });

  it("refuses a second setup, a bad time zone and a missing owner, with a clear message", async () => {
    const again = await knotwork(SETUP_FLAGS, storage.env, `${PASSWORD}\n`);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already has a clinic");
    const zone = await knotwork(
      [
        "create-clinic",
        "--clinic-name",
        "X",
        "--time-zone",
        "Moon/Base",
        "--owner-name",
        "Y",
        "--owner-email",
        "y@x.example",
      ],
      { ...storage.env, KNOTWORK_OWNER_PASSWORD: PASSWORD },
    );
    expect(zone.code).toBe(2);
    expect(zone.stderr).toContain("--time-zone: Choose a time zone");
    const missing = await knotwork(["create-clinic", "--clinic-name", "X", "--time-zone", "UTC"], {
      ...storage.env,
      KNOTWORK_OWNER_PASSWORD: PASSWORD,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--owner-name is missing");
  }, 120_000);

  it("leaves a clinic whose owner signs in with their own password and also works as a therapist", async () => {
    const database = await storage.open();
    try {
      const [clinic] = await database.db.select().from(clinics);
      expect(clinic).toMatchObject({
        slug: "maple-knot-therapy",
        timeZone: "America/Toronto",
        address: "12 Queen St W, Toronto",
        phone: "416-555-0123",
      });
      const [owner] = await database.db.select().from(users);
      expect(owner).toMatchObject({ email: "morgan@maple.example", name: "Morgan Maple" });
      expect(owner?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await database.db.select().from(memberships)).toEqual([
        expect.objectContaining({ userId: owner?.id, role: "owner" }),
      ]);
      expect(await database.db.select().from(therapists)).toEqual([
        expect.objectContaining({ userId: owner?.id, displayName: "Morgan Maple" }),
      ]);
      const app = await buildApp({ database, config: testConfig() });
      try {
        const agent = await signIn(app, "morgan@maple.example", PASSWORD);
        const session = (await agent.request("GET", "/api/auth/session")).json();
        expect(session.context).toMatchObject({ role: "owner", clinicSlug: "maple-knot-therapy" });
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  });

  it("create-user needs no --clinic on a one-clinic installation, and prints no password", async () => {
    const created = await knotwork(
      [
        "create-user",
        "--email",
        "desk@maple.example",
        "--name",
        "Dee Desk",
        "--role",
        "front_desk",
        "--password-stdin",
      ],
      storage.env,
      "desk password here\n",
    );
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toContain("at maple-knot-therapy");
    expect(created.stdout).not.toContain("desk password here");
    const noPassword = await knotwork(
      ["create-user", "--email", "x@maple.example", "--name", "X", "--role", "therapist"],
      storage.env,
    );
    expect(noPassword.code).toBe(2);
    expect(noPassword.stdout).not.toMatch(/password:/i);
  }, 120_000);

  it("create-clinic adds a second clinic; create-user then requires --clinic", async () => {
    const second = await knotwork(
      [
        "create-clinic",
        "--clinic-name",
        "Maple Knot East",
        "--slug",
        "maple-east",
        "--time-zone",
        "America/Halifax",
        "--owner-name",
        "Morgan Maple",
        "--owner-email",
        "morgan@maple.example",
        "--owner-is-therapist",
        "no",
      ],
      { ...storage.env, KNOTWORK_OWNER_PASSWORD: "ignored for an existing account" },
    );
    expect(second.stderr).toBe("");
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("an existing account: its password is unchanged");
    const ambiguous = await knotwork(
      [
        "create-user",
        "--email",
        "t@maple.example",
        "--name",
        "Tess",
        "--role",
        "therapist",
        "--password-stdin",
      ],
      storage.env,
      "tess password here\n",
    );
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain("--clinic SLUG is required");
    const database = await storage.open();
    try {
      const [east] = await database.db.select().from(clinics).where(eq(clinics.slug, "maple-east"));
      expect(east?.timeZone).toBe("America/Halifax");
      expect(
        await database.db
          .select()
          .from(therapists)
          .where(eq(therapists.clinicId, east?.id as string)),
      ).toEqual([]);
    } finally {
      await database.close();
    }
  }, 120_000);
});
