/**
 * The intake questionnaire (F5), phone first: one section per step, generated from INTAKE_QUESTIONS,
 * saved as the client goes (on the device at once, on the server after a pause), with the body map for
 * where it hurts. A red-flag "yes" stops the flow with advice to get care now; after submitting, the
 * client sees what the screening means for them. The step is in the URL, so a reload lands on it.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, type RefObject, useEffect, useMemo, useRef, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { type MyConsent, type MyIntake, withoutUnaskedAnswers } from "../../core/api/intake";
import {
  INTAKE_QUESTIONS,
  INTAKE_SECTIONS,
  type IntakeSectionId,
  missingIntakeFields,
} from "../../core/intake";
import { screenIntake } from "../../core/screening";
import { ApiError, api, get } from "../api/client";
import { useSession } from "../auth/session";
import { marksList, parseMarks } from "../finder/marks-url";
import { Alert, Button, ButtonLink, Loading } from "../ui/components";
import { cx } from "../ui/cx";
import { type Backup, backupKey, readBackup, type SaveState, startingAnswers, useAutosave } from "./autosave";
import {
  type Answers,
  answerAt,
  isStepId,
  questionsFor,
  STEPS,
  type StepId,
  sectionOf,
  validPart,
  withAnswer,
} from "./draft";
import styles from "./Intake.module.css";
import { QuestionField } from "./QuestionField";
import { AdvicePanel, AdviceUndo, CautionAdvice, HoldAdvice, StopAdvice } from "./ScreeningAdvice";

export const MY_INTAKE_KEY = ["my-intake"] as const;

type View = StepId | "stop" | "result";

function isView(value: string | null): value is View {
  return value === "stop" || value === "result" || isStepId(value);
}

function readLocalBackup(key: string): Backup | null {
  try {
    return readBackup(window.localStorage, key);
  } catch {
    return null;
  }
}

export default function IntakePage() {
  const { session, context } = useSession();
  const query = useQuery({ queryKey: MY_INTAKE_KEY, queryFn: () => get<MyIntake>("/api/me/intake") });
  if (query.isPending) return <Loading />;
  if (query.error || !session || !context?.clientId) {
    return (
      <Alert tone="danger">
        {query.error instanceof ApiError ? query.error.message : "Could not load your questionnaire."}
      </Alert>
    );
  }
  return <IntakeFlow intake={query.data} storageKey={backupKey(session.user.id, context.clientId)} />;
}

const SAVE_CLASS: Record<SaveState["kind"], string | undefined> = {
  saved: styles.saveSaved,
  pending: undefined,
  offline: styles.saveOffline,
  error: styles.saveError,
};

/** The save status; `quiet` repeats it by the buttons for the eye only (one live region is enough). */
function SaveStatus({ state, quiet = false }: { state: SaveState; quiet?: boolean }) {
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

function IntakeFlow({ intake, storageKey }: { intake: MyIntake; storageKey: string }) {
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  // The starting point is read once; later renders work on the form's own state.
  const [start] = useState(() => {
    const picked = startingAnswers(
      { answers: intake.answers as Answers, savedAt: intake.savedAt },
      readLocalBackup(storageKey),
    );
    // Areas marked in the pain finder ride along as `?regions=temple-left:6,…`.
    const fromFinder = marksList(parseMarks(params.get("regions")));
    if (fromFinder.length > 0 && !Array.isArray(picked.answers.areasOfConcern)) {
      return { answers: withAnswer(picked.answers, "areasOfConcern", fromFinder), fromBackup: true };
    }
    return picked;
  });
  const [answers, setAnswers] = useState<Answers>(start.answers);
  const autosave = useAutosave(
    storageKey,
    { answers: start.answers, savedAt: intake.savedAt, unsaved: start.fromBackup },
    (saved) =>
      queryClient.setQueryData<MyIntake>(MY_INTAKE_KEY, (old) =>
        old ? { ...old, status: saved.status } : old,
      ),
  );
  const { errors } = useMemo(() => validPart(answers), [answers]);
  const missing = useMemo(() => missingIntakeFields(validPart(answers).draft), [answers]);

  const requested = params.get("step");
  const asked: View = isView(requested)
    ? requested
    : intake.status === "submitted" || intake.status === "changed"
      ? "result"
      : "your-pain";

  const headingRef = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    window.scrollTo({ top: 0 });
    headingRef.current?.focus();
  }, [asked]);

  const go = (next: View) =>
    setParams((p) => {
      const copy = new URLSearchParams(p);
      copy.set("step", next);
      copy.delete("regions");
      return copy;
    });

  const setAnswer = (id: string, value: unknown) => {
    const next = withAnswer(answers, id, value);
    setAnswers(next);
    autosave.change(next);
  };

  if (asked === "result") return <IntakeResult intake={intake} onEdit={() => go("your-pain")} />;

  const localScreening = screenIntake(validPart(answers).draft);
  // "Stop" only while a red flag is answered yes; after "I answered by mistake" it is the safety step again.
  const view: View = asked === "stop" && localScreening.redFlags.length === 0 ? "safety-check" : asked;
  if (view === "stop") {
    return (
      <div className={styles.intake}>
        <StopAdvice
          redFlags={localScreening.redFlags}
          emergency={localScreening.emergency}
          headingLevel={1}
          focus
        >
          <p>
            We've saved your answers, so the clinic can see what you told us. Once a doctor has seen you, the
            clinic can talk with you about treatment.
          </p>
          <AdviceUndo onClick={() => go("safety-check")}>
            I answered yes by mistake: change my answers
          </AdviceUndo>
        </StopAdvice>
        <SaveStatus state={autosave.state} />
      </div>
    );
  }

  const stepIndex = STEPS.indexOf(view);
  const onSubmitStep = (event: FormEvent) => {
    event.preventDefault();
    void autosave.flush();
    if (localScreening.redFlags.length > 0 && view !== "review") {
      go("stop");
      return;
    }
    const next = STEPS[stepIndex + 1];
    if (next) go(next);
  };

  return (
    <div className={styles.intake}>
      <header className={styles.intakeHead}>
        <p className="kw-eyebrow">Before your first visit</p>
        <p className={styles.intakeProgressText}>
          Step {stepIndex + 1} of {STEPS.length}
        </p>
        <div className={styles.intakeProgress} aria-hidden="true">
          <span style={{ width: `${((stepIndex + 1) / STEPS.length) * 100}%` }} />
        </div>
        <SaveStatus state={autosave.state} />
      </header>
      {view === "review" ? (
        <ReviewStep
          answers={answers}
          missing={missing}
          errors={errors}
          editable={intake.editable}
          hasSubmitted={intake.submitted !== null}
          headingRef={headingRef}
          flush={autosave.flush}
          onBack={() => go("goals")}
          onGoTo={go}
          onSubmitted={(result) => {
            queryClient.setQueryData(MY_INTAKE_KEY, result);
            try {
              window.localStorage.removeItem(storageKey);
            } catch {
              // Nothing to clear.
            }
            go("result");
          }}
        />
      ) : (
        <SectionStep
          section={view}
          answers={answers}
          errors={errors}
          headingRef={headingRef}
          onAnswer={setAnswer}
          onSubmit={onSubmitStep}
          onBack={stepIndex > 0 ? () => go(STEPS[stepIndex - 1] as View) : undefined}
          isFirst={stepIndex === 0}
          saveStatus={<SaveStatus state={autosave.state} quiet />}
          editNote={
            stepIndex === 0 && intake.submitted
              ? intake.editable
                ? "You can change your answers until your visit. Send them again at the end."
                : "Your therapist has already used your answers at a visit. Changes you send now are kept as a new version."
              : undefined
          }
        />
      )}
    </div>
  );
}

function SectionStep({
  section,
  answers,
  errors,
  headingRef,
  onAnswer,
  onSubmit,
  onBack,
  isFirst,
  saveStatus,
  editNote,
}: {
  section: IntakeSectionId;
  answers: Answers;
  errors: Readonly<Record<string, string>>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onAnswer: (id: string, value: unknown) => void;
  onSubmit: (event: FormEvent) => void;
  onBack: (() => void) | undefined;
  isFirst: boolean;
  saveStatus: ReactNode;
  editNote: string | undefined;
}) {
  const info = INTAKE_SECTIONS.find((s) => s.id === section);
  const questions = questionsFor(section, answers);
  return (
    <form className={styles.intakeForm} onSubmit={onSubmit} noValidate>
      <h1 ref={headingRef} tabIndex={-1}>
        {info?.title}
      </h1>
      {isFirst ? (
        <p className={styles.intakeLead}>
          About ten minutes. Your answers are saved as you go, so you can stop and come back. Only the clinic
          staff caring for you can see them.
        </p>
      ) : null}
      {editNote ? <Alert tone="info">{editNote}</Alert> : null}
      <p className={styles.intakeIntro}>{info?.intro}</p>
      {questions.map((question) => (
        <QuestionField
          key={question.id}
          question={question}
          value={answerAt(answers, question.id)}
          onChange={(value) => onAnswer(question.id, value)}
          error={errors[question.id]}
        />
      ))}
      {saveStatus}
      <div className={styles.intakeNav}>
        {onBack ? (
          <Button variant="secondary" onClick={onBack}>
            Back
          </Button>
        ) : (
          <ButtonLink variant="ghost" to="/app">
            Later
          </ButtonLink>
        )}
        <button type="submit" className="kw-button kw-button--primary">
          {section === "goals" ? "Check my answers" : "Next"}
        </button>
      </div>
    </form>
  );
}

function questionLabel(id: string): string {
  return INTAKE_QUESTIONS.find((q) => q.id === id)?.question ?? id;
}

function ReviewStep({
  answers,
  missing,
  errors,
  editable,
  hasSubmitted,
  headingRef,
  flush,
  onBack,
  onGoTo,
  onSubmitted,
}: {
  answers: Answers;
  missing: string[];
  errors: Readonly<Record<string, string>>;
  editable: boolean;
  hasSubmitted: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  flush: () => Promise<boolean>;
  onBack: () => void;
  onGoTo: (view: View) => void;
  onSubmitted: (result: MyIntake) => void;
}) {
  const invalid = Object.keys(errors);
  const toFix = [...new Set([...invalid, ...missing])];
  const submit = useMutation({
    mutationFn: async () => {
      await flush();
      return api<MyIntake>("POST", "/api/me/intake/submit", withoutUnaskedAnswers(validPart(answers).draft));
    },
    onSuccess: onSubmitted,
  });
  const bySection = new Map<IntakeSectionId, string[]>();
  for (const id of toFix) {
    const section = sectionOf(id);
    if (section) bySection.set(section, [...(bySection.get(section) ?? []), id]);
  }
  return (
    <div className={styles.intakeForm}>
      <h1 ref={headingRef} tabIndex={-1}>
        Check and send
      </h1>
      {toFix.length > 0 ? (
        <>
          <p className={styles.intakeIntro}>
            {toFix.length === 1 ? "One answer is still needed" : `${toFix.length} answers are still needed`}{" "}
            before you can send this to the clinic.
          </p>
          <ul className={styles.review}>
            {INTAKE_SECTIONS.filter((s) => bySection.has(s.id)).map((s) => (
              <li key={s.id}>
                <p className={styles.reviewSection}>{s.title}</p>
                <ul>
                  {(bySection.get(s.id) ?? []).map((id) => (
                    <li key={id}>
                      {questionLabel(id)}
                      {errors[id] ? <span className="kw-field__error"> {errors[id]}</span> : null}
                    </li>
                  ))}
                </ul>
                <Button variant="secondary" onClick={() => onGoTo(s.id)}>
                  Go to {s.title.toLowerCase()}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className={styles.intakeIntro}>
          All done. When you send your answers, the clinic checks them for safety and your therapist reads
          them before your visit.
          {hasSubmitted && !editable
            ? " They will be kept as a new version; the earlier one stays on your record."
            : null}
        </p>
      )}
      {submit.error ? (
        <Alert tone="danger">
          {submit.error instanceof ApiError
            ? submit.error.message
            : "Could not send your answers. Please try again."}
        </Alert>
      ) : null}
      <div className={styles.intakeNav}>
        <Button variant="secondary" onClick={onBack}>
          Back
        </Button>
        <Button disabled={toFix.length > 0 || submit.isPending} onClick={() => submit.mutate()}>
          {submit.isPending ? "Sending…" : "Send to the clinic"}
        </Button>
      </div>
    </div>
  );
}

function IntakeResult({ intake, onEdit }: { intake: MyIntake; onEdit: () => void }) {
  const consent = useQuery({ queryKey: ["my-consent"], queryFn: () => get<MyConsent>("/api/me/consent") });
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const submitted = intake.submitted;
  if (!submitted) {
    return (
      <div className={styles.intake}>
        <Alert tone="info">You haven't sent your answers yet.</Alert>
        <Button onClick={onEdit}>Start the questionnaire</Button>
      </div>
    );
  }
  const { screening } = submitted;
  const signed = consent.data?.status.signedCurrent;
  return (
    <div className={styles.intake}>
      {screening.outcome === "stop" ? (
        <StopAdvice redFlags={screening.redFlags} emergency={screening.emergency} headingLevel={1} focus />
      ) : (
        <>
          <p className="kw-eyebrow">Health questionnaire</p>
          <h1 ref={headingRef} tabIndex={-1}>
            {screening.outcome === "hold"
              ? "Thank you. One thing before your visit"
              : "Thank you, that's everything"}
          </h1>
          <p className={styles.intakeLead}>
            Sent{" "}
            {new Date(submitted.submittedAt).toLocaleString("en-US", {
              dateStyle: "medium",
              timeStyle: "short",
            })}
            . Your therapist will read it before your visit.
          </p>
          <HoldAdvice holds={screening.holds} />
          <CautionAdvice cautions={screening.cautions} />
        </>
      )}
      {screening.outcome !== "stop" && signed === false ? (
        <AdvicePanel tone="next">
          <h2>Next: the consent form</h2>
          <p>Please read how the treatment works and sign with your name. It takes two minutes.</p>
          <ButtonLink to="/app/consent">Read and sign</ButtonLink>
        </AdvicePanel>
      ) : null}
      {intake.status === "changed" ? (
        <Alert tone="warning">You have changes you haven't sent yet.</Alert>
      ) : null}
      <div className={styles.intakeNav}>
        <Button variant="secondary" onClick={onEdit}>
          {intake.status === "changed" ? "Continue my changes" : "Change my answers"}
        </Button>
        <Link className="kw-button kw-button--ghost" to="/app">
          Back to my page
        </Link>
      </div>
    </div>
  );
}
