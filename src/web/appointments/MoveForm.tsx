import { useState } from "react";
import { ProposeRequestSchema, RescheduleRequestSchema } from "../../core/api/scheduling";
import { clearField, useZodForm } from "../forms";
import { Alert, Button, TextAreaField } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./Appointments.module.css";
import type { AppointmentDetail } from "./api";
import { SlotPicker } from "./SlotPicker";
import { addDays, formatClock, formatLocalDay, localDateOf, zoneDisplayName } from "./time";

/** Propose another time for a request (a message is required) or move a confirmed appointment. */
export function MoveForm({
  appointment: a,
  kind,
  timeZone,
  busy,
  onCancel,
  onSubmit,
}: {
  appointment: AppointmentDetail;
  kind: "propose" | "reschedule";
  timeZone: string;
  busy: boolean;
  onCancel(): void;
  onSubmit(start: string, reason: string): void;
}) {
  const [start, setStart] = useState<string | null>(null);
  const today = localDateOf(Date.now(), timeZone);
  const form = useZodForm({
    schema: kind === "propose" ? ProposeRequestSchema : RescheduleRequestSchema,
    fields: ["start", "reason"],
    read: (data) => {
      const reason = String(data.get("reason") ?? "").trim();
      return { start: start ?? "", ...(reason || kind === "propose" ? { reason } : {}) };
    },
    send: async (body) => onSubmit(body.start, body.reason ?? ""),
  });
  return (
    <form
      className={cx(styles.inlineForm, "kw-stack")}
      onSubmit={form.onSubmit}
      onChange={form.onChange}
      noValidate
    >
      <p className="kw-muted" style={{ margin: 0 }}>
        Open times with {a.therapist.name} for {a.service.name}, in the clinic's time (
        {zoneDisplayName(timeZone)}).
      </p>
      <SlotPicker
        slug={null}
        serviceId={a.service.id}
        therapistId={a.therapist.id}
        zone={timeZone}
        today={today}
        lastDay={addDays(today, 365)}
        day={[localDateOf(a.startsAt, timeZone), today].sort()[1] ?? today}
        selected={start}
        onSelect={(slot) => {
          setStart(slot.start);
          form.setErrors(clearField(form.errors, "start"));
        }}
        compact
      />
      {form.error("start") ? <Alert tone="warning">Pick a time first.</Alert> : null}
      <TextAreaField
        label={
          kind === "propose"
            ? "Message to the client (why another time)"
            : "Reason (optional, the client sees this)"
        }
        name="reason"
        rows={2}
        maxLength={500}
        error={form.error("reason")}
      />
      {form.formError ? <p className="kw-field__error">{form.formError}</p> : null}
      <div className="kw-row">
        <Button type="submit" disabled={busy}>
          {kind === "propose" ? "Propose this time" : "Move to this time"}
          {start
            ? ` (${formatLocalDay(localDateOf(start, timeZone), "short")}, ${formatClock(start, timeZone)})`
            : ""}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Back
        </Button>
      </div>
    </form>
  );
}
