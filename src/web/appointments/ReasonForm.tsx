import { useId } from "react";
import { ReasonRequestSchema } from "../../core/api/scheduling";
import { useZodForm } from "../forms";
import { Button } from "../ui/components";
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
  const id = useId();
  const form = useZodForm({
    schema: ReasonRequestSchema,
    fields: ["reason"],
    read: (data) => ({ reason: String(data.get("reason") ?? "") }),
    send: async (body) => onSubmit(body.reason),
  });
  const error = form.error("reason");
  return (
    <form
      className={cx(styles.inlineForm, "kw-stack")}
      onSubmit={form.onSubmit}
      onChange={form.onChange}
      noValidate
    >
      <div className="kw-field">
        <label htmlFor={id}>
          {kind === "decline" ? "Why decline? (the client sees this)" : "Why cancel? (the client sees this)"}
        </label>
        <textarea
          id={id}
          name="reason"
          className="kw-input kw-textarea"
          rows={3}
          maxLength={500}
          // biome-ignore lint/a11y/noAutofocus: the reason field is what the reader just asked for
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        />
        {error ? (
          <span className="kw-field__error" id={`${id}-error`}>
            {error}
          </span>
        ) : null}
      </div>
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
