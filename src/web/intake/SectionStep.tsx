import type { FormEvent, ReactNode, RefObject } from "react";
import {
  INTAKE_SECTIONS,
  type IntakeSectionId,
  type IntakeWording,
  wordQuestion,
  wordSection,
} from "../../core/intake";
import { Alert, Button, ButtonLink } from "../ui/components";
import { type Answers, answerAt, questionsFor } from "./draft";
import styles from "./Intake.module.css";
import { QuestionField } from "./QuestionField";

export function SectionStep({
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
  wording,
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
  /** The client's own words, or staff's about the client (a phone intake): same steps, other wording. */
  wording: IntakeWording;
}) {
  const found = INTAKE_SECTIONS.find((s) => s.id === section);
  const info = found ? wordSection(found, wording) : undefined;
  const questions = questionsFor(section, answers).map((q) => wordQuestion(q, wording));
  const forStaff = wording.to === "staff";
  return (
    <form className={styles.intakeForm} onSubmit={onSubmit} noValidate>
      <h1 ref={headingRef} tabIndex={-1}>
        {info?.title}
      </h1>
      {isFirst ? (
        <p className={styles.intakeLead}>
          {forStaff
            ? `About ten minutes. The answers are saved as you go, so you can stop and come back; only the clinic staff caring for ${wording.clientName} can see them.`
            : "About ten minutes. Your answers are saved as you go, so you can stop and come back. Only the clinic staff caring for you can see them."}
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
          wording={wording}
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
          {section === "goals" ? (forStaff ? "Check the answers" : "Check my answers") : "Next"}
        </button>
      </div>
    </form>
  );
}
