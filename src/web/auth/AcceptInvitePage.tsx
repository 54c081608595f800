import { type FormEvent, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import type { InvitationPreview, SessionResponse } from "../../core/api/auth";
import { ApiError, get, post } from "../api/client";
import { Alert, Button, Card, Loading, TextField } from "../ui/components";
import styles from "./Auth.module.css";
import { useSession } from "./session";

/**
 * The link in a staff invitation. A new address chooses a password; an address that already has
 * an account signs in to accept (or, signed in as it already, just accepts).
 */
export function AcceptInvitePage() {
  const { token = "" } = useParams();
  const { session, adopt } = useSession();
  const navigate = useNavigate();
  const [preview, setPreview] = useState<InvitationPreview | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    get<InvitationPreview>(`/api/auth/invitations/preview?token=${encodeURIComponent(token)}`).then(
      setPreview,
      (caught: unknown) =>
        setInvalid(caught instanceof ApiError ? caught.message : "Could not open the invitation."),
    );
  }, [token]);

  async function accept(password?: string) {
    setBusy(true);
    setError(null);
    try {
      adopt(
        await post<SessionResponse>("/api/auth/invitations/accept", {
          token,
          ...(password === undefined ? {} : { password }),
        }),
      );
      navigate("/app", { replace: true });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not accept the invitation.");
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void accept(String(new FormData(event.currentTarget).get("password") ?? ""));
  }

  const signedInAsInvitee =
    preview && session && session.user.email.toLowerCase() === preview.email.toLowerCase();

  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Join {preview?.clinicName || "your clinic"}</h1>
          {invalid ? <Alert tone="danger">{invalid}</Alert> : null}
          {!preview && !invalid ? <Loading /> : null}
          {preview && signedInAsInvitee ? (
            <div className="kw-stack">
              <p className="kw-muted">You are signed in as {preview.email}.</p>
              {error ? <Alert tone="danger">{error}</Alert> : null}
              <Button block disabled={busy} onClick={() => void accept()}>
                {busy ? "Joining…" : `Accept and join ${preview.clinicName}`}
              </Button>
            </div>
          ) : null}
          {preview && !signedInAsInvitee ? (
            <form className="kw-stack" onSubmit={onSubmit} noValidate>
              <p className="kw-muted">
                {preview.existingAccount
                  ? "You already have a Knotwork account with this address. Sign in to accept."
                  : "Choose a password to finish setting up your staff account."}
              </p>
              {error ? <Alert tone="danger">{error}</Alert> : null}
              <TextField label="E-mail" name="email" type="email" value={preview.email} readOnly />
              <TextField
                label="Password"
                name="password"
                type="password"
                autoComplete={preview.existingAccount ? "current-password" : "new-password"}
                hint={preview.existingAccount ? undefined : "At least 10 characters."}
                required
              />
              <Button type="submit" block disabled={busy}>
                {busy ? "Joining…" : preview.existingAccount ? "Sign in and join" : "Join"}
              </Button>
            </form>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
export default AcceptInvitePage;
