/** Asks for a password-reset link; the answer is the same whether or not the address has an account. */
import { useState } from "react";
import { Link } from "react-router";
import { post } from "../api/client";
import { lazySchema } from "../forms/lazy-schema";
import { useZodForm } from "../forms/useZodForm";
import { Alert, Button, Card, TextField } from "../ui/components";
import styles from "./Auth.module.css";

const PasswordResetRequestSchema = lazySchema(() =>
  import("../../core/api/account").then((m) => m.PasswordResetRequestSchema),
);

export default function ForgotPasswordPage() {
  const [answer, setAnswer] = useState<string | null>(null);
  const form = useZodForm({
    schema: PasswordResetRequestSchema,
    fields: ["email"],
    read: (data) => ({ email: String(data.get("email") ?? "") }),
    send: async (body) =>
      setAnswer((await post<{ message: string }>("/api/auth/password-reset", body)).message),
    fallback: "That did not work. Please try again.",
  });
  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Forgot your password?</h1>
          {answer ? (
            <Alert>{answer}</Alert>
          ) : (
            <>
              <p className="kw-muted">
                Enter your e-mail and we will send you a link to choose a new password.
              </p>
              <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
                {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
                <TextField
                  label="E-mail"
                  name="email"
                  type="email"
                  autoComplete="email"
                  required
                  error={form.error("email")}
                />
                <Button type="submit" block disabled={form.busy}>
                  {form.busy ? "Sending…" : "Send the link"}
                </Button>
              </form>
            </>
          )}
          <p className="kw-muted" style={{ marginTop: "var(--kw-space-4)" }}>
            <Link to="/sign-in">Back to sign in</Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
