/**
 * Data for the reports benchmark: one clinic with 100 therapists (Monday to Friday, 09:00–17:00 with
 * a lunch break), 20,000 clients and 200,000 appointments over about 15 months around today, with the
 * sessions, trigger point records, plans, waitlist entries and confirmation events the reports read.
 * Generated inside the database with `generate_series` (seconds, not minutes, even on PGlite) and
 * seeded, so every run sees the same data. Appointments are laid out on a grid per therapist (seven a
 * day), and only the first ten therapists use rooms, so the no-double-booking constraints hold.
 */
import { sql } from "drizzle-orm";
import { MUSCLE_IDS } from "../src/core/atlas";
import type { Db } from "../src/server/db/connect";
import { DEFAULT_CLINIC_POLICIES } from "../src/server/db/schema";

export interface ReportDataOptions {
  therapists: number;
  appointments: number;
  clients: number;
  timeZone: string;
  /** Today: about 80 % of the appointments lie before it. */
  now: number;
}

export const REPORT_DATA_DEFAULTS: ReportDataOptions = {
  therapists: 100,
  appointments: 200_000,
  clients: 20_000,
  timeZone: "America/Boise",
  now: Date.now(),
};

export async function generateReportData(
  db: Db,
  options: ReportDataOptions = REPORT_DATA_DEFAULTS,
): Promise<string> {
  const { therapists, appointments, clients, timeZone } = options;
  const perTherapist = Math.ceil(appointments / therapists);
  const weeks = Math.ceil(perTherapist / 35);
  // The grid's first Monday: ~80 % of the weeks before today.
  const monday = new Date(options.now - Math.round(weeks * 0.8) * 7 * 86_400_000);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const start = monday.toISOString().slice(0, 10);
  const now = new Date(options.now).toISOString();
  const muscles = `{${MUSCLE_IDS.join(",")}}`;
  const run = async (statement: ReturnType<typeof sql>) => {
    const t0 = performance.now();
    const result = await db.execute(statement);
    if (process.env.REPORTS_DATA_TRACE) console.error(Math.round(performance.now() - t0), "ms");
    return result;
  };

  await run(sql`SELECT setseed(0.42)`);
  const [clinic] = (
    (await run(sql`INSERT INTO clinics (slug, name, time_zone, policies)
      VALUES ('bench-reports', 'Bench Reports Clinic', ${timeZone}, ${JSON.stringify(DEFAULT_CLINIC_POLICIES)}::jsonb)
      RETURNING id`)) as unknown as { rows: { id: string }[] }
  ).rows;
  const clinicId = clinic?.id as string;
  const c = sql`${clinicId}::uuid`;
  await run(sql`INSERT INTO therapists (clinic_id, display_name, feed_token_hash)
    SELECT ${c}, 'Therapist ' || lpad(n::text, 3, '0'), md5('bench-feed-' || n)
    FROM generate_series(0, ${therapists - 1}) n`);
  await run(sql`CREATE TEMP TABLE bench_t AS
    SELECT id, (row_number() OVER (ORDER BY display_name)) - 1 AS n FROM therapists WHERE clinic_id = ${c}`);
  await run(sql`INSERT INTO working_hours (clinic_id, therapist_id, weekday, start_time, end_time, is_break)
    SELECT ${c}, t.id, d, s, e, b FROM bench_t t CROSS JOIN generate_series(1, 5) d
    CROSS JOIN (VALUES ('09:00'::time, '17:00'::time, false), ('12:00'::time, '13:00'::time, true)) AS h(s, e, b)`);
  await run(sql`INSERT INTO rooms (clinic_id, name) SELECT ${c}, 'Room ' || n FROM generate_series(0, 9) n`);
  await run(sql`CREATE TEMP TABLE bench_r AS
    SELECT id, (row_number() OVER (ORDER BY name)) - 1 AS n FROM rooms WHERE clinic_id = ${c}`);
  await run(sql`INSERT INTO services (clinic_id, kind, name, duration_min)
    VALUES (${c}, 'session', 'Session 60', 60), (${c}, 'consultation', 'First visit', 60)`);
  await run(sql`INSERT INTO clients (clinic_id, first_name, last_name)
    SELECT ${c}, 'Client', lpad(n::text, 5, '0') FROM generate_series(0, ${clients - 1}) n`);
  await run(sql`CREATE TEMP TABLE bench_c AS
    SELECT id, (row_number() OVER (ORDER BY last_name)) - 1 AS n FROM clients WHERE clinic_id = ${c}`);
  await run(sql`CREATE INDEX ON bench_c (n)`);
  await run(sql`CREATE INDEX ON bench_t (n)`);

  // Slot k of a therapist: day k / 7 (weekdays only), hour 9, 10, 11, 13, 14, 15 or 16 local.
  await run(sql`CREATE TEMP TABLE bench_a AS
    SELECT i, i % ${therapists} AS t, (i / ${therapists}) AS k, random() AS r, random() AS r2,
      (random() * ${clients - 1})::int AS cl
    FROM generate_series(0, ${therapists * perTherapist - 1}) i`);
  await run(sql`INSERT INTO appointments (clinic_id, client_id, therapist_id, room_id, service_id, status, source,
      starts_at, ends_at, blocks_from, blocks_until, request_expires_at, created_at, updated_at)
    SELECT ${c}, cl.id, th.id, rm.id, (SELECT id FROM services WHERE clinic_id = ${c} ORDER BY name LIMIT 1),
      x.status::appointment_status,
      (ARRAY['online', 'phone', 'staff'])[1 + (a.r2 * 3)::int % 3]::appointment_source,
      x.starts_at, x.starts_at + interval '60 minutes', x.starts_at, x.starts_at + interval '60 minutes',
      CASE WHEN x.status IN ('requested', 'declined') OR a.r2 < 0.2 THEN x.created_at + interval '48 hours' END,
      x.created_at,
      CASE WHEN x.status = 'cancelled' THEN x.starts_at - (a.r2 * interval '96 hours') ELSE x.created_at END
    FROM bench_a a
    JOIN bench_t th ON th.n = a.t
    JOIN bench_c cl ON cl.n = a.cl
    LEFT JOIN bench_r rm ON a.t < 10 AND rm.n = a.t
    CROSS JOIN LATERAL (
      SELECT ((${start}::date + ((a.k / 7) / 5) * 7 + ((a.k / 7) % 5))::timestamp
        + make_interval(hours => (ARRAY[9, 10, 11, 13, 14, 15, 16])[1 + a.k % 7])) AT TIME ZONE ${timeZone} AS starts_at
    ) s
    CROSS JOIN LATERAL (
      SELECT s.starts_at, s.starts_at - (1 + a.r2 * 20) * interval '1 day' AS created_at,
        CASE WHEN s.starts_at < ${now}::timestamptz THEN
          CASE WHEN a.r < 0.82 THEN 'completed' WHEN a.r < 0.87 THEN 'no_show' WHEN a.r < 0.96 THEN 'cancelled' ELSE 'declined' END
        ELSE
          CASE WHEN a.r < 0.80 THEN 'confirmed' WHEN a.r < 0.95 THEN 'requested' ELSE 'cancelled' END
        END AS status
    ) x
    WHERE a.i < ${appointments}`);
  // Staff confirmed a fifth of the held appointments (the audit log's confirm events).
  await run(sql`INSERT INTO audit_events (clinic_id, action, entity, entity_id, client_id, at, prev_hash, hash)
    SELECT clinic_id, 'confirm', 'appointment', id::text, client_id,
      created_at + random() * interval '30 hours', 'bench', 'bench'
    FROM appointments WHERE clinic_id = ${c} AND status IN ('confirmed', 'completed', 'no_show') AND random() < 0.2`);
  // A charted session for each completed appointment, pain easing over a client's visits.
  await run(sql`INSERT INTO treatment_sessions (clinic_id, appointment_id, client_id, therapist_id, pain_before,
      pain_after, created_at)
    SELECT clinic_id, id, client_id, therapist_id, (2 + random() * 7)::int, (1 + random() * 5)::int,
      starts_at
    FROM appointments WHERE clinic_id = ${c} AND status = 'completed'`);
  await run(sql`INSERT INTO trigger_point_records (clinic_id, session_id, muscle_id)
    SELECT s.clinic_id, s.id, (${muscles}::text[])[1 + (random() * 11)::int + g * 12]
    FROM treatment_sessions s CROSS JOIN generate_series(0, 1) g
    WHERE s.clinic_id = ${c} AND (g = 0 OR random() < 0.5)`);
  // Signed once their points are in: the database refuses points on a signed note.
  await run(
    sql`UPDATE treatment_sessions SET signed_at = created_at + interval '1 hour' WHERE clinic_id = ${c}`,
  );
  await run(sql`INSERT INTO treatment_plans (clinic_id, client_id, planned_sessions, maintenance_interval_weeks, details, created_at)
    SELECT ${c}, cl.id, 3 + (random() * 5)::int, CASE WHEN random() < 0.4 THEN 4 END, '{}'::jsonb,
      ${start}::timestamptz + random() * (${now}::timestamptz - ${start}::timestamptz)
    FROM bench_c cl WHERE random() < 0.4`);
  await run(sql`INSERT INTO waitlist_entries (clinic_id, client_id, service_id, therapist_id, earliest, latest, created_at, notified_at)
    SELECT ${c}, cl.id, (SELECT id FROM services WHERE clinic_id = ${c} ORDER BY name LIMIT 1),
      CASE WHEN random() < 0.5 THEN (SELECT id FROM bench_t WHERE n = (cl.n % ${therapists})) END,
      w.at, w.at + interval '30 days', w.at, CASE WHEN random() < 0.6 THEN w.at + random() * interval '10 days' END
    FROM bench_c cl CROSS JOIN LATERAL (
      SELECT ${start}::timestamptz + random() * (${now}::timestamptz - ${start}::timestamptz) + cl.n * interval '0 s' AS at
    ) w WHERE cl.n % 4 = 0`);
  for (const table of ["bench_a", "bench_t", "bench_c", "bench_r"]) await run(sql.raw(`DROP TABLE ${table}`));
  await run(sql`ANALYZE`);
  return clinicId;
}
