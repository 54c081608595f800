/**
 * Saving the intake as the client goes. Every change is written to this device at once (so a reload
 * or a dropped connection loses nothing) and sent to the server after a short pause; once the server
 * has it, the copy on the device is removed (health answers do not stay on a shared phone longer than
 * they must). Saves run one at a time, in order; a failed one is tried again when the connection returns.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { SavedDraft } from "../../core/api/intake";
import { ApiError } from "../api/client";
import { saveDraft } from "./api";
import { type Answers, validPart } from "./draft";

export interface Backup {
  readonly answers: Answers;
  /** When the client last changed something (ms since the epoch, this device's clock). */
  readonly changedAt: number;
}

export function backupKey(userId: string, clientId: string): string {
  return `kw-intake-backup:${userId}:${clientId}`;
}

export function readBackup(storage: Storage | undefined, key: string): Backup | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Backup>;
    if (typeof parsed.changedAt !== "number" || typeof parsed.answers !== "object" || parsed.answers === null)
      return null;
    return { answers: parsed.answers, changedAt: parsed.changedAt };
  } catch {
    return null;
  }
}

function writeBackup(storage: Storage | undefined, key: string, backup: Backup): void {
  try {
    storage?.setItem(key, JSON.stringify(backup));
  } catch {
    // Storage full or disabled (private mode): the server copy is all there is.
  }
}

function clearBackup(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

/**
 * Where the form starts: the copy on this device when it holds changes the server never got (newer
 * than the server's last save), otherwise the server's.
 */
export function startingAnswers(
  server: { answers: Answers; savedAt: string | null },
  backup: Backup | null,
): { answers: Answers; fromBackup: boolean } {
  const serverTime = server.savedAt ? Date.parse(server.savedAt) : 0;
  if (backup && backup.changedAt > serverTime) return { answers: backup.answers, fromBackup: true };
  return { answers: server.answers, fromBackup: false };
}

export type SaveState =
  | { readonly kind: "saved"; readonly at: string | null }
  | { readonly kind: "pending" }
  | { readonly kind: "offline" }
  | { readonly kind: "error"; readonly message: string };

const PAUSE_MS = 700;
const RETRY_MS = 5000;

function storageOrUndefined(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

export function useAutosave(
  key: string,
  initial: { answers: Answers; savedAt: string | null; unsaved: boolean },
  onSaved?: (saved: SavedDraft) => void,
  /** Staff entering a client's intake save to that client's draft; a client saves their own. */
  clientId?: string,
) {
  const storage = useRef(storageOrUndefined());
  const latest = useRef<Answers>(initial.answers);
  const changes = useRef(initial.unsaved ? 1 : 0);
  const savedChanges = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const unsavedAtStart = useRef(initial.unsaved);
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const [state, setState] = useState<SaveState>(
    initial.unsaved ? { kind: "pending" } : { kind: "saved", at: initial.savedAt },
  );

  const saveNow = useCallback((): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const run = async (): Promise<boolean> => {
      const upTo = changes.current;
      if (upTo === savedChanges.current) return true;
      try {
        const saved = await saveDraft(validPart(latest.current).draft, clientId);
        savedChanges.current = Math.max(savedChanges.current, upTo);
        if (changes.current === upTo) {
          clearBackup(storage.current, key);
          setState({ kind: "saved", at: saved.savedAt });
        }
        onSavedRef.current?.(saved);
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
  }, [key, clientId]);

  const change = useCallback(
    (answers: Answers) => {
      latest.current = answers;
      changes.current += 1;
      writeBackup(storage.current, key, { answers, changedAt: Date.now() });
      setState((s) => (s.kind === "offline" ? s : { kind: "pending" }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void saveNow(), PAUSE_MS);
    },
    [key, saveNow],
  );

  useEffect(() => {
    // Changes found on this device at start (a reload before they reached the server): send them now.
    if (unsavedAtStart.current) void saveNow();
    const online = () => void saveNow();
    window.addEventListener("online", online);
    return () => {
      window.removeEventListener("online", online);
      if (timer.current) clearTimeout(timer.current);
    };
  }, [saveNow]);

  return { state, change, flush: saveNow };
}
