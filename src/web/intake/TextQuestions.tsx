/** Questions answered by typing or picking a number: text, number, 0-10 scale, how long. */
import { useId } from "react";
import { cx } from "../ui/cx";
import { answerAt } from "./draft";
import styles from "./Intake.module.css";
import { Choice, ChoiceGroup, ErrorText, type FieldProps, Help } from "./question-parts";

export function TextQuestion({ question, value, onChange, error }: FieldProps) {
  const id = useId();
  if (question.kind !== "short-text" && question.kind !== "long-text") return null;
  const describedBy = [question.help ? `${id}-help` : "", error ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  const common = {
    id,
    className: `kw-input${question.kind === "long-text" ? " kw-textarea" : ""}`,
    value: typeof value === "string" ? value : "",
    maxLength: question.maxLength,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": error ? true : undefined,
  };
  return (
    <div className={styles.q}>
      <label className={styles.qLabel} htmlFor={id}>
        {question.question}
        {question.required ? null : <span className={styles.qOptional}> (optional)</span>}
      </label>
      <Help id={`${id}-help`} text={question.help} />
      {question.kind === "long-text" ? (
        <textarea
          {...common}
          rows={4}
          onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
        />
      ) : (
        <input
          {...common}
          type="text"
          onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
        />
      )}
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}

function toNumber(text: string): number | string | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

export function NumberQuestion({ question, value, onChange, error }: FieldProps) {
  const id = useId();
  if (question.kind !== "number") return null;
  return (
    <div className={styles.q}>
      <label className={styles.qLabel} htmlFor={id}>
        {question.question}
      </label>
      <Help id={`${id}-help`} text={question.help} />
      <span className={styles.qNumber}>
        <input
          id={id}
          className="kw-input"
          type="number"
          inputMode="numeric"
          min={question.min}
          max={question.max}
          value={typeof value === "number" || typeof value === "string" ? value : ""}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => onChange(toNumber(e.target.value))}
        />
        <span className={styles.qUnit}>{question.unit}</span>
      </span>
      <ErrorText id={`${id}-error`} message={error} />
    </div>
  );
}

export function ScaleQuestion({ question, value, onChange, error }: FieldProps) {
  const name = useId();
  if (question.kind !== "scale") return null;
  const levels = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
  return (
    <ChoiceGroup legend={question.question} help={question.help} error={error} layout="scale">
      {() => (
        <>
          {levels.map((level) => (
            <Choice
              key={level}
              type="radio"
              name={name}
              checked={value === level}
              onChange={() => onChange(level)}
              className={cx(styles.choiceLevel, styles[`isLevel${level}`])}
            >
              {level}
            </Choice>
          ))}
          <span className={styles.scaleEnds} aria-hidden="true">
            <span>
              {question.min} = {question.minLabel}
            </span>
            <span>
              {question.max} = {question.maxLabel}
            </span>
          </span>
        </>
      )}
    </ChoiceGroup>
  );
}

const UNIT_LABELS: Record<string, string> = {
  days: "Days",
  weeks: "Weeks",
  months: "Months",
  years: "Years",
};

export function DurationQuestion({ question, value, onChange, error }: FieldProps) {
  const id = useId();
  if (question.kind !== "duration") return null;
  const amount = answerAt(value, "amount");
  const unit = answerAt(value, "unit");
  const update = (next: { amount?: unknown; unit?: unknown }) => {
    const merged = { amount, unit, ...next };
    const clean = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
    onChange(Object.keys(clean).length === 0 ? undefined : clean);
  };
  return (
    <ChoiceGroup legend={question.question} help={question.help} error={error} layout="row">
      {() => (
        <>
          <span className={styles.qDurationAmount}>
            <label className="kw-visually-hidden" htmlFor={id}>
              How many
            </label>
            <input
              id={id}
              className="kw-input"
              type="number"
              inputMode="numeric"
              min={1}
              max={999}
              placeholder="e.g. 3"
              value={typeof amount === "number" || typeof amount === "string" ? amount : ""}
              onChange={(e) => update({ amount: toNumber(e.target.value) })}
            />
          </span>
          {question.units.map((u) => (
            <Choice
              key={u}
              type="radio"
              name={`${id}-unit`}
              checked={unit === u}
              onChange={() => update({ unit: u })}
            >
              {UNIT_LABELS[u] ?? u}
            </Choice>
          ))}
        </>
      )}
    </ChoiceGroup>
  );
}
