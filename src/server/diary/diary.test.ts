/**
 * Pain diary and progress (F7, F9): the client's own entries (add, repeat the last, edit, delete),
 * validation, the progress data (diary and session pain per region, points treated and released per
 * session, range of motion from consultations read defensively), and access with audited staff reads.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DiaryEntry, Progress } from "../../core/api/plans";
import { type DemoWorld, newClient, openDemoWorld } from "../appointments/test-helpers";
import { auditEvents } from "../db/schema";
import { insertSession } from "../plans/test-helpers";

let w: DemoWorld;
const DAY = 86_400_000;

beforeAll(async () => {
  w = await openDemoWorld();
});
afterAll(() => w.t.close());

async function audits(entity: string, clientId: string) {
  const rows = await w.t.database.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.entity, entity), eq(auditEvents.clientId, clientId), eq(auditEvents.action, "read")),
    );
  return rows.length;
}

describe("pain diary", () => {
  it("adds, repeats the last entry, edits and deletes the client's own entries", async () => {
    const client = await newClient(w.t.app, "Diarist");
    expect((await client.request("POST", "/api/me/diary/repeat-last")).statusCode).toBe(404);
    const first = await client.request("POST", "/api/me/diary", {
      regions: [
        { id: "neck-posterior-left", intensity: 6 },
        { id: "temple-left", intensity: 4 },
      ],
      note: "After a long drive",
      recordedAt: new Date(Date.now() - 2 * DAY).toISOString(),
    });
    expect(first.statusCode, first.body).toBe(201);
    const entry = first.json() as DiaryEntry;
    expect(entry.regions[1]).toMatchObject({ id: "temple-left", label: "Temple (left)", intensity: 4 });

    const repeat = await client.request("POST", "/api/me/diary/repeat-last");
    expect(repeat.statusCode).toBe(201);
    expect(repeat.json().regions.map((r: { id: string }) => r.id)).toEqual([
      "neck-posterior-left",
      "temple-left",
    ]);
    expect(repeat.json().note).toBeNull();

    const edited = await client.request("PATCH", `/api/me/diary/${entry.id}`, {
      regions: [{ id: "temple-left", intensity: 0 }],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().regions).toEqual([{ id: "temple-left", label: "Temple (left)", intensity: 0 }]);

    const list = (await client.request("GET", "/api/me/diary")).json() as DiaryEntry[];
    expect(list).toHaveLength(2);
    expect(list[0]?.id).toBe(repeat.json().id); // newest first

    // Another client can neither change nor delete it.
    expect((await w.jordan.request("PATCH", `/api/me/diary/${entry.id}`, { note: "x" })).statusCode).toBe(
      404,
    );
    expect((await w.jordan.request("DELETE", `/api/me/diary/${entry.id}`)).statusCode).toBe(404);
    expect((await client.request("DELETE", `/api/me/diary/${entry.id}`)).statusCode).toBe(204);
    expect((await client.request("GET", "/api/me/diary")).json()).toHaveLength(1);
  });

  it("refuses bad entries with the field named", async () => {
    const client = await newClient(w.t.app, "Careless");
    const cases = [
      { regions: [] },
      { regions: [{ id: "temple-left", intensity: 11 }] },
      { regions: [{ id: "no-such-region", intensity: 3 }] },
      {
        regions: [
          { id: "temple-left", intensity: 3 },
          { id: "temple-left", intensity: 4 },
        ],
      },
      {
        regions: [{ id: "temple-left", intensity: 3 }],
        recordedAt: new Date(Date.now() + DAY).toISOString(),
      },
    ];
    for (const body of cases) {
      const response = await client.request("POST", "/api/me/diary", body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().code).toBeTruthy();
    }
  });
});

describe("progress", () => {
  it("puts diary and session pain per region together, with points treated/released and range of motion", async () => {
    const client = await newClient(w.t.app, "Improver");
    const base = { clinicId: w.ids.clinicId, clientId: client.clientId, therapistId: w.ids.marcus };
    await insertSession(w.t.database.db, {
      ...base,
      createdAt: new Date(Date.now() - 20 * DAY),
      painBefore: 7,
      painAfter: 4,
      consultation: {
        regions: [{ id: "neck-posterior-left", intensity: 7 }],
        rom: [{ movement: "Neck rotation", side: "left", degrees: 45 }, { nonsense: true }],
      },
      points: [
        { muscleId: "upper-trapezius", release: "full" },
        { muscleId: "upper-trapezius", release: "partial" },
        { muscleId: "levator-scapulae", release: "none" },
      ],
    });
    await insertSession(w.t.database.db, {
      ...base,
      createdAt: new Date(Date.now() - 10 * DAY),
      painBefore: 4,
      painAfter: 2,
      consultation: "not an object",
      points: [{ muscleId: "upper-trapezius", release: null }],
    });
    await insertSession(w.t.database.db, {
      ...base,
      createdAt: new Date(Date.now() - 3 * DAY),
      painBefore: 3,
      // As charting writes it (src/core/charting Consultation); a test not measured is left out.
      consultation: {
        posture: [],
        movement: [
          { testId: "cervical-rotation", side: "left", degrees: 70, painOnMovement: false, pain: null },
          { testId: "cervical-flexion", side: null, degrees: null, painOnMovement: true, pain: 3 },
        ],
        note: "",
      },
    });
    await client.request("POST", "/api/me/diary", {
      regions: [{ id: "neck-posterior-left", intensity: 5 }],
      recordedAt: new Date(Date.now() - 15 * DAY).toISOString(),
    });

    const response = await client.request("GET", "/api/me/progress");
    expect(response.statusCode, response.body).toBe(200);
    const progress = response.json() as Progress;
    const neck = progress.regions.find((r) => r.regionId === "neck-posterior-left");
    expect(neck?.points.map((p) => [p.intensity, p.source])).toEqual([
      [7, "session"],
      [5, "diary"],
    ]);
    const overall = progress.regions[0];
    expect(overall?.regionId).toBe("overall");
    expect(overall?.points.map((p) => p.intensity)).toEqual([7, 5, 4, 3]);
    expect(
      progress.sessions.map((s) => [s.painBefore, s.painAfter, s.pointsTreated, s.pointsReleased]),
    ).toEqual([
      [7, 4, 3, 1], // full counts as released, partial does not (as charting counts it)
      [4, 2, 1, 0],
      [3, null, 0, 0],
    ]);
    expect(progress.sessions[0]?.muscles.map((m) => m.id)).toEqual(["upper-trapezius", "levator-scapulae"]);
    expect(progress.rangeOfMotion).toEqual([
      {
        movement: "Neck rotation (left)",
        points: [
          expect.objectContaining({ value: 45, unit: "°" }),
          expect.objectContaining({ value: 70, unit: "°" }),
        ],
      },
    ]);

    // Staff see the same, audited; another clinic gets 404; the front desk is not clinical staff.
    const diaryReads = await audits("pain_diary", client.clientId);
    const progressReads = await audits("progress", client.clientId);
    const staff = await w.marcus.request("GET", `/api/clients/${client.clientId}/progress`);
    expect(staff.json()).toEqual(progress);
    expect((await w.marcus.request("GET", `/api/clients/${client.clientId}/diary`)).json()).toHaveLength(1);
    expect(await audits("progress", client.clientId)).toBe(progressReads + 1);
    expect(await audits("pain_diary", client.clientId)).toBe(diaryReads + 1);
    expect((await w.otherOwner.request("GET", `/api/clients/${client.clientId}/progress`)).statusCode).toBe(
      404,
    );
    expect((await w.otherOwner.request("GET", `/api/clients/${client.clientId}/diary`)).statusCode).toBe(404);
    expect((await w.desk.request("GET", `/api/clients/${client.clientId}/diary`)).statusCode).toBe(403);
    expect((await w.otherClient.request("GET", `/api/clients/${client.clientId}/progress`)).statusCode).toBe(
      403,
    );
    // A client's own progress never includes another's.
    const jordans = (await w.jordan.request("GET", "/api/me/progress")).json() as Progress;
    expect(jordans.sessions.some((s) => progress.sessions.some((p) => p.sessionId === s.sessionId))).toBe(
      false,
    );
  });
});
