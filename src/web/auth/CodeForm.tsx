/** One field for a second-factor code, checked with the API's schema before it is sent. */

import { lazySchema } from "../forms/lazy-schema";
import { useZodForm } from "../forms/useZodForm";
import { Alert, Button, TextField } from "../ui/components";

const TwoFactorCodeRequestSchema = lazySchema(() =>
  import("../../core/api/account").then((m) => m.TwoFactorCodeRequestSchema),
);

export function CodeForm({
  label,
  hint,
  submitLabel,
  send,
}: {
  label: string;
  hint?: string;
  submitLabel: string;
  send(code: string): Promise<void>;
}) {
  const form = useZodForm({
    schema: TwoFactorCodeRequestSchema,
    fields: ["code"],
    read: (data) => ({ code: String(data.get("code") ?? "") }),
    send: (body) => send(body.code),
    fallback: "That did not work. Please try again.",
  });
  return (
    <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
      {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
      <TextField
        label={label}
        name="code"
        hint={hint}
        inputMode="text"
        autoComplete="one-time-code"
        autoCapitalize="off"
        spellCheck={false}
        required
        error={form.error("code")}
      />
      <Button type="submit" block disabled={form.busy}>
        {form.busy ? "Checking…" : submitLabel}
      </Button>
    </form>
  );
}
