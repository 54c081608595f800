import { type FormEvent, useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { SessionResponse } from "../../core/api/auth";
import { ApiError, post } from "../api/client";
import { Alert, Button, Card, TextField } from "../ui/components";
import styles from "./Auth.module.css";
import { useSession } from "./session";

export function AcceptInvitePage() {
  const { token = "" } = useParams();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      adopt(
        await post<SessionResponse>("/api/auth/invitations/accept", {
          token,
          password: String(form.get("password") ?? ""),
        }),
      );
      navigate("/app", { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not accept the invitation.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Join your clinic</h1>
          <p className="kw-muted">Choose a password to finish setting up your staff account.</p>
          <form className="kw-stack" onSubmit={onSubmit} noValidate>
            {error ? <Alert tone="danger">{error}</Alert> : null}
            <TextField
              label="Password"
              name="password"
              type="password"
              autoComplete="new-password"
              hint="At least 10 characters."
              required
            />
            <Button type="submit" block disabled={busy}>
              {busy ? "Joining…" : "Join"}
            </Button>
          </form>
        </Card>
      </div>
    </div>
  );
}
