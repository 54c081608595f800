import { type FormEvent, useState } from "react";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import type { SessionResponse } from "../../core/api/auth";
import { ApiError, post } from "../api/client";
import { NoClinicChosen, useClinicChoice } from "../setup/clinic-choice";
import { Alert, Button, Card, Loading, TextField } from "../ui/components";
import { useSession } from "./session";

/** Client sign-up at the clinic of `/c/SLUG/sign-up`, or at the installation's default clinic on `/sign-up`. */
export function SignUpPage() {
  const choice = useClinicChoice(useParams().slug ?? null);
  const { session } = useSession();
  if (session) return <Navigate to="/app" replace />;
  if (choice.state === "loading") return <Loading />;
  if (choice.state === "error") return <Alert tone="danger">{choice.message}</Alert>;
  if (choice.state === "none")
    return (
      <div className="kw-auth">
        <div className="kw-auth__card">
          <NoClinicChosen page="sign-up" setupNeeded={choice.setupNeeded} />
        </div>
      </div>
    );
  return <SignUpForm clinicSlug={choice.slug} />;
}

function SignUpForm({ clinicSlug }: { clinicSlug: string }) {
  const { adopt } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

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
    <div className="kw-auth">
      <div className="kw-auth__card">
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
