/**
 * The plain rules of amending a signed chart on this device: what the amendment changes (only the
 * fields that differ from the chart as it stands, so the API's patch leaves the rest as signed) and
 * how a history entry reads (field by field, point by point).
 */
import type { AmendmentChanges, ChartState, NoteContent, TriggerPoint } from "../../core/charting";
import { pointLabel } from "./points";

type PointFields = Omit<TriggerPoint, "id">;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields of `after` that differ from `before`. */
function changed<T extends object>(before: T, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (!same(before[key], after[key])) out[key] = after[key];
  }
  return out;
}

/** Only the note fields that differ from the signed note. */
export function changedNoteFields(before: NoteContent, after: NoteContent): Partial<NoteContent> {
  return changed(before, after);
}

/** Per corrected point (by id, in chart order), only its fields that differ; unchanged points are left out. */
export function pointCorrections(
  before: readonly TriggerPoint[],
  after: readonly TriggerPoint[],
): { id: string; set: Partial<PointFields> }[] {
  const byId = new Map(after.map((p) => [p.id, p]));
  const out: { id: string; set: Partial<PointFields> }[] = [];
  for (const original of before) {
    const corrected = byId.get(original.id);
    if (!corrected) continue;
    const { id: _a, ...was } = original;
    const { id: _b, ...now } = corrected;
    const set = changed<PointFields>(was, now);
    if (Object.keys(set).length > 0) out.push({ id: original.id, set });
  }
  return out;
}

/** The amendment's changes: only what differs, and nothing at all for an untouched part. */
export function amendmentChanges(before: ChartState, after: ChartState): AmendmentChanges {
  const note = changedNoteFields(before.note, after.note);
  const points = pointCorrections(before.points, after.points);
  return {
    ...(Object.keys(note).length > 0 ? { note } : {}),
    ...(points.length > 0 ? { points } : {}),
  };
}

export function changesNothing(changes: AmendmentChanges): boolean {
  return (
    !changes.note &&
    !changes.points?.length &&
    !changes.addedPoints?.length &&
    !changes.removedPointIds?.length
  );
}

const NOTE_LABELS: Record<keyof NoteContent, string> = {
  subjective: "Subjective",
  objective: "Objective",
  assessment: "Assessment",
  plan: "Plan",
  painBefore: "Pain before",
  painAfter: "Pain after",
  clientNote: "For the client",
  consultation: "Consultation",
};

const POINT_LABELS: Record<keyof PointFields, string> = {
  muscleId: "muscle",
  side: "side",
  regionId: "moved on the map",
  mapView: "moved on the map",
  mapX: "moved on the map",
  mapY: "moved on the map",
  active: "type",
  pressure: "pressure",
  comfort: "comfort",
  holdSeconds: "held (s)",
  twitch: "twitch response",
  referralReproduced: "referral",
  release: "release",
  stretchApplied: "stretch",
};

const MAP_FIELDS = new Set<keyof PointFields>(["regionId", "mapView", "mapX", "mapY"]);

/** "release partial", "type latent"; a move on the map is one phrase, whatever coordinates changed. */
function fieldText(key: keyof PointFields, value: unknown): string {
  return MAP_FIELDS.has(key) ? POINT_LABELS[key] : `${POINT_LABELS[key]} ${valueText(key, value)}`;
}

function valueText(key: keyof PointFields, value: unknown): string {
  if (key === "active") return value ? "active" : "latent";
  if (key === "twitch") return value ? "yes" : "no";
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return "changed";
}

/** What an amendment changed, read from the chart before and after it: one line per note field or point. */
export function describeChanges(before: ChartState, after: ChartState): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(changedNoteFields(before.note, after.note))) {
    const label = NOTE_LABELS[key as keyof NoteContent] ?? key;
    out.push(
      typeof value === "string" || typeof value === "number" ? `${label}: “${value}”` : `${label} changed`,
    );
  }
  for (const { id, set } of pointCorrections(before.points, after.points)) {
    const original = before.points.find((p) => p.id === id);
    const parts = [
      ...new Set(
        (Object.entries(set) as [keyof PointFields, unknown][]).map(([key, value]) => fieldText(key, value)),
      ),
    ];
    out.push(`${original ? pointLabel(original) : "Point"}: ${parts.join(", ")}`);
  }
  const kept = new Set(after.points.map((p) => p.id));
  const had = new Set(before.points.map((p) => p.id));
  for (const p of before.points) if (!kept.has(p.id)) out.push(`${pointLabel(p)}: removed`);
  for (const p of after.points) if (!had.has(p.id)) out.push(`${pointLabel(p)}: added`);
  return out;
}
