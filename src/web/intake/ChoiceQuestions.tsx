/** Questions answered by choosing: one or several options, yes/no, yes/no with detail (health history). */
import { useId } from "react";
import { screeningRuleById } from "../../core/screening";
import { cx } from "../ui/cx";
import { answerAt } from "./draft";
import styles from "./Intake.module.css";
import {
  Choice,
  ChoiceGroup,
  cautionAnsweredBy,
  type FieldProps,
  ScreeningNote,
  YesNo,
} from "./question-parts";

export function ChoiceQuestion({ question, value, onChange, error }: FieldProps) {
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

export function YesNoQuestion({ question, value, onChange, error }: FieldProps) {
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

export function YesNoDetailQuestion({ question, value, onChange, error }: FieldProps) {
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
