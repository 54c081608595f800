import { useState } from "react";
import type { PreparedSummary as Prepared } from "../../core/api/charting";
import { answerAt, INTAKE_QUESTIONS } from "../../core/intake";
import { BodyMap, type BodyMapView } from "../body";
import { FlagBadges } from "../intake/FlagBadges";
import styles from "./Chart.module.css";
import { shortName } from "./points";
import { SessionRows } from "./SessionRows";

/** A few intake answers that matter most before touching: the complaint in the client's words. */
const KEY_QUESTIONS = ["mainComplaint", "goals", "aggravating", "easing", "occupation", "activity"];

function plainAnswer(value: unknown): string | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.every((v) => typeof v === "string") ? value.join(", ") : null;
  return null;
}

/**
 * What the therapist reads before a (first) visit, on one screen: screening flags and clearances,
 * where it hurts, the finder's ranking as points to check first, key intake answers, previous sessions.
 */
export function PreparedSummary({ prepared, timeZone }: { prepared: Prepared; timeZone: string }) {
  const marks = Object.fromEntries(prepared.markedRegions.map((r) => [r.id, r.intensity]));
  const [view, setView] = useState<BodyMapView>("back");
  const answers = prepared.intake?.answers ?? {};
  const shownAnswers = INTAKE_QUESTIONS.filter((q) => q.kind !== "body-map")
    .map((q) => ({ q, text: plainAnswer(answerAt(answers, q.id)) }))
    .filter((a) => a.text !== null)
    .sort((a, b) => rank(a.q.id) - rank(b.q.id))
    .slice(0, 12);
  return (
    <div className={styles.summaryGrid}>
      <section className={styles.panel} aria-labelledby="kw-sum-screen">
        <h3 id="kw-sum-screen" className={styles.sectionTitle}>
          Screening
        </h3>
        {prepared.flags.length === 0 ? (
          <p className={styles.muted}>Nothing flagged in the intake.</p>
        ) : (
          <>
            <FlagBadges flags={prepared.flags} limit={8} />
            <ul className={styles.plainList}>
              {prepared.flags.map((f) => (
                <li key={`${f.kind}-${f.id}`}>
                  {f.label}
                  {f.cleared ? " — cleared" : ""}
                </li>
              ))}
            </ul>
          </>
        )}
        {prepared.clearances.map((c) => (
          <p key={c.id} className={styles.muted}>
            Cleared by {c.clearedBy} on {c.clearedOn}
            {c.note ? `: ${c.note}` : ""}
          </p>
        ))}
      </section>

      <section className={styles.panel} aria-labelledby="kw-sum-check">
        <h3 id="kw-sum-check" className={styles.sectionTitle}>
          Points to check first
        </h3>
        {prepared.checkFirst.length === 0 ? (
          <p className={styles.muted}>No suggestions: no areas were marked in the intake.</p>
        ) : (
          <ol className={styles.plainList}>
            {prepared.checkFirst.map((id) => {
              const finder = prepared.finder.find((f) => f.muscle === id);
              return (
                <li key={id}>
                  <strong>{shortName(id)}</strong>
                  {finder?.side ? `, ${finder.side}` : ""}
                  {finder ? "" : " (posture)"}
                </li>
              );
            })}
          </ol>
        )}
        <p className={styles.muted}>They are starred (★) in the muscle list when you chart a point.</p>
      </section>

      <section className={styles.panel} aria-labelledby="kw-sum-map">
        <h3 id="kw-sum-map" className={styles.sectionTitle}>
          Where it hurts
        </h3>
        {prepared.markedRegions.length === 0 ? (
          <p className={styles.muted}>No areas marked.</p>
        ) : (
          <div className={styles.summaryMap}>
            <BodyMap
              mode="mark"
              view={view}
              onViewChange={setView}
              marks={marks}
              readOnly
              label="Areas marked in the intake"
            />
          </div>
        )}
      </section>

      <section className={styles.panel} aria-labelledby="kw-sum-intake">
        <h3 id="kw-sum-intake" className={styles.sectionTitle}>
          Intake
        </h3>
        {prepared.intake === null ? (
          <p className={styles.muted}>No intake submitted yet.</p>
        ) : (
          <dl className={styles.answers}>
            {shownAnswers.map(({ q, text }) => (
              <div key={q.id}>
                <dt>{q.question}</dt>
                <dd>{text}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className={styles.panelWide} aria-labelledby="kw-sum-prev">
        <h3 id="kw-sum-prev" className={styles.sectionTitle}>
          Previous sessions
        </h3>
        <SessionRows sessions={prepared.previousSessions} timeZone={timeZone} />
      </section>
    </div>
  );
}

function rank(id: string): number {
  const i = KEY_QUESTIONS.indexOf(id);
  return i === -1 ? KEY_QUESTIONS.length : i;
}
