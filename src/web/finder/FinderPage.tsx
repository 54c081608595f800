/**
 * The pain finder (docs/product.md F3, docs/design-system.md "Who it is for, on what"): safety questions first, then the body map
 * and a short, live list of muscles commonly associated with pain where it is marked.
 *
 * This module is the page's first load: the questions and the page frame only. The map and the
 * ranking (BodyMap, the atlas data and rankMuscles) are one lazy chunk, fetched as soon as the page
 * mounts so they are ready by the time the questions are answered; after that the finder needs no
 * network at all.
 */
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { useSession } from "../auth/session";
import { Loading, PageHeader } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./Finder.module.css";
import { type Marks, marksSearch, parseMarks, REGIONS_PARAM, type Visitor } from "./marks-url";
import { gateFor, loadAnswers, questionsFor, type RedFlagAnswers, saveAnswers } from "./red-flags";
import { SafetyQuestions } from "./SafetyQuestions";
import { StopPanel } from "./StopPanel";

const loadWorkspace = () => import("./FinderWorkspace");
const FinderWorkspace = lazy(loadWorkspace);

function useVisitor(): Visitor {
  const { session, context } = useSession();
  if (!session) return "anonymous";
  return context?.role === "client" || !context ? "client" : "staff";
}

export default function FinderPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const visitor = useVisitor();
  const marks = useMemo(
    () => parseMarks(new URLSearchParams(location.search).get(REGIONS_PARAM)),
    [location.search],
  );
  const markIds = useMemo(() => Object.keys(marks), [marks]);
  const [answers, setAnswers] = useState<RedFlagAnswers>(() => loadAnswers());
  // The first step is done once every question for the marks at hand has an answer (also after a reload).
  const [stepDone, setStepDone] = useState(() => gateFor(markIds, answers).kind === "clear");
  const gate = gateFor(markIds, answers);
  // Set when the person finishes the questions here (not on a reload): then the map's heading takes focus.
  const [justFinished, setJustFinished] = useState(false);

  useEffect(() => {
    // Fetch the map and the ranking while the questions are read: the finder then works offline.
    void loadWorkspace();
  }, []);

  const answer = useCallback((id: string, yes: boolean) => {
    setAnswers((current) => {
      const next = { ...current, [id]: yes };
      saveAnswers(next);
      return next;
    });
  }, []);

  const undoYes = useCallback(() => {
    setAnswers((current) => {
      const next = Object.fromEntries(Object.entries(current).filter(([, yes]) => !yes));
      saveAnswers(next);
      return next;
    });
    setStepDone(false);
  }, []);

  const setMarks = useCallback(
    (next: Marks) => navigate({ search: marksSearch(next) }, { replace: true }),
    [navigate],
  );

  const finishStep = () => {
    setStepDone(true);
    setJustFinished(true);
  };

  let content: ReactNode;
  if (gate.kind === "stop") {
    content = <StopPanel stoppedBy={gate.stoppedBy} onUndo={undoYes} />;
  } else if (!stepDone) {
    content = (
      <section className={cx(styles.finderStep, "kw-card")} aria-labelledby="kw-safety-title">
        <p className={styles.finderStepCount}>Step 1 of 2</p>
        <h2 id="kw-safety-title">First, a few safety questions</h2>
        <p className="kw-muted">
          Some pain needs a doctor, not massage. Answer <strong>yes</strong> if any of these is true for you
          now.
        </p>
        <SafetyQuestions
          questions={questionsFor(markIds)}
          answers={answers}
          onAnswer={answer}
          onDone={finishStep}
          doneLabel="Continue to the body map"
        />
      </section>
    );
  } else {
    content = (
      <Suspense fallback={<Loading label="Loading the body map…" />}>
        <FinderWorkspace
          marks={marks}
          onMarksChange={setMarks}
          answers={answers}
          onAnswer={answer}
          visitor={visitor}
          focusHeading={justFinished}
        />
      </Suspense>
    );
  }

  return (
    <div className={styles.finderPage}>
      <PageHeader
        eyebrow="Pain finder"
        title="Where does it hurt?"
        description={
          gate.kind === "stop"
            ? undefined
            : "Mark where you feel pain to see the muscles commonly associated with pain there. A guide to explore, not a diagnosis."
        }
      />
      {content}
    </div>
  );
}
