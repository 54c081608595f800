/** The pieces every intake question is built from: help, error, choices, yes/no, screening notes. */
import { type ReactNode, useId } from "react";
import type { IntakeQuestion, IntakeWording } from "../../core/intake";
import { CAUTION_RULES, type ScreeningRule } from "../../core/screening";
import { cx } from "../ui/cx";
import styles from "./Intake.module.css";

export type Answer = unknown;

export interface FieldProps {
  readonly question: IntakeQuestion;
  readonly value: Answer;
  readonly onChange: (value: Answer) => void;
  readonly error?: string | undefined;
  /** Who the words speak to (the client, or staff about the client); the client when absent. */
  readonly wording?: IntakeWording;
}

export function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className={cx(styles.qError, "kw-field__error")} id={id}>
      {message}
    </p>
  ) : null;
}

export function Help({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className={styles.qHelp} id={id}>
      {text}
    </p>
  ) : null;
}

/** A group of choices (radios or checkboxes) with the question as its legend. */
export function ChoiceGroup({
  legend,
  help,
  error,
  children,
  layout = "stack",
}: {
  legend: string;
  help?: string | undefined;
  error?: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
  layout?: "stack" | "row" | "scale";
}) {
  const id = useId();
  const describedBy =
    [help ? `${id}-help` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={styles.q} aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className={styles.qLabel}>{legend}</legend>
      <Help id={`${id}-help`} text={help} />
      <div
        className={cx(
          styles.choices,
          layout === "row" && styles.choicesRow,
          layout === "scale" && styles.choicesScale,
        )}
      >
        {children(describedBy)}
      </div>
      <ErrorText id={`${id}-error`} message={error} />
    </fieldset>
  );
}

export function Choice({
  type,
  name,
  checked,
  onChange,
  children,
  className,
}: {
  type: "radio" | "checkbox";
  name: string;
  checked: boolean;
  onChange: () => void;
  children: ReactNode;
  className?: string;
}) {
  return (
    <label className={cx(styles.choice, checked && styles.isChecked, className)}>
      <input type={type} name={name} checked={checked} onChange={onChange} />
      <span>{children}</span>
    </label>
  );
}

export function YesNo({
  name,
  value,
  onChange,
}: {
  name: string;
  value: boolean | undefined;
  onChange: (answer: boolean) => void;
}) {
  return (
    <>
      <Choice type="radio" name={name} checked={value === true} onChange={() => onChange(true)}>
        Yes
      </Choice>
      <Choice type="radio" name={name} checked={value === false} onChange={() => onChange(false)}>
        No
      </Choice>
    </>
  );
}

/** What a "yes" means, said at once: a red flag loudly, a hold plainly, a caution kindly. */
export function ScreeningNote({ rule }: { rule: ScreeningRule }) {
  if (rule.kind === "red-flag") {
    return (
      <div className={cx(styles.qNote, styles.qNoteStop)} role="alert">
        <strong>{rule.urgency === "emergency" ? "Get medical help now." : "See a doctor first."}</strong>{" "}
        {rule.adviceForClient}
      </div>
    );
  }
  if (rule.kind === "hold") {
    return (
      <div className={cx(styles.qNote, styles.qNoteHold)} role="status">
        {rule.adviceForClient}
      </div>
    );
  }
  return (
    <div className={cx(styles.qNote, styles.qNoteCaution)} role="status">
      {rule.adviceForClient}
    </div>
  );
}

/** The caution a plain yes/no question answers (blood thinners, pregnancy), if any. */
export function cautionAnsweredBy(questionId: string): ScreeningRule | undefined {
  return CAUTION_RULES.find((rule) => "answeredBy" in rule && rule.answeredBy === questionId);
}
