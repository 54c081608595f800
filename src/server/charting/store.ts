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

/** The autosave: the note, and when given the whole list of points, from the version the device had. */
export async function saveChart(
  db: Db,
  clinicId: string,
  chartId: string,
  save: { version: number; note: NoteContent; points?: TriggerPoint[] },
  now: Date,
): Promise<{ version: number; updatedAt: Date }> {
  return db.transaction(async (tx) => {
    const saved = await bumpVersion(tx, clinicId, chartId, { expected: save.version, note: save.note, now });
    if (save.points) {
      const ids = new Set<string>();
      for (const p of save.points) {
        if (ids.has(p.id)) throw badRequest("duplicate_point", "A point is listed twice.", "points");
        ids.add(p.id);
      }
      await tx
        .delete(triggerPointRecords)
        .where(and(eq(triggerPointRecords.clinicId, clinicId), eq(triggerPointRecords.sessionId, chartId)));
      if (save.points.length > 0) {
        await tx
          .insert(triggerPointRecords)
          .values(save.points.map((p, i) => pointValues(clinicId, chartId, p, i)));
      }
    }
    return saved;
  });
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
