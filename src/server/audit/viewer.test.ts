/**
 * The owner's audit viewer on PGlite and PostgreSQL: names joined at read time (the log keeps ids),
 * filters, the CSV export (RFC 4180, formulas neutralised) and the chain check.
 */
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvField } from "../../core/api/audit";
import { instantToLocal } from "../../core/scheduling/zone";
import { auditEvents, users } from "../db/schema";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { OTHER_PASSWORD, seedOtherClinic } from "../testing/fixtures";
import { type Agent, createTestApp, signIn, type TestApp } from "../testing/harness";

let t: TestApp;
let owner: Agent;
let therapist: Agent;
let oddClientId: string;
let therapistId: string;
const ZONE = "America/Boise";

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoClinic(t.database.db);
  owner = await signIn(t.app, "owner@knotwork.test", DEMO_PASSWORD);
  therapist = await signIn(t.app, "therapist@knotwork.test", DEMO_PASSWORD);
  // A client whose name a spreadsheet would take for a formula, with a comma and a quote in it.
  const email = `odd.${Date.now()}@example.com`;
  await t.app.inject({
    method: "POST",
    url: "/api/auth/signup",
    payload: {
      clinicSlug: "demo",
      firstName: '=HYPERLINK("http://x")',
      lastName: "Smith, Jr",
      email,
      password: "a long enough password",
    },
  });
  const login = await t.app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password: "a long enough password" },
  });
  oddClientId = login.json().context.clientId;
  // The therapist opens the client's record: a "read" event with ids only.
  expect((await therapist.request("GET", `/api/clients/${oddClientId}`)).statusCode).toBe(200);
  const [user] = await t.database.db.select().from(users).where(eq(users.email, "therapist@knotwork.test"));
  therapistId = user?.id ?? "";
});
afterAll(() => t.close());

describe("the audit viewer", () => {
  it("names who acted and which client, while the stored event keeps ids only", async () => {
    const response = await owner.request(
      "GET",
      `/api/audit?clientId=${oddClientId}&actorUserId=${therapistId}`,
    );
    expect(response.statusCode, response.body).toBe(200);
    const [event] = response.json();
    expect(event).toMatchObject({
      actorName: "Marcus Bell",
      actorRole: "therapist",
      action: "read",
      entity: "client",
      clientId: oddClientId,
      clientName: '=HYPERLINK("http://x") Smith, Jr',
    });
    const [stored] = await t.database.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(50);
    expect(Object.values(stored ?? {}).join(" ")).not.toContain("Marcus");
  });

  it("filters by staff member, client, action and day in the clinic's zone", async () => {
    const byTherapist = (await owner.request("GET", `/api/audit?actorUserId=${therapistId}`)).json();
    expect(byTherapist.length).toBeGreaterThan(0);
    expect(byTherapist.every((e: { actorUserId: string }) => e.actorUserId === therapistId)).toBe(true);
    const logins = (await owner.request("GET", "/api/audit?action=login")).json();
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e: { action: string }) => e.action === "login")).toBe(true);
    const today = instantToLocal(Date.now(), ZONE).date;
    const onToday = (
      await owner.request("GET", `/api/audit?clientId=${oddClientId}&from=${today}&to=${today}`)
    ).json();
    expect(onToday.length).toBeGreaterThan(0);
    const longAgo = (await owner.request("GET", `/api/audit?from=2020-01-01&to=2020-01-31`)).json();
    expect(longAgo).toEqual([]);
    const backwards = await owner.request("GET", `/api/audit?from=${today}&to=2020-01-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().field).toBe("to");
    expect((await owner.request("GET", "/api/audit?from=2026-02-30")).statusCode).toBe(400);
  });

  it("lists who, which clients and which actions appear, for the filters", async () => {
    const options = (await owner.request("GET", "/api/audit/filters")).json();
    expect(options.staff).toContainEqual({ id: therapistId, name: "Marcus Bell", role: "therapist" });
    expect(options.clients).toContainEqual({ id: oddClientId, name: '=HYPERLINK("http://x") Smith, Jr' });
    expect(options.actions).toContain("read");
  });

  it("exports CSV with quoting and formulas neutralised, and audits the export", async () => {
    const response = await owner.request("GET", `/api/audit/export.csv?clientId=${oddClientId}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/csv");
    expect(response.headers["content-disposition"]).toMatch(
      /attachment; filename="audit-demo-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = response.body.split("\r\n");
    expect(lines[0]).toBe(
      "event,time (UTC),local time,who,role,action,record,record id,client,client id,from",
    );
    const row = lines.find((line) => line.includes("Marcus Bell"));
    expect(row).toContain(`"'=HYPERLINK(""http://x"") Smith, Jr"`);
    expect(response.body.endsWith("\r\n")).toBe(true);
    const exports = (await owner.request("GET", "/api/audit?action=export")).json();
    expect(exports[0]).toMatchObject({ entity: "audit_log", actorName: "Olivia Reyes" });
  });

  it("csvField quotes and neutralises per RFC 4180 and CWE-1236", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    for (const start of ["=", "+", "-", "@"]) expect(csvField(`${start}1+1`)).toBe(`'${start}1+1`);
    expect(csvField("\t=1")).toBe("'\t=1");
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
  });

  it("the chain check passes, and only the owner sees any of it; another clinic sees none of this one", async () => {
    const verify = (await owner.request("GET", "/api/audit/verify")).json();
    expect(verify).toMatchObject({ ok: true });
    expect(verify.checked).toBeGreaterThan(0);
    for (const url of ["/api/audit", "/api/audit/filters", "/api/audit/export.csv", "/api/audit/verify"]) {
      expect((await therapist.request("GET", url)).statusCode, url).toBe(403);
    }
    await seedOtherClinic(t.database.db);
    const other = await signIn(t.app, "owner@other.test", OTHER_PASSWORD);
    const theirs = (await other.request("GET", `/api/audit?clientId=${oddClientId}`)).json();
    expect(theirs).toEqual([]);
    const options = (await other.request("GET", "/api/audit/filters")).json();
    expect(options.clients).toEqual([]);
  });
});
