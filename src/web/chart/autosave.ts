/**
 * Saving a chart as the therapist goes, like the intake (src/web/intake/autosave.ts): every change
 * is written to this device at once (a reload or a dropped connection loses nothing) and sent to the
 * server after a short pause. Saves run one at a time, in order; a failed one is tried again when the
 * connection returns. A point without a muscle stays on the device until it has one (the API needs
 * it). A stale version (the chart was saved from another tab) is fetched and the save repeated:
 * the same therapist's latest edit wins.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { NoteContent } from "../../core/charting";
import { ApiError } from "../api/client";
import { getChart, saveChart } from "./api";
import { type ChartPoint, toApiPoint } from "./points";

export type Note = NoteContent;

export interface Work {
  readonly note: Note;
  readonly points: readonly ChartPoint[];
}

interface Backup {
  readonly work: Work;
  readonly changedAt: number;
}

export function chartBackupKey(userId: string, chartId: string): string {
  return `kw-chart-backup:${userId}:${chartId}`;
}

function storage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export function readChartBackup(key: string): Backup | null {
  try {
    const raw = storage()?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Backup>;
    if (typeof parsed.changedAt !== "number" || !parsed.work || !Array.isArray(parsed.work.points))
      return null;
    return parsed as Backup;
  } catch {
    return null;
  }
}

function writeBackup(key: string, backup: Backup): void {
  try {
    storage()?.setItem(key, JSON.stringify(backup));
  } catch {
    // Storage full or disabled: the server copy is all there is.
  }
}

export function clearChartBackup(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

/** The device's copy wins when it holds changes newer than the server's last save. */
export function startingWork(server: { work: Work; updatedAt: string }, backup: Backup | null) {
  if (backup && backup.changedAt > Date.parse(server.updatedAt))
    return { work: backup.work, fromBackup: true };
  return { work: server.work, fromBackup: false };
}

/** Whether every point can go to the server (all have a muscle). */
export function allSendable(work: Work): boolean {
  return work.points.every((p) => p.muscleId !== null);
}

export type SaveState =
  | { readonly kind: "saved" }
  | { readonly kind: "pending" }
  | { readonly kind: "offline" }
  | { readonly kind: "error"; readonly message: string };

const PAUSE_MS = 800;
const RETRY_MS = 5000;

export function useChartAutosave(
  chartId: string,
  key: string,
  initial: { version: number; unsaved: boolean },
) {
  const latest = useRef<Work | null>(null);
  const version = useRef(initial.version);
  const changes = useRef(initial.unsaved ? 1 : 0);
  const savedChanges = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const [state, setState] = useState<SaveState>(initial.unsaved ? { kind: "pending" } : { kind: "saved" });

  const saveNow = useCallback((): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const run = async (): Promise<boolean> => {
      const upTo = changes.current;
      const work = latest.current;
      if (upTo === savedChanges.current || !work) return true;
      const body = () => ({
        version: version.current,
        note: work.note,
        points: work.points.map(toApiPoint).filter((p) => p !== null),
      });
      try {
        let saved: { version: number };
        try {
          saved = await saveChart(chartId, body());
        } catch (error) {
          if (!(error instanceof ApiError && error.code === "version_conflict")) throw error;
          version.current = (await getChart(chartId)).version;
          saved = await saveChart(chartId, body());
        }
        version.current = saved.version;
        savedChanges.current = Math.max(savedChanges.current, upTo);
        if (changes.current === upTo) {
          if (allSendable(work)) clearChartBackup(key);
          setState({ kind: "saved" });
        }
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status !== 0) {
          setState({ kind: "error", message: error.message });
        } else {
          setState({ kind: "offline" });
          timer.current = setTimeout(() => void saveNow(), RETRY_MS);
        }
        return false;
      }
    };
    chain.current = chain.current.then(run, run);
    return chain.current;
  }, [chartId, key]);

  const change = useCallback(
    (work: Work) => {
      latest.current = work;
      changes.current += 1;
      writeBackup(key, { work, changedAt: Date.now() });
      setState((s) => (s.kind === "offline" ? s : { kind: "pending" }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), PAUSE_MS);
    },
    [key, saveNow],
  );

  /** The work to send at start when the device held newer changes (a reload before they reached the server). */
  const resume = useCallback(
    (work: Work, unsaved: boolean) => {
      latest.current = work;
      if (unsaved) void saveNow();
    },
    [saveNow],
  );

  useEffect(() => {
    const online = () => void saveNow();
    window.addEventListener("online", online);
    window.addEventListener("pagehide", online);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("pagehide", online);
      // Leaving the page with a save waiting: send it now rather than at the next visit.
      if (timer.current) void saveNow();
    };
  }, [saveNow]);

  return { state, change, flush: saveNow, resume, version: () => version.current };
}
