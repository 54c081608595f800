/** Chooses a new password with the link from the reset e-mail (`/reset-password?token=…`). */
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { post } from "../api/client";
import { lazySchema } from "../forms/lazy-schema";
import { useZodForm } from "../forms/useZodForm";
import { Alert, Button, ButtonLink, Card, TextField } from "../ui/components";
import styles from "./Auth.module.css";

const PasswordResetSchema = lazySchema(() =>
  import("../../core/api/account").then((m) => m.PasswordResetSchema),
);

export default function ResetPasswordPage() {
  const location = useLocation();
  const token = new URLSearchParams(location.search).get("token") ?? "";
  const [done, setDone] = useState<string | null>(null);
  const form = useZodForm({
    schema: PasswordResetSchema,
    fields: ["newPassword"],
    read: (data) => ({ token, newPassword: String(data.get("newPassword") ?? "") }),
    send: async (body) =>
      setDone((await post<{ message: string }>("/api/auth/password-reset/confirm", body)).message),
    fallback: "That did not work. Please try again.",
  });
  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Choose a new password</h1>
          {done ? (
            <div className="kw-stack">
              <Alert>{done}</Alert>
              <ButtonLink to="/sign-in" block>
                Sign in
              </ButtonLink>
            </div>
          ) : (
            <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
              {form.formError ? (
                <Alert tone="danger">
                  {form.formError} <Link to="/forgot-password">Ask for a new link</Link>
                </Alert>
              ) : null}
              <TextField
                label="New password"
                name="newPassword"
                type="password"
                autoComplete="new-password"
                hint="At least 10 characters. A short sentence works well. You will be signed out everywhere."
                required
                error={form.error("newPassword")}
              />
              <Button type="submit" block disabled={form.busy}>
                {form.busy ? "Saving…" : "Set new password"}
              </Button>
            </form>
          )}
        </Card>
      </div>
    </div>
  );
}
