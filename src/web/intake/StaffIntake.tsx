/**
 * A client's intake as staff see it before the consultation (F5): screening flags first and loud,
 * recording a doctor's clearance for a hold, whether a first visit could be confirmed, pain scores,
 * the answers, where it hurts on the body map, and the finder's ranking for those regions.
 * Every load is one audited read on the server.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { ClearanceRecord, ClinicalIntake, StaffIntake, StaffScreening } from "../../core/api/intake";
import { isQuestionAsked } from "../../core/api/intake";
import { regionById } from "../../core/body/regions";
import { INTAKE_QUESTIONS, INTAKE_SECTIONS, type IntakeQuestion } from "../../core/intake";
import { ApiError, get, post } from "../api/client";
import { localDateOf } from "../appointments/time";
import { BODY_MAP_VIEW_IDS, BodyMap, type BodyMapView, viewsShowingRegion } from "../body";
import { FinderResults } from "../finder/FinderResults";
import { Alert, Button, Card, Loading, TextField } from "../ui/components";
import { cx } from "../ui/cx";
import { answerAt } from "./draft";
import styles from "./StaffIntake.module.css";

export function staffIntakeKey(clientId: string, version?: number) {
  return ["client-intake", clientId, version ?? "latest"] as const;
}

function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-US", { dateStyle: "medium" });
}

function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short" });
}

export function StaffIntakeSections({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const [version, setVersion] = useState<number | undefined>(undefined);
  const query = useQuery({
    queryKey: staffIntakeKey(clientId, version),
    queryFn: () =>
      get<StaffIntake>(
        `/api/clients/${encodeURIComponent(clientId)}/intake${version ? `?version=${version}` : ""}`,
      ),
    retry: false,
  });
  if (query.isPending) return <Loading label="Loading the intake…" />;
  if (query.error) {
    return (
      <Alert tone="danger">
        {query.error instanceof ApiError ? query.error.message : "Could not load the intake."}
      </Alert>
    );
  }
  const data = query.data;
  return (
    <div className={styles.staffIntake}>
      <ScreeningPanel clientId={clientId} screening={data.screening} timeZone={timeZone} />
      <FirstVisitPanel data={data} />
      {data.audience === "clinical" && data.intake ? (
        <>
          <PainPanel data={data} />
          <div className={styles.staffIntakeGrid}>
            <WhereItHurts data={data} />
            <Card title="Muscles commonly associated with pain here">
              <FinderResults
                results={data.finder}
                marks={Object.fromEntries(
                  (data.intake.answers.areasOfConcern ?? []).map((a) => [a.id, a.intensity]),
                )}
                visitor="staff"
                shortList={5}
              />
            </Card>
          </div>
          <AnswersPanel data={data} onVersion={setVersion} />
        </>
      ) : (
        <Card title="Intake">
          <p className="kw-muted">
            {data.intake
              ? `Submitted ${formatDateTime(data.intake.submittedAt)} (version ${data.intake.version}). Only the client's therapist and the owner read the answers.`
              : data.draft
                ? `Not submitted yet: the client is filling it in (${data.draft.missing.length} answers to go, last saved ${formatDateTime(data.draft.savedAt)}).`
                : "The client has not started the intake questionnaire."}
          </p>
        </Card>
      )}
    </div>
  );
}

function ScreeningPanel({
  clientId,
  screening,
  timeZone,
}: {
  clientId: string;
  screening: StaffScreening;
  timeZone: string;
}) {
  const { redFlags, holds, cautions } = screening;
  if (redFlags.length + holds.length + cautions.length === 0) {
    return (
      <section className={cx(styles.screening, styles.screeningClear)} aria-label="Screening">
        <p>
          <strong>Screening: nothing to flag.</strong> No red flags, holds or cautions in what the client has
          told us.
        </p>
      </section>
    );
  }
  return (
    <section className={styles.screening} aria-labelledby="kw-screening-title">
      <h2 id="kw-screening-title" className="kw-visually-hidden">
        Screening
      </h2>
      {redFlags.map((f) => (
        <div
          key={f.id}
          className={cx(styles.finding, styles.findingRedFlag)}
          role="alert"
          data-testid="finding-red-flag"
        >
          <p className={styles.findingTitle}>
            <span className={styles.findingKind}>Red flag</span> {f.label}
            {f.provisional ? (
              <span className={styles.findingProvisional}>reported, not yet submitted</span>
            ) : null}
          </p>
          <p>{f.reasonForStaff}</p>
          <p className={styles.findingTold}>The client was told: {f.adviceForClient}</p>
        </div>
      ))}
      {holds.map((f) => (
        <div
          key={f.id}
          className={cx(styles.finding, styles.findingHold, f.clearance && styles.isCleared)}
          data-testid="finding-hold"
        >
          <p className={styles.findingTitle}>
            <span className={styles.findingKind}>{f.clearance ? "Hold cleared" : "On hold"}</span> {f.label}
            {f.provisional ? (
              <span className={styles.findingProvisional}>reported, not yet submitted</span>
            ) : null}
          </p>
          <p>{f.reasonForStaff}</p>
          {f.clearance ? (
            <ClearanceLine clearance={f.clearance} />
          ) : (
            <ClearanceForm clientId={clientId} findingId={f.id} label={f.label} timeZone={timeZone} />
          )}
        </div>
      ))}
      {cautions.map((f) => (
        <div key={f.id} className={cx(styles.finding, styles.findingCaution)}>
          <p className={styles.findingTitle}>
            <span className={styles.findingKind}>Caution</span> {f.label}
            {f.provisional ? (
              <span className={styles.findingProvisional}>reported, not yet submitted</span>
            ) : null}
          </p>
          <p>{f.reasonForStaff}</p>
        </div>
      ))}
    </section>
  );
}

function ClearanceLine({ clearance }: { clearance: ClearanceRecord }) {
  return (
    <p className={styles.findingCleared}>
      Cleared by <strong>{clearance.clearedBy}</strong> on {formatDate(`${clearance.clearedOn}T12:00:00Z`)}:{" "}
      {clearance.note}{" "}
      <span className="kw-muted">
        (recorded by {clearance.recordedBy?.name ?? "staff"}, {formatDateTime(clearance.recordedAt)})
      </span>
    </p>
  );
}

function ClearanceForm({
  clientId,
  findingId,
  label,
  timeZone,
}: {
  clientId: string;
  findingId: string;
  label: string;
  timeZone: string;
}) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [clearedBy, setClearedBy] = useState("");
  const [clearedOn, setClearedOn] = useState(() => localDateOf(Date.now(), timeZone));
  const [note, setNote] = useState("");
  const record = useMutation({
    mutationFn: () =>
      post<ClearanceRecord>(`/api/clients/${encodeURIComponent(clientId)}/clearances`, {
        findingId,
        clearedBy,
        clearedOn,
        note,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["client-intake", clientId] });
      void queryClient.invalidateQueries({ queryKey: ["appointments"] });
    },
  });
  const error = record.error instanceof ApiError ? record.error : null;
  const fieldError = (field: string) => (error?.field === field ? error.message : null);
  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Record a doctor's clearance…
      </Button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  return (
    <form className={styles.clearance} onSubmit={submit} noValidate aria-label={`Clearance for ${label}`}>
      <TextField
        label="Cleared by"
        hint="Who gave the okay, e.g. Dr Amy Lee (GP)"
        value={clearedBy}
        maxLength={200}
        onChange={(e) => setClearedBy(e.target.value)}
        error={fieldError("clearedBy")}
      />
      <TextField
        label="Date of the clearance"
        type="date"
        value={clearedOn}
        max={localDateOf(Date.now(), timeZone)}
        onChange={(e) => setClearedOn(e.target.value)}
        error={fieldError("clearedOn")}
      />
      <div className="kw-field">
        <label htmlFor={`kw-clearance-note-${findingId}`}>Note</label>
        <span className="kw-field__hint" id={`kw-clearance-hint-${findingId}`}>
          How it was cleared, and anything to avoid (e.g. letter on file; avoid the scar).
        </span>
        <textarea
          id={`kw-clearance-note-${findingId}`}
          className="kw-input kw-textarea kw-textarea--short"
          rows={2}
          maxLength={2000}
          value={note}
          aria-describedby={`kw-clearance-hint-${findingId}`}
          aria-invalid={fieldError("note") ? true : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        {fieldError("note") ? <span className="kw-field__error">{fieldError("note")}</span> : null}
      </div>
      {error && !["clearedBy", "clearedOn", "note"].includes(error.field ?? "") ? (
        <Alert tone="danger">{error.message}</Alert>
      ) : null}
      <div className="kw-row">
        <button type="submit" className="kw-button kw-button--primary" disabled={record.isPending}>
          {record.isPending ? "Saving…" : "Record clearance"}
        </button>
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function FirstVisitPanel({ data }: { data: StaffIntake }) {
  const { consent, firstVisit } = data;
  return (
    <Card title="Ready for a first visit?">
      {firstVisit.ok ? (
        <p className={cx(styles.ready, styles.readyOk)}>
          Yes: intake submitted, consent signed, nothing on hold.
        </p>
      ) : (
        <>
          <p className={styles.ready}>Not yet. Before a first visit can be confirmed:</p>
          <ul className={styles.readyReasons}>
            {firstVisit.reasons.map((r) => (
              <li key={`${r.code}:${r.findingId ?? ""}`}>{r.message}</li>
            ))}
          </ul>
        </>
      )}
      <p className={cx(styles.readyConsent, "kw-muted")}>
        Consent:{" "}
        {consent.signedCurrent && consent.signedAt
          ? `signed as “${consent.typedName}” on ${formatDateTime(consent.signedAt)} (version ${consent.signedVersion}).`
          : consent.signedVersion
            ? `signed version ${consent.signedVersion}; version ${consent.currentVersion} is not signed yet.`
            : "not signed yet."}
      </p>
    </Card>
  );
}

function PainPanel({ data }: { data: ClinicalIntake }) {
  const intake = data.intake;
  if (!intake) return null;
  const pain = intake.answers.pain ?? {};
  const duration = intake.answers.duration;
  const scores: [string, number | undefined][] = [
    ["Now", pain.now],
    ["At best", pain.best],
    ["At worst", pain.worst],
  ];
  return (
    <section className={styles.pain} aria-label="Pain scores">
      {scores.map(([label, value]) => (
        <div key={label} className={styles.painScore}>
          <span className={styles.painValue}>
            <span
              className={styles.painSwatch}
              style={{ background: value ? `var(--kw-pain-${value})` : "var(--kw-color-border)" }}
              aria-hidden="true"
            />
            {value ?? "–"}
            <span className={styles.painOf}>/10</span>
          </span>
          <span className={styles.painLabel}>Pain {label.toLowerCase()}</span>
        </div>
      ))}
      <div className={styles.painScore}>
        <span className={cx(styles.painValue, styles.painValueText)}>
          {duration?.amount} {duration?.unit}
        </span>
        <span className={styles.painLabel}>
          How long
          {intake.chronicity
            ? ` · ${intake.chronicity === "chronic" ? "chronic (3 months or more)" : "recent"}`
            : ""}
        </span>
      </div>
    </section>
  );
}

/** The view showing most of the marked areas; on a tie the zoomed views (head, hands, feet) come first. */
function bestView(regionIds: readonly string[]): BodyMapView {
  const counts = new Map<BodyMapView, number>();
  for (const id of regionIds) for (const v of viewsShowingRegion(id)) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (counts.size === 0) return "front";
  const order = [...BODY_MAP_VIEW_IDS].reverse();
  return order.reduce((best, v) => ((counts.get(v) ?? 0) > (counts.get(best) ?? 0) ? v : best));
}

function WhereItHurts({ data }: { data: ClinicalIntake }) {
  const areas = data.intake?.answers.areasOfConcern ?? [];
  const [view, setView] = useState<BodyMapView>(() => bestView(areas.map((a) => a.id)));
  const marks = Object.fromEntries(areas.map((a) => [a.id, a.intensity]));
  return (
    <Card title="Where it hurts">
      <BodyMap
        mode="mark"
        view={view}
        onViewChange={setView}
        marks={marks}
        readOnly
        label="Areas the client marked"
      />
      <ul className={styles.areasList}>
        {[...areas]
          .sort((a, b) => b.intensity - a.intensity)
          .map((a) => (
            <li key={a.id}>
              <span
                className={styles.painSwatch}
                style={{ background: `var(--kw-pain-${a.intensity})` }}
                aria-hidden="true"
              />
              {regionById(a.id)?.label ?? a.id} <span className="kw-muted">· {a.intensity}/10</span>
            </li>
          ))}
      </ul>
    </Card>
  );
}

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

function AnswersPanel({
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
