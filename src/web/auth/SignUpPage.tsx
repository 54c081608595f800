import { type FormEvent, useState } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import type { SessionResponse } from "../../core/api/auth";
import { ApiError, post } from "../api/client";
import { Alert, Button, Card, TextField } from "../ui/components";
import styles from "./Auth.module.css";
import { useSession } from "./session";

/** Client sign-up at the demo clinic (one installation's public clinic; multi-clinic pick comes with booking). */
export function SignUpPage({ clinicSlug = "demo" }: { clinicSlug?: string }) {
  const { session, adopt } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  if (session) return <Navigate to="/app" replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await post<SessionResponse>("/api/auth/signup", {
        clinicSlug,
        firstName: String(form.get("firstName") ?? ""),
        lastName: String(form.get("lastName") ?? ""),
        email: String(form.get("email") ?? ""),
        phone: String(form.get("phone") ?? "") || undefined,
        password: String(form.get("password") ?? ""),
      });
      adopt(result);
      navigate("/app", { replace: true });
    } catch (caught) {
      if (caught instanceof ApiError) setError({ message: caught.message, field: caught.field });
      else setError({ message: "Sign-up failed. Please try again." });
    } finally {
      setBusy(false);
    }
  }
  const fieldError = (name: string) => (error?.field === name ? error.message : null);

  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Create your account</h1>
          <p className="kw-muted">
            Book sessions, fill in your intake before your first visit, and follow your progress.
          </p>
          <form className="kw-stack" onSubmit={onSubmit} noValidate>
            {error && !error.field ? <Alert tone="danger">{error.message}</Alert> : null}
            <TextField
              label="First name"
              name="firstName"
              autoComplete="given-name"
              required
              error={fieldError("firstName")}
            />
            <TextField
              label="Last name"
              name="lastName"
              autoComplete="family-name"
              required
              error={fieldError("lastName")}
            />
            <TextField
              label="E-mail"
              name="email"
              type="email"
              autoComplete="email"
              required
              error={fieldError("email")}
            />
            <TextField
              label="Phone (optional)"
              name="phone"
              type="tel"
              autoComplete="tel"
              error={fieldError("phone")}
            />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="new-password"
              hint="At least 10 characters. A short sentence works well."
              required
              error={fieldError("password")}
            />
            <Button type="submit" block disabled={busy}>
              {busy ? "Creating account…" : "Create account"}
            </Button>
          </form>
          <p className="kw-muted" style={{ marginTop: "var(--kw-space-4)" }}>
            Already have an account? <Link to="/sign-in">Sign in</Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
