/**
 * Date overrides (owner): a therapist's hours changed or closed on given dates (a holiday, a day
 * off, a late evening). An override replaces that date's weekly hours and breaks, for the slot
 * engine and the calendar's shading alike. The API keeps one date per row; this screen adds and
 * edits a range at once, for one therapist or everyone, and lists runs of equal dates as one line.
 * Only the owner may change them (the API's rule); staff read them through the calendar.
 */
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { DateOverrideRequestSchema } from "../../core/api/scheduling";
import { parseLocalTime } from "../../core/scheduling/civil";
import { ApiError } from "../api/client";
import { addDays, formatLocalDay, localDateOf } from "../appointments/time";
import { describeWorking } from "../calendar/working";
import { validate } from "../forms";
import { Alert, Button, Card, Empty, Loading, TextField } from "../ui/components";
import { cx } from "../ui/cx";
import { overridesQuery, settingsApi } from "./api";
import { datesOfRange, type OverrideRun, overrideErrorField, overrideRuns, rangeProblems } from "./overrides";
import styles from "./Settings.module.css";

type Interval = { start: string; end: string };
type Errors = Record<string, string>;

/** How far ahead the list looks: holidays are planned a year or so out. */
const LIST_DAYS = 730;
const MAX_INTERVALS = 6;

function minutesOf(intervals: readonly Interval[]) {
  return intervals.map((i) => ({
    start: parseLocalTime(i.start) ?? 0,
    end: parseLocalTime(i.end, true) ?? 0,
  }));
}

function overrideHours(intervals: readonly Interval[]): string {
  return intervals.length === 0 ? "Not working" : describeWorking(minutesOf(intervals));
}

function runDates(run: Pick<OverrideRun, "from" | "to">): string {
  return run.from === run.to
    ? formatLocalDay(run.from, "short")
    : `${formatLocalDay(run.from, "short")} – ${formatLocalDay(run.to, "short")}`;
}

export function DateOverridesEditor({
  therapistId,
  therapists,
  timeZone,
}: {
  therapistId: string;
  therapists: readonly { id: string; displayName: string }[];
  timeZone: string;
}) {
  const queryClient = useQueryClient();
  const today = localDateOf(Date.now(), timeZone);
  const list = useQuery(overridesQuery(therapistId, today, addDays(today, LIST_DAYS)));
  const [editing, setEditing] = useState<OverrideRun | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const name = therapists.find((t) => t.id === therapistId)?.displayName ?? "This therapist";

  function refresh() {
    // Every therapist's overrides (a change may be for everyone), and what they change.
    void queryClient.invalidateQueries({ queryKey: ["overrides"] });
    void queryClient.invalidateQueries({ queryKey: ["availability"] });
  }

  async function remove(run: OverrideRun) {
    setRemoving(run.from);
    setRemoveError(null);
    setDone(null);
    try {
      for (const date of run.dates) await settingsApi.removeOverride(therapistId, date);
      setDone(`Removed: ${runDates(run)}. The weekly hours apply again.`);
      if (editing?.from === run.from) setEditing(null);
    } catch (error) {
      setRemoveError(error instanceof ApiError ? error.message : "Could not remove it. Please try again.");
    } finally {
      setRemoving(null);
      refresh();
    }
  }

  const runs = overrideRuns(list.data ?? []);
  return (
    <Card title="Date overrides" flush>
      <p className={cx(styles.settingsIntro, "kw-muted")}>
        Different hours on given dates: a holiday, a day off, a late evening. They replace that day's weekly
        hours and breaks for new bookings and show on the calendar; booked appointments stay.
      </p>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <Alert tone="danger">Could not load the date overrides.</Alert>
      ) : runs.length === 0 ? (
        <Empty>No date overrides for {name} from today on.</Empty>
      ) : (
        <ul className={cx(styles.overrideList, "kw-list")} aria-label={`${name}'s date overrides`}>
          {runs.map((run) => (
            <li key={run.from} className="kw-row">
              <span>
                <strong>{runDates(run)}</strong>
                {run.dates.length > 1 ? <span className="kw-muted"> ({run.dates.length} days)</span> : null}
                {" · "}
                <span>{overrideHours(run.intervals)}</span>
                {run.note ? <span className="kw-muted"> · {run.note}</span> : null}
              </span>
              <span className="kw-spacer" />
              <Button
                variant="ghost"
                onClick={() => {
                  setEditing(run);
                  setDone(null);
                  setFormKey((k) => k + 1);
                }}
              >
                Edit<span className="kw-visually-hidden"> {runDates(run)}</span>
              </Button>
              <Button variant="ghost" disabled={removing !== null} onClick={() => void remove(run)}>
                {removing === run.from ? "Removing…" : "Remove"}
                <span className="kw-visually-hidden"> {runDates(run)}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div aria-live="polite" className={styles.overrideStatus}>
        {done ? <Alert tone="info">{done}</Alert> : null}
        {removeError ? <Alert tone="danger">{removeError}</Alert> : null}
      </div>
      <OverrideForm
        key={`${therapistId}-${formKey}`}
        therapistId={therapistId}
        therapists={therapists}
        today={today}
        editing={editing}
        onCancel={() => {
          setEditing(null);
          setFormKey((k) => k + 1);
        }}
        onSaved={(message) => {
          setEditing(null);
          setDone(message);
          setFormKey((k) => k + 1);
          refresh();
        }}
        onPartial={refresh}
      />
    </Card>
  );
}

function OverrideForm({
  therapistId,
  therapists,
  today,
  editing,
  onCancel,
  onSaved,
  onPartial,
}: {
  therapistId: string;
  therapists: readonly { id: string; displayName: string }[];
  today: string;
  editing: OverrideRun | null;
  onCancel(): void;
  onSaved(message: string): void;
  onPartial(): void;
}) {
  const [closed, setClosed] = useState(editing ? editing.intervals.length === 0 : true);
  const [intervals, setIntervals] = useState<Interval[]>(
    editing && editing.intervals.length > 0 ? editing.intervals : [{ start: "09:00", end: "17:00" }],
  );
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kindName = useId();
  const heading = useId();

  const clear = (field: string) =>
    setErrors(({ [field]: _gone, ...rest }) => {
      // An interval's row-level message (an overlap) goes once either of its times changes.
      const row = field.replace(/\.(start|end)$/, "");
      const { [row]: _row, ...others } = rest;
      return others;
    });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const from = editing ? editing.from : String(data.get("date") ?? "");
    const until = editing ? editing.to : String(data.get("until") ?? "") || from;
    const note = String(data.get("note") ?? "").trim();
    const everyone = data.get("everyone") === "on";
    const body = { intervals: closed ? [] : intervals, ...(note ? { note } : {}) };
    const found: Errors = editing ? {} : rangeProblems(from, until, today);
    const checked = validate(DateOverrideRequestSchema, body);
    if (!checked.ok) Object.assign(found, checked.errors.fields);
    setFormError(checked.ok ? null : checked.errors.form);
    setErrors(found);
    if (Object.keys(found).length > 0 || !checked.ok) {
      focusFirst(form, found);
      return;
    }
    const dates = editing ? editing.dates : datesOfRange(from, until);
    const who = everyone ? therapists.map((t) => t.id) : [therapistId];
    setBusy(true);
    let saved = 0;
    try {
      for (const id of who) {
        for (const date of dates) {
          await settingsApi.setOverride(id, date, checked.data);
          saved++;
        }
      }
      const range = runDates({ from: dates[0] ?? from, to: dates.at(-1) ?? until });
      onSaved(
        `Saved: ${range}, ${body.intervals.length === 0 ? "not working" : overrideHours(body.intervals)}${everyone ? ", for everyone" : ""}.`,
      );
    } catch (error) {
      if (error instanceof ApiError) {
        const field = overrideErrorField(error.field);
        if (field) {
          setErrors({ [field]: error.message });
          focusFirst(form, { [field]: error.message });
        } else setFormError(error.message);
      } else setFormError("Could not save. Please try again.");
      if (saved > 0) {
        setFormError((current) =>
          [current, `${saved} of ${dates.length * who.length} dates were saved before this.`]
            .filter(Boolean)
            .join(" "),
        );
        onPartial();
      }
    } finally {
      setBusy(false);
    }
  }

  const fieldErrors = Object.entries(errors).filter(([f]) => f.startsWith("intervals"));
  return (
    <form
      className={cx(styles.settingsFoot, "kw-stack")}
      onSubmit={(e) => void onSubmit(e)}
      onChange={(e) => clear(String((e.target as { name?: unknown }).name ?? ""))}
      noValidate
      aria-labelledby={heading}
    >
      <h3 id={heading} className={styles.overrideHeading}>
        {editing ? `Change ${runDates(editing)}` : "Add a date override"}
      </h3>
      {editing ? null : (
        <div className={cx(styles.settingsGrid, styles.settingsGridNarrow)}>
          <TextField
            label="Date"
            name="date"
            type="date"
            min={today}
            defaultValue={today}
            required
            error={errors.date}
          />
          <TextField label="Until (optional)" name="until" type="date" min={today} error={errors.until} />
        </div>
      )}
      <fieldset className={styles.overrideKind}>
        <legend>Hours that day</legend>
        <label className={styles.check}>
          <input
            type="radio"
            name={kindName}
            checked={closed}
            onChange={() => {
              setClosed(true);
              setErrors({});
            }}
          />
          Not working (day off, holiday)
        </label>
        <label className={styles.check}>
          <input type="radio" name={kindName} checked={!closed} onChange={() => setClosed(false)} />
          Working these hours
        </label>
      </fieldset>
      {closed ? null : (
        <div className={styles.hoursCell}>
          {intervals.map((interval, n) => {
            const rowError = errors[`intervals[${n}]`];
            const startError = errors[`intervals[${n}].start`];
            const endError = errors[`intervals[${n}].end`];
            const message = rowError ?? startError ?? endError;
            const errorId = `${heading}-interval-${n}-error`;
            const set = (patch: Partial<Interval>) =>
              setIntervals((list) => list.map((item, i) => (i === n ? { ...item, ...patch } : item)));
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions; the API names them by index too
              <div key={n} className={styles.overrideInterval}>
                <div className={styles.hoursInterval}>
                  <input
                    type="time"
                    className="kw-input"
                    name={`intervals[${n}].start`}
                    aria-label={`Hours ${n + 1} from`}
                    aria-invalid={rowError || startError ? true : undefined}
                    aria-describedby={message ? errorId : undefined}
                    value={interval.start}
                    onChange={(e) => set({ start: e.target.value })}
                  />
                  <span aria-hidden="true">–</span>
                  <input
                    type="time"
                    className="kw-input"
                    name={`intervals[${n}].end`}
                    aria-label={`Hours ${n + 1} until`}
                    aria-invalid={rowError || endError ? true : undefined}
                    aria-describedby={message ? errorId : undefined}
                    value={interval.end}
                    onChange={(e) => set({ end: e.target.value })}
                  />
                  {intervals.length > 1 ? (
                    <button
                      type="button"
                      className="kw-button kw-button--ghost"
                      aria-label={`Remove hours ${n + 1}`}
                      onClick={() => {
                        setIntervals((list) => list.filter((_, i) => i !== n));
                        setErrors({});
                      }}
                    >
                      ✕
                    </button>
                  ) : null}
                </div>
                {message ? (
                  <span className="kw-field__error" id={errorId}>
                    {message}
                  </span>
                ) : null}
              </div>
            );
          })}
          {intervals.length < MAX_INTERVALS ? (
            <button
              type="button"
              className={cx(styles.hoursAdd, "kw-button kw-button--ghost")}
              onClick={() => setIntervals((list) => [...list, { start: "18:00", end: "20:00" }])}
            >
              + More hours that day
            </button>
          ) : null}
        </div>
      )}
      <TextField
        label="Note (optional, staff only)"
        name="note"
        maxLength={300}
        defaultValue={editing?.note ?? ""}
        error={errors.note}
      />
      {editing || therapists.length < 2 ? null : (
        <label className={styles.check}>
          <input type="checkbox" name="everyone" />
          For everyone on the team (the clinic is closed or open late)
        </label>
      )}
      <div aria-live="polite">
        {formError ? <Alert tone="danger">{formError}</Alert> : null}
        {fieldErrors.length > 0 && !formError ? (
          <span className="kw-visually-hidden">Check the hours: {fieldErrors[0]?.[1]}</span>
        ) : null}
      </div>
      <div className="kw-row">
        <Button type="submit" disabled={busy}>
          {busy ? "Saving…" : editing ? "Save changes" : "Add date override"}
        </Button>
        {editing ? (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** Focus the first field with a problem, so keyboard and screen-reader users land on it. */
function focusFirst(form: HTMLFormElement, errors: Errors): void {
  for (const element of Array.from(form.elements)) {
    const name = (element as HTMLInputElement).name;
    if (!name) continue;
    if (name in errors || Object.keys(errors).some((f) => f.startsWith("intervals") && name.startsWith(f))) {
      (element as HTMLElement).focus();
      return;
    }
  }
}
