/**
 * Charting API (F6): the treating therapist's flow (open, create, autosave, points, holds, sign,
 * amend), what every role may do on every chart route, and an audit row for every chart read.
 */
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, clinics, DEFAULT_CLINIC_POLICIES } from "../db/schema";
import { type ChartWorld, noteBody, openChartWorld, pointBody } from "./testing";

let w: ChartWorld;
beforeAll(async () => {
  w = await openChartWorld();
});
afterAll(() => w.t.close());

async function newChart(): Promise<{ id: string; version: number; appointmentId: string }> {
  const res = await w.treating.request("POST", `/api/appointments/${await w.newAppointment()}/chart`, {});
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe("the treating therapist's chart", () => {
  it("opens an appointment on the prepared summary, then creates its chart once", async () => {
    const open = await w.treating.request("GET", `/api/appointments/${w.todayAppointmentId}/chart`);
    expect(open.statusCode).toBe(200);
    const body = open.json();
    expect(body.canWrite).toBe(true);
    expect(body.defaultHoldSeconds).toBe(30);
    expect(Array.isArray(body.prepared.flags)).toBe(true);
    const first = await w.treating.request("POST", `/api/appointments/${w.todayAppointmentId}/chart`, {});
    const again = await w.treating.request("POST", `/api/appointments/${w.todayAppointmentId}/chart`, {});
    expect([200, 201]).toContain(first.statusCode);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
  });

  it("offers Jordan's ranking and previous sessions before a visit", async () => {
    const res = await w.owner.request("GET", `/api/clients/${w.jordanId}/charts`);
    expect(res.statusCode).toBe(200);
    const timeline = res.json();
    expect(timeline.audience).toBe("clinical");
    expect(timeline.sessions.length).toBeGreaterThanOrEqual(2);
    const [consultation] = timeline.sessions;
    expect(consultation.signed).toBe(true);
    expect(consultation.amended).toBe(true);
    expect(consultation.painAfter).toBe(4); // the amendment's correction
    expect(consultation.consultation.posture.map((p: { id: string }) => p.id)).toContain("forward-head");

    // The opening of Jordan's later session: the intake, the marked regions, the finder's ranking
    // (its muscles offered first) and the earlier consultation.
    const later = timeline.sessions.find((s: { id: string }) => s.id !== consultation.id);
    const opening = await w.treating.request("GET", `/api/appointments/${later.appointmentId}/chart`);
    expect(opening.statusCode).toBe(200);
    const { prepared } = opening.json();
    expect(prepared.intake).not.toBeNull();
    expect(prepared.markedRegions.map((r: { id: string }) => r.id)).toContain("neck-posterior-left");
    expect(prepared.finder.length).toBeGreaterThan(0);
    const ranked = [...new Set(prepared.finder.map((f: { muscle: string }) => f.muscle))];
    expect(prepared.checkFirst.slice(0, ranked.length)).toEqual(ranked.slice(0, 10));
    expect(prepared.previousSessions.map((s: { id: string }) => s.id)).toContain(consultation.id);
  });

  it("autosaves the note with 20 points, refuses a stale version, and reads back what was saved", async () => {
    const chart = await newChart();
    const points = Array.from({ length: 20 }, (_, i) =>
      pointBody(i % 2 ? "levator-scapulae" : "upper-trapezius"),
    );
    const save = await w.treating.request("PUT", `/api/charts/${chart.id}`, {
      version: chart.version,
      note: noteBody(),
      points,
    });
    expect(save.statusCode).toBe(200);
    expect(save.json().version).toBe(chart.version + 1);
    const stale = await w.treating.request("PUT", `/api/charts/${chart.id}`, {
      version: chart.version,
      note: noteBody({ subjective: "older copy" }),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version_conflict");
    const read = await w.treating.request("GET", `/api/charts/${chart.id}`);
    expect(read.json().note.subjective).toContain("canary-subjective");
    expect(read.json().points.map((p: { id: string }) => p.id)).toEqual(points.map((p) => p.id));
    // A shorter list removes the missing points.
    const trimmed = await w.treating.request("PUT", `/api/charts/${chart.id}`, {
      version: save.json().version,
      note: noteBody(),
      points: points.slice(0, 3),
    });
    expect(trimmed.statusCode).toBe(200);
    expect((await w.treating.request("GET", `/api/charts/${chart.id}`)).json().points).toHaveLength(3);
  });

  it("an autosave changes, reorders and adds points, and refuses a point id of another chart whole", async () => {
    const chart = await newChart();
    const [a, b, c] = [pointBody("scalenes"), pointBody("infraspinatus"), pointBody("levator-scapulae")];
    const first = await w.treating.request("PUT", `/api/charts/${chart.id}`, {
      version: chart.version,
      note: noteBody(),
      points: [a, b],
    });
    expect(first.statusCode).toBe(200);
    // b first and changed, a unchanged, c new.
    const second = await w.treating.request("PUT", `/api/charts/${chart.id}`, {
      version: first.json().version,
      note: noteBody({ plan: "Second plan." }),
      points: [{ ...b, release: "full", holdSeconds: 45 }, a, c],
    });
    expect(second.statusCode).toBe(200);
    const read = (await w.treating.request("GET", `/api/charts/${chart.id}`)).json();
    expect(read.note.plan).toBe("Second plan.");
    expect(read.points.map((p: { id: string }) => p.id)).toEqual([b.id, a.id, c.id]);
    expect(read.points[0]).toMatchObject({ release: "full", holdSeconds: 45, muscleId: "infraspinatus" });
    expect(read.points[1]).toMatchObject({ release: null, muscleId: "scalenes", comfort: 6 });

    // A point id that belongs to another chart: nothing of the save is written.
    const other = await newChart();
    const stolen = await w.treating.request("PUT", `/api/charts/${other.id}`, {
      version: other.version,
      note: noteBody({ plan: "Must not be written." }),
      points: [a],
    });
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json().code).toBe("already_exists");
    const untouched = (await w.treating.request("GET", `/api/charts/${other.id}`)).json();
    expect(untouched.version).toBe(other.version);
    expect(untouched.points).toHaveLength(0);
    expect(untouched.note.plan).toBe("");
    const kept = (await w.treating.request("GET", `/api/charts/${chart.id}`)).json();
    expect(kept.points.map((p: { id: string }) => p.id)).toEqual([b.id, a.id, c.id]);
  });

  it("adds holds up on a point, never more than the time between start and end", async () => {
    const chart = await newChart();
    const added = await w.treating.request("POST", `/api/charts/${chart.id}/points`, pointBody());
    expect(added.statusCode).toBe(201);
    const pointId = added.json().point.id;
    const hold = (body: object) =>
      w.treating.request("POST", `/api/charts/${chart.id}/points/${pointId}/holds`, body);
    expect((await hold({ seconds: 30 })).json().point.holdSeconds).toBe(30);
    const start = Date.parse("2026-12-03T10:00:00Z");
    const clipped = await hold({
      seconds: 45,
      startedAt: new Date(start).toISOString(),
      endedAt: new Date(start + 20_000).toISOString(),
    });
    expect(clipped.json().recordedSeconds).toBe(20);
    expect(clipped.json().point.holdSeconds).toBe(50);
    const bad = await hold({ seconds: 10, startedAt: new Date(start).toISOString() });
    expect(bad.statusCode).toBe(400);
  });

  it("signs; then the note and its points are locked, and an amendment keeps the original readable", async () => {
    const chart = await newChart();
    const current = (await w.treating.request("GET", `/api/charts/${chart.id}`)).json();
    const point = pointBody("scalenes");
    await w.treating.request("PUT", `/api/charts/${chart.id}`, {
      version: current.version,
      note: noteBody({ painAfter: 2 }),
      points: [point],
    });
    const before = (await w.treating.request("GET", `/api/charts/${chart.id}`)).json();
    const signed = await w.treating.request("POST", `/api/charts/${chart.id}/sign`, {
      version: before.version,
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().signedAt).not.toBeNull();
    const after = signed.json();

    const edits = [
      w.treating.request("PUT", `/api/charts/${chart.id}`, { version: after.version, note: noteBody() }),
      w.treating.request("POST", `/api/charts/${chart.id}/points`, pointBody()),
      w.treating.request(
        "PUT",
        `/api/charts/${chart.id}/points/${point.id}`,
        pointBody("scalenes", { id: undefined }),
      ),
      w.treating.request("DELETE", `/api/charts/${chart.id}/points/${point.id}`),
      w.treating.request("POST", `/api/charts/${chart.id}/points/${point.id}/holds`, { seconds: 10 }),
    ];
    for (const res of await Promise.all(edits)) {
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe("signed");
    }
    const resign = await w.treating.request("POST", `/api/charts/${chart.id}/sign`, {
      version: after.version,
    });
    expect(resign.json().code).toBe("already_signed");

    const amend = await w.treating.request("POST", `/api/charts/${chart.id}/amendments`, {
      reason: "Pain after was 3, not 2.",
      changes: { note: { painAfter: 3 }, points: [{ id: point.id, set: { release: "full" } }] },
    });
    expect(amend.statusCode).toBe(201);
    expect(amend.json().note.painAfter).toBe(3);
    expect(amend.json().points[0].release).toBe("full");
    expect(amend.json().amendments[0].author.name).toBe("Marcus Bell");
    // Only the named fields change: the rest of the note and of the point stay as signed.
    expect(amend.json().note.subjective).toContain("canary-subjective");
    expect(amend.json().note.plan).toBe("Review in a week.");
    expect(amend.json().points[0]).toMatchObject({
      muscleId: "scalenes",
      side: "left",
      regionId: "neck-posterior-left",
      comfort: 6,
      pressure: "strong",
      referralReproduced: ["temple-left"],
    });
    expect(amend.json().amendments[0].changes).toEqual({
      note: { painAfter: 3 },
      points: [{ id: point.id, set: { release: "full" } }],
    });

    const history = (await w.treating.request("GET", `/api/charts/${chart.id}/history`)).json();
    expect(history.original.note.painAfter).toBe(2);
    expect(history.original.points[0].release).toBeNull();
    expect(history.entries).toHaveLength(1);
    expect(history.entries[0].amendment.reason).toBe("Pain after was 3, not 2.");
    expect(history.entries[0].state.note.painAfter).toBe(3);

    const unknown = await w.treating.request("POST", `/api/charts/${chart.id}/amendments`, {
      reason: "x",
      changes: { removedPointIds: [crypto.randomUUID()] },
    });
    expect(unknown.statusCode).toBe(400);
  });

  it("refuses an amendment of an unsigned note (it is edited instead)", async () => {
    const chart = await newChart();
    const res = await w.treating.request("POST", `/api/charts/${chart.id}/amendments`, {
      reason: "x",
      changes: { note: { plan: "y" } },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("not_signed");
  });

  it("lists the unsigned note left past the clinic's limit for its therapist and the owner", async () => {
    const mine = (await w.treating.request("GET", "/api/charts/unsigned")).json();
    expect(mine.limitHours).toBe(24);
    expect(mine.notes.length).toBeGreaterThanOrEqual(1);
    expect(mine.notes.every((n: { therapist: { name: string } }) => n.therapist.name === "Marcus Bell")).toBe(
      true,
    );
    const all = (await w.owner.request("GET", "/api/charts/unsigned")).json();
    expect(all.notes.length).toBeGreaterThanOrEqual(mine.notes.length);
    const priya = (await w.otherTherapist.request("GET", "/api/charts/unsigned")).json();
    expect(priya.notes).toEqual([]);
    // Only notes past the limit: a chart opened just now is not listed, whatever is listed is older.
    const fresh = await newChart();
    const listed = (await w.owner.request("GET", "/api/charts/unsigned")).json();
    expect(listed.notes.map((n: { chartId: string }) => n.chartId)).not.toContain(fresh.id);
    for (const n of listed.notes) expect(n.hoursOpen).toBeGreaterThanOrEqual(listed.limitHours);
    // The clinic's own limit: raised past the demo note's age, the list empties.
    const oldest = Math.max(...listed.notes.map((n: { hoursOpen: number }) => n.hoursOpen));
    await w.t.database.db
      .update(clinics)
      .set({ policies: { ...DEFAULT_CLINIC_POLICIES, unsignedNoteLimitHours: oldest + 2 } })
      .where(eq(clinics.id, w.clinicId));
    try {
      const raised = (await w.owner.request("GET", "/api/charts/unsigned")).json();
      expect(raised.limitHours).toBe(oldest + 2);
      expect(raised.notes).toEqual([]);
    } finally {
      await w.t.database.db
        .update(clinics)
        .set({ policies: DEFAULT_CLINIC_POLICIES })
        .where(eq(clinics.id, w.clinicId));
    }
  });

  it("shows the client plain summaries of their signed sessions only", async () => {
    const res = await w.client.request("GET", "/api/me/sessions");
    expect(res.statusCode).toBe(200);
    const { sessions } = res.json();
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    for (const s of sessions) {
      expect(s.musclesTreated.length).toBeGreaterThan(0);
      expect(s.painBefore).not.toBeNull();
      expect(s.painAfter).not.toBeNull();
      // "What to do next": the atlas's stretch for each muscle treated, in plain words.
      expect(s.nextSteps.length).toBeGreaterThanOrEqual(s.musclesTreated.length);
    }
    expect(res.body).not.toContain("assessment");
    expect(res.body).not.toContain("Findings fit");
  });
});

describe("the demo", () => {
  it("gives client@knotwork.test two or more signed sessions with points and pain before and after, one amended", async () => {
    const timeline = (await w.owner.request("GET", `/api/clients/${w.jordanId}/charts`)).json();
    const charted = timeline.sessions.filter(
      (s: {
        signed: boolean;
        points: { treated: number };
        painBefore: number | null;
        painAfter: number | null;
      }) => s.signed && s.points.treated > 0 && s.painBefore !== null && s.painAfter !== null,
    );
    expect(charted.length).toBeGreaterThanOrEqual(2);
    expect(charted.some((s: { amended: boolean }) => s.amended)).toBe(true);
    const history = (await w.owner.request("GET", `/api/charts/${w.signedChartId}/history`)).json();
    expect(history.entries.length).toBeGreaterThanOrEqual(1);
    expect(history.entries[0].amendment.reason.length).toBeGreaterThan(0);
  });
});

describe("the client's data export", () => {
  it("holds every chart in full: the note as signed, its points, amendments and the chart as amended", async () => {
    const res = await w.client.request("GET", "/api/me/export");
    expect(res.statusCode).toBe(200);
    const sessions = res.json().treatmentSessions as {
      painAfter: number;
      subjective: string;
      triggerPoints: unknown[];
      amendments: { reason: string }[];
      asAmended: { note: { painAfter: number } };
    }[];
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    const amended = sessions.find((s) => s.amendments.length > 0);
    expect(amended?.subjective).toContain("Left-sided headaches");
    expect(amended?.triggerPoints.length).toBeGreaterThan(0);
    expect(amended?.painAfter).toBe(3);
    expect(amended?.asAmended.note.painAfter).toBe(4);
  });
});

describe("who may call each chart route", () => {
  const CANARIES = [
    "canary-subjective",
    "Left-sided headaches",
    "Findings fit",
    "upper-trapezius",
    "painBefore",
  ];

  function expectRefused(res: { statusCode: number; body: string }, status: number) {
    expect(res.statusCode).toBe(status);
    const body = JSON.parse(res.body);
    expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(["code", "message"]));
    for (const canary of CANARIES) expect(res.body).not.toContain(canary);
  }

  function routes(chartId: string, pointId: string, appointmentId: string, clientId: string) {
    return {
      reads: [
        ["GET", `/api/appointments/${appointmentId}/chart`],
        ["GET", `/api/charts/${chartId}`],
        ["GET", `/api/charts/${chartId}/history`],
      ] as const,
      writes: [
        ["POST", `/api/appointments/${appointmentId}/chart`, {}],
        ["PUT", `/api/charts/${chartId}`, { version: 0, note: noteBody() }],
        ["POST", `/api/charts/${chartId}/points`, pointBody()],
        ["PUT", `/api/charts/${chartId}/points/${pointId}`, pointBody()],
        ["DELETE", `/api/charts/${chartId}/points/${pointId}`, undefined],
        ["POST", `/api/charts/${chartId}/points/${pointId}/holds`, { seconds: 10 }],
        ["POST", `/api/charts/${chartId}/sign`, { version: 0 }],
        ["POST", `/api/charts/${chartId}/amendments`, { reason: "r", changes: { note: { plan: "p" } } }],
      ] as const,
      timeline: ["GET", `/api/clients/${clientId}/charts`] as const,
    };
  }

  /**
   * An unsigned chart with the canary note and a point, and Jordan's signed demo chart (whose note
   * holds "Left-sided headaches"): every refusal below is checked against text that is really there.
   */
  async function target() {
    const chart = await newChart();
    const point = await w.treating.request("POST", `/api/charts/${chart.id}/points`, pointBody());
    const { version } = (await w.treating.request("GET", `/api/charts/${chart.id}`)).json();
    const noted = await w.treating.request("PUT", `/api/charts/${chart.id}`, { version, note: noteBody() });
    expect(noted.statusCode).toBe(200);
    const signed = (await w.owner.request("GET", `/api/charts/${w.signedChartId}`)).json();
    expect(JSON.stringify(signed)).toContain("Left-sided headaches");
    const signedPointId = signed.points[0].id as string;
    return {
      unsigned: routes(chart.id, point.json().point.id, chart.appointmentId, w.jordanId),
      signed: routes(w.signedChartId, signedPointId, signed.appointmentId as string, w.jordanId),
    };
  }

  it("the front desk and clients reach no chart content (403), the desk sees only that sessions were charted", async () => {
    const { unsigned, signed } = await target();
    for (const agent of [w.desk, w.client]) {
      for (const chart of [unsigned, signed]) {
        for (const [method, url] of chart.reads) expectRefused(await agent.request(method, url), 403);
        for (const [method, url, body] of chart.writes)
          expectRefused(await agent.request(method, url, body), 403);
      }
      expectRefused(await agent.request("GET", "/api/charts/unsigned"), 403);
    }
    expectRefused(await w.client.request(...unsigned.timeline), 403);
    const desk = await w.desk.request(...unsigned.timeline);
    expect(desk.statusCode).toBe(200);
    expect(desk.json().audience).toBe("desk");
    expect(desk.json().sessions.length).toBeGreaterThanOrEqual(2);
    for (const canary of CANARIES) expect(desk.body).not.toContain(canary);
    for (const staff of [w.owner, w.treating, w.otherTherapist, w.desk]) {
      expectRefused(await staff.request("GET", "/api/me/sessions"), 403);
    }
  });

  it("another clinic's staff find nothing (404)", async () => {
    const { unsigned, signed } = await target();
    for (const chart of [unsigned, signed]) {
      for (const [method, url] of chart.reads) expectRefused(await w.otherClinic.request(method, url), 404);
      for (const [method, url, body] of chart.writes)
        expectRefused(await w.otherClinic.request(method, url, body), 404);
    }
    expectRefused(await w.otherClinic.request(...unsigned.timeline), 404);
    expect((await w.otherClinic.request("GET", "/api/charts/unsigned")).json().notes).toEqual([]);
  });

  it("another therapist reads (by default) but never writes; with reading switched off, reads nothing", async () => {
    const { unsigned, signed } = await target();
    for (const chart of [unsigned, signed]) {
      for (const [method, url] of chart.reads)
        expect((await w.otherTherapist.request(method, url)).statusCode).toBe(200);
      for (const [method, url, body] of chart.writes)
        expectRefused(await w.otherTherapist.request(method, url, body), 403);
    }
    const opened = (await w.otherTherapist.request(...unsigned.reads[0])).json();
    expect(opened.canWrite).toBe(false);

    await w.t.database.db
      .update(clinics)
      .set({ policies: { ...DEFAULT_CLINIC_POLICIES, therapistsReadAllCharts: false } })
      .where(eq(clinics.id, w.clinicId));
    try {
      for (const chart of [unsigned, signed])
        for (const [method, url] of chart.reads)
          expectRefused(await w.otherTherapist.request(method, url), 403);
      const timeline = await w.otherTherapist.request(...unsigned.timeline);
      expect(timeline.statusCode).toBe(200);
      expect(timeline.json().sessions).toEqual([]);
    } finally {
      await w.t.database.db
        .update(clinics)
        .set({ policies: DEFAULT_CLINIC_POLICIES })
        .where(eq(clinics.id, w.clinicId));
    }
  });

  it("the owner and the treating therapist read and write", async () => {
    const { unsigned } = await target();
    for (const agent of [w.owner, w.treating]) {
      for (const [method, url] of unsigned.reads)
        expect((await agent.request(method, url)).statusCode).toBe(200);
    }
    const [, pointUrl, pointPut] = unsigned.writes[3];
    expect((await w.owner.request("PUT", pointUrl, pointPut)).statusCode).toBe(200);
    expect((await w.treating.request("PUT", pointUrl, pointPut)).statusCode).toBe(200);
  });
});

describe("audit", () => {
  it("writes one audit row per chart read", async () => {
    const chartReads = () =>
      w.t.database.db
        .select({ n: count() })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.entity, "chart"),
            eq(auditEvents.action, "read"),
            eq(auditEvents.entityId, w.signedChartId),
          ),
        );
    const { appointmentId } = (await w.owner.request("GET", `/api/charts/${w.signedChartId}`)).json();
    // Every route that shows the chart: the appointment's opening, the chart, its history.
    const urls = [
      `/api/appointments/${appointmentId}/chart`,
      `/api/charts/${w.signedChartId}`,
      `/api/charts/${w.signedChartId}/history`,
    ];
    const [before] = await chartReads();
    const N = 7;
    for (let i = 0; i < N; i++) {
      const agent = [w.owner, w.treating, w.otherTherapist][i % 3] ?? w.owner;
      const url = urls[i % urls.length] ?? "";
      expect((await agent.request("GET", url)).statusCode).toBe(200);
    }
    const [after] = await chartReads();
    expect((after?.n ?? 0) - (before?.n ?? 0)).toBe(N);
  });

  it("writes one audit row per timeline read and per client summary read, refused reads none", async () => {
    const reads = (entity: "chart_timeline" | "session_summary") =>
      w.t.database.db
        .select({ n: count() })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.entity, entity),
            eq(auditEvents.action, "read"),
            eq(auditEvents.clientId, w.jordanId),
          ),
        );
    const [timeline0] = await reads("chart_timeline");
    const [summary0] = await reads("session_summary");
    const N = 4;
    for (let i = 0; i < N; i++) {
      const agent = i % 2 ? w.desk : w.treating;
      expect((await agent.request("GET", `/api/clients/${w.jordanId}/charts`)).statusCode).toBe(200);
      expect((await w.client.request("GET", "/api/me/sessions")).statusCode).toBe(200);
      expect((await w.client.request("GET", `/api/clients/${w.jordanId}/charts`)).statusCode).toBe(403);
    }
    const [timeline1] = await reads("chart_timeline");
    const [summary1] = await reads("session_summary");
    expect((timeline1?.n ?? 0) - (timeline0?.n ?? 0)).toBe(N);
    expect((summary1?.n ?? 0) - (summary0?.n ?? 0)).toBe(N);
  });

  it("audits every write with the client it concerns", async () => {
    const chart = await newChart();
    const count0 = await w.t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.entity, "trigger_point"));
    await w.treating.request("POST", `/api/charts/${chart.id}/points`, pointBody());
    const count1 = await w.t.database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(eq(auditEvents.entity, "trigger_point"));
    expect((count1[0]?.n ?? 0) - (count0[0]?.n ?? 0)).toBe(1);
  });
});
