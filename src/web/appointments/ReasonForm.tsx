import { ReasonRequestSchema } from "../../core/api/scheduling";
import { useZodForm } from "../forms";
import { Button, TextAreaField } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./Appointments.module.css";

/** Decline or cancel with a reason the client sees (checked with the API's schema first). */
export function ReasonForm({
  kind,
  busy,
  onCancel,
  onSubmit,
}: {
  kind: "decline" | "cancel";
  busy: boolean;
  onCancel(): void;
  onSubmit(reason: string): void;
}) {
  const form = useZodForm({
    schema: ReasonRequestSchema,
    fields: ["reason"],
    read: (data) => ({ reason: String(data.get("reason") ?? "") }),
    send: async (body) => onSubmit(body.reason),
  });
  return (
    <form
      className={cx(styles.inlineForm, "kw-stack")}
      onSubmit={form.onSubmit}
      onChange={form.onChange}
      noValidate
    >
      <TextAreaField
        label={
          kind === "decline" ? "Why decline? (the client sees this)" : "Why cancel? (the client sees this)"
        }
        name="reason"
        rows={3}
        maxLength={500}
        autoFocus
        error={form.error("reason")}
      />
      {form.formError ? <p className="kw-field__error">{form.formError}</p> : null}
      <div className="kw-row">
        <Button type="submit" variant="danger" disabled={busy}>
          {kind === "decline" ? "Decline request" : "Cancel appointment"}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Back
        </Button>
      </div>
    </form>
  );
}
