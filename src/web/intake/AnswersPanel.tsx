import type { ClinicalIntake } from "../../core/api/intake";
import { isQuestionAsked } from "../../core/api/intake";
import { INTAKE_QUESTIONS, INTAKE_SECTIONS, type IntakeQuestion } from "../../core/intake";
import { Card } from "../ui/components";
import { cx } from "../ui/cx";
import { answerAt } from "./draft";
import styles from "./StaffIntake.module.css";
import { formatDate, formatDateTime } from "./staff-format";

function optionLabel(question: IntakeQuestion, value: unknown): string {
  if ("options" in question) return question.options.find((o) => o.value === value)?.label ?? String(value);
  return String(value);
}

/** An answer in plain words, for staff reading the intake. */
function formatAnswer(question: IntakeQuestion, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  switch (question.kind) {
    case "short-text":
    case "long-text":
      return String(value);
    case "scale":
      return `${value}/10`;
    case "number":
      return `${value} ${question.unit}`;
    case "duration":
      return `${answerAt(value, "amount")} ${answerAt(value, "unit")}`;
    case "single-choice":
      return optionLabel(question, value);
    case "multi-choice":
      return Array.isArray(value) ? value.map((v) => optionLabel(question, v)).join(", ") : null;
    case "yes-no":
      return value === true ? "Yes" : "No";
    case "yes-no-detail": {
      const detail = answerAt(value, "detail");
      return answerAt(value, "answer") === true ? `Yes${detail ? `: ${detail}` : ""}` : "No";
    }
    case "body-map":
      return null;
  }
}

export function AnswersPanel({
  data,
  onVersion,
}: {
  data: ClinicalIntake;
  onVersion: (version: number | undefined) => void;
}) {
  const intake = data.intake;
  if (!intake) return null;
  const answers = intake.answers;
  const latest = data.versions[data.versions.length - 1]?.version;
  return (
    <Card title="Intake answers">
      <p className="kw-muted">
        Version {intake.version}, submitted {formatDateTime(intake.submittedAt)}.
        {data.draft?.hasChanges ? " The client has changes they have not submitted yet." : ""}
      </p>
      {data.versions.length > 1 ? (
        <div className={cx(styles.versionPick, "kw-field")}>
          <label htmlFor="kw-intake-version">Version</label>
          <select
            id="kw-intake-version"
            className="kw-input"
            value={intake.version}
            onChange={(e) => {
              const v = Number(e.target.value);
              onVersion(v === latest ? undefined : v);
            }}
          >
            {[...data.versions].reverse().map((v) => (
              <option key={v.version} value={v.version}>
                Version {v.version} ({formatDate(v.submittedAt)}){v.version === latest ? ", latest" : ""}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {INTAKE_SECTIONS.map((section) => {
        const asked = INTAKE_QUESTIONS.filter(
          (q) => q.section === section.id && q.kind !== "body-map" && isQuestionAsked(q, answers),
        );
        const health = asked.filter((q) => q.kind === "yes-no-detail");
        const yes = health.filter((q) => answerAt(answerAt(answers, q.id), "answer") === true);
        const rest = asked.filter((q) => q.kind !== "yes-no-detail");
        if (rest.length === 0 && health.length === 0) return null;
        return (
          <section key={section.id} className={styles.answers}>
            <h3>{section.title}</h3>
            <dl className={styles.answersList}>
              {rest.map((q) => {
                const text = formatAnswer(q, answerAt(answers, q.id));
                return text ? (
                  <div key={q.id}>
                    <dt>{q.question}</dt>
                    <dd>{text}</dd>
                  </div>
                ) : null;
              })}
              {yes.map((q) => (
                <div key={q.id} className={styles.answersYes}>
                  <dt>{q.question}</dt>
                  <dd>{formatAnswer(q, answerAt(answers, q.id))}</dd>
                </div>
              ))}
            </dl>
            {health.length > 0 ? (
              <p className={cx(styles.answersNo, "kw-muted")}>
                {yes.length === 0
                  ? `No to all ${health.length} questions.`
                  : `No to the other ${health.length - yes.length} questions.`}
              </p>
            ) : null}
          </section>
        );
      })}
    </Card>
  );
}
