import { useMutation } from "@tanstack/react-query";
import type { RefObject } from "react";
import { type MyIntake, withoutUnaskedAnswers } from "../../core/api/intake";
import {
  INTAKE_QUESTIONS,
  INTAKE_SECTIONS,
  type IntakeSectionId,
  type IntakeWording,
  worded,
  wordSection,
} from "../../core/intake";
import { ApiError } from "../api/client";
import { Alert, Button } from "../ui/components";
import { submitIntake } from "./api";
import { type Answers, type StepId, sectionOf, validPart } from "./draft";
import styles from "./Intake.module.css";

function questionLabel(id: string, wording: IntakeWording): string {
  const question = INTAKE_QUESTIONS.find((q) => q.id === id)?.question;
  return question ? worded(question, wording) : id;
}

/** "Go to your pain"; a title that starts with the client's name ("Anna's pain") keeps its capital. */
function goToLabel(title: string, wording: IntakeWording): string {
  const named = wording.to === "staff" && title.startsWith(wording.clientName);
  return `Go to ${named ? title : title.charAt(0).toLowerCase() + title.slice(1)}`;
}

export function ReviewStep({
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
  forClient,
}: {
  answers: Answers;
  missing: string[];
  errors: Readonly<Record<string, string>>;
  editable: boolean;
  hasSubmitted: boolean;
  headingRef: RefObject<HTMLHeadingElement | null>;
  flush: () => Promise<boolean>;
  onBack: () => void;
  onGoTo: (step: StepId) => void;
  onSubmitted: (result: MyIntake) => void;
  /** Set when staff enter the intake for a client (by phone): their id and first name. */
  forClient?: { id: string; firstName: string };
}) {
  const wording: IntakeWording = forClient
    ? { to: "staff", clientName: forClient.firstName }
    : { to: "client" };
  const invalid = Object.keys(errors);
  const toFix = [...new Set([...invalid, ...missing])];
  const submit = useMutation({
    mutationFn: async () => {
      await flush();
      return submitIntake(withoutUnaskedAnswers(validPart(answers).draft), forClient?.id);
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
            before {forClient ? "the intake can be submitted" : "you can send this to the clinic"}.
          </p>
          <ul className={styles.review}>
            {INTAKE_SECTIONS.filter((s) => bySection.has(s.id))
              .map((s) => wordSection(s, wording))
              .map((s) => (
                <li key={s.id}>
                  <p className={styles.reviewSection}>{s.title}</p>
                  <ul>
                    {(bySection.get(s.id) ?? []).map((id) => (
                      <li key={id}>
                        {questionLabel(id, wording)}
                        {errors[id] ? <span className="kw-field__error"> {errors[id]}</span> : null}
                      </li>
                    ))}
                  </ul>
                  <Button variant="secondary" onClick={() => onGoTo(s.id)}>
                    {goToLabel(s.title, wording)}
                  </Button>
                </li>
              ))}
          </ul>
        </>
      ) : forClient ? (
        <p className={styles.intakeIntro}>
          All done. Submitting screens {forClient.firstName}'s answers for safety, as when clients send them
          themselves; holds and red flags show on the client page.
          {hasSubmitted && !editable
            ? " They are kept as a new version; the earlier one stays on the record."
            : null}
        </p>
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
          {submit.isPending ? "Sending…" : forClient ? "Submit the intake" : "Send to the clinic"}
        </Button>
      </div>
    </div>
  );
}
