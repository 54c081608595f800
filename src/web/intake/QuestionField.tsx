/**
 * One intake question, drawn from its description in core/intake (INTAKE_QUESTIONS): the form is
 * generated, never written by hand, so it cannot drift from the schema. Big targets (≥ 44 px),
 * native inputs inside fieldsets, the error under the question it belongs to.
 */
import { type ReactNode, useId, useState } from "react";
import { regionById } from "../../core/body/regions";
import type { IntakeQuestion } from "../../core/intake";
import { CAUTION_RULES, type ScreeningRule, screeningRuleById } from "../../core/screening";
import { BodyMap, type BodyMapView } from "../body";
import { cx } from "../ui/cx";
import { answerAt } from "./draft";
import styles from "./Intake.module.css";

type Answer = unknown;

interface FieldProps {
  readonly question: IntakeQuestion;
  readonly value: Answer;
  readonly onChange: (value: Answer) => void;
  readonly error?: string | undefined;
}

/** Zod's generic wording ("Invalid input: expected number…") is not for a person in pain on a phone. */
function friendly(message: string | undefined): string | undefined {
  if (!message) return undefined;
  return message.startsWith("Invalid input") ? "Please check this answer." : message;
}

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className={cx(styles.qError, "kw-field__error")} id={id}>
      {message}
    </p>
  ) : null;
}

function Help({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <p className={styles.qHelp} id={id}>
      {text}
    </p>
  ) : null;
}

/** A group of choices (radios or checkboxes) with the question as its legend. */
function ChoiceGroup({
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

function Choice({
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

function YesNo({
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
function cautionAnsweredBy(questionId: string): ScreeningRule | undefined {
  return CAUTION_RULES.find((rule) => "answeredBy" in rule && rule.answeredBy === questionId);
}

function TextQuestion({ question, value, onChange, error }: FieldProps) {
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

function NumberQuestion({ question, value, onChange, error }: FieldProps) {
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

function ScaleQuestion({ question, value, onChange, error }: FieldProps) {
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

function DurationQuestion({ question, value, onChange, error }: FieldProps) {
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

function ChoiceQuestion({ question, value, onChange, error }: FieldProps) {
  const name = useId();
  if (question.kind !== "single-choice" && question.kind !== "multi-choice") return null;
  const multi = question.kind === "multi-choice";
  const chosen = multi ? (Array.isArray(value) ? (value as string[]) : []) : [];
  const caution = multi ? undefined : cautionAnsweredBy(question.id);
  return (
    <>
      <ChoiceGroup legend={question.question} help={question.help} error={error}>
        {() =>
          question.options.map((option) =>
            multi ? (
              <Choice
                key={option.value}
                type="checkbox"
                name={name}
                checked={chosen.includes(option.value)}
                onChange={() => {
                  const next = chosen.includes(option.value)
                    ? chosen.filter((v) => v !== option.value)
                    : [...chosen, option.value];
                  onChange(next.length === 0 ? undefined : next);
                }}
              >
                {option.label}
              </Choice>
            ) : (
              <Choice
                key={option.value}
                type="radio"
                name={name}
                checked={value === option.value}
                onChange={() => onChange(option.value)}
              >
                {option.label}
              </Choice>
            ),
          )
        }
      </ChoiceGroup>
      {caution && value === "yes" ? <ScreeningNote rule={caution} /> : null}
    </>
  );
}

function YesNoQuestion({ question, value, onChange, error }: FieldProps) {
  const name = useId();
  if (question.kind !== "yes-no") return null;
  const caution = cautionAnsweredBy(question.id);
  return (
    <>
      <ChoiceGroup legend={question.question} help={question.help} error={error} layout="row">
        {() => (
          <YesNo name={name} value={typeof value === "boolean" ? value : undefined} onChange={onChange} />
        )}
      </ChoiceGroup>
      {caution && value === true ? <ScreeningNote rule={caution} /> : null}
    </>
  );
}

function YesNoDetailQuestion({ question, value, onChange, error }: FieldProps) {
  const name = useId();
  const detailId = useId();
  if (question.kind !== "yes-no-detail") return null;
  const answer = answerAt(value, "answer");
  const detail = answerAt(value, "detail");
  const rule = screeningRuleById(question.screening.ruleId);
  const update = (next: { answer?: boolean; detail?: string | undefined }) => {
    const merged = { answer, detail, ...next };
    const clean = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined));
    onChange(Object.keys(clean).length === 0 ? undefined : clean);
  };
  return (
    <div
      className={cx(
        styles.qHealth,
        answer === true && styles.isYes,
        answer === true && question.screening.kind === "red-flag" && styles.isRedFlag,
      )}
    >
      <ChoiceGroup legend={question.question} help={question.help} error={error} layout="row">
        {() => (
          <YesNo
            name={name}
            value={typeof answer === "boolean" ? answer : undefined}
            onChange={(yes) => update({ answer: yes })}
          />
        )}
      </ChoiceGroup>
      {answer === true ? (
        <>
          {rule ? <ScreeningNote rule={rule} /> : null}
          <div className={cx(styles.q, styles.qDetail)}>
            <label className={cx(styles.qLabel, styles.qLabelSmall)} htmlFor={detailId}>
              Tell us more <span className={styles.qOptional}>(optional)</span>
            </label>
            <textarea
              id={detailId}
              className="kw-input kw-textarea kw-textarea--short"
              rows={2}
              maxLength={question.detailMaxLength}
              placeholder={question.detailPrompt}
              value={typeof detail === "string" ? detail : ""}
              onChange={(e) => update({ detail: e.target.value === "" ? undefined : e.target.value })}
            />
          </div>
        </>
      ) : null}
    </div>
  );
}

type Area = { id: string; intensity: number };

function BodyMapQuestion({ question, value, onChange, error }: FieldProps) {
  const [view, setView] = useState<BodyMapView>("front");
  const headingId = useId();
  if (question.kind !== "body-map") return null;
  const areas: Area[] = Array.isArray(value) ? (value as Area[]) : [];
  const marks = Object.fromEntries(areas.map((a) => [a.id, a.intensity]));
  const setMarks = (next: Readonly<Record<string, number>>) => {
    // Keep the order in which areas were marked; new ones at the end.
    const kept = areas
      .filter((a) => next[a.id] !== undefined)
      .map((a) => ({ id: a.id, intensity: next[a.id] as number }));
    const added = Object.entries(next)
      .filter(([id]) => !areas.some((a) => a.id === id))
      .map(([id, intensity]) => ({ id, intensity }));
    const list = [...kept, ...added];
    onChange(list.length === 0 ? undefined : list);
  };
  return (
    <section className={styles.q} aria-labelledby={headingId}>
      <h3 className={styles.qLabel} id={headingId}>
        {question.question}
      </h3>
      <p className={styles.qHelp}>{question.help}</p>
      <BodyMap
        mode="mark"
        view={view}
        onViewChange={setView}
        marks={marks}
        onMarksChange={setMarks}
        label="Body map: where you feel it"
      />
      {areas.length > 0 ? (
        <div className={styles.qAreas}>
          <p className={styles.qAreasTitle}>You marked</p>
          <ul>
            {areas.map((a) => {
              const label = regionById(a.id)?.label ?? a.id;
              return (
                <li key={a.id}>
                  <span
                    className={styles.qAreasSwatch}
                    style={{ background: `var(--kw-pain-${a.intensity})` }}
                    aria-hidden="true"
                  />
                  <span className={styles.qAreasLabel}>
                    {label} <span className="kw-muted">· {a.intensity}/10</span>
                  </span>
                  <button
                    type="button"
                    className={styles.qAreasRemove}
                    aria-label={`Remove ${label}`}
                    onClick={() => {
                      const { [a.id]: _removed, ...rest } = marks;
                      setMarks(rest);
                    }}
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
        </div>
      ) : null}
      {error ? <p className={cx(styles.qError, "kw-field__error")}>{error}</p> : null}
    </section>
  );
}

export function QuestionField(props: FieldProps) {
  const withFriendlyError = { ...props, error: friendly(props.error) };
  switch (props.question.kind) {
    case "short-text":
    case "long-text":
      return <TextQuestion {...withFriendlyError} />;
    case "number":
      return <NumberQuestion {...withFriendlyError} />;
    case "scale":
      return <ScaleQuestion {...withFriendlyError} />;
    case "duration":
      return <DurationQuestion {...withFriendlyError} />;
    case "single-choice":
    case "multi-choice":
      return <ChoiceQuestion {...withFriendlyError} />;
    case "yes-no":
      return <YesNoQuestion {...withFriendlyError} />;
    case "yes-no-detail":
      return <YesNoDetailQuestion {...withFriendlyError} />;
    case "body-map":
      return <BodyMapQuestion {...withFriendlyError} />;
  }
}
