/** "Where does it hurt?": the body map, and a list of what was marked with a way to remove each. */
import { useId, useState } from "react";
import { regionById } from "../../core/body/regions";
import { CLIENT_WORDING, worded } from "../../core/intake";
import { BodyMap, type BodyMapView } from "../body";
import { cx } from "../ui/cx";
import styles from "./Intake.module.css";
import type { FieldProps } from "./question-parts";

type Area = { id: string; intensity: number };

export function BodyMapQuestion({ question, value, onChange, error, wording = CLIENT_WORDING }: FieldProps) {
  const [view, setView] = useState<BodyMapView>("front");
  const headingId = useId();
  if (question.kind !== "body-map") return null;
  const areas: Area[] = Array.isArray(value) ? (value as Area[]) : [];
  const marks = Object.fromEntries(areas.map((a) => [a.id, a.intensity]));
  const setMarks = (next: Readonly<Record<string, number>>) => {
    // Keep the order in which areas were marked; new ones at the end.
    const kept = areas
      .filter((a) => next[a.id] !== undefined)
      .map((a) => ({ id: a.id, intensity: next[a.id] as number }));
    const added = Object.entries(next)
      .filter(([id]) => !areas.some((a) => a.id === id))
      .map(([id, intensity]) => ({ id, intensity }));
    const list = [...kept, ...added];
    onChange(list.length === 0 ? undefined : list);
  };
  return (
    <section className={styles.q} aria-labelledby={headingId}>
      <h3 className={styles.qLabel} id={headingId}>
        {question.question}
      </h3>
      <p className={styles.qHelp}>{question.help}</p>
      <BodyMap
        mode="mark"
        view={view}
        onViewChange={setView}
        marks={marks}
        onMarksChange={setMarks}
        label={worded("Body map: where you feel it", wording)}
      />
      {areas.length > 0 ? (
        <div className={styles.qAreas}>
          <p className={styles.qAreasTitle}>{wording.to === "staff" ? "Marked" : "You marked"}</p>
          <ul>
            {areas.map((a) => {
              const label = regionById(a.id)?.label ?? a.id;
              return (
                <li key={a.id}>
                  <span
                    className={styles.qAreasSwatch}
                    style={{ background: `var(--kw-pain-${a.intensity})` }}
                    aria-hidden="true"
                  />
                  <span className={styles.qAreasLabel}>
                    {label} <span className="kw-muted">· {a.intensity}/10</span>
                  </span>
                  <button
                    type="button"
                    className={styles.qAreasRemove}
                    aria-label={`Remove ${label}`}
                    onClick={() => {
                      const { [a.id]: _removed, ...rest } = marks;
                      setMarks(rest);
                    }}
                  >
                    <svg viewBox="0 0 16 16" aria-hidden="true">
                      <path
                        d="M4 4l8 8M12 4l-8 8"
                        stroke="currentColor"
                        strokeWidth="2"
                        strokeLinecap="round"
                      />
                    </svg>
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {error ? <p className={cx(styles.qError, "kw-field__error")}>{error}</p> : null}
    </section>
  );
}
