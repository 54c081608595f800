import { type FormEvent, useId, useState } from "react";
import type { RedFlagQuestion } from "../../core/screening/red-flag-questions";
import { cx } from "../ui/cx";
import styles from "./Finder.module.css";
import type { RedFlagAnswers } from "./red-flags";

interface SafetyQuestionsProps {
  readonly questions: readonly RedFlagQuestion[];
  readonly answers: RedFlagAnswers;
  readonly onAnswer: (id: string, yes: boolean) => void;
  /** Called when every question shown has an answer and the person moves on. */
  readonly onDone: () => void;
  readonly doneLabel: string;
}

/**
 * Yes/no red-flag questions, one fieldset each. A "yes" is acted on at once by the page (it stops
 * the finder); "no" answers are kept and the person moves on with the button once all are answered.
 */
export function SafetyQuestions({ questions, answers, onAnswer, onDone, doneLabel }: SafetyQuestionsProps) {
  const id = useId();
  const [missing, setMissing] = useState<number | null>(null);
  const unanswered = questions.filter((q) => !Object.hasOwn(answers, q.id));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (unanswered.length > 0) {
      setMissing(unanswered.length);
      document.getElementById(`${id}-${unanswered[0]?.id}-no`)?.focus();
      return;
    }
    setMissing(null);
    onDone();
  }

  return (
    <form onSubmit={submit} noValidate>
      <ol className={styles.safetyList}>
        {questions.map((question, index) => {
          const answer = answers[question.id];
          const helpId = question.help ? `${id}-${question.id}-help` : undefined;
          const isMissing = missing !== null && answer === undefined;
          return (
            <li key={question.id} className={cx(styles.safetyItem, isMissing && styles.isMissing)}>
              <fieldset className={styles.safetyFieldset} aria-describedby={helpId}>
                <legend className={styles.safetyQuestion}>
                  <span className={styles.safetyNumber} aria-hidden="true">
                    {index + 1}
                  </span>
                  {question.question}
                </legend>
                {question.help ? (
                  <p className={styles.safetyHelp} id={helpId}>
                    {question.help}
                  </p>
                ) : null}
                <div className={styles.safetyChoices}>
                  {(["no", "yes"] as const).map((choice) => {
                    const value = choice === "yes";
                    const inputId = `${id}-${question.id}-${choice}`;
                    return (
                      <label
                        key={choice}
                        htmlFor={inputId}
                        className={cx(styles.choice, choice === "yes" ? styles.choiceYes : styles.choiceNo)}
                      >
                        <input
                          id={inputId}
                          type="radio"
                          name={`${id}-${question.id}`}
                          value={choice}
                          checked={answer === value}
                          onChange={() => onAnswer(question.id, value)}
                        />
                        <span className={styles.choiceTick} aria-hidden="true">
                          ✓
                        </span>
                        <span>{choice === "yes" ? "Yes" : "No"}</span>
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {missing !== null && unanswered.length > 0 ? (
        <p className={styles.safetyError} role="alert">
          Please answer{" "}
          {unanswered.length === 1 ? "the last question" : `the ${unanswered.length} questions left`} first.
        </p>
      ) : null}
      <button type="submit" className={cx(styles.safetyDone, "kw-button kw-button--primary")}>
        {doneLabel}
      </button>
    </form>
  );
}
