/**
 * The intake questionnaire (F5), phone first: one section per step, generated from INTAKE_QUESTIONS,
 * saved as the client goes (on the device at once, on the server after a pause), with the body map for
 * where it hurts. A red-flag "yes" stops the flow with advice to get care now; after submitting, the
 * client sees what the screening means for them. The step is in the URL, so a reload lands on it.
 * The owner or a therapist fills in the same steps for a client by phone (StaffIntakeEntryPage,
 * `forClient`): saved to that client's draft, and back to the client page once submitted.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import type { MyIntake } from "../../core/api/intake";
import { CLIENT_WORDING, missingIntakeFields } from "../../core/intake";
import { screenIntake } from "../../core/screening";
import { ApiError } from "../api/client";
import { useSession } from "../auth/session";
import { marksList, parseMarks } from "../finder/marks-url";
import { Alert, Loading } from "../ui/components";
import { intakeKeys, myIntakeQuery } from "./api";
import { type Backup, backupKey, readBackup, startingAnswers, useAutosave } from "./autosave";
import { type Answers, isStepId, STEPS, type StepId, validPart, withAnswer, withFinderAreas } from "./draft";
import styles from "./Intake.module.css";
import { IntakeResult } from "./IntakeResult";
import { ReviewStep } from "./ReviewStep";
import { SaveStatus } from "./SaveStatus";
import { AdviceUndo, StopAdvice } from "./ScreeningAdvice";
import { SectionStep } from "./SectionStep";

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
  const query = useQuery(myIntakeQuery);
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

/** The client staff fill the intake in for (by phone); absent when clients fill in their own. */
export interface IntakeFor {
  id: string;
  firstName: string;
}

export function IntakeFlow({
  intake,
  storageKey,
  forClient,
}: {
  intake: MyIntake;
  storageKey: string;
  forClient?: IntakeFor;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const cacheKey = forClient ? intakeKeys.entry(forClient.id) : intakeKeys.mine;
  const clientPage = forClient ? `/app/clients/${encodeURIComponent(forClient.id)}` : "";
  const [params, setParams] = useSearchParams();
  // The starting point is read once; later renders work on the form's own state.
  const [start] = useState(() => {
    const picked = startingAnswers(
      { answers: intake.answers as Answers, savedAt: intake.savedAt },
      readLocalBackup(storageKey),
    );
    // Areas marked in the pain finder ride along as `?regions=temple-left:6,…` (through booking too).
    const seeded = withFinderAreas(picked.answers, marksList(parseMarks(params.get("regions"))));
    return seeded ? { answers: seeded, fromBackup: true } : picked;
  });
  const [answers, setAnswers] = useState<Answers>(start.answers);
  const autosave = useAutosave(
    storageKey,
    { answers: start.answers, savedAt: intake.savedAt, unsaved: start.fromBackup },
    (saved) =>
      queryClient.setQueryData<MyIntake>(cacheKey, (old) => (old ? { ...old, status: saved.status } : old)),
    forClient?.id,
  );
  const { errors } = useMemo(() => validPart(answers), [answers]);
  const missing = useMemo(() => missingIntakeFields(validPart(answers).draft), [answers]);

  const requested = params.get("step");
  // Staff open the form to fill it in; the result they look at is the client page.
  const asked: View = isView(requested)
    ? requested
    : !forClient && (intake.status === "submitted" || intake.status === "changed")
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

  if (asked === "result" && forClient) return <Navigate to={clientPage} replace />;
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
          {forClient ? (
            <p>
              Tell {forClient.firstName} this advice now. The answers are saved and the red flag shows on the
              client page; treatment waits until a doctor has seen them.
            </p>
          ) : (
            <p>
              We've saved your answers, so the clinic can see what you told us. Once a doctor has seen you,
              the clinic can talk with you about treatment.
            </p>
          )}
          <AdviceUndo onClick={() => go("safety-check")}>
            {forClient
              ? "Answered yes by mistake: change the answers"
              : "I answered yes by mistake: change my answers"}
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
        <p className="kw-eyebrow">
          {forClient ? `Intake for ${forClient.firstName}, by phone` : "Before your first visit"}
        </p>
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
          forClient={forClient}
          onBack={() => go("goals")}
          onGoTo={go}
          onSubmitted={(result) => {
            queryClient.setQueryData(cacheKey, result);
            try {
              window.localStorage.removeItem(storageKey);
            } catch {
              // Nothing to clear.
            }
            if (forClient) {
              void queryClient.invalidateQueries({ queryKey: intakeKeys.client(forClient.id) });
              void queryClient.invalidateQueries({ queryKey: ["readiness"] });
              navigate(clientPage);
            } else go("result");
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
          wording={forClient ? { to: "staff", clientName: forClient.firstName } : CLIENT_WORDING}
          editNote={
            stepIndex === 0 && intake.submitted
              ? forClient
                ? intake.editable
                  ? `${forClient.firstName} has submitted an intake; submitting again updates it (no visit has used it yet).`
                  : `A visit has used ${forClient.firstName}'s intake; what you submit is kept as a new version.`
                : intake.editable
                  ? "You can change your answers until your visit. Send them again at the end."
                  : "Your therapist has already used your answers at a visit. Changes you send now are kept as a new version."
              : undefined
          }
        />
      )}
    </div>
  );
}
