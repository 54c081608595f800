/**
 * Intake API (F5): autosaving a working copy, submitting and screening it, versions after a visit,
 * what staff see (audited), clearances, flags and who may see what.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOLD_NEXT_STEP } from "../../core/screening";
import { auditEvents, intakes } from "../db/schema";
import { seedDemoClinic } from "../seed/demo";
import { OTHER_PASSWORD, seedOtherClinic } from "../testing/fixtures";
import { type Agent, createTestApp, type TestApp } from "../testing/harness";
import { type ClientAgent, intakeWith, newClient, recordVisit, signInAs } from "./testing";

let t: TestApp;
let owner: Agent;
let therapist: Agent;
let desk: Agent;
let otherOwner: Agent;
let other: Awaited<ReturnType<typeof seedOtherClinic>>;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  other = await seedOtherClinic(t.database.db);
  owner = await signInAs(t.app, "owner@knotwork.test");
  therapist = await signInAs(t.app, "therapist@knotwork.test");
  desk = await signInAs(t.app, "desk@knotwork.test");
  otherOwner = await signInAs(t.app, "owner@other.test", OTHER_PASSWORD);
});
afterAll(() => t.close());

async function intakeReads(clientId: string): Promise<number> {
  const [row] = await t.database.db
    .select({ n: count() })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entity, "intake"),
        eq(auditEvents.action, "read"),
        eq(auditEvents.clientId, clientId),
      ),
    );
  return row?.n ?? 0;
}

async function submit(client: ClientAgent, answers: unknown) {
  return client.request("POST", "/api/me/intake/submit", answers);
}

async function signConsent(client: ClientAgent) {
  const consent = (await client.request("GET", "/api/me/consent")).json();
  const response = await client.request("POST", "/api/me/consent/signatures", {
    typedName: client.name,
    consentVersion: consent.current.version,
  });
  expect(response.statusCode).toBe(201);
}

describe("the client's working copy", () => {
  it("starts empty, with every always-asked question still to answer", async () => {
    const client = await newClient(t.app);
    const response = await client.request("GET", "/api/me/intake");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      status: "not-started",
      answers: {},
      savedAt: null,
      submitted: null,
      editable: true,
    });
    expect(body.missing).toContain("reasonForVisit");
    expect(body.missing).toContain("areasOfConcern");
    expect(body.missing).toContain("healthHistory.recent-surgery");
  });

  it("saves partial answers as the client goes and gives them back exactly", async () => {
    const client = await newClient(t.app);
    const draft = {
      reasonForVisit: "Stiff neck",
      areasOfConcern: [{ id: "neck-posterior-left", intensity: 6 }],
      pain: { now: 4 },
      duration: { amount: 3 },
      healthHistory: { "recent-surgery": { answer: false } },
    };
    const saved = await client.request("PUT", "/api/me/intake/draft", draft);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().status).toBe("draft");
    expect(saved.json().missing).not.toContain("reasonForVisit");
    expect(saved.json().missing).toContain("duration");
    const again = (await client.request("GET", "/api/me/intake")).json();
    expect(again.answers).toEqual(draft);
    expect(again.status).toBe("draft");
    expect(Date.parse(again.savedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("refuses an invalid answer with 400 naming its field, and keeps the last valid copy", async () => {
    const client = await newClient(t.app);
    const valid = { reasonForVisit: "Sore calves", pain: { now: 5 } };
    await client.request("PUT", "/api/me/intake/draft", valid);
    const cases: [unknown, string][] = [
      [{ ...valid, pain: { now: 11 } }, "pain.now"],
      [{ ...valid, areasOfConcern: [{ id: "elbow-middle", intensity: 4 }] }, "areasOfConcern[0].id"],
      [{ ...valid, areasOfConcern: [{ id: "calf-left", intensity: 0 }] }, "areasOfConcern[0].intensity"],
      [{ ...valid, healthHistory: { "made-up-question": { answer: true } } }, "healthHistory"],
      [{ ...valid, reasonForVisit: "x".repeat(2001) }, "reasonForVisit"],
      [{ ...valid, duration: { amount: 2, unit: "fortnights" } }, "duration.unit"],
    ];
    for (const [body, field] of cases) {
      const response = await client.request("PUT", "/api/me/intake/draft", body);
      expect(response.statusCode, field).toBe(400);
      expect(response.json()).toMatchObject({
        code: "invalid_request",
        field: expect.stringContaining(field),
      });
    }
    expect((await client.request("GET", "/api/me/intake")).json().answers).toEqual(valid);
  });

  it("is only for clients: staff get 403 on the client's own routes", async () => {
    for (const agent of [owner, therapist, desk]) {
      expect((await agent.request("GET", "/api/me/intake")).statusCode).toBe(403);
      expect((await agent.request("PUT", "/api/me/intake/draft", {})).statusCode).toBe(403);
      expect((await agent.request("POST", "/api/me/intake/submit", intakeWith())).statusCode).toBe(403);
    }
  });
});

describe("submitting", () => {
  it("refuses an incomplete intake, naming what is missing, and saves nothing", async () => {
    const client = await newClient(t.app);
    const { goals: _goals, ...withoutGoals } = intakeWith();
    const response = await submit(client, withoutGoals);
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe("goals");
    const [row] = await t.database.db
      .select({ n: count() })
      .from(intakes)
      .where(eq(intakes.clientId, client.clientId));
    expect(row?.n).toBe(0);
  });

  it("screens a clear intake as clear, as version 1", async () => {
    const client = await newClient(t.app);
    const response = await submit(client, intakeWith());
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: "submitted",
      missing: [],
      submitted: { version: 1, screening: { outcome: "clear", emergency: false, holds: [], redFlags: [] } },
    });
  });

  it("puts recent surgery on hold with the advice to talk to a doctor first", async () => {
    const client = await newClient(t.app);
    const body = (await submit(client, intakeWith({ health: ["recent-surgery"] }))).json();
    expect(body.submitted.screening.outcome).toBe("hold");
    expect(body.submitted.screening.holds).toEqual([
      expect.objectContaining({
        id: "recent-surgery",
        cleared: false,
        adviceForClient: expect.stringContaining(HOLD_NEXT_STEP),
      }),
    ]);
    expect(body.submitted.screening.holds[0].adviceForClient).toMatch(
      /talk to your doctor before trigger point massage/,
    );
    // The client is told what to do, never the staff reasoning behind the rule.
    expect(JSON.stringify(body)).not.toContain("reasonForStaff");
  });

  it("stops on a red flag, with emergency advice", async () => {
    const client = await newClient(t.app);
    const body = (
      await submit(client, intakeWith({ health: ["cardiac-chest-pain", "recent-surgery"] }))
    ).json();
    expect(body.submitted.screening).toMatchObject({ outcome: "stop", emergency: true });
    expect(body.submitted.screening.redFlags[0].adviceForClient).toMatch(/Call 911/);
  });

  it("leaves out answers to questions no longer asked, so they are never screened or stored", async () => {
    const client = await newClient(t.app);
    const base = intakeWith();
    const body = (
      await submit(client, {
        ...base,
        pregnancy: { status: "no", weeks: 12 },
        healthHistory: { ...base.healthHistory, "pregnancy-complication": { answer: true } },
      })
    ).json();
    expect(body.submitted.screening.outcome).toBe("clear");
    const staff = (await owner.request("GET", `/api/clients/${client.clientId}/intake`)).json();
    expect(staff.intake.answers.pregnancy).toEqual({ status: "no" });
    expect(staff.intake.answers.healthHistory).not.toHaveProperty("pregnancy-complication");
  });

  it("updates the current version in place until a visit has used it, then starts a new version", async () => {
    const client = await newClient(t.app);
    await submit(client, intakeWith());
    const changed = { ...intakeWith(), goals: "Sleep through the night." };
    const second = (await submit(client, changed)).json();
    expect(second.submitted.version).toBe(1);
    expect(second.editable).toBe(true);
    // A cancelled appointment or one still to come is not a visit.
    await recordVisit(
      t.database.db,
      client.clinicId,
      client.clientId,
      new Date(Date.now() + 30 * 86_400_000),
      "confirmed",
    );
    await recordVisit(
      t.database.db,
      client.clinicId,
      client.clientId,
      new Date(Date.now() - 3_600_000),
      "cancelled",
    );
    expect((await client.request("GET", "/api/me/intake")).json().editable).toBe(true);
    // Submitted three days ago, seen two hours ago: that version is now part of the record.
    await t.database.db
      .update(intakes)
      .set({ submittedAt: new Date(Date.now() - 3 * 86_400_000) })
      .where(eq(intakes.clientId, client.clientId));
    await recordVisit(t.database.db, client.clinicId, client.clientId, new Date(Date.now() - 2 * 3_600_000));
    const before = (await client.request("GET", "/api/me/intake")).json();
    expect(before.editable).toBe(false);
    const third = (await submit(client, { ...changed, goals: "Run again." })).json();
    expect(third.submitted.version).toBe(2);
    expect(third.editable).toBe(true);
    // The version used at the visit is kept as it was.
    const v1 = (await owner.request("GET", `/api/clients/${client.clientId}/intake?version=1`)).json();
    expect(v1.intake.answers.goals).toBe("Sleep through the night.");
    const latest = (await owner.request("GET", `/api/clients/${client.clientId}/intake`)).json();
    expect(latest.intake.answers.goals).toBe("Run again.");
    expect(latest.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await owner.request("GET", `/api/clients/${client.clientId}/intake?version=3`)).statusCode).toBe(
      404,
    );
  });

  it("reports unsubmitted changes as 'changed' and keeps the submitted version as it was", async () => {
    const client = await newClient(t.app);
    const submitted = intakeWith();
    await submit(client, submitted);
    await client.request("PUT", "/api/me/intake/draft", { ...submitted, goals: "Something else" });
    const body = (await client.request("GET", "/api/me/intake")).json();
    expect(body.status).toBe("changed");
    expect(body.answers.goals).toBe("Something else");
    const staff = (await therapist.request("GET", `/api/clients/${client.clientId}/intake`)).json();
    expect(staff.intake.answers.goals).toBe(submitted.goals);
    expect(staff.draft).toMatchObject({ hasChanges: true, missing: [] });
  });
});

describe("what staff see", () => {
  it("shows the intake, pain scores, screening with reasons, and the finder's ranking for the marked regions", async () => {
    const client = await newClient(t.app, "Rank");
    await submit(client, intakeWith({ health: ["recent-surgery"], bloodThinners: true }));
    const response = await therapist.request("GET", `/api/clients/${client.clientId}/intake`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.client.name).toMatch(/^Rank /);
    expect(body.intake.answers.pain).toEqual({ now: 3, best: 1, worst: 7 });
    expect(body.intake.chronicity).toBe("chronic");
    expect(body.screening.outcome).toBe("hold");
    expect(body.screening.holds[0]).toMatchObject({
      id: "recent-surgery",
      reasonForStaff: expect.stringContaining("Record a clearance"),
      clearance: null,
      provisional: false,
    });
    expect(body.screening.cautions.map((c: { id: string }) => c.id)).toEqual(["blood-thinners"]);
    expect(body.flags.map((f: { kind: string; id: string }) => `${f.kind}:${f.id}`)).toEqual([
      "hold:recent-surgery",
      "caution:blood-thinners",
    ]);
    // The completeIntake fixture marks the left temple and back of the neck: upper trapezius explains both.
    expect(body.finder[0]).toMatchObject({ muscle: "upper-trapezius", side: "left" });
    expect(body.firstVisit.ok).toBe(false);
    expect(body.firstVisit.reasons.map((r: { code: string }) => r.code)).toEqual([
      "consent-not-signed",
      "clearance-missing",
    ]);
  });

  it("answers 200 with no intake for a client who has not started", async () => {
    const client = await newClient(t.app);
    const body = (await therapist.request("GET", `/api/clients/${client.clientId}/intake`)).json();
    expect(body).toMatchObject({ intake: null, versions: [], draft: null, flags: [], finder: [] });
    expect(body.screening.outcome).toBe("clear");
  });

  it("flags a red flag the client reported but has not submitted, as provisional", async () => {
    const client = await newClient(t.app);
    await submit(client, intakeWith());
    const draft = intakeWith({ health: ["thunderclap-headache"] });
    await client.request("PUT", "/api/me/intake/draft", draft);
    const body = (await owner.request("GET", `/api/clients/${client.clientId}/intake`)).json();
    expect(body.flags[0]).toMatchObject({ kind: "red-flag", id: "thunderclap-headache", provisional: true });
    expect(body.screening.outcome).toBe("stop");
    expect(body.firstVisit.reasons.map((r: { code: string }) => r.code)).toContain("red-flag");
  });

  it("writes exactly one audit event per staff read of an intake, and none for a 404", async () => {
    const client = await newClient(t.app);
    await submit(client, intakeWith());
    const before = await intakeReads(client.clientId);
    const n = 3;
    for (const agent of [owner, therapist, desk]) {
      for (let i = 0; i < n; i++) {
        expect((await agent.request("GET", `/api/clients/${client.clientId}/intake`)).statusCode).toBe(200);
      }
    }
    expect(await intakeReads(client.clientId)).toBe(before + 3 * n);
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entity, "intake"),
          eq(auditEvents.action, "read"),
          eq(auditEvents.clientId, client.clientId),
        ),
      );
    expect(rows.filter((r) => r.actorRole === "therapist")).toHaveLength(n);
    expect(rows.every((r) => r.entityId && r.ip && r.actorUserId)).toBe(true);
    // The client's own reads and saves are not staff reads.
    await client.request("GET", "/api/me/intake");
    expect(await intakeReads(client.clientId)).toBe(before + 3 * n);
    // A read that shows nothing (another clinic's staff) is not written down as a read.
    await otherOwner.request("GET", `/api/clients/${client.clientId}/intake`);
    expect(await intakeReads(client.clientId)).toBe(before + 3 * n);
  });
});

describe("who may see an intake", () => {
  it("gives a client only their own intake; the staff route is closed to clients", async () => {
    const alice = await newClient(t.app, "Alice");
    const bob = await newClient(t.app, "Bob");
    await submit(alice, { ...intakeWith(), reasonForVisit: "Alice's own words" });
    await bob.request("PUT", "/api/me/intake/draft", { reasonForVisit: "Bob's own words" });
    const bobs = await bob.request("GET", "/api/me/intake");
    expect(bobs.json().answers.reasonForVisit).toBe("Bob's own words");
    expect(bobs.body).not.toContain("Alice");
    for (const target of [alice.clientId, bob.clientId]) {
      const response = await bob.request("GET", `/api/clients/${target}/intake`);
      expect(response.statusCode).toBe(403);
      expect(response.body).not.toContain("own words");
    }
  });

  it("shows the front desk flags, readiness and consent, but none of the answers", async () => {
    const client = await newClient(t.app, "Desk");
    const words = "Desk must not read this: sciatica since the fall";
    await submit(client, {
      ...intakeWith({ health: ["recent-surgery"], bloodThinners: true }),
      reasonForVisit: words,
    });
    await client.request("PUT", "/api/me/intake/draft", { ...intakeWith(), goals: "Unsubmitted words" });
    const response = await desk.request("GET", `/api/clients/${client.clientId}/intake`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.audience).toBe("desk");
    expect(body.flags.map((f: { kind: string; id: string }) => `${f.kind}:${f.id}`)).toEqual([
      "hold:recent-surgery",
      "caution:blood-thinners",
    ]);
    expect(body.firstVisit.reasons.map((r: { code: string }) => r.code)).toEqual([
      "consent-not-signed",
      "clearance-missing",
    ]);
    expect(body.consent).toMatchObject({ signedCurrent: false });
    expect(body.intake).toEqual({ version: 1, submittedAt: expect.any(String) });
    expect(body).not.toHaveProperty("finder");
    // Not the answers, the pain, where it hurts, nor the finder's muscles, anywhere in the response.
    for (const secret of [words, "Unsubmitted words", "areasOfConcern", "pain", "upper-trapezius"]) {
      expect(response.body).not.toContain(secret);
    }
    // An older version does not open the answers either.
    const older = await desk.request("GET", `/api/clients/${client.clientId}/intake?version=1`);
    expect(older.body).not.toContain(words);
  });

  it("still shows the owner and the therapist the answers", async () => {
    const client = await newClient(t.app, "Clinical");
    await submit(client, { ...intakeWith(), reasonForVisit: "For the therapist's eyes" });
    for (const agent of [owner, therapist]) {
      const body = (await agent.request("GET", `/api/clients/${client.clientId}/intake`)).json();
      expect(body.audience).toBe("clinical");
      expect(body.intake.answers.reasonForVisit).toBe("For the therapist's eyes");
      expect(body.finder.length).toBeGreaterThan(0);
    }
  });

  it("answers another clinic's staff 404, for reading and for clearing", async () => {
    const client = await newClient(t.app);
    await submit(client, intakeWith({ health: ["recent-surgery"] }));
    const read = await otherOwner.request("GET", `/api/clients/${client.clientId}/intake`);
    expect(read.statusCode).toBe(404);
    expect(read.json()).toEqual({ code: "not_found", message: expect.any(String) });
    const clear = await otherOwner.request("POST", `/api/clients/${client.clientId}/clearances`, {
      findingId: "recent-surgery",
      clearedBy: "Dr Nobody",
      clearedOn: "2026-01-01",
      note: "Not theirs to clear",
    });
    expect(clear.statusCode).toBe(404);
    const still = (await owner.request("GET", `/api/clients/${client.clientId}/intake`)).json();
    expect(still.clearances).toEqual([]);
  });

  it("answers the demo clinic's staff 404 for the other clinic's client and for an unknown id", async () => {
    for (const id of [other.client.id, "5b0d6a8e-1c2f-4e3a-9b7c-0d1e2f3a4b5c"]) {
      expect((await owner.request("GET", `/api/clients/${id}/intake`)).statusCode).toBe(404);
    }
    expect((await owner.request("GET", "/api/clients/not-an-id/intake")).statusCode).toBe(400);
  });
});

describe("clearances", () => {
  const clearance = {
    findingId: "recent-surgery",
    clearedBy: "Dr Amy Lee (GP)",
    clearedOn: "2026-11-20",
    note: "Letter on file: healed well, fine for massage away from the scar.",
  };

  it("let staff record who cleared a hold, when and how; then the first visit can be confirmed", async () => {
    const client = await newClient(t.app);
    await submit(client, intakeWith({ health: ["recent-surgery"] }));
    await signConsent(client);
    const blocked = (await desk.request("GET", `/api/clients/${client.clientId}/intake`)).json();
    expect(blocked.firstVisit.reasons).toEqual([
      expect.objectContaining({ code: "clearance-missing", findingId: "recent-surgery" }),
    ]);
    const response = await desk.request("POST", `/api/clients/${client.clientId}/clearances`, clearance);
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      ...clearance,
      recordedBy: { name: "Dana Whitfield" },
      recordedAt: expect.any(String),
    });
    const after = (await therapist.request("GET", `/api/clients/${client.clientId}/intake`)).json();
    expect(after.firstVisit).toEqual({ ok: true, reasons: [] });
    expect(after.screening.outcome).toBe("caution");
    expect(after.flags).toEqual([
      expect.objectContaining({ kind: "hold", id: "recent-surgery", cleared: true }),
    ]);
    const own = (await client.request("GET", "/api/me/intake")).json();
    expect(own.submitted.screening.holds[0].cleared).toBe(true);
    const [audited] = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.entity, "clearance"), eq(auditEvents.clientId, client.clientId)));
    expect(audited?.n).toBe(1);
  });

  it("refuses a clearance without who, when or a note, in the future, or for a hold the client does not have", async () => {
    const client = await newClient(t.app);
    await submit(client, intakeWith({ health: ["recent-surgery"] }));
    const url = `/api/clients/${client.clientId}/clearances`;
    const cases: [unknown, string][] = [
      [{ ...clearance, clearedBy: "  " }, "clearedBy"],
      [{ ...clearance, note: "" }, "note"],
      [{ ...clearance, clearedOn: "yesterday" }, "clearedOn"],
      [{ ...clearance, clearedOn: "2999-01-01" }, "clearedOn"],
      [{ ...clearance, findingId: "cardiac-chest-pain" }, "findingId"],
      [{ ...clearance, findingId: "blood-clot" }, "findingId"],
    ];
    for (const [body, field] of cases) {
      const response = await owner.request("POST", url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().field).toBe(field);
    }
    expect((await owner.request("GET", `/api/clients/${client.clientId}/intake`)).json().clearances).toEqual(
      [],
    );
  });

  it("cannot be recorded by a client", async () => {
    const client = await newClient(t.app);
    await submit(client, intakeWith({ health: ["recent-surgery"] }));
    const response = await client.request("POST", `/api/clients/${client.clientId}/clearances`, clearance);
    expect(response.statusCode).toBe(403);
  });
});

describe("flags for lists", () => {
  it("gives each asked-for client's flags, most severe first, and nothing about other clinics", async () => {
    const red = await newClient(t.app);
    const held = await newClient(t.app);
    const clear = await newClient(t.app);
    await submit(red, intakeWith({ health: ["calf-clot-signs", "recent-surgery"] }));
    await submit(held, intakeWith({ health: ["recent-fracture"] }));
    await submit(clear, intakeWith());
    const ids = [red.clientId, held.clientId, clear.clientId, other.client.id].join(",");
    const response = await desk.request("GET", `/api/screening/flags?clientIds=${ids}`);
    expect(response.statusCode).toBe(200);
    const byClient = new Map(
      (response.json() as { clientId: string; flags: { kind: string; id: string }[] }[]).map((e) => [
        e.clientId,
        e.flags.map((f) => `${f.kind}:${f.id}`),
      ]),
    );
    expect(byClient.get(red.clientId)).toEqual(["red-flag:calf-clot-signs", "hold:recent-surgery"]);
    expect(byClient.get(held.clientId)).toEqual(["hold:recent-fracture"]);
    expect(byClient.get(clear.clientId)).toEqual([]);
    expect(byClient.has(other.client.id)).toBe(false);
  });

  it("come with the client summaries staff search, and never with a client's own record", async () => {
    const client = await newClient(t.app, "Flagged");
    await submit(client, intakeWith({ health: ["recent-surgery"], bloodThinners: true }));
    const lastName = (await client.request("GET", `/api/clients/${client.clientId}`)).json().lastName;
    const before = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.entity, "screening_flags"));
    const list = (await therapist.request("GET", `/api/clients?q=${lastName}`)).json();
    expect(list).toEqual([
      expect.objectContaining({
        id: client.clientId,
        flags: [
          expect.objectContaining({ kind: "hold", id: "recent-surgery" }),
          expect.objectContaining({ kind: "caution", id: "blood-thinners" }),
        ],
      }),
    ]);
    const after = await t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.entity, "screening_flags"));
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + 1);
    const record = (await owner.request("GET", `/api/clients/${client.clientId}`)).json();
    expect(record.flags.map((f: { id: string }) => f.id)).toEqual(["recent-surgery", "blood-thinners"]);
    const own = (await client.request("GET", `/api/clients/${client.clientId}`)).json();
    expect(own).not.toHaveProperty("flags");
  });

  it("refuses ids that are not ids, and too many of them", async () => {
    expect((await desk.request("GET", "/api/screening/flags?clientIds=x")).statusCode).toBe(400);
    const many = Array.from({ length: 201 }, () => crypto.randomUUID()).join(",");
    expect((await desk.request("GET", `/api/screening/flags?clientIds=${many}`)).statusCode).toBe(400);
  });
});
