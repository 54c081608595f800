/**
 * Charting API benchmark (issue: consultation & session charting), on PGlite in a temp data folder
 * like a default installation, through the whole app (session, access, validation, audit) with
 * Fastify's inject (no network):
 * - saving a note with 20 trigger points (`PUT /api/charts/:id`, note + whole list of points, from
 *   the current version): p95 target ≤ 20 ms;
 * - opening a client's chart history with 50 signed sessions (`GET /api/clients/:id/charts`, each
 *   session with 10 points, every fifth amended): p95 target ≤ 30 ms;
 * and, for information, opening one appointment's chart with that history as previous sessions.
 * Imported by bench/index.ts (`npm run bench charting`); also runnable alone:
 * `node --import tsx bench/charting.bench.ts`. BENCH_RUNS sets the timed runs (default 200).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../src/server/app";
import { testConfig } from "../src/server/config";
import { openPglite } from "../src/server/db/connect";
import {
  appointments,
  clients,
  clinics,
  noteAmendments,
  services,
  therapists,
  treatmentSessions,
  triggerPointRecords,
} from "../src/server/db/schema";
import { DEMO_PASSWORD, seedDemoClinic } from "../src/server/seed/demo";

interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 20;
const SESSIONS = 50;
const POINTS_PER_SESSION = 10;
const MUSCLES = ["upper-trapezius", "levator-scapulae", "scalenes", "infraspinatus", "quadratus-lumborum"];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[index] ?? 0) * 100) / 100;
}

function point(i: number) {
  return {
    id: crypto.randomUUID(),
    muscleId: MUSCLES[i % MUSCLES.length] as string,
    side: i % 2 ? "left" : "right",
    regionId: i % 2 ? "neck-posterior-left" : "neck-posterior-right",
    mapView: "back",
    mapX: 400 + i,
    mapY: 150 + i,
    active: i % 3 !== 0,
    pressure: "strong",
    comfort: 5,
    holdSeconds: 30,
    twitch: i % 4 === 0,
    referralReproduced: ["temple-left"],
    release: i % 2 ? "full" : "partial",
    stretchApplied: null,
  };
}

const NOTE = {
  subjective: "Headaches three times a week, worse after desk days.",
  objective: "Taut bands in the upper trapezius both sides; neck rotation 50° to the left.",
  assessment: "Upper trapezius and levator scapulae trigger points.",
  plan: "Weekly for four weeks.",
  painBefore: 6,
  painAfter: 3,
  consultation: {
    posture: [{ id: "forward-head", side: null, note: "" }],
    movement: [
      { testId: "cervical-rotation", side: "left", degrees: 50, painOnMovement: true, pain: 4, note: "" },
    ],
    note: "",
  },
  clientNote: "Stretch twice a day.",
};

async function timed(app: FastifyInstance, run: () => Promise<{ statusCode: number; body: string }>) {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const start = performance.now();
    const res = await run();
    const ms = performance.now() - start;
    if (res.statusCode !== 200) throw new Error(`bench request failed: ${res.statusCode} ${res.body}`);
    if (i >= WARMUP) times.push(ms);
  }
  void app;
  return times;
}

export default async function chartingBench(): Promise<BenchFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), "knotwork-bench-charting-"));
  const { database } = await openPglite(dir);
  try {
    await database.migrate();
    const { db } = database;
    await seedDemoClinic(db);
    const [clinic] = await db.select().from(clinics).where(eq(clinics.slug, "demo"));
    const [marcus] = await db.select().from(therapists).where(eq(therapists.displayName, "Marcus Bell"));
    const [service] = await db
      .select()
      .from(services)
      .where(and(eq(services.clinicId, clinic?.id ?? ""), eq(services.kind, "session")));
    if (!clinic || !marcus || !service) throw new Error("no demo clinic");
    const [client] = await db
      .insert(clients)
      .values({
        clinicId: clinic.id,
        firstName: "Bench",
        lastName: "Charted",
        email: "bench.charted@example.com",
      })
      .returning();
    if (!client) throw new Error("no client");

    // 50 past completed appointments, each with a signed chart of 10 points; every fifth amended.
    const day = 86_400_000;
    const start0 = Date.now() - (SESSIONS + 5) * 7 * day;
    const visits = await db
      .insert(appointments)
      .values(
        Array.from({ length: SESSIONS + 1 }, (_, i) => {
          const startsAt = new Date(start0 + i * 7 * day);
          const endsAt = new Date(startsAt.getTime() + 60 * 60_000);
          return {
            clinicId: clinic.id,
            clientId: client.id,
            therapistId: marcus.id,
            serviceId: service.id,
            status: "completed" as const,
            source: "staff" as const,
            startsAt,
            endsAt,
            blocksFrom: startsAt,
            blocksUntil: endsAt,
          };
        }),
      )
      .returning({ id: appointments.id, endsAt: appointments.endsAt });
    for (const [i, visit] of visits.slice(0, SESSIONS).entries()) {
      const [session] = await db
        .insert(treatmentSessions)
        .values({
          clinicId: clinic.id,
          appointmentId: visit.id,
          clientId: client.id,
          therapistId: marcus.id,
          kind: i === 0 ? "consultation" : "session",
          subjective: NOTE.subjective,
          objective: NOTE.objective,
          assessment: NOTE.assessment,
          plan: NOTE.plan,
          painBefore: 6,
          painAfter: 3,
          consultation: NOTE.consultation,
          createdAt: visit.endsAt,
        })
        .returning({ id: treatmentSessions.id });
      if (!session) throw new Error("no session");
      await db.insert(triggerPointRecords).values(
        Array.from({ length: POINTS_PER_SESSION }, (_, k) => ({
          ...point(k),
          clinicId: clinic.id,
          sessionId: session.id,
          ordinal: k,
        })),
      );
      await db
        .update(treatmentSessions)
        .set({ signedAt: visit.endsAt, signedBy: marcus.userId })
        .where(eq(treatmentSessions.id, session.id));
      if (i % 5 === 0) {
        await db.insert(noteAmendments).values({
          clinicId: clinic.id,
          sessionId: session.id,
          authorId: marcus.userId,
          reason: "Pain after corrected.",
          changes: { note: { painAfter: 4 } },
          createdAt: new Date(visit.endsAt.getTime() + 3_600_000),
        });
      }
    }
    await db.execute(sql`ANALYZE`);

    const app = await buildApp({ database, config: testConfig({ logLevel: "silent" }) });
    await app.ready();
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "therapist@knotwork.test", password: DEMO_PASSWORD },
    });
    const cookie = `kw_session=${login.cookies.find((c) => c.name === "kw_session")?.value}`;
    const csrf = login.json().csrfToken as string;
    const headers = { cookie, "x-csrf-token": csrf };

    // The unsigned chart of the last (51st) visit, saved with 20 points over and over.
    const lastVisit = visits[SESSIONS];
    if (!lastVisit) throw new Error("no last visit");
    const created = await app.inject({
      method: "POST",
      url: `/api/appointments/${lastVisit.id}/chart`,
      headers,
      payload: {},
    });
    let version = created.json().version as number;
    const chartId = created.json().id as string;
    const points = Array.from({ length: 20 }, (_, i) => point(i));
    const saveTimes = await timed(app, async () => {
      const res = await app.inject({
        method: "PUT",
        url: `/api/charts/${chartId}`,
        headers,
        payload: { version, note: NOTE, points },
      });
      if (res.statusCode === 200) version = res.json().version;
      return res;
    });

    const historyTimes = await timed(app, () =>
      app.inject({ method: "GET", url: `/api/clients/${client.id}/charts`, headers: { cookie } }),
    );
    const history = await app.inject({
      method: "GET",
      url: `/api/clients/${client.id}/charts`,
      headers: { cookie },
    });
    const shown = history.json().sessions.length as number;
    if (shown < SESSIONS) throw new Error(`history shows ${shown} sessions`);

    // Phases of the history read, to see where the time goes.
    const { loadClientCharts, loadPoints, loadAmendments } = await import("../src/server/charting/store");
    const { ClientTimelineSchema } = await import("../src/core/api/charting");
    const storeTimes: number[] = [];
    const serializeTimes: number[] = [];
    const body = history.json();
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      const rows = await loadClientCharts(db, clinic.id, client.id);
      const ids = rows.map((r) => r.id);
      await loadPoints(db, clinic.id, ids);
      await loadAmendments(db, clinic.id, ids);
      storeTimes.push(performance.now() - t0);
      const t1 = performance.now();
      ClientTimelineSchema.parse(body);
      serializeTimes.push(performance.now() - t1);
    }
    const baselineTimes = await timed(app, () =>
      app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie } }),
    );

    const openTimes = await timed(app, () =>
      app.inject({ method: "GET", url: `/api/appointments/${lastVisit.id}/chart`, headers: { cookie } }),
    );
    await app.close();

    return [
      {
        name: "charting: save note + 20 points, p95 (PGlite)",
        value: percentile(saveTimes, 95),
        unit: "ms",
        target: "≤ 20 ms",
      },
      { name: "charting: save note + 20 points, p50", value: percentile(saveTimes, 50), unit: "ms" },
      {
        name: `charting: client history, ${shown} sessions, p95 (PGlite)`,
        value: percentile(historyTimes, 95),
        unit: "ms",
        target: "≤ 30 ms",
      },
      { name: "charting: client history, p50", value: percentile(historyTimes, 50), unit: "ms" },
      {
        name: "charting: open appointment chart (50 previous), p95",
        value: percentile(openTimes, 95),
        unit: "ms",
      },
      { name: "charting: history queries only, p50", value: percentile(storeTimes, 50), unit: "ms" },
      {
        name: "charting: history response check only, p50",
        value: percentile(serializeTimes, 50),
        unit: "ms",
      },
      {
        name: "baseline: GET /api/auth/session p95 (machine load)",
        value: percentile(baselineTimes, 95),
        unit: "ms",
      },
      { name: "baseline: GET /api/auth/session p50", value: percentile(baselineTimes, 50), unit: "ms" },
    ];
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const row of await chartingBench())
    console.log(`${row.name}: ${row.value} ${row.unit} ${row.target ?? ""}`);
}
