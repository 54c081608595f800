import { type FormEvent, useState } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import type { SessionResponse } from "../../core/api/auth";
import { ApiError, post } from "../api/client";
import { Alert, Button, Card, TextField } from "../ui/components";
import styles from "./Auth.module.css";
import { useSession } from "./session";

export function SignInPage() {
  const { session, adopt } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = new URLSearchParams(location.search).get("next");
  const destination = next?.startsWith("/") && !next.startsWith("//") ? next : "/app";
  if (session) return <Navigate to={destination} replace />;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await post<SessionResponse>("/api/auth/login", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      adopt(result);
      navigate(destination, { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Sign-in failed. Please try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Sign in</h1>
          <p className="kw-muted">Clinic staff and clients sign in here.</p>
          <form className="kw-stack" onSubmit={onSubmit} noValidate>
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <TextField label="E-mail" name="email" type="email" autoComplete="username" required />
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
            />
            <Button type="submit" block disabled={busy}>
              {busy ? "Signing in…" : "Sign in"}
            </Button>
          </form>
          <p className="kw-muted" style={{ marginTop: "var(--kw-space-4)" }}>
            New client? <Link to="/sign-up">Create an account</Link>
          </p>
        </Card>
      </div>
    </div>
  );
}
