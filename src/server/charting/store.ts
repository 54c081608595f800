/**
 * Charts in the database (docs/product.md F6): a chart is a treatment_sessions row (the note), its
 * trigger_point_records and, once signed, its note_amendments. Every write to an unsigned chart
 * first bumps the session's version in one UPDATE guarded by `signed_at IS NULL`: that UPDATE locks
 * the row (writes to one chart are serialised), refuses a stale autosave, and refuses a signed note
 * before the database's sign-lock trigger ever has to (migration charting_sign_lock).
 */
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { ConsultationSchema } from "../../core/api/charting";
import type { AmendmentChanges, ChartKind, ChartState, NoteContent, TriggerPoint } from "../../core/charting";
import {
  type Amendment,
  addHold,
  amendedState,
  amendmentProblems,
  EMPTY_NOTE,
  inAmendmentOrder,
} from "../../core/charting";
import type { Db } from "../db/connect";
import {
  appointments,
  noteAmendments,
  therapists,
  treatmentSessions,
  triggerPointRecords,
  users,
} from "../db/schema";
import { badRequest, conflict, notFound } from "../http/errors";
import { executePrepared } from "../scheduling/prepared";

export interface ChartRow {
  id: string;
  clinicId: string;
  appointmentId: string | null;
  clientId: string;
  therapistId: string;
  kind: ChartKind;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  signedAt: Date | null;
  signedBy: string | null;
  note: NoteContent;
}

const sessionColumns = {
  id: treatmentSessions.id,
  clinicId: treatmentSessions.clinicId,
  appointmentId: treatmentSessions.appointmentId,
  clientId: treatmentSessions.clientId,
  therapistId: treatmentSessions.therapistId,
  kind: treatmentSessions.kind,
  version: treatmentSessions.version,
  createdAt: treatmentSessions.createdAt,
  updatedAt: treatmentSessions.updatedAt,
  signedAt: treatmentSessions.signedAt,
  signedBy: treatmentSessions.signedBy,
  subjective: treatmentSessions.subjective,
  objective: treatmentSessions.objective,
  assessment: treatmentSessions.assessment,
  plan: treatmentSessions.plan,
  painBefore: treatmentSessions.painBefore,
  painAfter: treatmentSessions.painAfter,
  consultation: treatmentSessions.consultation,
  clientNote: treatmentSessions.clientNote,
};

type SessionSelect = {
  [K in keyof typeof sessionColumns]: (typeof sessionColumns)[K]["_"]["data"] | null;
};

export function toChartRow(row: SessionSelect): ChartRow {
  return {
    id: row.id as string,
    clinicId: row.clinicId as string,
    appointmentId: row.appointmentId,
    clientId: row.clientId as string,
    therapistId: row.therapistId as string,
    kind: (row.kind === "consultation" ? "consultation" : "session") as ChartKind,
    version: row.version ?? 0,
    createdAt: row.createdAt as Date,
    updatedAt: row.updatedAt as Date,
    signedAt: row.signedAt,
    signedBy: row.signedBy,
    note: {
      subjective: row.subjective ?? "",
      objective: row.objective ?? "",
      assessment: row.assessment ?? "",
      plan: row.plan ?? "",
      painBefore: row.painBefore,
      painAfter: row.painAfter,
      consultation: consultationOf(row.consultation),
      clientNote: row.clientNote ?? "",
    },
  };
}

export { sessionColumns };

const pointColumns = {
  id: triggerPointRecords.id,
  sessionId: triggerPointRecords.sessionId,
  muscleId: triggerPointRecords.muscleId,
  side: triggerPointRecords.side,
  regionId: triggerPointRecords.regionId,
  mapView: triggerPointRecords.mapView,
  mapX: triggerPointRecords.mapX,
  mapY: triggerPointRecords.mapY,
  active: triggerPointRecords.active,
  pressure: triggerPointRecords.pressure,
  comfort: triggerPointRecords.comfort,
  holdSeconds: triggerPointRecords.holdSeconds,
  twitch: triggerPointRecords.twitch,
  referralReproduced: triggerPointRecords.referralReproduced,
  release: triggerPointRecords.release,
  stretchApplied: triggerPointRecords.stretchApplied,
};

type PointRow = { [K in keyof typeof pointColumns]: (typeof pointColumns)[K]["_"]["data"] | null };

export function toPoint(row: PointRow): TriggerPoint {
  return {
    id: row.id as string,
    muscleId: row.muscleId as TriggerPoint["muscleId"],
    side: (row.side as TriggerPoint["side"]) ?? null,
    regionId: row.regionId,
    mapView: (row.mapView as TriggerPoint["mapView"]) ?? null,
    mapX: row.mapX,
    mapY: row.mapY,
    active: row.active ?? true,
    pressure: (row.pressure as TriggerPoint["pressure"]) ?? null,
    comfort: row.comfort,
    holdSeconds: row.holdSeconds ?? 0,
    twitch: row.twitch ?? false,
    referralReproduced: row.referralReproduced ?? [],
    release: (row.release as TriggerPoint["release"]) ?? null,
    stretchApplied: row.stretchApplied,
  };
}

function pointValues(clinicId: string, sessionId: string, point: TriggerPoint, ordinal: number) {
  return {
    id: point.id,
    clinicId,
    sessionId,
    muscleId: point.muscleId,
    side: point.side,
    regionId: point.regionId,
    mapView: point.mapView,
    mapX: point.mapX,
    mapY: point.mapY,
    active: point.active,
    pressure: point.pressure,
    comfort: point.comfort,
    holdSeconds: point.holdSeconds,
    twitch: point.twitch,
    referralReproduced: point.referralReproduced,
    release: point.release,
    stretchApplied: point.stretchApplied,
    ordinal,
  };
}

function noteValues(note: NoteContent) {
  return {
    subjective: note.subjective,
    objective: note.objective,
    assessment: note.assessment,
    plan: note.plan,
    painBefore: note.painBefore,
    painAfter: note.painAfter,
    consultation: note.consultation,
    clientNote: note.clientNote,
  };
}

// ---- Reading.

export async function loadChartRow(db: Db, clinicId: string, chartId: string): Promise<ChartRow | null> {
  const [row] = await db
    .select(sessionColumns)
    .from(treatmentSessions)
    .where(and(eq(treatmentSessions.clinicId, clinicId), eq(treatmentSessions.id, chartId)));
  return row ? toChartRow(row) : null;
}

export async function loadChartByAppointment(
  db: Db,
  clinicId: string,
  appointmentId: string,
): Promise<ChartRow | null> {
  const [row] = await db
    .select(sessionColumns)
    .from(treatmentSessions)
    .where(and(eq(treatmentSessions.clinicId, clinicId), eq(treatmentSessions.appointmentId, appointmentId)));
  return row ? toChartRow(row) : null;
}

/** The columns a timeline counts by (muscle, side, active, release); the rest read as empty. */
const pointSummaryColumns = {
  id: pointColumns.id,
  sessionId: pointColumns.sessionId,
  muscleId: pointColumns.muscleId,
  side: pointColumns.side,
  active: pointColumns.active,
  release: pointColumns.release,
};

const EMPTY_POINT_ROW = {
  regionId: null,
  mapView: null,
  mapX: null,
  mapY: null,
  pressure: null,
  comfort: null,
  holdSeconds: null,
  twitch: null,
  referralReproduced: null,
  stretchApplied: null,
};

/** Session id → its points in chart order (`summary`: only what a timeline counts). */
export async function loadPoints(
  db: Db,
  clinicId: string,
  sessionIds: readonly string[],
  options: { summary: boolean } = { summary: false },
): Promise<Map<string, TriggerPoint[]>> {
  const out = new Map<string, TriggerPoint[]>(sessionIds.map((id) => [id, []]));
  if (sessionIds.length === 0) return out;
  const rows = await db
    .select(options.summary ? pointSummaryColumns : pointColumns)
    .from(triggerPointRecords)
    .where(
      and(
        eq(triggerPointRecords.clinicId, clinicId),
        sessionIds.length === 1
          ? eq(triggerPointRecords.sessionId, sessionIds[0] as string)
          : inArray(triggerPointRecords.sessionId, [...sessionIds]),
      ),
    )
    .orderBy(
      asc(triggerPointRecords.ordinal),
      asc(triggerPointRecords.createdAt),
      asc(triggerPointRecords.id),
    );
  for (const row of rows) out.get(row.sessionId)?.push(toPoint({ ...EMPTY_POINT_ROW, ...row }));
  return out;
}

export interface AmendmentRow extends Amendment {
  sessionId: string;
  authorName: string | null;
}

/** Session id → its amendments, oldest first. */
export async function loadAmendments(
  db: Db,
  clinicId: string,
  sessionIds: readonly string[],
): Promise<Map<string, AmendmentRow[]>> {
  const out = new Map<string, AmendmentRow[]>(sessionIds.map((id) => [id, []]));
  if (sessionIds.length === 0) return out;
  const rows = await db
    .select({
      id: noteAmendments.id,
      sessionId: noteAmendments.sessionId,
      authorId: noteAmendments.authorId,
      authorName: users.name,
      createdAt: noteAmendments.createdAt,
      reason: noteAmendments.reason,
      changes: noteAmendments.changes,
    })
    .from(noteAmendments)
    .leftJoin(users, eq(users.id, noteAmendments.authorId))
    .where(
      and(
        eq(noteAmendments.clinicId, clinicId),
        sessionIds.length === 1
          ? eq(noteAmendments.sessionId, sessionIds[0] as string)
          : inArray(noteAmendments.sessionId, [...sessionIds]),
      ),
    )
    .orderBy(asc(noteAmendments.createdAt), asc(noteAmendments.id));
  for (const row of rows) {
    out.get(row.sessionId)?.push({
      id: row.id,
      sessionId: row.sessionId,
      authorId: row.authorId,
      authorName: row.authorName,
      createdAt: row.createdAt.toISOString(),
      reason: row.reason,
      changes: row.changes as AmendmentChanges,
    });
  }
  for (const [id, list] of out) out.set(id, inAmendmentOrder(list));
  return out;
}

// ---- Writing an unsigned chart.

/** Why a guarded UPDATE of the session touched no row: unknown, signed, or a stale version. */
async function refusal(db: Db, clinicId: string, chartId: string, version?: number): Promise<Error> {
  const row = await loadChartRow(db, clinicId, chartId);
  if (!row) return notFound("Chart not found.");
  if (row.signedAt)
    return conflict("signed", "This note is signed and locked. Changes are made as amendments.");
  if (version !== undefined && row.version !== version)
    return conflict(
      "version_conflict",
      "This chart was changed elsewhere. Reload it to see the latest.",
      "version",
    );
  return conflict("conflict_retry", "Please try again.");
}

/**
 * Bumps the version of an unsigned chart (optionally only from `expected`) and optionally writes
 * the note: the first statement of every chart write. Returns the new version and time.
 */
async function bumpVersion(
  tx: Db,
  clinicId: string,
  chartId: string,
  options: { expected?: number; note?: NoteContent; now: Date },
): Promise<{ version: number; updatedAt: Date }> {
  const conditions = [
    eq(treatmentSessions.clinicId, clinicId),
    eq(treatmentSessions.id, chartId),
    isNull(treatmentSessions.signedAt),
  ];
  if (options.expected !== undefined) conditions.push(eq(treatmentSessions.version, options.expected));
  const [row] = await tx
    .update(treatmentSessions)
    .set({
      ...(options.note ? noteValues(options.note) : {}),
      version: sql`${treatmentSessions.version} + 1`,
      updatedAt: options.now,
    })
    .where(and(...conditions))
    .returning({ version: treatmentSessions.version, updatedAt: treatmentSessions.updatedAt });
  if (!row) throw await refusal(tx, clinicId, chartId, options.expected);
  return row;
}

export interface NewChart {
  clinicId: string;
  appointmentId: string;
  clientId: string;
  therapistId: string;
  kind: ChartKind;
}

/** Creates the chart of an appointment, or returns the one it has (one chart per appointment). */
export async function createChart(db: Db, chart: NewChart): Promise<{ row: ChartRow; created: boolean }> {
  const inserted = await db
    .insert(treatmentSessions)
    .values({ ...chart, ...noteValues(EMPTY_NOTE) })
    .onConflictDoNothing()
    .returning(sessionColumns);
  const row = inserted[0];
  if (row) return { row: toChartRow(row), created: true };
  const existing = await loadChartByAppointment(db, chart.clinicId, chart.appointmentId);
  if (!existing) throw conflict("conflict_retry", "Please try again.");
  return { row: existing, created: false };
}

/**
 * The autosave: the note, and when given the whole list of points, from the version the device had.
 * One statement (one round trip, atomic without BEGIN/COMMIT): see saveWithPointsStatement.
 */
export async function saveChart(
  db: Db,
  clinicId: string,
  chartId: string,
  save: { version: number; note: NoteContent; points?: TriggerPoint[] },
  now: Date,
): Promise<{ version: number; updatedAt: Date }> {
  if (!save.points)
    return bumpVersion(db, clinicId, chartId, { expected: save.version, note: save.note, now });
  const ids = new Set<string>();
  for (const p of save.points) {
    if (ids.has(p.id)) throw badRequest("duplicate_point", "A point is listed twice.", "points");
    ids.add(p.id);
  }
  const [row] = (await executePrepared(
    db,
    "chart_save",
    saveWithPointsStatement(clinicId, chartId, save.version, save.note, save.points, now),
  )) as { version: number | null; updated_at: Date | string | null; foreign_point: boolean }[];
  if (row?.foreign_point) throw conflict("already_exists", "That point id is already used.", "points");
  if (row?.version === null || row?.version === undefined || !row.updated_at)
    throw await refusal(db, clinicId, chartId, save.version);
  return { version: Number(row.version), updatedAt: new Date(row.updated_at) };
}

/** A point as the JSON the save statement reads with jsonb_to_recordset (snake_case, with its order). */
function pointRecord(point: TriggerPoint, ordinal: number) {
  return {
    id: point.id,
    muscle_id: point.muscleId,
    side: point.side,
    region_id: point.regionId,
    map_view: point.mapView,
    map_x: point.mapX,
    map_y: point.mapY,
    active: point.active,
    pressure: point.pressure,
    comfort: point.comfort,
    hold_seconds: point.holdSeconds,
    twitch: point.twitch,
    referral_reproduced: point.referralReproduced,
    release: point.release,
    stretch_applied: point.stretchApplied,
    ordinal,
  };
}

/**
 * The whole autosave as one statement, so it costs one round trip and no BEGIN/COMMIT:
 * - `bumped`: the guarded version bump of bumpVersion (locks the row; refuses a stale version or a
 *   signed note), which also writes the note. Every other part runs only if it succeeded.
 * - `removed`: points no longer in the list. `written`: new and changed points, as one upsert;
 *   unchanged points are left alone, so an autosave after one edit rewrites one row, not twenty
 *   (and fires the sign-lock trigger once, not forty times). Removed and written ids are disjoint,
 *   so the order in which PostgreSQL runs the two does not matter.
 * - `foreign`: a listed id already used by another chart refuses the whole save (nothing written)
 *   instead of moving that point here.
 * The row comes back even when the bump touched nothing (version null), to say why.
 */
function saveWithPointsStatement(
  clinicId: string,
  chartId: string,
  expected: number,
  note: NoteContent,
  points: TriggerPoint[],
  now: Date,
) {
  const incoming = JSON.stringify(points.map(pointRecord));
  const consultation = note.consultation === null ? null : JSON.stringify(note.consultation);
  return sql`
    WITH incoming AS (
      SELECT * FROM jsonb_to_recordset(${incoming}::jsonb) AS x(
        id uuid, muscle_id text, side text, region_id text, map_view text, map_x integer,
        map_y integer, active boolean, pressure text, comfort smallint, hold_seconds smallint,
        twitch boolean, referral_reproduced jsonb, release text, stretch_applied text, ordinal integer)
    ),
    foreign_ids AS (
      SELECT 1 FROM trigger_point_records t JOIN incoming i ON t.id = i.id
      WHERE t.clinic_id <> ${clinicId}::uuid OR t.session_id <> ${chartId}::uuid
      LIMIT 1
    ),
    bumped AS (
      UPDATE treatment_sessions SET
        subjective = ${note.subjective}::text, objective = ${note.objective}::text,
        assessment = ${note.assessment}::text, plan = ${note.plan}::text,
        pain_before = ${note.painBefore}::smallint, pain_after = ${note.painAfter}::smallint,
        consultation = ${consultation}::jsonb, client_note = ${note.clientNote}::text,
        version = version + 1, updated_at = ${now}::timestamptz
      WHERE clinic_id = ${clinicId}::uuid AND id = ${chartId}::uuid AND signed_at IS NULL
        AND version = ${expected}::integer AND NOT EXISTS (SELECT 1 FROM foreign_ids)
      RETURNING version, updated_at
    ),
    removed AS (
      DELETE FROM trigger_point_records t
      WHERE t.clinic_id = ${clinicId}::uuid AND t.session_id = ${chartId}::uuid
        AND EXISTS (SELECT 1 FROM bumped) AND t.id NOT IN (SELECT id FROM incoming)
      RETURNING 1
    ),
    written AS (
      INSERT INTO trigger_point_records AS t (
        id, clinic_id, session_id, muscle_id, side, region_id, map_view, map_x, map_y, active,
        pressure, comfort, hold_seconds, twitch, referral_reproduced, release, stretch_applied, ordinal)
      SELECT i.id, ${clinicId}::uuid, ${chartId}::uuid, i.muscle_id, i.side, i.region_id, i.map_view,
        i.map_x, i.map_y, i.active, i.pressure, i.comfort, i.hold_seconds, i.twitch,
        i.referral_reproduced, i.release, i.stretch_applied, i.ordinal
      FROM incoming i
      WHERE EXISTS (SELECT 1 FROM bumped) AND NOT EXISTS (
        SELECT 1 FROM trigger_point_records o
        WHERE o.id = i.id AND (o.muscle_id, o.side, o.region_id, o.map_view, o.map_x, o.map_y,
          o.active, o.pressure, o.comfort, o.hold_seconds, o.twitch, o.referral_reproduced,
          o.release, o.stretch_applied, o.ordinal)
        IS NOT DISTINCT FROM (i.muscle_id, i.side, i.region_id, i.map_view, i.map_x, i.map_y,
          i.active, i.pressure, i.comfort, i.hold_seconds, i.twitch, i.referral_reproduced,
          i.release, i.stretch_applied, i.ordinal))
      ON CONFLICT (id) DO UPDATE SET
        muscle_id = excluded.muscle_id, side = excluded.side, region_id = excluded.region_id,
        map_view = excluded.map_view, map_x = excluded.map_x, map_y = excluded.map_y,
        active = excluded.active, pressure = excluded.pressure, comfort = excluded.comfort,
        hold_seconds = excluded.hold_seconds, twitch = excluded.twitch,
        referral_reproduced = excluded.referral_reproduced, release = excluded.release,
        stretch_applied = excluded.stretch_applied, ordinal = excluded.ordinal
      -- Only this chart's own point: an id another save committed after this statement's snapshot
      -- (so foreign_ids missed it) is left alone rather than overwritten.
      WHERE t.clinic_id = excluded.clinic_id AND t.session_id = excluded.session_id
      RETURNING 1
    )
    SELECT b.version, b.updated_at, EXISTS (SELECT 1 FROM foreign_ids) AS foreign_point
    FROM (SELECT 1) AS one LEFT JOIN bumped b ON true`;
}

async function nextOrdinal(tx: Db, clinicId: string, chartId: string): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${triggerPointRecords.ordinal})` })
    .from(triggerPointRecords)
    .where(and(eq(triggerPointRecords.clinicId, clinicId), eq(triggerPointRecords.sessionId, chartId)));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function addPoint(
  db: Db,
  clinicId: string,
  chartId: string,
  point: TriggerPoint,
  now: Date,
): Promise<{ point: TriggerPoint; version: number }> {
  return db.transaction(async (tx) => {
    const { version } = await bumpVersion(tx, clinicId, chartId, { now });
    const ordinal = await nextOrdinal(tx, clinicId, chartId);
    const [row] = await tx
      .insert(triggerPointRecords)
      .values(pointValues(clinicId, chartId, point, ordinal))
      .onConflictDoNothing()
      .returning(pointColumns);
    if (row) return { point: toPoint(row), version };
    // The same id again: a replayed create after a dropped connection. Answer with the point as stored.
    const [existing] = await tx
      .select(pointColumns)
      .from(triggerPointRecords)
      .where(
        and(
          eq(triggerPointRecords.clinicId, clinicId),
          eq(triggerPointRecords.sessionId, chartId),
          eq(triggerPointRecords.id, point.id),
        ),
      );
    if (!existing) throw conflict("already_exists", "That point id is already used.", "id");
    return { point: toPoint(existing), version };
  });
}

function pointWhere(clinicId: string, chartId: string, pointId: string) {
  return and(
    eq(triggerPointRecords.clinicId, clinicId),
    eq(triggerPointRecords.sessionId, chartId),
    eq(triggerPointRecords.id, pointId),
  );
}

export async function replacePoint(
  db: Db,
  clinicId: string,
  chartId: string,
  point: TriggerPoint,
  now: Date,
): Promise<{ point: TriggerPoint; version: number }> {
  return db.transaction(async (tx) => {
    const { version } = await bumpVersion(tx, clinicId, chartId, { now });
    const {
      id: _id,
      ordinal: _ordinal,
      clinicId: _c,
      sessionId: _s,
      ...fields
    } = pointValues(clinicId, chartId, point, 0);
    const [row] = await tx
      .update(triggerPointRecords)
      .set(fields)
      .where(pointWhere(clinicId, chartId, point.id))
      .returning(pointColumns);
    if (!row) throw notFound("Point not found.");
    return { point: toPoint(row), version };
  });
}

export async function removePoint(
  db: Db,
  clinicId: string,
  chartId: string,
  pointId: string,
  now: Date,
): Promise<{ version: number; updatedAt: Date }> {
  return db.transaction(async (tx) => {
    const saved = await bumpVersion(tx, clinicId, chartId, { now });
    const deleted = await tx
      .delete(triggerPointRecords)
      .where(pointWhere(clinicId, chartId, pointId))
      .returning({ id: triggerPointRecords.id });
    if (deleted.length === 0) throw notFound("Point not found.");
    return saved;
  });
}

/** Adds one hold to a point's total (holds add up; core addHold caps the total). */
export async function recordHold(
  db: Db,
  clinicId: string,
  chartId: string,
  pointId: string,
  seconds: number,
  now: Date,
): Promise<{ point: TriggerPoint; version: number }> {
  return db.transaction(async (tx) => {
    // The version bump locks the chart's row first, so two holds on one point cannot both read
    // the same total.
    const { version } = await bumpVersion(tx, clinicId, chartId, { now });
    const [current] = await tx
      .select({ holdSeconds: triggerPointRecords.holdSeconds })
      .from(triggerPointRecords)
      .where(pointWhere(clinicId, chartId, pointId));
    if (!current) throw notFound("Point not found.");
    const [row] = await tx
      .update(triggerPointRecords)
      .set({ holdSeconds: addHold(current.holdSeconds, seconds) })
      .where(pointWhere(clinicId, chartId, pointId))
      .returning(pointColumns);
    if (!row) throw notFound("Point not found.");
    return { point: toPoint(row), version };
  });
}

export async function signChart(
  db: Db,
  clinicId: string,
  chartId: string,
  version: number,
  userId: string,
  now: Date,
): Promise<void> {
  const [row] = await db
    .update(treatmentSessions)
    .set({ signedAt: now, signedBy: userId, updatedAt: now, version: sql`${treatmentSessions.version} + 1` })
    .where(
      and(
        eq(treatmentSessions.clinicId, clinicId),
        eq(treatmentSessions.id, chartId),
        isNull(treatmentSessions.signedAt),
        eq(treatmentSessions.version, version),
      ),
    )
    .returning({ id: treatmentSessions.id });
  if (!row) {
    const why = await refusal(db, clinicId, chartId, version);
    if ((why as { code?: string }).code === "signed")
      throw conflict("already_signed", "This note is already signed.");
    throw why;
  }
}

/** Appends an amendment to a signed chart, checked against the chart as it stands. */
export async function amendChart(
  db: Db,
  clinicId: string,
  chartId: string,
  amendment: { reason: string; changes: AmendmentChanges; authorId: string },
  now: Date,
): Promise<string> {
  return db.transaction(async (tx) => {
    // Row lock (no UPDATE: the row is signed): concurrent amendments are checked one after another.
    const [locked] = await tx
      .select(sessionColumns)
      .from(treatmentSessions)
      .where(and(eq(treatmentSessions.clinicId, clinicId), eq(treatmentSessions.id, chartId)))
      .for("update");
    if (!locked) throw notFound("Chart not found.");
    const row = toChartRow(locked);
    if (!row.signedAt) throw conflict("not_signed", "Only a signed note is amended; edit this one directly.");
    const [points, amendments] = await Promise.all([
      loadPoints(tx, clinicId, [chartId]),
      loadAmendments(tx, clinicId, [chartId]),
    ]);
    const state = amendedState(
      { note: row.note, points: points.get(chartId) ?? [] },
      amendments.get(chartId) ?? [],
    );
    const problems = amendmentProblems(state, amendment.changes);
    if (problems.length > 0) throw badRequest("invalid_amendment", problems[0] as string, "changes");
    const [inserted] = await tx
      .insert(noteAmendments)
      .values({
        clinicId,
        sessionId: chartId,
        authorId: amendment.authorId,
        reason: amendment.reason,
        changes: amendment.changes,
        createdAt: now,
      })
      .returning({ id: noteAmendments.id });
    if (!inserted) throw new Error("amendment insert returned nothing");
    return inserted.id;
  });
}

// ---- Lists.

export interface ChartSummaryRow extends ChartRow {
  therapistName: string;
  date: Date;
}

/**
 * A client's charts with therapist and appointment time, oldest first. `soap: false` leaves the
 * SOAP text out (empty strings): timelines show pain, points and findings, never the prose, and
 * fifty notes' prose is most of the bytes.
 */
export async function loadClientCharts(
  db: Db,
  clinicId: string,
  clientId: string,
  options: { soap: boolean } = { soap: true },
): Promise<ChartSummaryRow[]> {
  const { subjective, objective, assessment, plan, clientNote, ...withoutSoap } = sessionColumns;
  const columns = options.soap ? sessionColumns : withoutSoap;
  const rows = await db
    .select({
      ...columns,
      therapistName: therapists.displayName,
      startsAt: appointments.startsAt,
    })
    .from(treatmentSessions)
    .innerJoin(
      therapists,
      and(
        eq(therapists.clinicId, treatmentSessions.clinicId),
        eq(therapists.id, treatmentSessions.therapistId),
      ),
    )
    .leftJoin(
      appointments,
      and(
        eq(appointments.clinicId, treatmentSessions.clinicId),
        eq(appointments.id, treatmentSessions.appointmentId),
      ),
    )
    .where(and(eq(treatmentSessions.clinicId, clinicId), eq(treatmentSessions.clientId, clientId)));
  return rows
    .map(({ therapistName, startsAt, ...row }) => ({
      ...toChartRow({ subjective: "", objective: "", assessment: "", plan: "", clientNote: "", ...row }),
      therapistName,
      date: startsAt ?? (row.createdAt as Date),
    }))
    .sort((a, b) => a.date.getTime() - b.date.getTime() || (a.id < b.id ? -1 : 1));
}

/** A chart on a client's timeline: its row, its points (the columns a timeline counts by), its amendments. */
export interface TimelineChart {
  row: ChartSummaryRow;
  points: TriggerPoint[];
  amendments: Amendment[];
}

export interface ClientTimelineRead {
  client: { firstName: string; lastName: string };
  charts: TimelineChart[];
}

/**
 * The client and all their charts in one statement (one round trip, one row): each chart with its
 * points and amendments aggregated as JSON, oldest first. `content: false` (the front desk) reads
 * only that a session was charted: no pain, findings, points or amendments leave the database.
 * Instants travel as epoch milliseconds so they do not depend on the session's time zone. Null when
 * the client is not of this clinic.
 */
export async function loadClientTimeline(
  db: Db,
  clinicId: string,
  clientId: string,
  options: { content: boolean },
): Promise<ClientTimelineRead | null> {
  const statement = options.content ? clinicalTimelineStatement : deskTimelineStatement;
  const [row] = (await executePrepared(
    db,
    options.content ? "chart_timeline" : "chart_timeline_desk",
    statement(clinicId, clientId),
  )) as { first_name: string; last_name: string; charts: unknown }[];
  if (!row) return null;
  const charts = (typeof row.charts === "string" ? JSON.parse(row.charts) : row.charts) as TimelineJson[];
  return {
    client: { firstName: row.first_name, lastName: row.last_name },
    charts: charts.map((chart) => timelineChart(chart, clinicId, clientId)),
  };
}

interface TimelineJson {
  id: string;
  appointmentId: string | null;
  kind: string;
  therapistId: string;
  therapistName: string;
  at: number;
  createdAt: number;
  updatedAt: number;
  signedAt: number | null;
  signedBy: string | null;
  version: number;
  painBefore?: number | null;
  painAfter?: number | null;
  consultation?: unknown;
  points?: { id: string; muscleId: string; side: string | null; active: boolean; release: string | null }[];
  amendments?: { id: string; authorId: string | null; at: number; reason: string; changes: unknown }[];
}

function timelineChart(json: TimelineJson, clinicId: string, clientId: string): TimelineChart {
  const row: ChartSummaryRow = {
    ...toChartRow({
      id: json.id,
      clinicId,
      appointmentId: json.appointmentId,
      clientId,
      therapistId: json.therapistId,
      kind: json.kind,
      version: json.version,
      createdAt: new Date(json.createdAt),
      updatedAt: new Date(json.updatedAt),
      signedAt: json.signedAt === null ? null : new Date(json.signedAt),
      signedBy: json.signedBy,
      subjective: "",
      objective: "",
      assessment: "",
      plan: "",
      painBefore: json.painBefore ?? null,
      painAfter: json.painAfter ?? null,
      consultation: json.consultation ?? null,
      clientNote: "",
    }),
    therapistName: json.therapistName,
    date: new Date(json.at),
  };
  return {
    row,
    points: (json.points ?? []).map((p) => toPoint({ ...EMPTY_POINT_ROW, sessionId: json.id, ...p })),
    amendments: (json.amendments ?? []).map((a) => ({
      id: a.id,
      authorId: a.authorId,
      createdAt: new Date(a.at).toISOString(),
      reason: a.reason,
      changes: a.changes as AmendmentChanges,
    })),
  };
}

const epochMs = (column: string) => sql.raw(`(extract(epoch FROM ${column}) * 1000)::float8`);

/** The columns every timeline shows (desk included): that a session was charted, when, by whom. */
const timelineHeadColumns = sql`
  'id', ts.id, 'appointmentId', ts.appointment_id, 'kind', ts.kind, 'therapistId', ts.therapist_id,
  'therapistName', th.display_name, 'at', ${epochMs("coalesce(a.starts_at, ts.created_at)")},
  'createdAt', ${epochMs("ts.created_at")}, 'updatedAt', ${epochMs("ts.updated_at")},
  'signedAt', ${epochMs("ts.signed_at")}, 'signedBy', ts.signed_by, 'version', ts.version`;

/**
 * Pain, findings, points (what a timeline counts by: muscle, side, active, release, in chart order)
 * and amendments (in the order they were made) — never the SOAP prose.
 */
const timelineContentColumns = sql`,
  'painBefore', ts.pain_before, 'painAfter', ts.pain_after, 'consultation', ts.consultation,
  'points', (
    SELECT coalesce(json_agg(json_build_object('id', p.id, 'muscleId', p.muscle_id, 'side', p.side,
      'active', p.active, 'release', p.release) ORDER BY p.ordinal, p.created_at, p.id), '[]'::json)
    FROM trigger_point_records p WHERE p.clinic_id = ts.clinic_id AND p.session_id = ts.id),
  'amendments', (
    SELECT coalesce(json_agg(json_build_object('id', n.id, 'authorId', n.author_id,
      'at', ${epochMs("n.created_at")}, 'reason', n.reason, 'changes', n.changes)
      ORDER BY n.created_at, n.id), '[]'::json)
    FROM note_amendments n WHERE n.clinic_id = ts.clinic_id AND n.session_id = ts.id)`;

function timelineStatement(content: boolean) {
  return (clinicId: string, clientId: string) => sql`
    SELECT c.first_name, c.last_name, (
      SELECT coalesce(json_agg(json_build_object(${timelineHeadColumns}${content ? timelineContentColumns : sql``})
        ORDER BY coalesce(a.starts_at, ts.created_at), ts.id), '[]'::json)
      FROM treatment_sessions ts
      JOIN therapists th ON th.clinic_id = ts.clinic_id AND th.id = ts.therapist_id
      LEFT JOIN appointments a ON a.clinic_id = ts.clinic_id AND a.id = ts.appointment_id
      WHERE ts.clinic_id = c.clinic_id AND ts.client_id = c.id
    ) AS charts
    FROM clients c WHERE c.clinic_id = ${clinicId}::uuid AND c.id = ${clientId}::uuid`;
}

const clinicalTimelineStatement = timelineStatement(true);
const deskTimelineStatement = timelineStatement(false);

/** Unsigned charts opened before `before`, of one therapist or all, oldest first. */
export async function loadUnsignedCharts(db: Db, clinicId: string, before: Date, therapistId: string | null) {
  const conditions = [
    eq(treatmentSessions.clinicId, clinicId),
    isNull(treatmentSessions.signedAt),
    lt(treatmentSessions.createdAt, before),
  ];
  if (therapistId) conditions.push(eq(treatmentSessions.therapistId, therapistId));
  return db
    .select({
      id: treatmentSessions.id,
      appointmentId: treatmentSessions.appointmentId,
      clientId: treatmentSessions.clientId,
      therapistId: treatmentSessions.therapistId,
      therapistName: therapists.displayName,
      createdAt: treatmentSessions.createdAt,
      startsAt: appointments.startsAt,
    })
    .from(treatmentSessions)
    .innerJoin(
      therapists,
      and(
        eq(therapists.clinicId, treatmentSessions.clinicId),
        eq(therapists.id, treatmentSessions.therapistId),
      ),
    )
    .leftJoin(
      appointments,
      and(
        eq(appointments.clinicId, treatmentSessions.clinicId),
        eq(appointments.id, treatmentSessions.appointmentId),
      ),
    )
    .where(and(...conditions))
    .orderBy(asc(treatmentSessions.createdAt))
    .limit(500);
}

/** The client's signed charts, newest first, as they stand (amendments applied). */
export async function loadSignedStates(
  db: Db,
  clinicId: string,
  clientId: string,
): Promise<{ row: ChartSummaryRow; state: ChartState }[]> {
  const rows = (await loadClientCharts(db, clinicId, clientId)).filter((r) => r.signedAt !== null).reverse();
  const ids = rows.map((r) => r.id);
  const [points, amendments] = await Promise.all([
    loadPoints(db, clinicId, ids),
    loadAmendments(db, clinicId, ids),
  ]);
  return rows.map((row) => ({
    row,
    state: amendedState({ note: row.note, points: points.get(row.id) ?? [] }, amendments.get(row.id) ?? []),
  }));
}

/**
 * A stored consultation as the chart shows it. Rows written by other capabilities (or older data) may
 * hold another shape: they read as no consultation rather than breaking the chart.
 */
function consultationOf(stored: unknown): NoteContent["consultation"] {
  if (stored === null || stored === undefined) return null;
  const parsed = ConsultationSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
