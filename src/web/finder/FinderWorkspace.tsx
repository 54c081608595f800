/**
 * The finder once the safety questions are answered: the body map in mark mode and the live list
 * of muscles, ranked in the browser by the same core code the API and CLI use. Loaded lazily by
 * FinderPage (this chunk carries the map drawing and the atlas data).
 */
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { muscleById } from "../../core/atlas/muscles";
import { rankMuscles } from "../../core/finder/rank";
import type { RedFlagQuestion } from "../../core/screening/red-flag-questions";
import { BodyMap, type BodyMapView } from "../body";
import styles from "./Finder.module.css";
import { FinderResults, shortRegionLabel } from "./FinderResults";
import { type Marks, marksList, type Visitor } from "./marks-url";
import { gateFor, type RedFlagAnswers } from "./red-flags";
import { SafetyQuestions } from "./SafetyQuestions";

interface FinderWorkspaceProps {
  readonly marks: Marks;
  readonly onMarksChange: (marks: Marks) => void;
  readonly answers: RedFlagAnswers;
  readonly onAnswer: (id: string, yes: boolean) => void;
  readonly visitor: Visitor;
  /** Move focus to the map's heading once shown (after the questions were just answered). */
  readonly focusHeading: boolean;
}

/** How many muscles the list shows before "Show more". */
const SHORT_LIST = 5;
const LONG_LIST = 10;

function mergeQuestions(
  shown: readonly RedFlagQuestion[],
  more: readonly RedFlagQuestion[],
): RedFlagQuestion[] {
  const ids = new Set(shown.map((q) => q.id));
  return [...shown, ...more.filter((q) => !ids.has(q.id))];
}

export default function FinderWorkspace({
  marks,
  onMarksChange,
  answers,
  onAnswer,
  visitor,
  focusHeading,
}: FinderWorkspaceProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [offlineReady, setOfflineReady] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the workspace first appears
  useEffect(() => {
    if (focusHeading) headingRef.current?.focus();
    // Results open atlas pages: fetch their code (a few KB) now, so that works offline too. The
    // workspace says when it has (data-offline-ready), so a test can go offline only after that.
    Promise.all([
      import("../atlas/MusclePage"),
      import("../atlas/PatternMap"),
      import("../atlas/atlas-offline"),
    ]).then(
      () => setOfflineReady(true),
      () => undefined,
    );
  }, []);
  const [view, setView] = useState<BodyMapView>("front");
  const markIds = useMemo(() => Object.keys(marks), [marks]);
  const gate = gateFor(markIds, answers);
  // Questions for newly marked areas stay on screen, answered, until the person moves on.
  const [extra, setExtra] = useState<readonly RedFlagQuestion[] | null>(null);
  if (gate.kind === "ask" && (extra === null || gate.pending.some((q) => !extra.includes(q)))) {
    setExtra(mergeQuestions(extra ?? [], gate.pending));
  }
  const results = useMemo(() => rankMuscles(marksList(marks), { limit: LONG_LIST }), [marks]);
  const showResults = gate.kind === "clear" && extra === null;
  const best = results[0];

  return (
    <div className={styles.finder} data-offline-ready={offlineReady || undefined}>
      <section className={styles.finderMap} aria-labelledby={headingId}>
        <p className={styles.finderStepCount}>Step 2 of 2</p>
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          Mark where it hurts
        </h2>
        <p className={styles.finderPeek} aria-live="polite">
          {markIds.length === 0 ? (
            "Nothing marked yet."
          ) : (
            <>
              {markIds.length === 1 ? "1 area marked" : `${markIds.length} areas marked`}
              {showResults && best ? (
                <>
                  {" · Best match: "}
                  <strong>{muscleById(best.muscle)?.name ?? best.muscle}</strong>
                  {best.side ? ` (${best.side})` : ""}
                  {" · "}
                  <a href="#kw-finder-results">See all {results.length}</a>
                </>
              ) : null}
            </>
          )}
        </p>
        <BodyMap
          mode="mark"
          view={view}
          onViewChange={setView}
          marks={marks}
          onMarksChange={onMarksChange}
          label="Body map: where it hurts"
        />
      </section>
      <section className={styles.finderSide} aria-labelledby="kw-finder-results">
        <h2 id="kw-finder-results" tabIndex={-1}>
          Muscles commonly associated with pain here
        </h2>
        {markIds.length > 0 ? <MarkedList marks={marks} onMarksChange={onMarksChange} /> : null}
        {extra !== null ? (
          <div className={styles.finderMoreQuestions} data-testid="more-questions">
            <h3>A few more safety questions</h3>
            <p className="kw-muted">For the areas you marked. Answer yes if any is true for you now.</p>
            <SafetyQuestions
              questions={extra}
              answers={answers}
              onAnswer={onAnswer}
              onDone={() => setExtra(null)}
              doneLabel="Show the muscles"
            />
          </div>
        ) : null}
        {showResults ? (
          <FinderResults results={results} marks={marks} visitor={visitor} shortList={SHORT_LIST} />
        ) : null}
      </section>
    </div>
  );
}

function MarkedList({ marks, onMarksChange }: { marks: Marks; onMarksChange: (marks: Marks) => void }) {
  return (
    <div className={styles.marked}>
      <h3 className={styles.markedTitle}>You marked</h3>
      <ul className={styles.markedList}>
        {Object.entries(marks).map(([id, intensity]) => {
          const label = shortRegionLabel(id);
          return (
            <li key={id} className={styles.markedItem}>
              <span
                className={styles.markedSwatch}
                style={{ background: `var(--kw-pain-${intensity})` }}
                aria-hidden="true"
              />
              <span>
                {label} <span className="kw-muted">· {intensity}/10</span>
              </span>
              <button
                type="button"
                className={styles.markedRemove}
                aria-label={`Remove ${label}`}
                onClick={() => {
                  const { [id]: _removed, ...rest } = marks;
                  onMarksChange(rest);
                }}
              >
                <svg viewBox="0 0 16 16" aria-hidden="true">
                  <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
                </svg>
              </button>
            </li>
          );
        })}
      </ul>
      {Object.keys(marks).length > 1 ? (
        <button type="button" className={styles.linkButton} onClick={() => onMarksChange({})}>
          Clear all
        </button>
      ) : null}
    </div>
  );
}
