import { useId } from "react";
import type { Note } from "./autosave";
import styles from "./Chart.module.css";
import { Choice } from "./Choice";

const PAIN = Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }));

const SOAP = [
  { field: "subjective", label: "Subjective", hint: "What the client reports today." },
  { field: "objective", label: "Objective", hint: "What you found: palpation, posture, movement." },
  { field: "assessment", label: "Assessment", hint: "Your reading of the findings." },
  { field: "plan", label: "Plan", hint: "Next sessions, home care, referrals." },
] as const;

export type SoapField = (typeof SOAP)[number]["field"];

function TextArea({
  label,
  hint,
  value,
  onChange,
  rows = 4,
}: {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
}) {
  const id = useId();
  return (
    <div className={styles.textField}>
      <label htmlFor={id}>{label}</label>
      <span id={`${id}-hint`} className={styles.muted}>
        {hint}
      </span>
      <textarea
        id={id}
        aria-describedby={`${id}-hint`}
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** The SOAP note with pain before and after, and the line the client sees in their portal. */
export function NoteForm({ note, onChange }: { note: Note; onChange: (patch: Partial<Note>) => void }) {
  return (
    <div className={styles.stack}>
      <Choice
        legend="Pain before the session (0 none – 10 worst)"
        options={PAIN}
        value={note.painBefore}
        onChange={(painBefore) => onChange({ painBefore })}
        compact
      />
      {SOAP.map(({ field, label, hint }) => (
        <TextArea
          key={field}
          label={label}
          hint={hint}
          value={note[field]}
          onChange={(value) => onChange({ [field]: value })}
        />
      ))}
      <Choice
        legend="Pain after the session (0 none – 10 worst)"
        options={PAIN}
        value={note.painAfter}
        onChange={(painAfter) => onChange({ painAfter })}
        compact
      />
      <TextArea
        label="For the client: what to do next"
        hint="Shown in plain words in the client's portal with the muscles treated."
        value={note.clientNote}
        onChange={(clientNote) => onChange({ clientNote })}
        rows={3}
      />
    </div>
  );
}

export { SOAP };
