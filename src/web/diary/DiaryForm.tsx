/**
 * A pain diary entry, made for a phone: "Same as last time" fills it from the last entry (tap 1),
 * a score can be nudged with − and + (tap 2), Save (tap 2 or 3). A new entry starts on the body
 * map; every marked region is listed with its 0–10 score, so "no pain there today" can be said too.
 */
import { type FormEvent, lazy, Suspense, useId, useRef, useState } from "react";
import type { BodyMapView } from "../body";
import { Alert, Button, Loading } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./Diary.module.css";
import {
  type DiaryDraft,
  type DiaryEntryLike,
  describeScores,
  draftProblem,
  EMPTY_DRAFT,
  MAX_SCORE,
  MIN_SCORE,
  marksOf,
  NOTE_MAX,
  regionName,
  repeatEntry,
  withMapMarks,
  withoutRegion,
  withScore,
} from "./diary";

// The body map is the heaviest part (about 14 KB gzipped): it arrives just after the page, so
// "Same as last time" and the scores are usable first.
const BodyMap = lazy(() => import("../body").then((m) => ({ default: m.BodyMap })));

export interface DiaryFormProps {
  /** The client's latest entry, offered as "Same as last time". */
  readonly last: (DiaryEntryLike & { readonly when: string }) | null;
  readonly saving: boolean;
  /** Resolves once saved (the form empties), rejects with words to show. */
  readonly onSave: (draft: DiaryDraft) => Promise<void>;
}

export function DiaryForm({ last, saving, onSave }: DiaryFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<DiaryDraft>(EMPTY_DRAFT);
  const [view, setView] = useState<BodyMapView>("front");
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const listRef = useRef<HTMLDivElement>(null);
  const saveRef = useRef<HTMLButtonElement>(null);
  const regions = Object.entries(draft.scores);

  const change = (next: DiaryDraft) => {
    setDraft(next);
    setProblem(null);
    setSaved(false);
  };

  const repeat = () => {
    if (!last) return;
    change(repeatEntry(last));
    // The filled list and Save are the next thing to look at: bring them up on a phone.
    requestAnimationFrame(() => {
      listRef.current?.scrollIntoView({ block: "start", behavior: "smooth" });
      saveRef.current?.focus({ preventScroll: true });
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const why = draftProblem(draft);
    if (why) {
      setProblem(why);
      return;
    }
    try {
      await onSave(draft);
      setDraft(EMPTY_DRAFT);
      setSaved(true);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "That didn't save. Please try again.");
    }
  };

  return (
    <form className={styles.diaryForm} onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={styles.diaryTitle}>
        How is it today?
      </h2>
      {last ? (
        <div className={styles.diaryQuick}>
          <p className={styles.diaryQuickText}>
            <span className="kw-muted">Last time ({last.when}):</span> {describeScores(last.regions)}
          </p>
          <Button variant="secondary" onClick={repeat}>
            Same as last time
          </Button>
        </div>
      ) : null}

      <div className={styles.diaryMap}>
        <Suspense fallback={<Loading label="Loading the body map…" />}>
          <BodyMap
            mode="mark"
            view={view}
            onViewChange={setView}
            marks={marksOf(draft.scores)}
            onMarksChange={(marks) => change({ ...draft, scores: withMapMarks(draft.scores, marks) })}
            label="Body map: where you feel it today"
          />
        </Suspense>
      </div>

      <div className={styles.diaryFields} ref={listRef}>
        <h3 className={styles.diarySubtitle} id={`${id}-regions`}>
          Your scores today
        </h3>
        {regions.length === 0 ? (
          <p className="kw-muted">
            Tap where it hurts on the body map{last ? ", or start from last time" : ""}.
          </p>
        ) : (
          <ul className={styles.diaryRegions} aria-labelledby={`${id}-regions`}>
            {regions.map(([regionId, score]) => {
              const name = regionName(regionId);
              return (
                <li key={regionId} className={styles.diaryRegion}>
                  <span
                    className={styles.diarySwatch}
                    style={{
                      background: score === 0 ? "var(--kw-color-surface)" : `var(--kw-pain-${score})`,
                    }}
                    aria-hidden="true"
                  />
                  <span className={styles.diaryRegionName}>{name}</span>
                  <span className={styles.diaryStepper}>
                    <button
                      type="button"
                      className={styles.diaryStep}
                      aria-label={`Less pain: ${name}`}
                      disabled={score <= MIN_SCORE}
                      onClick={() =>
                        change({ ...draft, scores: withScore(draft.scores, regionId, score - 1) })
                      }
                    >
                      −
                    </button>
                    <output
                      className={styles.diaryScore}
                      aria-live="polite"
                      aria-label={`${name}: ${score} out of 10`}
                    >
                      {score}
                    </output>
                    <button
                      type="button"
                      className={styles.diaryStep}
                      aria-label={`More pain: ${name}`}
                      disabled={score >= MAX_SCORE}
                      onClick={() =>
                        change({ ...draft, scores: withScore(draft.scores, regionId, score + 1) })
                      }
                    >
                      +
                    </button>
                  </span>
                  <button
                    type="button"
                    className={styles.diaryRemove}
                    aria-label={`Remove ${name}`}
                    onClick={() => change({ ...draft, scores: withoutRegion(draft.scores, regionId) })}
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
        )}
        <p className={cx("kw-muted", styles.diaryScale)}>0 is no pain, 10 the worst you can imagine.</p>
        <div className="kw-field">
          <label htmlFor={`${id}-note`}>A note (optional)</label>
          <textarea
            id={`${id}-note`}
            className="kw-input kw-textarea kw-textarea--short"
            rows={2}
            maxLength={NOTE_MAX}
            value={draft.note}
            placeholder="What you did, how you slept…"
            onChange={(event) => change({ ...draft, note: event.target.value })}
          />
        </div>
        {problem ? <Alert tone="danger">{problem}</Alert> : null}
        {saved ? <Alert tone="info">Saved to your diary.</Alert> : null}
        <button
          ref={saveRef}
          type="submit"
          className="kw-button kw-button--primary kw-button--block"
          disabled={saving}
        >
          {saving ? "Saving…" : "Save to my diary"}
        </button>
      </div>
    </form>
  );
}
