/**
 * Progress data (F7): pain per region over time (the diary and the sessions' scores together), pain
 * before/after per session, trigger points treated and released per session, and range of motion over
 * consultations. One read of the diary and the charted sessions; the charts draw from this.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Progress } from "../../core/api/plans";
import { muscleById } from "../../core/atlas";
import { regionById } from "../../core/body/regions";
import type { Db } from "../db/connect";
import { painDiaryEntries } from "../db/schema";
import { consultationRegions, consultationRom, loadSessions } from "../plans/facts";

export const OVERALL = "overall";

type RegionPoint = Progress["regions"][number]["points"][number];

export async function buildProgress(db: Db, clinicId: string, clientId: string): Promise<Progress> {
  const [diary, sessions] = await Promise.all([
    db
      .select({ at: painDiaryEntries.recordedAt, regions: painDiaryEntries.regions })
      .from(painDiaryEntries)
      .where(and(eq(painDiaryEntries.clinicId, clinicId), eq(painDiaryEntries.clientId, clientId)))
      .orderBy(asc(painDiaryEntries.recordedAt)),
    loadSessions(db, clinicId, clientId),
  ]);
  const series = new Map<string, RegionPoint[]>();
  const add = (regionId: string, point: RegionPoint) => {
    const list = series.get(regionId) ?? [];
    list.push(point);
    series.set(regionId, list);
  };
  for (const entry of diary) {
    const at = entry.at.toISOString();
    const regions = Array.isArray(entry.regions) ? entry.regions : [];
    for (const r of regions) add(r.id, { at, intensity: r.intensity, source: "diary" });
    if (regions.length > 0)
      add(OVERALL, { at, intensity: Math.max(...regions.map((r) => r.intensity)), source: "diary" });
  }
  for (const s of sessions) {
    const at = s.at.toISOString();
    for (const r of consultationRegions(s.consultation))
      add(r.id, { at, intensity: r.intensity, source: "session" });
    if (s.painBefore !== null) add(OVERALL, { at, intensity: s.painBefore, source: "session" });
  }
  const regions = [...series.entries()]
    .map(([regionId, points]) => ({
      regionId,
      label: regionId === OVERALL ? "Overall (highest pain)" : (regionById(regionId)?.label ?? regionId),
      points: points.sort((a, b) => a.at.localeCompare(b.at)),
    }))
    .sort((a, b) =>
      a.regionId === OVERALL ? -1 : b.regionId === OVERALL ? 1 : b.points.length - a.points.length,
    );

  const rom = new Map<string, { at: string; value: number; unit: string }[]>();
  for (const s of sessions) {
    for (const m of consultationRom(s.consultation)) {
      const list = rom.get(m.movement) ?? [];
      list.push({ at: s.at.toISOString(), value: m.value, unit: m.unit });
      rom.set(m.movement, list);
    }
  }

  return {
    regions,
    sessions: sessions.map((s) => {
      const muscles: { id: string; name: string }[] = [];
      for (const p of s.points) {
        if (muscles.some((m) => m.id === p.muscleId)) continue;
        muscles.push({ id: p.muscleId, name: muscleById(p.muscleId)?.name ?? p.muscleId });
      }
      return {
        sessionId: s.id,
        at: s.at.toISOString(),
        painBefore: s.painBefore,
        painAfter: s.painAfter,
        pointsTreated: s.points.length,
        pointsReleased: s.points.filter((p) => p.released).length,
        muscles,
      };
    }),
    rangeOfMotion: [...rom.entries()].map(([movement, points]) => ({ movement, points })),
  };
}
