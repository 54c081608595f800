/**
 * The treatment plan on the staff client page: the rule's suggestion (with its reasons) when there
 * is no plan, a form to start or edit one, the re-assessment prompt when pain has not come down by
 * the clinic's target, and "Book the series" with the same per-slot answers the client gets.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { ApiError } from "../../api/client";
import { Alert, Button, Card, Loading } from "../../ui/components";
import {
  bookSeries,
  clientPlansQuery,
  createPlan,
  type Plan,
  type PlanSuggestionResponse,
  planKeys,
  planSuggestionQuery,
  seriesOffer,
  updatePlan,
} from "../api";
import { PlanSummary } from "../PlanSummary";
import styles from "../Plans.module.css";
import { SeriesBooking } from "../SeriesBooking";

export function PlanPanel({ clientId, zone }: { clientId: string; zone: string }) {
  const plans = useQuery(clientPlansQuery(clientId));
  const [editing, setEditing] = useState(false);
  if (plans.isPending) return <Loading />;
  if (plans.error)
    return (
      <Alert tone="danger">
        {plans.error instanceof ApiError ? plans.error.message : "Could not load the treatment plan."}
      </Alert>
    );
  const current = plans.data.find((p) => p.status === "active" || p.status === "maintenance") ?? null;
  if (!current) return <NewPlan clientId={clientId} previous={plans.data[0] ?? null} />;
  const reassess = current.progress.reassessment;
  return (
    <Card title="Treatment plan">
      {reassess.due ? (
        <div className={styles.reassess} role="alert">
          <p className={styles.reassessTitle}>Time to re-assess</p>
          <p>{reassess.message}</p>
        </div>
      ) : null}
      {editing ? (
        <PlanForm clientId={clientId} plan={current} onDone={() => setEditing(false)} />
      ) : (
        <>
          <PlanSummary plan={current} zone={zone} />
          {current.notes ? (
            <p className={styles.staffNote}>
              <strong>Your notes: </strong>
              {current.notes}
            </p>
          ) : null}
          <div className={styles.staffActions}>
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Edit the plan
            </Button>
          </div>
          {current.status === "active" ? (
            <div className={styles.staffSeries}>
              <h3 className={styles.planSubtitle}>Book the series</h3>
              <SeriesBooking
                offer={seriesOffer(current.id)}
                book={(starts) => bookSeries(current.id, starts)}
                invalidate={[["appointments"]]}
                zone={zone}
                remaining={current.progress.remaining}
              />
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}

function NewPlan({ clientId, previous }: { clientId: string; previous: Plan | null }) {
  const suggestion = useQuery(planSuggestionQuery(clientId));
  return (
    <Card title="Treatment plan">
      {previous ? (
        <p className="kw-muted">
          The last plan is {previous.status === "finished" ? "finished" : "stopped"} (
          {previous.progress.completed} of {previous.plannedSessions} sessions done).
        </p>
      ) : (
        <p className="kw-muted">No plan yet.</p>
      )}
      {suggestion.isPending ? (
        <Loading label="Working out a suggestion…" />
      ) : suggestion.error ? (
        <Alert tone="warning">No suggestion: {suggestion.error.message}</Alert>
      ) : (
        <Suggestion data={suggestion.data} />
      )}
      {suggestion.isPending ? null : (
        <PlanForm clientId={clientId} plan={null} suggestion={suggestion.data} onDone={() => undefined} />
      )}
    </Card>
  );
}

function Suggestion({ data }: { data: PlanSuggestionResponse }) {
  const s = data.suggestion;
  return (
    <div className={styles.suggestion}>
      <p className={styles.suggestionTitle}>
        Suggested: {s.sessions} {s.sessions === 1 ? "session" : "sessions"} every {s.sessionIntervalDays}{" "}
        days, then maintenance every {s.maintenanceIntervalWeeks} weeks
      </p>
      <ul>
        {s.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}

interface PlanFields {
  plannedSessions: string;
  sessionIntervalDays: string;
  maintenanceIntervalWeeks: string;
  goals: string;
  notes: string;
  status: Plan["status"];
}

function initialFields(plan: Plan | null, suggestion: PlanSuggestionResponse | undefined): PlanFields {
  if (plan)
    return {
      plannedSessions: String(plan.plannedSessions),
      sessionIntervalDays: String(plan.sessionIntervalDays),
      maintenanceIntervalWeeks: plan.maintenanceIntervalWeeks ? String(plan.maintenanceIntervalWeeks) : "",
      goals: plan.goals,
      notes: plan.notes,
      status: plan.status,
    };
  const s = suggestion?.suggestion;
  return {
    plannedSessions: String(s?.sessions ?? 3),
    sessionIntervalDays: String(s?.sessionIntervalDays ?? 7),
    maintenanceIntervalWeeks: String(s?.maintenanceIntervalWeeks ?? 4),
    goals: suggestion?.inputs.goals ?? "",
    notes: "",
    status: "active",
  };
}

/** Whole numbers within bounds, or the words to show beside the field. */
export function wholeNumber(value: string, min: number, max: number): number | string {
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n)) return "Enter a whole number.";
  if (n < min || n > max) return `From ${min} to ${max}.`;
  return n;
}

function PlanForm({
  clientId,
  plan,
  suggestion,
  onDone,
}: {
  clientId: string;
  plan: Plan | null;
  suggestion?: PlanSuggestionResponse;
  onDone: () => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const [fields, setFields] = useState<PlanFields>(() => initialFields(plan, suggestion));
  const [errors, setErrors] = useState<Partial<Record<keyof PlanFields, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: Parameters<typeof updatePlan>[1]) =>
      plan ? updatePlan(plan.id, body) : createPlan(clientId, body as Parameters<typeof createPlan>[1]),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      onDone();
    },
    onError: (error) => setProblem(error instanceof ApiError ? error.message : "That didn't save."),
  });
  const set = (key: keyof PlanFields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sessions = wholeNumber(fields.plannedSessions, 1, 12);
    const interval = wholeNumber(fields.sessionIntervalDays, 1, 42);
    const maintenance =
      fields.maintenanceIntervalWeeks.trim() === ""
        ? null
        : wholeNumber(fields.maintenanceIntervalWeeks, 1, 26);
    const next: typeof errors = {};
    if (typeof sessions === "string") next.plannedSessions = sessions;
    if (typeof interval === "string") next.sessionIntervalDays = interval;
    if (typeof maintenance === "string") next.maintenanceIntervalWeeks = maintenance;
    setErrors(next);
    if (typeof sessions === "string" || typeof interval === "string" || typeof maintenance === "string")
      return;
    save.mutate({
      plannedSessions: sessions,
      sessionIntervalDays: interval,
      maintenanceIntervalWeeks: maintenance,
      goals: fields.goals.trim(),
      notes: fields.notes.trim(),
      ...(plan ? { status: fields.status } : {}),
    });
  };
  const number = (
    key: "plannedSessions" | "sessionIntervalDays" | "maintenanceIntervalWeeks",
    label: string,
    hint?: string,
  ) => (
    <div className="kw-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {hint ? (
        <span className="kw-field__hint" id={`${id}-${key}-hint`}>
          {hint}
        </span>
      ) : null}
      <input
        id={`${id}-${key}`}
        className="kw-input"
        inputMode="numeric"
        value={fields[key]}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={
          [hint ? `${id}-${key}-hint` : "", errors[key] ? `${id}-${key}-error` : ""].join(" ").trim() ||
          undefined
        }
        onChange={(event) => set(key)(event.target.value)}
      />
      {errors[key] ? (
        <span className="kw-field__error" id={`${id}-${key}-error`}>
          {errors[key]}
        </span>
      ) : null}
    </div>
  );
  return (
    <form className={styles.planForm} onSubmit={submit} noValidate>
      <div className={styles.planFormRow}>
        {number("plannedSessions", "Sessions")}
        {number("sessionIntervalDays", "Days between")}
        {number("maintenanceIntervalWeeks", "Then every (weeks)", "Empty: no maintenance")}
      </div>
      <div className="kw-field">
        <label htmlFor={`${id}-goals`}>Goals, in the client's words</label>
        <textarea
          id={`${id}-goals`}
          className="kw-input kw-textarea kw-textarea--short"
          rows={3}
          maxLength={1000}
          value={fields.goals}
          placeholder="e.g. “Pick up my grandson without my back complaining.”"
          onChange={(event) => set("goals")(event.target.value)}
        />
      </div>
      <div className="kw-field">
        <label htmlFor={`${id}-notes`}>Your notes (the client does not see these)</label>
        <textarea
          id={`${id}-notes`}
          className="kw-input kw-textarea kw-textarea--short"
          rows={2}
          maxLength={2000}
          value={fields.notes}
          onChange={(event) => set("notes")(event.target.value)}
        />
      </div>
      {plan ? (
        <div className="kw-field">
          <label htmlFor={`${id}-status`}>Stage</label>
          <select
            id={`${id}-status`}
            className="kw-input"
            value={fields.status}
            onChange={(event) => set("status")(event.target.value)}
          >
            <option value="active">In progress</option>
            <option value="maintenance">Maintenance</option>
            <option value="finished">Finished</option>
            <option value="cancelled">Stopped</option>
          </select>
        </div>
      ) : null}
      {problem ? <Alert tone="danger">{problem}</Alert> : null}
      <div className={styles.staffActions}>
        <button type="submit" className="kw-button kw-button--primary" disabled={save.isPending}>
          {plan ? "Save the plan" : "Start this plan"}
        </button>
        {plan ? (
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
