/**
 * Charting API benchmark (issue: consultation & session charting), on PGlite in a temp data folder
 * like a default installation, through the whole app (session, access, validation, audit) with
 * Fastify's inject (no network):
 * - saving a note with 20 trigger points (`PUT /api/charts/:id`, note + whole list of points, from
 *   the current version): p95 target ≤ 20 ms;
 * - opening a client's chart history with 50 signed sessions (`GET /api/clients/:id/charts`, each
 *   session with 10 points, every fifth amended): p95 target ≤ 30 ms;
 * and, for information, opening one appointment's chart with that history as previous sessions.
 * Every timed request alternates with a baseline request (`GET /api/auth/session`: sign-in check
 * only) in the same loop, so the machine's load shows in the baseline and the ratio to it is
 * comparable between runs; each figure is printed as p95, min, median and max.
 * The 20-point save changes every point on every save (the worst case: all 20 rows rewritten);
 * a second figure changes one point per save, the common autosave.
 * Imported by bench/index.ts (`npm run bench charting`); also runnable alone:
 * `node --import tsx bench/charting.bench.ts`. BENCH_RUNS sets the timed runs (default 200).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { and, eq, sql } from "drizzle-orm";
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
  const index = Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1));
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

type Res = { statusCode: number; body: string };

function check(res: Res): void {
  if (res.statusCode !== 200) throw new Error(`bench request failed: ${res.statusCode} ${res.body}`);
}

/**
 * Runs `measure` and `baseline` alternately (the order swapped every run) and times each: both see
 * the same machine load at the same moments.
 */
async function interleaved(measure: () => Promise<Res>, baseline: () => Promise<Res>) {
  const times: number[] = [];
  const base: number[] = [];
  const one = async (run: () => Promise<Res>, into: number[], keep: boolean) => {
    const start = performance.now();
    const res = await run();
    const ms = performance.now() - start;
    check(res);
    if (keep) into.push(ms);
  };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const keep = i >= WARMUP;
    if (i % 2) {
      await one(measure, times, keep);
      await one(baseline, base, keep);
    } else {
      await one(baseline, base, keep);
      await one(measure, times, keep);
    }
  }
  return { times, base };
}

/** p95 (with the target), then min, median and max, and the median's ratio to the baseline's. */
function figures(name: string, run: { times: number[]; base: number[] }, target?: string): BenchFigure[] {
  const median = percentile(run.times, 50);
  const baseMedian = percentile(run.base, 50);
  return [
    { name: `${name}, p95`, value: percentile(run.times, 95), unit: "ms", ...(target ? { target } : {}) },
    { name: `${name}, min`, value: percentile(run.times, 0), unit: "ms" },
    { name: `${name}, median`, value: median, unit: "ms" },
    { name: `${name}, max`, value: percentile(run.times, 100), unit: "ms" },
    { name: `${name}, baseline median (interleaved)`, value: baseMedian, unit: "ms" },
    {
      name: `${name}, median ÷ baseline median`,
      value: Math.round((median / baseMedian) * 100) / 100,
      unit: "×",
    },
  ];
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

    const baseline = () => app.inject({ method: "GET", url: "/api/auth/session", headers: { cookie } });

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
    let saves = 0;
    const save = async (changed: "all" | "one") => {
      saves += 1;
      // A different hold each save, so the points really change (all of them, or only the first).
      const list = points.map((p, i) =>
        changed === "all" || i === 0 ? { ...p, holdSeconds: 10 + (saves % 50) } : p,
      );
      const res = await app.inject({
        method: "PUT",
        url: `/api/charts/${chartId}`,
        headers,
        payload: { version, note: NOTE, points: list },
      });
      if (res.statusCode === 200) version = res.json().version;
      return res;
    };
    const saveAll = await interleaved(() => save("all"), baseline);
    const saveOne = await interleaved(() => save("one"), baseline);
    const stored = await app.inject({ method: "GET", url: `/api/charts/${chartId}`, headers: { cookie } });
    if (stored.json().points.length !== 20) throw new Error("the save lost points");

    const historyUrl = `/api/clients/${client.id}/charts`;
    const historyRun = await interleaved(
      () => app.inject({ method: "GET", url: historyUrl, headers: { cookie } }),
      baseline,
    );
    const history = await app.inject({ method: "GET", url: historyUrl, headers: { cookie } });
    const shown = history.json().sessions.length as number;
    if (shown < SESSIONS) throw new Error(`history shows ${shown} sessions`);

    // The history's reads alone: the one-statement read against the three reads it replaced
    // (sessions, then points and amendments by session id), interleaved.
    const { loadClientCharts, loadPoints, loadAmendments, loadClientTimeline } = await import(
      "../src/server/charting/store"
    );
    const ok = { statusCode: 200, body: "" };
    const storeRun = await interleaved(
      async () => {
        await loadClientTimeline(db, clinic.id, client.id, { content: true });
        return ok;
      },
      async () => {
        const rows = await loadClientCharts(db, clinic.id, client.id, { soap: false });
        const ids = rows.map((r) => r.id);
        await loadPoints(db, clinic.id, ids, { summary: true });
        await loadAmendments(db, clinic.id, ids);
        return ok;
      },
    );

    const openRun = await interleaved(
      () =>
        app.inject({ method: "GET", url: `/api/appointments/${lastVisit.id}/chart`, headers: { cookie } }),
      baseline,
    );
    await app.close();

    return [
      ...figures("charting: save note + 20 points, all changed (PGlite)", saveAll, "p95 ≤ 20 ms"),
      ...figures("charting: save note + 20 points, one changed (PGlite)", saveOne),
      ...figures(`charting: client history, ${shown} sessions (PGlite)`, historyRun, "p95 ≤ 30 ms"),
      ...figures("charting: open appointment chart (50 previous)", openRun),
      {
        name: "charting: history read, one statement, median",
        value: percentile(storeRun.times, 50),
        unit: "ms",
      },
      {
        name: "charting: history reads, the three it replaced, median",
        value: percentile(storeRun.base, 50),
        unit: "ms",
      },
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
