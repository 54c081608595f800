/**
 * The owner's notification settings (F8, docs/decisions/0017-notifications.md): reminder lead times,
 * quiet hours, the check-in time, and which optional kinds of message the clinic sends. Saved as the
 * `notifications` block of the clinic's policies (PATCH /api/clinic); changes apply to messages when
 * they fall due, so turning a kind off also stops the ones already queued.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { UpdateClinicRequestSchema } from "../../core/api/clinic";
import { KIND_LABELS } from "../../core/notify/kinds";
import { type NotificationPolicies, OPTIONAL_KINDS, type OptionalKind } from "../../core/notify/policies";
import { clinicQuery, updateClinicMutation } from "../clinic/api";
import { useZodForm } from "../forms";
import { Alert, Button, Card, Loading, TextField } from "../ui/components";
import styles from "./Settings.module.css";

const P = "policies.notifications";

/** What each optional kind is, in the owner's words (the labels are the message centre's). */
const KIND_HINTS: Record<OptionalKind, string> = {
  reminder: "Before each confirmed appointment (and the second reminder, if set).",
  intake_reminder: "Before a first visit, while the intake form or consent is missing.",
  aftercare: "When a session is marked completed.",
  check_in: "The day after a session, to ask how the client feels.",
  plan_follow_up: "When a planned session of a treatment plan is not booked in time.",
  recall: "A maintenance visit at the plan's interval after its last session.",
};

function numberOrUndefined(value: FormDataEntryValue | null): number | undefined {
  const text = String(value ?? "").trim();
  return text === "" ? undefined : Number(text);
}

export function NotificationsSection() {
  const queryClient = useQueryClient();
  const clinic = useQuery(clinicQuery);
  const update = useMutation(updateClinicMutation(queryClient));
  const [saved, setSaved] = useState(false);
  const [second, setSecond] = useState<boolean | null>(null);
  const form = useZodForm({
    schema: UpdateClinicRequestSchema,
    fields: [
      `${P}.reminderLeadHours`,
      `${P}.secondReminderLeadHours`,
      `${P}.intakeReminderLeadHours`,
      `${P}.quietHoursStart`,
      `${P}.quietHoursEnd`,
      `${P}.checkInLocalTime`,
      `${P}.turnedOff`,
    ],
    read: (data) => {
      setSaved(false);
      const on = new Set(data.getAll(`${P}.on`).map(String));
      return {
        policies: {
          notifications: {
            reminderLeadHours: numberOrUndefined(data.get(`${P}.reminderLeadHours`)),
            // Off: null. On but blank: undefined, so the check asks for a number.
            secondReminderLeadHours:
              data.get("secondReminder") === "on"
                ? numberOrUndefined(data.get(`${P}.secondReminderLeadHours`))
                : null,
            intakeReminderLeadHours: numberOrUndefined(data.get(`${P}.intakeReminderLeadHours`)),
            quietHoursStart: String(data.get(`${P}.quietHoursStart`) ?? ""),
            quietHoursEnd: String(data.get(`${P}.quietHoursEnd`) ?? ""),
            checkInLocalTime: String(data.get(`${P}.checkInLocalTime`) ?? ""),
            turnedOff: OPTIONAL_KINDS.filter((kind) => !on.has(kind)),
          },
        },
      };
    },
    send: async (body) => {
      await update.mutateAsync(body);
      setSaved(true);
    },
  });
  if (clinic.isPending) return <Loading />;
  if (!clinic.data) return <Alert tone="danger">Could not load the clinic.</Alert>;
  const n = clinic.data.policies.notifications;
  const secondOn = second ?? n.secondReminderLeadHours !== null;
  /** One field of the block, named and with its error as the API spells them. */
  const field = (
    key: Exclude<keyof NotificationPolicies, "turnedOff">,
    props: { label: string; hint?: string; max?: number; value: string | number },
  ) => (
    <TextField
      label={props.label}
      hint={props.hint}
      name={`${P}.${key}`}
      {...(props.max ? { type: "number", inputMode: "numeric", min: 1, max: props.max } : { type: "time" })}
      defaultValue={props.value}
      error={form.error(`${P}.${key}`)}
    />
  );

  return (
    <Card title="Notifications">
      <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
        <p className="kw-muted">
          Times are the clinic's. Changes apply to messages when they fall due, including ones already
          scheduled. Messages about a booking itself (confirmed, declined, moved, cancelled) always go.
        </p>
        <fieldset className={styles.group}>
          <legend className={styles.groupTitle}>Reminders</legend>
          <div className={styles.settingsGrid}>
            {field("reminderLeadHours", {
              label: "Reminder (hours before)",
              hint: "Real hours: 24 is the same time the day before, also across a clock change.",
              max: 168,
              value: n.reminderLeadHours,
            })}
            <div className="kw-stack">
              <label className={styles.check}>
                <input
                  type="checkbox"
                  name="secondReminder"
                  checked={secondOn}
                  onChange={(event) => setSecond(event.target.checked)}
                />
                Send a second reminder
              </label>
              {secondOn
                ? field("secondReminderLeadHours", {
                    label: "Second reminder (hours before)",
                    hint: "Closer to the appointment than the first.",
                    max: 167,
                    value: n.secondReminderLeadHours ?? 2,
                  })
                : null}
            </div>
            {field("intakeReminderLeadHours", {
              label: "Intake reminder (hours before a first visit)",
              hint: "Only while the intake form or consent is missing.",
              max: 336,
              value: n.intakeReminderLeadHours,
            })}
          </div>
        </fieldset>
        <fieldset className={styles.group}>
          <legend className={styles.groupTitle}>Quiet hours and timing</legend>
          <div className={styles.settingsGrid}>
            {field("quietHoursStart", {
              label: "Quiet hours start",
              hint: "Reminders and follow-ups wait until quiet hours end.",
              value: n.quietHoursStart,
            })}
            {field("quietHoursEnd", {
              label: "Quiet hours end",
              hint: "The same time as the start: no quiet hours.",
              value: n.quietHoursEnd,
            })}
            {field("checkInLocalTime", {
              label: "Check-in time (the day after a session)",
              value: n.checkInLocalTime,
            })}
          </div>
        </fieldset>
        <fieldset className={styles.group}>
          <legend className={styles.groupTitle}>Messages the clinic sends</legend>
          <p className="kw-muted">
            Clients can also turn reminders, follow-ups and check-ins off for themselves. The maintenance
            interval is under Booking policies.
          </p>
          <ul className={styles.kindList}>
            {OPTIONAL_KINDS.map((kind) => (
              <li key={kind}>
                <label className={styles.check}>
                  <input
                    type="checkbox"
                    name={`${P}.on`}
                    value={kind}
                    defaultChecked={!n.turnedOff.includes(kind)}
                  />
                  <span>
                    {KIND_LABELS[kind]}
                    <br />
                    <span className="kw-muted">{KIND_HINTS[kind]}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div aria-live="polite">
          {saved ? <Alert tone="info">Notification settings saved.</Alert> : null}
          {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
        </div>
        <div>
          <Button type="submit" disabled={form.busy}>
            {form.busy ? "Saving…" : "Save notification settings"}
          </Button>
        </div>
      </form>
    </Card>
  );
}
