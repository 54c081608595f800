/**
 * A therapist's weekly hours and breaks, their date overrides (./DateOverrides.tsx) and their time
 * off (owner), in the clinic's local time.
 * Reads and writes through ./api.ts.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useState } from "react";
import { TimeOffRequestSchema, type WeeklyHours } from "../../core/api/scheduling";
import { localToInstant } from "../../core/scheduling/zone";
import { ApiError } from "../api/client";
import { formatClock, formatLocalDay, localDateOf } from "../appointments/time";
import { therapistsQuery } from "../clinic/api";
import { useZodForm } from "../forms";
import { Alert, Button, Card, Empty, Loading, TextField } from "../ui/components";
import { cx } from "../ui/cx";
import { hoursQuery, settingsApi, settingsKeys, timeOffQuery } from "./api";
import { DateOverridesEditor } from "./DateOverrides";
import styles from "./Settings.module.css";

type Interval = WeeklyHours["hours"][number];

/** Monday first, as the front desk reads a week. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export function HoursSection({ timeZone }: { timeZone: string }) {
  const therapists = useQuery(therapistsQuery);
  const [therapistId, setTherapistId] = useState<string | null>(null);
  const selectId = useId();
  const chosen = therapistId ?? therapists.data?.[0]?.id ?? null;
  if (therapists.isPending) return <Loading />;
  return (
    <div className="kw-stack">
      <div className="kw-field" style={{ maxWidth: 360 }}>
        <label htmlFor={selectId}>Therapist</label>
        <select
          id={selectId}
          className="kw-input"
          value={chosen ?? ""}
          onChange={(e) => setTherapistId(e.target.value)}
        >
          {(therapists.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.displayName}
            </option>
          ))}
        </select>
      </div>
      {chosen ? (
        <>
          <WeekEditor key={chosen} therapistId={chosen} />
          <DateOverridesEditor
            key={`dates-${chosen}`}
            therapistId={chosen}
            therapists={therapists.data ?? []}
            timeZone={timeZone}
          />
          <TimeOffEditor key={`off-${chosen}`} therapistId={chosen} timeZone={timeZone} />
        </>
      ) : (
        <Empty>No therapists yet.</Empty>
      )}
    </div>
  );
}

function WeekEditor({ therapistId }: { therapistId: string }) {
  const queryClient = useQueryClient();
  const hours = useQuery(hoursQuery(therapistId));
  const [draft, setDraft] = useState<WeeklyHours | null>(null);
  useEffect(() => {
    if (hours.data) setDraft(hours.data);
  }, [hours.data]);
  const save = useMutation({
    mutationFn: (week: WeeklyHours) => settingsApi.saveHours(therapistId, week),
    onSuccess: (data) => queryClient.setQueryData(settingsKeys.hours(therapistId), data),
  });
  if (!draft) return <Loading />;
  const error = save.error instanceof ApiError ? save.error : null;

  function update(kind: "hours" | "breaks", next: Interval[]) {
    setDraft((d) => (d ? { ...d, [kind]: next } : d));
    save.reset();
  }

  return (
    <Card title="Weekly hours" flush>
      <p className={cx(styles.settingsIntro, "kw-muted")}>
        Working hours and breaks in the clinic's time. Changes apply to new bookings; booked appointments
        stay.
      </p>
      <div className="kw-table-wrap">
        <table className={cx(styles.hours, "kw-table")}>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Working hours</th>
              <th scope="col">Breaks</th>
            </tr>
          </thead>
          <tbody>
            {WEEK.map((weekday) => (
              <tr key={weekday}>
                <th scope="row">{DAY_NAMES[weekday]}</th>
                {(["hours", "breaks"] as const).map((kind) => (
                  // On a phone the table stacks and each cell names itself (the column heads are hidden).
                  <td key={kind} data-label={kind === "hours" ? "Working hours" : "Breaks"}>
                    <IntervalList
                      day={DAY_NAMES[weekday] ?? ""}
                      kind={kind}
                      items={draft[kind]}
                      weekday={weekday}
                      onChange={(next) => update(kind, next)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className={cx(styles.settingsFoot, "kw-stack")}>
        <div aria-live="polite">
          {save.isSuccess ? <Alert tone="info">Hours saved.</Alert> : null}
          {error ? <Alert tone="danger">{error.message}</Alert> : null}
        </div>
        <div className="kw-row">
          <Button disabled={save.isPending} onClick={() => save.mutate(draft)}>
            {save.isPending ? "Saving…" : "Save hours"}
          </Button>
          <Button variant="ghost" onClick={() => hours.data && setDraft(hours.data)}>
            Undo changes
          </Button>
        </div>
      </div>
    </Card>
  );
}

function IntervalList({
  day,
  kind,
  items,
  weekday,
  onChange,
}: {
  day: string;
  kind: "hours" | "breaks";
  items: Interval[];
  weekday: number;
  onChange(next: Interval[]): void;
}) {
  const mine = items.map((item, index) => ({ item, index })).filter(({ item }) => item.weekday === weekday);
  const noun = kind === "hours" ? "hours" : "break";
  const set = (index: number, patch: Partial<Interval>) =>
    onChange(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  return (
    <div className={styles.hoursCell}>
      {mine.length === 0 ? (
        <span className="kw-muted">{kind === "hours" ? "Not working" : "None"}</span>
      ) : null}
      {mine.map(({ item, index }, n) => (
        <div key={index} className={styles.hoursInterval}>
          <input
            type="time"
            className="kw-input"
            aria-label={`${day} ${noun} ${n + 1} from`}
            value={item.start}
            onChange={(e) => set(index, { start: e.target.value })}
          />
          <span aria-hidden="true">–</span>
          <input
            type="time"
            className="kw-input"
            aria-label={`${day} ${noun} ${n + 1} until`}
            value={item.end}
            onChange={(e) => set(index, { end: e.target.value })}
          />
          <button
            type="button"
            className="kw-button kw-button--ghost"
            aria-label={`Remove ${day} ${noun} ${n + 1}`}
            onClick={() => onChange(items.filter((_, i) => i !== index))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className={cx(styles.hoursAdd, "kw-button kw-button--ghost")}
        onClick={() =>
          onChange([
            ...items,
            kind === "hours"
              ? { weekday, start: "09:00", end: "17:00" }
              : { weekday, start: "12:00", end: "13:00" },
          ])
        }
      >
        + {kind === "hours" ? "Hours" : "Break"}
        <span className="kw-visually-hidden"> on {day}</span>
      </button>
    </div>
  );
}

/** Local date and time fields as one instant on the clinic's clock, or null where none exists. */
function instantFrom(data: FormData, date: string, time: string, fallbackTime: string, zone: string) {
  const result = localToInstant(
    String(data.get(date) ?? ""),
    String(data.get(time) ?? "") || fallbackTime,
    zone,
  );
  return result.ok ? new Date(result.instant).toISOString() : null;
}

const NO_SUCH_TIME =
  "Enter a date and a time that exist on the clinic's clock (not in a daylight-saving jump).";

function TimeOffEditor({ therapistId, timeZone }: { therapistId: string; timeZone: string }) {
  const queryClient = useQueryClient();
  const list = useQuery(timeOffQuery(therapistId));
  const refresh = () => void queryClient.invalidateQueries({ queryKey: settingsKeys.timeOff(therapistId) });
  const remove = useMutation({
    mutationFn: (id: string) => settingsApi.removeTimeOff(therapistId, id),
    onSuccess: refresh,
  });
  // A fresh form (back to today, whole day) once the time off is saved.
  const [added, setAdded] = useState(0);
  const form = useZodForm({
    schema: TimeOffRequestSchema,
    fields: ["startsAt", "endsAt", "reason"],
    read: (data) => {
      const reason = String(data.get("reason") ?? "").trim();
      return {
        startsAt: instantFrom(data, "fromDate", "fromTime", "00:00", timeZone) ?? "",
        endsAt: instantFrom(data, "toDate", "toTime", "23:59", timeZone) ?? "",
        ...(reason ? { reason } : {}),
      };
    },
    send: async (body) => {
      await settingsApi.addTimeOff(therapistId, body);
      setAdded((n) => n + 1);
      refresh();
    },
  });
  // A local time that does not exist is this form's own check, said in its own words.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    const fields: Record<string, string> = {};
    if (!instantFrom(data, "fromDate", "fromTime", "00:00", timeZone)) fields.startsAt = NO_SUCH_TIME;
    if (!instantFrom(data, "toDate", "toTime", "23:59", timeZone)) fields.endsAt = NO_SUCH_TIME;
    if (Object.keys(fields).length > 0) {
      event.preventDefault();
      form.setErrors({ fields, form: null });
      return;
    }
    form.onSubmit(event);
  }
  const removeError = remove.error instanceof ApiError ? remove.error : null;
  const today = localDateOf(Date.now(), timeZone);

  const when = (iso: string) =>
    `${formatLocalDay(localDateOf(iso, timeZone), "short")}, ${formatClock(iso, timeZone)}`;

  return (
    <Card title="Time off" flush>
      {list.isPending ? (
        <Loading />
      ) : (list.data ?? []).length === 0 ? (
        <Empty>No time off planned.</Empty>
      ) : (
        <ul className="kw-list">
          {(list.data ?? []).map((t) => (
            <li key={t.id} className="kw-row">
              <span>
                <strong>
                  {when(t.startsAt)} – {when(t.endsAt)}
                </strong>
                {t.reason ? <span className="kw-muted"> · {t.reason}</span> : null}
              </span>
              <span className="kw-spacer" />
              <Button variant="ghost" disabled={remove.isPending} onClick={() => remove.mutate(t.id)}>
                Remove<span className="kw-visually-hidden"> time off from {when(t.startsAt)}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        key={added}
        className={cx(styles.settingsFoot, "kw-stack")}
        onSubmit={onSubmit}
        onChange={form.onChange}
        noValidate
      >
        <div className={cx(styles.settingsGrid, styles.settingsGridNarrow)}>
          <TextField
            label="From date"
            name="fromDate"
            type="date"
            min={today}
            defaultValue={today}
            required
          />
          <TextField
            label="From time"
            name="fromTime"
            type="time"
            defaultValue="00:00"
            error={form.error("startsAt")}
          />
          <TextField label="Until date" name="toDate" type="date" min={today} defaultValue={today} required />
          <TextField
            label="Until time"
            name="toTime"
            type="time"
            defaultValue="23:59"
            error={form.error("endsAt")}
          />
        </div>
        <TextField
          label="Reason (optional, staff only)"
          name="reason"
          maxLength={300}
          error={form.error("reason")}
        />
        <div aria-live="polite">
          {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
          {removeError ? <Alert tone="danger">{removeError.message}</Alert> : null}
        </div>
        <div>
          <Button type="submit" disabled={form.busy}>
            Add time off
          </Button>
        </div>
      </form>
    </Card>
  );
}
