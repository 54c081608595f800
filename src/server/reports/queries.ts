/**
 * The reports in SQL (docs/decisions/0021-reports.md): the database does the counting and summing
 * over the range's rows and returns small aggregates; the figures are then shaped by the same pure
 * functions the reference computations use (src/core/reports/compute.ts), which the property tests
 * compare these queries with. Dates are the clinic's: weeks are `date_trunc('week', … AT TIME ZONE
 * zone)` (Monday), the range is local midnight to local midnight.
 */
import { type SQL, sql } from "drizzle-orm";
import {
  type AppointmentsReport,
  type ClientsReport,
  type NoShowsReport,
  type OutcomesReport,
  type PlansReport,
  RETENTION_DAYS,
  type ReportName,
  type ReportTypes,
  type UtilisationReport,
  type WaitlistReport,
} from "../../core/api/reports";
import { MUSCLES } from "../../core/atlas";
import {
  type AppointmentSource,
  type AppointmentStatus,
  byCode,
  type NamedSchedule,
  NO_SHOW_CLIENTS_LIMIT,
  outcomeRows,
  type PlanStatus,
  planStatus,
  plansSummary,
  type ReportContext,
  utilisationRows,
} from "../../core/reports/compute";
import { minutesOf, ratio } from "../../core/reports/figures";
import { reportRange, weeksOf, wholeWeeksOf } from "../../core/reports/range";
import { instantToLocal, type LocalInterval } from "../../core/scheduling";
import type { Db } from "../db/connect";

type Row = Record<string, unknown>;

export async function rowsOf(db: Db, statement: SQL): Promise<Row[]> {
  const result = (await db.execute(statement)) as unknown;
  const rows = (result as { rows?: unknown }).rows;
  return (Array.isArray(rows) ? rows : Array.isArray(result) ? result : []) as Row[];
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export interface ReportScope extends ReportContext {
  clinicId: string;
}

interface Bounds {
  from: string;
  to: string;
  tz: string;
  therapist: SQL;
}

function boundsOf(scope: ReportScope, column = sql`therapist_id`): Bounds {
  const { fromMs, toMs } = reportRange(scope.from, scope.to, scope.timeZone);
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    tz: scope.timeZone,
    therapist: scope.therapistId ? sql`AND ${column} = ${scope.therapistId}::uuid` : sql``,
  };
}

/** `to_char(date_trunc('week', instant AT TIME ZONE zone), 'YYYY-MM-DD')`: the local week's Monday. */
function weekSql(column: SQL, tz: string): SQL {
  return sql`to_char(date_trunc('week', ${column} AT TIME ZONE ${tz}::text), 'YYYY-MM-DD')`;
}

/** The Monday of a local date column (the summaries' days are local already). */
function dayWeekSql(column: SQL): SQL {
  return sql`to_char(${column} - (extract(isodow FROM ${column})::int - 1), 'YYYY-MM-DD')`;
}

/**
 * Whether the per-day summaries (docs/decisions/0024-reports-summary.md) answer this scope: they hold
 * local days in the clinic's own time zone and lateness by its own cancellation window, which is what
 * the routes ask for. Any other zone or window is answered from the appointments themselves.
 */
async function summariesFit(db: Db, scope: ReportScope): Promise<boolean> {
  const [clinic] = await rowsOf(
    db,
    sql`SELECT time_zone, policies->'cancellationWindowHours' AS window FROM clinics WHERE id = ${scope.clinicId}::uuid`,
  );
  return clinic?.time_zone === scope.timeZone && Number(clinic?.window) === scope.cancellationWindowHours;
}

function epochMs(column: SQL): SQL {
  return sql`(extract(epoch FROM ${column}) * 1000)::float8`;
}

function header(scope: ReportScope) {
  return { from: scope.from, to: scope.to, timeZone: scope.timeZone, therapistId: scope.therapistId };
}

function weekCounts<K extends string>(
  scope: ReportScope,
  rows: Row[],
  keys: readonly K[],
): ({ week: string } & Record<K, number>)[] {
  const byWeek = new Map(rows.map((row) => [String(row.week), row]));
  return weeksOf(scope.from, scope.to).map((week) => {
    const row = byWeek.get(week);
    const counts = Object.fromEntries(keys.map((key) => [key, num(row?.[key])])) as Record<K, number>;
    return { week, ...counts };
  });
}

/** The clinic's appointments per status and source and per week, from the per-day summary. */
function appointmentsFromSummary(scope: ReportScope, b: Bounds): SQL {
  const clinic = sql`${scope.clinicId}::uuid`;
  return sql`WITH d AS (
      SELECT status::text AS status, source::text AS source, day, expiring, appointments FROM report_clinic_days
      WHERE clinic_id = ${clinic} AND day >= ${scope.from}::date AND day <= ${scope.to}::date
    ), r AS (
      SELECT flagged, ${epochMs(sql`confirmed_at`)} - ${epochMs(sql`created_at`)} AS wait FROM report_confirmations
      WHERE clinic_id = ${clinic} AND starts_at >= ${b.from}::timestamptz AND starts_at < ${b.to}::timestamptz
    )
    SELECT 'cell' AS kind, status, source, NULL AS week, sum(appointments)::int AS n, NULL::float8 AS x
      FROM d GROUP BY status, source
    UNION ALL
    SELECT 'week', NULL, NULL, ${dayWeekSql(sql`day`)}, sum(appointments)::int, NULL FROM d GROUP BY 4
    UNION ALL
    SELECT 'requests', NULL, NULL, NULL,
      ((SELECT COALESCE(sum(appointments), 0) FROM d WHERE status IN ('requested', 'declined') OR expiring)
        + (SELECT count(*) FROM r WHERE NOT flagged))::int,
      (SELECT count(*) FROM r)::float8
    UNION ALL
    SELECT 'median', NULL, NULL, NULL, 0, percentile_cont(0.5) WITHIN GROUP (ORDER BY wait) FROM r`;
}

/** The same figures from the appointments rows (one therapist: few rows; or another zone or window). */
function appointmentsFromRows(scope: ReportScope, b: Bounds): SQL {
  // The confirmation time is the audit log's first `confirm` event, kept per appointment in
  // report_confirmations by migration 0019's triggers.
  return sql`WITH a AS (
      SELECT a.status::text AS status, a.source::text AS source, a.starts_at, a.created_at, a.request_expires_at,
        conf.confirmed_at
      FROM appointments a LEFT JOIN report_confirmations conf ON conf.clinic_id = a.clinic_id AND conf.appointment_id = a.id
      WHERE a.clinic_id = ${scope.clinicId}::uuid AND a.starts_at >= ${b.from}::timestamptz
        AND a.starts_at < ${b.to}::timestamptz ${b.therapist}
    ), r AS (
      SELECT confirmed_at, created_at FROM a
      WHERE status IN ('requested', 'declined') OR request_expires_at IS NOT NULL OR confirmed_at IS NOT NULL
    )
    SELECT 'cell' AS kind, status, source, NULL AS week, count(*)::int AS n, NULL::float8 AS x FROM a GROUP BY status, source
    UNION ALL
    SELECT 'week', NULL, NULL, ${weekSql(sql`starts_at`, b.tz)}, count(*)::int, NULL FROM a GROUP BY 4
    UNION ALL
    SELECT 'requests', NULL, NULL, NULL, count(*)::int, count(confirmed_at)::float8 FROM r
    UNION ALL
    SELECT 'median', NULL, NULL, NULL, 0,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY ${epochMs(sql`confirmed_at`)} - ${epochMs(sql`created_at`)})
      FROM r WHERE confirmed_at IS NOT NULL`;
}

export async function appointmentsReport(db: Db, scope: ReportScope): Promise<AppointmentsReport> {
  const b = boundsOf(scope, sql`a.therapist_id`);
  const clinicWide = scope.therapistId === null && (await summariesFit(db, scope));
  const rows = await rowsOf(
    db,
    clinicWide ? appointmentsFromSummary(scope, b) : appointmentsFromRows(scope, b),
  );
  const cells = rows.filter((row) => row.kind === "cell");
  const requests = rows.find((row) => row.kind === "requests");
  const middle = rows.find((row) => row.kind === "median")?.x;
  return {
    ...header(scope),
    total: cells.reduce((sum, row) => sum + num(row.n), 0),
    byStatusSource: cells
      .map((row) => ({
        status: row.status as AppointmentStatus,
        source: row.source as AppointmentSource,
        count: num(row.n),
      }))
      .sort((a, b) => byCode(a.status, b.status) || byCode(a.source, b.source)),
    weeks: weekCounts(
      scope,
      rows.filter((row) => row.kind === "week").map((row) => ({ week: row.week, count: row.n })),
      ["count"],
    ),
    requests: {
      total: num(requests?.n),
      confirmed: num(requests?.x),
      medianMinutesToConfirm: middle === null || middle === undefined ? null : minutesOf(Number(middle)),
    },
  };
}

function hhmm(time: unknown): string {
  return String(time).slice(0, 5);
}

/** Therapists (active, or booked in the range) with their hours, overrides and time off; rooms likewise. */
export async function loadSchedules(
  db: Db,
  scope: ReportScope,
): Promise<{ schedules: NamedSchedule[]; rooms: { id: string; name: string }[] }> {
  const b = boundsOf(scope);
  const dayMs = 86_400_000;
  const { fromMs, toMs } = reportRange(scope.from, scope.to, scope.timeZone);
  const firstDate = new Date(fromMs - 2 * dayMs).toISOString().slice(0, 10);
  const lastDate = new Date(toMs + 2 * dayMs).toISOString().slice(0, 10);
  const clinic = sql`${scope.clinicId}::uuid`;
  const booked = sql`EXISTS (SELECT 1 FROM appointments a WHERE a.clinic_id = ${clinic} AND a.starts_at >= ${b.from}::timestamptz
      AND a.starts_at < ${b.to}::timestamptz AND a.status IN ('confirmed', 'completed', 'no_show')`;
  const [row] = await rowsOf(
    db,
    sql`WITH t AS (
      SELECT id, display_name FROM therapists th
      WHERE clinic_id = ${clinic} AND (active OR ${booked} AND a.therapist_id = th.id))
    )
    SELECT
      (SELECT COALESCE(json_agg(json_build_array(id, display_name) ORDER BY display_name, id), '[]') FROM t) AS therapists,
      (SELECT COALESCE(json_agg(json_build_array(h.therapist_id, h.weekday, h.start_time, h.end_time, h.is_break)), '[]')
        FROM working_hours h WHERE h.clinic_id = ${clinic} AND h.therapist_id IN (SELECT id FROM t)) AS hours,
      (SELECT COALESCE(json_agg(json_build_array(o.therapist_id, o.date, o.intervals)), '[]')
        FROM date_overrides o WHERE o.clinic_id = ${clinic} AND o.therapist_id IN (SELECT id FROM t)
          AND o.date BETWEEN ${firstDate}::date AND ${lastDate}::date) AS overrides,
      (SELECT COALESCE(json_agg(json_build_array(x.therapist_id, ${epochMs(sql`x.starts_at`)}, ${epochMs(sql`x.ends_at`)})), '[]')
        FROM time_off x WHERE x.clinic_id = ${clinic} AND x.therapist_id IN (SELECT id FROM t)
          AND x.starts_at < ${b.to}::timestamptz AND x.ends_at > ${b.from}::timestamptz) AS time_off,
      (SELECT COALESCE(json_agg(json_build_array(r.id, r.name) ORDER BY r.name, r.id), '[]') FROM rooms r
        WHERE r.clinic_id = ${clinic} AND (r.active OR ${booked} AND a.room_id = r.id))) AS rooms`,
  );
  const parse = (value: unknown) => (typeof value === "string" ? JSON.parse(value) : value) as unknown[][];
  const schedules = new Map<
    string,
    NamedSchedule & { weeklyHours: Record<number, LocalInterval[]>; breaks: Record<number, LocalInterval[]> }
  >();
  for (const [id, name] of parse(row?.therapists)) {
    schedules.set(String(id), {
      id: String(id),
      name: String(name),
      weeklyHours: {},
      breaks: {},
      dateOverrides: [],
      timeOff: [],
    });
  }
  for (const [therapistId, weekday, start, end, isBreak] of parse(row?.hours)) {
    const schedule = schedules.get(String(therapistId));
    if (!schedule) continue;
    const target = isBreak ? schedule.breaks : schedule.weeklyHours;
    const day = Number(weekday);
    target[day] = [...(target[day] ?? []), { start: hhmm(start), end: hhmm(end) }];
  }
  for (const [therapistId, date, intervals] of parse(row?.overrides)) {
    const schedule = schedules.get(String(therapistId));
    if (schedule) (schedule.dateOverrides as unknown[]).push({ date: String(date), intervals });
  }
  for (const [therapistId, start, end] of parse(row?.time_off)) {
    const schedule = schedules.get(String(therapistId));
    if (schedule) (schedule.timeOff as unknown[]).push({ start: Number(start), end: Number(end) });
  }
  const rooms = parse(row?.rooms).map(([id, name]) => ({ id: String(id), name: String(name) }));
  return { schedules: [...schedules.values()], rooms };
}

/** Booked minutes per therapist and week and per room and week, from the per-day summary. */
function bookedFromSummary(scope: ReportScope, b: Bounds): SQL {
  const where = sql`clinic_id = ${scope.clinicId}::uuid AND day >= ${scope.from}::date AND day <= ${scope.to}::date ${b.therapist}`;
  const week = dayWeekSql(sql`day`);
  return sql`SELECT 'therapist' AS kind, therapist_id::text AS id, ${week} AS week, (sum(seconds) / 60)::float8 AS minutes
      FROM report_booked_days WHERE ${where} GROUP BY 2, 3
    UNION ALL
    SELECT 'room', room_id::text, ${week}, (sum(seconds) / 60)::float8
      FROM report_booked_days WHERE ${where} AND room_id IS NOT NULL GROUP BY 2, 3`;
}

function bookedFromRows(scope: ReportScope, b: Bounds): SQL {
  const week = weekSql(sql`starts_at`, b.tz);
  const where = sql`clinic_id = ${scope.clinicId}::uuid AND starts_at >= ${b.from}::timestamptz
    AND starts_at < ${b.to}::timestamptz AND status IN ('confirmed', 'completed', 'no_show') ${b.therapist}`;
  const minutes = sql`sum(${epochMs(sql`ends_at`)} - ${epochMs(sql`starts_at`)}) / 60000`;
  return sql`SELECT 'therapist' AS kind, therapist_id::text AS id, ${week} AS week, ${minutes} AS minutes
      FROM appointments WHERE ${where} GROUP BY 2, 3
    UNION ALL
    SELECT 'room', room_id::text, ${week}, ${minutes}
      FROM appointments WHERE ${where} AND room_id IS NOT NULL GROUP BY 2, 3`;
}

export async function utilisationReport(db: Db, scope: ReportScope): Promise<UtilisationReport> {
  const b = boundsOf(scope);
  const fromSummary = await summariesFit(db, scope);
  const [rows, { schedules, rooms }] = await Promise.all([
    rowsOf(db, fromSummary ? bookedFromSummary(scope, b) : bookedFromRows(scope, b)),
    loadSchedules(db, scope),
  ]);
  const booked = new Map(rows.map((row) => [`${row.kind}|${row.id}|${row.week}`, num(row.minutes)]));
  return { ...header(scope), rows: utilisationRows(scope, schedules, rooms, booked) };
}

/** Weekly counts from the per-day summary; the clients concerned from the missed appointments (partial index). */
function noShowsFromSummary(scope: ReportScope, b: Bounds): SQL {
  const clinic = sql`${scope.clinicId}::uuid`;
  return sql`WITH w AS (
      SELECT ${dayWeekSql(sql`day`)} AS week, sum(appointments)::int AS booked,
        COALESCE(sum(appointments) FILTER (WHERE status = 'no_show'), 0)::int AS no_shows,
        COALESCE(sum(appointments) FILTER (WHERE late), 0)::int AS late
      FROM report_clinic_days
      WHERE clinic_id = ${clinic} AND day >= ${scope.from}::date AND day <= ${scope.to}::date
        AND status IN ('confirmed', 'completed', 'no_show', 'cancelled')
      GROUP BY 1
    ), c AS (
      SELECT a.client_id, count(*) FILTER (WHERE a.status = 'no_show')::int AS no_shows,
        count(*) FILTER (WHERE a.status = 'cancelled'
          AND a.updated_at > a.starts_at - make_interval(hours => ${scope.cancellationWindowHours}::int))::int AS late
      FROM appointments a
      WHERE a.clinic_id = ${clinic} AND a.status IN ('no_show', 'cancelled')
        AND a.starts_at >= ${b.from}::timestamptz AND a.starts_at < ${b.to}::timestamptz
      GROUP BY a.client_id
    ), top AS (
      -- Only the clients who can make the list (ties kept: the order is set in code).
      SELECT * FROM c WHERE no_shows + late > 0 AND no_shows + late >= COALESCE(
        (SELECT no_shows + late FROM c ORDER BY 1 DESC OFFSET ${NO_SHOW_CLIENTS_LIMIT - 1} LIMIT 1), 0)
    )
    SELECT 'week' AS kind, week, NULL AS client_id, NULL AS name, booked, no_shows, late FROM w
    UNION ALL
    SELECT 'client', NULL, top.client_id::text, cl.first_name || ' ' || cl.last_name, 0, top.no_shows, top.late
      FROM top JOIN clients cl ON cl.clinic_id = ${clinic} AND cl.id = top.client_id`;
}

function noShowsFromRows(scope: ReportScope, b: Bounds): SQL {
  return sql`WITH d AS (
      SELECT a.client_id, a.status, ${weekSql(sql`a.starts_at`, b.tz)} AS week,
        (a.status = 'cancelled' AND a.updated_at > a.starts_at - make_interval(hours => ${scope.cancellationWindowHours}::int)) AS late
      FROM appointments a
      WHERE a.clinic_id = ${scope.clinicId}::uuid AND a.starts_at >= ${b.from}::timestamptz
        AND a.starts_at < ${b.to}::timestamptz ${b.therapist}
        AND a.status IN ('confirmed', 'completed', 'no_show', 'cancelled')
    ), w AS (
      SELECT week, count(*)::int AS booked, count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
        count(*) FILTER (WHERE late)::int AS late FROM d GROUP BY week
    ), c AS (
      SELECT client_id, count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
        count(*) FILTER (WHERE late)::int AS late FROM d WHERE status = 'no_show' OR late GROUP BY client_id
    )
    SELECT 'week' AS kind, week, NULL AS client_id, NULL AS name, booked, no_shows, late FROM w
    UNION ALL
    SELECT 'client', NULL, c.client_id::text, cl.first_name || ' ' || cl.last_name, 0, c.no_shows, c.late
      FROM c JOIN clients cl ON cl.clinic_id = ${scope.clinicId}::uuid AND cl.id = c.client_id`;
}

export async function noShowsReport(db: Db, scope: ReportScope): Promise<NoShowsReport> {
  const b = boundsOf(scope, sql`a.therapist_id`);
  const clinicWide = scope.therapistId === null && (await summariesFit(db, scope));
  const rows = await rowsOf(db, clinicWide ? noShowsFromSummary(scope, b) : noShowsFromRows(scope, b));
  const weekRows = rows.filter((row) => row.kind === "week");
  const weeks = weekCounts(
    scope,
    weekRows.map((row) => ({
      week: row.week,
      booked: row.booked,
      noShows: row.no_shows,
      lateCancellations: row.late,
    })),
    ["booked", "noShows", "lateCancellations"],
  );
  const booked = weekRows.reduce((sum, row) => sum + num(row.booked), 0);
  const noShows = weekRows.reduce((sum, row) => sum + num(row.no_shows), 0);
  const lateCancellations = weekRows.reduce((sum, row) => sum + num(row.late), 0);
  const clients = rows
    .filter((row) => row.kind === "client")
    .map((row) => ({
      clientId: String(row.client_id),
      name: String(row.name),
      noShows: num(row.no_shows),
      lateCancellations: num(row.late),
    }))
    .sort(
      (a, b) =>
        b.noShows + b.lateCancellations - (a.noShows + a.lateCancellations) ||
        byCode(a.name, b.name) ||
        byCode(a.clientId, b.clientId),
    )
    .slice(0, NO_SHOW_CLIENTS_LIMIT);
  return {
    ...header(scope),
    booked,
    noShows,
    lateCancellations,
    noShowRate: ratio(noShows, booked),
    lateCancellationRate: ratio(lateCancellations, booked),
    weeks,
    clients,
  };
}

/** The clients report's figures as rows: per week fresh/seen, and the range's totals. */
interface ClientRows {
  weeks: Row[];
  newClients: number;
  seenClients: number;
  retention: Row | undefined;
}

/**
 * Clinic-wide, from the visit-day summaries (ADR 0024, amendment "clients"). A client's row for a
 * visit day carries their previous visit day, so a client is counted once in a stretch of days by
 * the row whose previous day lies before the stretch: a week's distinct clients are its rows whose
 * previous day is before max(Monday, from); the range's, its rows whose previous day is before
 * `from`; new clients, rows without a previous day. Whole weeks read report_client_weeks (those rows
 * counted per week and previous day: a few hundred rows a week); the partial weeks at either end read
 * report_client_days day by day. A client is new in a partial first week also when their first visit
 * was in that week before `from`: no visit day before the Monday.
 */
function clientsFromSummary(scope: ReportScope, b: Bounds): SQL {
  const clinic = sql`${scope.clinicId}::uuid`;
  const from = sql`${scope.from}::date`;
  // Retention: new clients and those who booked again are sums over report_client_first_days. A
  // client counts (is eligible) once they booked again or their first visit is a retention period
  // ago: every client of a day before the local day of that cut-off; from that day on (the last
  // eight weeks), client by client from report_client_firsts.
  const settledMs = scope.now - RETENTION_DAYS * 86_400_000;
  const settled = new Date(settledMs).toISOString();
  const settledDay = instantToLocal(settledMs, scope.timeZone).date;
  const recentFrom = new Date(
    Math.max(
      reportRange(scope.from, scope.to, scope.timeZone).fromMs,
      reportRange(settledDay, settledDay, scope.timeZone).fromMs,
    ),
  ).toISOString();
  const whole = wholeWeeksOf(scope.from, scope.to);
  // The days outside the whole weeks, as two ranges the index can each seek to.
  const edgeDays = whole
    ? sql`((r.day >= ${from} AND r.day < ${whole.first}::date)
        OR (r.day > ${whole.last}::date + 6 AND r.day <= ${scope.to}::date))`
    : sql`r.day >= ${from} AND r.day <= ${scope.to}::date`;
  const wholeWeeks = whole
    ? sql`UNION ALL
      SELECT 'week', to_char(week, 'YYYY-MM-DD'), COALESCE(sum(clients) FILTER (WHERE prev_day IS NULL), 0)::int,
        sum(clients)::int, COALESCE(sum(clients) FILTER (WHERE prev_day IS NULL OR prev_day < ${from}), 0)::int
      FROM report_client_weeks
      WHERE clinic_id = ${clinic} AND week >= ${whole.first}::date AND week <= ${whole.last}::date
      GROUP BY week`
    : sql``;
  return sql`WITH e AS (
      SELECT r.client_ref, r.prev_day, r.day - (extract(isodow FROM r.day)::int - 1) AS week
      FROM report_client_days r
      WHERE r.clinic_id = ${clinic} AND ${edgeDays}
    ), d AS (
      SELECT day, clients, rebooked FROM report_client_first_days
      WHERE clinic_id = ${clinic} AND day >= ${from} AND day <= ${scope.to}::date
    )
    SELECT 'week' AS kind, to_char(week, 'YYYY-MM-DD') AS week,
        count(*) FILTER (WHERE prev_day IS NULL OR (prev_day >= week AND prev_day < ${from}
          AND NOT EXISTS (SELECT 1 FROM report_client_days o
            WHERE o.clinic_id = ${clinic} AND o.client_ref = e.client_ref AND o.day < e.week)))::int AS fresh,
        count(*) FILTER (WHERE prev_day IS NULL OR prev_day < greatest(week, ${from}))::int AS seen,
        count(*) FILTER (WHERE prev_day IS NULL OR prev_day < ${from})::int AS entering
      FROM e GROUP BY week
    ${wholeWeeks}
    UNION ALL
    SELECT 'retention', NULL, (SELECT COALESCE(sum(rebooked), 0) FROM d)::int,
        ((SELECT COALESCE(sum(clients), 0) FROM d WHERE day < ${settledDay}::date) + (
          SELECT count(*) FROM report_client_firsts
          WHERE clinic_id = ${clinic} AND first_visit_at >= ${recentFrom}::timestamptz
            AND first_visit_at < ${b.to}::timestamptz
            AND (first_visit_at <= ${settled}::timestamptz OR again_at <= first_visit_at + interval '1344 hours')))::int,
        (SELECT COALESCE(sum(clients), 0) FROM d)::int`;
}

/** From the appointments (one therapist: few rows; or a zone other than the clinic's). */
function clientsFromRows(scope: ReportScope, b: Bounds): SQL {
  const clinic = sql`${scope.clinicId}::uuid`;
  // The local week stays a timestamp until the last step: grouping ~100,000 visits by a text key
  // (to_char per row) cost more than the rest of the query.
  return sql`WITH v AS MATERIALIZED (
      SELECT a.client_id, date_trunc('week', a.starts_at AT TIME ZONE ${b.tz}::text) AS week
      FROM appointments a
      WHERE a.clinic_id = ${clinic} AND a.status = 'completed' AND a.starts_at >= ${b.from}::timestamptz
        AND a.starts_at < ${b.to}::timestamptz ${b.therapist}
      GROUP BY a.client_id, 2
    ), f AS (
      -- Each client's first visit and first booking after it, kept by migration 0021's triggers.
      SELECT r.client_ref AS client_id, r.first_visit_at AS first_at, r.again_at
      FROM report_client_firsts r
      WHERE r.clinic_id = ${clinic} AND r.first_visit_at < ${b.to}::timestamptz
        AND r.client_ref IN (SELECT client_id FROM v)
    ), n AS (
      SELECT f.client_id, f.first_at, COALESCE(f.again_at <= f.first_at + interval '56 days', false) AS again
      FROM f WHERE f.first_at >= ${b.from}::timestamptz AND f.first_at < ${b.to}::timestamptz
    )
    SELECT 'week' AS kind, to_char(v.week, 'YYYY-MM-DD') AS week,
        count(*) FILTER (WHERE date_trunc('week', f.first_at AT TIME ZONE ${b.tz}::text) = v.week)::int AS fresh,
        count(*)::int AS seen, 0 AS entering
      FROM v JOIN f USING (client_id) GROUP BY v.week
    UNION ALL
    SELECT 'total', NULL, 0, (SELECT count(*) FROM f)::int, 0
    UNION ALL
    SELECT 'retention', NULL, count(*) FILTER (WHERE again)::int,
        count(*) FILTER (WHERE again OR ${epochMs(sql`first_at`)} + ${RETENTION_DAYS * 86_400_000} <= ${scope.now}::float8)::int,
        count(*)::int
      FROM n`;
}

async function clientRows(db: Db, scope: ReportScope): Promise<ClientRows> {
  const b = boundsOf(scope, sql`a.therapist_id`);
  const clinicWide = scope.therapistId === null && (await summariesFit(db, scope));
  const rows = await rowsOf(db, clinicWide ? clientsFromSummary(scope, b) : clientsFromRows(scope, b));
  const retention = rows.find((row) => row.kind === "retention");
  const weeks = rows.filter((row) => row.kind === "week");
  // The new clients are those whose first visit is in the range (each was seen in it); clinic-wide the
  // clients seen are the sum of each week's clients entering the range.
  const seenClients = clinicWide
    ? weeks.reduce((sum, row) => sum + num(row.entering), 0)
    : num(rows.find((row) => row.kind === "total")?.seen);
  return { weeks, newClients: num(retention?.entering), seenClients, retention };
}

export async function clientsReport(db: Db, scope: ReportScope): Promise<ClientsReport> {
  const { weeks, newClients, seenClients, retention } = await clientRows(db, scope);
  const eligible = num(retention?.seen);
  const rebooked = num(retention?.fresh);
  return {
    ...header(scope),
    newClients,
    returningClients: seenClients - newClients,
    weeks: weekCounts(
      scope,
      weeks.map((row) => ({
        week: row.week,
        newClients: row.fresh,
        returningClients: num(row.seen) - num(row.fresh),
      })),
      ["newClients", "returningClients"],
    ),
    retention: { eligible, rebooked, share: ratio(rebooked, eligible) },
  };
}

export async function plansReport(db: Db, scope: ReportScope): Promise<PlansReport> {
  const b = boundsOf(scope);
  const clinic = sql`${scope.clinicId}::uuid`;
  const now = new Date(scope.now).toISOString();
  const mine = scope.therapistId ? sql`bool_or(s.therapist_id = ${scope.therapistId}::uuid)` : sql`true`;
  // One therapist: only plans with a signed session of theirs since the plan began can count.
  const theirs = scope.therapistId
    ? sql`AND EXISTS (SELECT 1 FROM treatment_sessions t WHERE t.clinic_id = ${clinic} AND t.client_id = q.client_id
        AND t.therapist_id = ${scope.therapistId}::uuid AND t.signed_at IS NOT NULL AND t.created_at >= q.created_at)`
    : sql``;
  // Set-based: each plan's next plan by a window over the clinic's plans, its sessions by one join.
  const rows = await rowsOf(
    db,
    sql`WITH q AS (
      SELECT id, client_id, created_at, planned_sessions, maintenance_interval_weeks,
        lead(created_at) OVER (PARTITION BY client_id ORDER BY created_at, id) AS next_at
      FROM treatment_plans WHERE clinic_id = ${clinic}
    ), p AS (
      SELECT * FROM q WHERE q.created_at >= ${b.from}::timestamptz AND q.created_at < ${b.to}::timestamptz ${theirs}
    )
    SELECT ${epochMs(sql`p.created_at`)} AS created_at, p.planned_sessions, p.maintenance_interval_weeks,
      count(s.id)::int AS done, ${epochMs(sql`max(s.created_at)`)} AS last_at, ${mine} AS mine,
      EXISTS (SELECT 1 FROM appointments a WHERE a.clinic_id = ${clinic} AND a.client_id = p.client_id
        AND a.status IN ('requested', 'confirmed') AND a.starts_at > ${now}::timestamptz) AS upcoming
    FROM p LEFT JOIN treatment_sessions s ON s.clinic_id = ${clinic} AND s.client_id = p.client_id
      AND s.signed_at IS NOT NULL AND s.created_at >= p.created_at AND (p.next_at IS NULL OR s.created_at < p.next_at)
    GROUP BY p.id, p.client_id, p.created_at, p.planned_sessions, p.maintenance_interval_weeks`,
  );
  const plans: { status: PlanStatus; planned: number; done: number }[] = [];
  for (const row of rows) {
    if (row.mine !== true) continue;
    const plan = {
      plannedSessions: num(row.planned_sessions),
      maintenanceIntervalWeeks:
        row.maintenance_interval_weeks === null ? null : num(row.maintenance_interval_weeks),
      createdAt: num(row.created_at),
    };
    const done = num(row.done);
    const lastAt = row.last_at === null ? null : num(row.last_at);
    plans.push({
      status: planStatus(plan, done, lastAt, row.upcoming === true, scope.now),
      planned: plan.plannedSessions,
      done,
    });
  }
  return plansSummary(scope, plans);
}

const MUSCLE_IDS = MUSCLES.map((m) => m.id as string);
const MUSCLE_GROUPS = MUSCLES.map((m) => m.group as string);
const muscleNames = new Map(MUSCLES.map((m) => [m.id as string, m.name]));

export function regionOf(muscleId: string): string | undefined {
  return MUSCLES.find((m) => m.id === muscleId)?.group;
}

export function outcomeLabel(kind: "region" | "muscle", id: string): string {
  if (kind === "muscle") return muscleNames.get(id) ?? id;
  const words = id.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Clinic-wide: the steps kept by migration 0023's triggers (report_pain_steps). Per client and muscle
 * (or region), the steps whose previous session lies in the range telescope to the change from the
 * first to the latest session in it, and exactly one of them, the one whose session-before-previous
 * lies before the range (or does not exist), stands for the client. Any time zone: the bounds are
 * instants.
 */
function outcomesFromSteps(scope: ReportScope, b: Bounds): SQL {
  // Grouped by the muscle's or region's number (report_outcome_keys), named after: hashing two text
  // columns per row was about a third of the time.
  return sql`SELECT d.kind, d.key, x.clients, x.sum_change FROM (
      SELECT key_id,
        count(*) FILTER (WHERE prev_prev_at IS NULL OR prev_prev_at < ${b.from}::timestamptz)::int AS clients,
        sum(change)::int AS sum_change
      FROM report_pain_steps
      WHERE clinic_id = ${scope.clinicId}::uuid AND prev_at >= ${b.from}::timestamptz AND at < ${b.to}::timestamptz
      GROUP BY key_id
    ) x JOIN report_outcome_keys d ON d.id = x.key_id`;
}

/** One therapist: their chains differ from the clinic's (only their sessions), and are few. */
function outcomesFromSessions(scope: ReportScope, b: Bounds): SQL {
  const clinic = sql`${scope.clinicId}::uuid`;
  // The atlas maps muscles to regions; it is passed in as two arrays rather than kept in a table.
  const ids = `{${MUSCLE_IDS.map((id) => `"${id}"`).join(",")}}`;
  const groups = `{${MUSCLE_GROUPS.map((g) => `"${g}"`).join(",")}}`;
  // Per client and muscle (or region), the pain at the first and at the latest session: each session
  // carries its rank in (time, id) order × 100000 plus its pain shifted by 32768 (any smallint fits
  // below 100000), so the min and max of one bigint find both. Muscles and regions are one pass
  // (grouping sets); min and max ignore repeats, so a session with two muscles of a region counts
  // once, and a client counts where the two differ, i.e. with at least two sessions.
  // The therapist's sessions of the range are read first (materialised, by the therapist's index),
  // each with its muscles looked up by session: joined instead, the planner hashed every point of
  // the clinic (~130,000) to match a year's ~1,300 sessions.
  return sql`WITH r0 AS MATERIALIZED (
      SELECT s.id, s.client_id, s.created_at, s.pain_before,
        ARRAY(SELECT r.muscle_id FROM trigger_point_records r WHERE r.clinic_id = ${clinic} AND r.session_id = s.id) AS muscles
      FROM treatment_sessions s
      WHERE s.clinic_id = ${clinic} AND s.signed_at IS NOT NULL AND s.pain_before IS NOT NULL
        AND s.created_at >= ${b.from}::timestamptz AND s.created_at < ${b.to}::timestamptz ${b.therapist}
    ), s AS (
      SELECT client_id, muscles, row_number() OVER (ORDER BY created_at, id) * 100000 + pain_before + 32768 AS ord
      FROM r0
    ), k AS (
      SELECT m.muscle_id, g.region, min(s.ord) AS lo, max(s.ord) AS hi
      FROM s CROSS JOIN unnest(s.muscles) AS m(muscle_id)
        LEFT JOIN unnest(${ids}::text[], ${groups}::text[]) AS g(muscle_id, region) ON g.muscle_id = m.muscle_id
      GROUP BY GROUPING SETS ((s.client_id, m.muscle_id), (s.client_id, g.region))
      HAVING min(s.ord) <> max(s.ord)
    ), kk AS (
      SELECT CASE WHEN muscle_id IS NULL THEN 'region' ELSE 'muscle' END AS kind,
        COALESCE(muscle_id, region) AS key, lo, hi FROM k WHERE muscle_id IS NOT NULL OR region IS NOT NULL
    )
    SELECT kind, key, count(*)::int AS clients, sum(hi % 100000 - lo % 100000)::int AS sum_change
    FROM kk GROUP BY kind, key`;
}

export async function outcomesReport(db: Db, scope: ReportScope): Promise<OutcomesReport> {
  const b = boundsOf(scope, sql`s.therapist_id`);
  const rows = await rowsOf(
    db,
    scope.therapistId === null ? outcomesFromSteps(scope, b) : outcomesFromSessions(scope, b),
  );
  return {
    ...header(scope),
    minClients: 5,
    rows: outcomeRows(
      rows.map((row) => ({
        kind: row.kind as "region" | "muscle",
        id: String(row.key),
        clients: num(row.clients),
        sumChange: num(row.sum_change),
      })),
      outcomeLabel,
    ),
  };
}

export async function waitlistReport(db: Db, scope: ReportScope): Promise<WaitlistReport> {
  const b = boundsOf(scope, sql`e.therapist_id`);
  const clinic = sql`${scope.clinicId}::uuid`;
  const now = new Date(scope.now).toISOString();
  const rows = await rowsOf(
    db,
    sql`WITH e AS (
      SELECT e.* FROM waitlist_entries e WHERE e.clinic_id = ${clinic} ${b.therapist}
    ), c AS (
      SELECT ${weekSql(sql`created_at`, b.tz)} AS week FROM e
      WHERE created_at >= ${b.from}::timestamptz AND created_at < ${b.to}::timestamptz
    ), o AS (
      SELECT ${weekSql(sql`notified_at`, b.tz)} AS week,
        EXISTS (SELECT 1 FROM appointments a WHERE a.clinic_id = ${clinic} AND a.client_id = e.client_id
          AND a.service_id = e.service_id AND a.created_at >= e.notified_at
          AND a.created_at <= e.notified_at + interval '48 hours') AS taken
      FROM e WHERE notified_at >= ${b.from}::timestamptz AND notified_at < ${b.to}::timestamptz
    )
    SELECT 'created' AS kind, week, count(*)::int AS n, 0 AS taken FROM c GROUP BY week
    UNION ALL
    SELECT 'offered', week, count(*)::int, count(*) FILTER (WHERE taken)::int FROM o GROUP BY week
    UNION ALL
    SELECT 'open', NULL, count(*)::int, 0 FROM e WHERE latest > ${now}::timestamptz AND created_at <= ${now}::timestamptz`,
  );
  const created = rows.filter((row) => row.kind === "created");
  const offered = rows.filter((row) => row.kind === "offered");
  const byWeek = new Map<string, { week: unknown; entriesCreated: number; offersSent: number }>();
  for (const row of created)
    byWeek.set(String(row.week), { week: row.week, entriesCreated: num(row.n), offersSent: 0 });
  for (const row of offered) {
    const entry = byWeek.get(String(row.week)) ?? { week: row.week, entriesCreated: 0, offersSent: 0 };
    entry.offersSent = num(row.n);
    byWeek.set(String(row.week), entry);
  }
  return {
    ...header(scope),
    entriesCreated: created.reduce((sum, row) => sum + num(row.n), 0),
    offersSent: offered.reduce((sum, row) => sum + num(row.n), 0),
    offersTakenEstimate: offered.reduce((sum, row) => sum + num(row.taken), 0),
    openNow: num(rows.find((row) => row.kind === "open")?.n),
    weeks: weekCounts(scope, [...byWeek.values()] as Row[], ["entriesCreated", "offersSent"]),
  };
}

export const REPORTS: { [K in ReportName]: (db: Db, scope: ReportScope) => Promise<ReportTypes[K]> } = {
  appointments: appointmentsReport,
  utilisation: utilisationReport,
  "no-shows": noShowsReport,
  clients: clientsReport,
  plans: plansReport,
  outcomes: outcomesReport,
  waitlist: waitlistReport,
};
