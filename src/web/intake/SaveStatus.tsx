import { cx } from "../ui/cx";
import type { SaveState } from "./autosave";
import styles from "./Intake.module.css";

const SAVE_CLASS: Record<SaveState["kind"], string | undefined> = {
  saved: styles.saveSaved,
  pending: undefined,
  offline: styles.saveOffline,
  error: styles.saveError,
};

/** The save status; `quiet` repeats it by the buttons for the eye only (one live region is enough). */
export function SaveStatus({ state, quiet = false }: { state: SaveState; quiet?: boolean }) {
  const text =
    state.kind === "saved"
      ? "Saved"
      : state.kind === "pending"
        ? "Saving…"
        : state.kind === "offline"
          ? "No connection: your answers are kept on this phone and sent when you're back online"
          : `Not saved: ${state.message}`;
  return (
    <p
      className={cx(styles.save, SAVE_CLASS[state.kind])}
      {...(quiet ? { "aria-hidden": true } : { role: "status", "aria-live": "polite" as const })}
    >
      {state.kind === "saved" ? (
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      ) : null}
      {text}
    </p>
  );
}
