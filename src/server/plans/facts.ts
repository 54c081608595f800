/**
 * What plans, home care and progress read from elsewhere: the client, the charted sessions and
 * trigger points (charting, F6), the intake. Charting's `consultation` is jsonb written by another
 * capability, so it is read defensively: any shape we do not recognise is simply left out.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { muscleById } from "../../core/atlas";
import { movementTestById } from "../../core/charting";
import type { Db } from "../db/connect";
import { appointments, clients, treatmentSessions, triggerPointRecords } from "../db/schema";
import { notFound } from "../http/errors";

export interface ClientFacts {
  id: string;
  name: string;
  firstName: string;
  email: string | null;
}

/** The client of this clinic, or 404 (another clinic's id, or no such client, look the same). */
export async function clientOf(db: Db, clinicId: string, clientId: string): Promise<ClientFacts> {
  const [row] = await db
    .select({
      id: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      email: clients.email,
    })
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)))
    .limit(1);
  if (!row) throw notFound("Client not found.");
  return { id: row.id, name: `${row.firstName} ${row.lastName}`, firstName: row.firstName, email: row.email };
}

export interface SessionFacts {
  id: string;
  appointmentId: string | null;
  /** When the session happened: its appointment's start, else when the chart was made. */
  at: Date;
  painBefore: number | null;
  painAfter: number | null;
  consultation: unknown;
  points: { muscleId: string; side: string | null; released: boolean }[];
}

/**
 * A trigger point counts as released only when charting recorded a full release, as charting itself
 * counts it (src/core/charting client summary, the chart's point status): a partial release is still
 * an active point, so the client's chart and the therapist's session list give the same number.
 */
export function isReleased(release: string | null): boolean {
  return release?.trim().toLowerCase() === "full";
}

/** The client's charted sessions, oldest first, with their trigger points. */
export async function loadSessions(db: Db, clinicId: string, clientId: string): Promise<SessionFacts[]> {
  const rows = await db
    .select({
      id: treatmentSessions.id,
      appointmentId: treatmentSessions.appointmentId,
      createdAt: treatmentSessions.createdAt,
      startsAt: appointments.startsAt,
      painBefore: treatmentSessions.painBefore,
      painAfter: treatmentSessions.painAfter,
      consultation: treatmentSessions.consultation,
    })
    .from(treatmentSessions)
    .leftJoin(
      appointments,
      and(
        eq(appointments.clinicId, treatmentSessions.clinicId),
        eq(appointments.id, treatmentSessions.appointmentId),
      ),
    )
    .where(and(eq(treatmentSessions.clinicId, clinicId), eq(treatmentSessions.clientId, clientId)));
  if (rows.length === 0) return [];
  const points = await db
    .select({
      sessionId: triggerPointRecords.sessionId,
      muscleId: triggerPointRecords.muscleId,
      side: triggerPointRecords.side,
      release: triggerPointRecords.release,
    })
    .from(triggerPointRecords)
    .where(
      and(
        eq(triggerPointRecords.clinicId, clinicId),
        inArray(
          triggerPointRecords.sessionId,
          rows.map((r) => r.id),
        ),
      ),
    )
    // The chart's own order (ordinal) first: points saved together share one created_at.
    .orderBy(
      asc(triggerPointRecords.ordinal),
      asc(triggerPointRecords.createdAt),
      asc(triggerPointRecords.id),
    );
  const bySession = new Map<string, SessionFacts["points"]>();
  for (const p of points) {
    const list = bySession.get(p.sessionId) ?? [];
    list.push({ muscleId: p.muscleId, side: p.side, released: isReleased(p.release) });
    bySession.set(p.sessionId, list);
  }
  return rows
    .map((r) => ({
      id: r.id,
      appointmentId: r.appointmentId,
      at: r.startsAt ?? r.createdAt,
      painBefore: r.painBefore,
      painAfter: r.painAfter,
      consultation: r.consultation,
      points: bySession.get(r.id) ?? [],
    }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The muscles treated across the sessions, in the order first treated (atlas ids only). */
export function treatedMuscleIds(sessions: readonly SessionFacts[]): string[] {
  const ids: string[] = [];
  for (const s of sessions)
    for (const p of s.points) if (muscleById(p.muscleId) && !ids.includes(p.muscleId)) ids.push(p.muscleId);
  return ids;
}

/** The side each muscle was treated on (left, right, both) for the handout's figure. */
export function treatedSides(sessions: readonly SessionFacts[]): Map<string, Set<string>> {
  const sides = new Map<string, Set<string>>();
  for (const s of sessions)
    for (const p of s.points) {
      const set = sides.get(p.muscleId) ?? new Set<string>();
      if (p.side === "left" || p.side === "right") set.add(p.side);
      else set.add("both");
      sides.set(p.muscleId, set);
    }
  return sides;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

/** Pain per region from a consultation, if it holds a list of `{ id|regionId, intensity|pain }`. */
export function consultationRegions(consultation: unknown): { id: string; intensity: number }[] {
  if (!isRecord(consultation)) return [];
  const list = [consultation.regions, consultation.painRegions, consultation.areas].find(Array.isArray) as
    | unknown[]
    | undefined;
  if (!list) return [];
  const out: { id: string; intensity: number }[] = [];
  for (const item of list) {
    if (!isRecord(item)) continue;
    const id = str(item.id) ?? str(item.regionId);
    const intensity = num(item.intensity) ?? num(item.pain);
    if (id && intensity !== null && intensity >= 0 && intensity <= 10) out.push({ id, intensity });
  }
  return out;
}

/**
 * Range-of-motion measures from a consultation. Charting writes `movement: [{ testId, side, degrees }]`
 * (src/core/charting Consultation): each measured test is named by its movement test's label, short
 * form ("Neck rotation (left)"); a test done but not measured (degrees null) is skipped. Older rows
 * may hold a list under `rom`, `rangeOfMotion` or `romTests`, each with a movement name (`movement`,
 * `name`, `test` or `joint`, plus `side` if given) and a number (`degrees`, `value`, `measured`).
 */
export function consultationRom(consultation: unknown): { movement: string; value: number; unit: string }[] {
  if (!isRecord(consultation)) return [];
  const out = chartedMovements(consultation.movement);
  const list = [consultation.rom, consultation.rangeOfMotion, consultation.romTests].find(Array.isArray) as
    | unknown[]
    | undefined;
  if (!list) return out;
  for (const item of list) {
    if (!isRecord(item)) continue;
    const name = str(item.movement) ?? str(item.name) ?? str(item.test) ?? str(item.joint);
    const value = num(item.degrees) ?? num(item.value) ?? num(item.measured);
    if (!name || value === null) continue;
    const side = str(item.side);
    const unit = str(item.unit) ?? (num(item.degrees) !== null ? "°" : "");
    out.push({ movement: side && side !== "both" ? `${name} (${side})` : name, value, unit });
  }
  return out;
}

/** Charting's measured movement tests, named as the chart's table and legend read them. */
function chartedMovements(movement: unknown): { movement: string; value: number; unit: string }[] {
  if (!Array.isArray(movement)) return [];
  const out: { movement: string; value: number; unit: string }[] = [];
  for (const item of movement) {
    if (!isRecord(item)) continue;
    const test = movementTestById(str(item.testId) ?? "");
    const degrees = num(item.degrees);
    if (!test || degrees === null) continue;
    // "Neck rotation (look over the shoulder)" → "Neck rotation": the how-to is for the therapist.
    const name = test.label.replace(/\s*\(.*\)$/, "");
    const side = str(item.side);
    out.push({ movement: side ? `${name} (${side})` : name, value: degrees, unit: "°" });
  }
  return out;
}
