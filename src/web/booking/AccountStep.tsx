import { useState } from "react";
import { useSession } from "../auth/session";
import { SignInForm, SignUpForm } from "../forms/AccountForms";
import { Card } from "../ui/components";

/** Sign in or create an account without leaving the chosen slot (the URL keeps it). */
export function AccountStep({ slug }: { slug: string }) {
  const { adopt } = useSession();
  const [mode, setMode] = useState<"sign-up" | "sign-in">("sign-up");
  return (
    <Card title={mode === "sign-up" ? "Create your account to book" : "Sign in to book"}>
      <p className="kw-muted">Your chosen time stays selected while you do this.</p>
      <div className="kw-pills" style={{ marginBottom: "var(--kw-space-4)" }}>
        <button
          type="button"
          className="kw-pill"
          aria-pressed={mode === "sign-up"}
          onClick={() => setMode("sign-up")}
        >
          I'm new here
        </button>
        <button
          type="button"
          className="kw-pill"
          aria-pressed={mode === "sign-in"}
          onClick={() => setMode("sign-in")}
        >
          I have an account
        </button>
      </div>
      {mode === "sign-up" ? (
        <SignUpForm
          clinicSlug={slug}
          onSignedUp={adopt}
          submitLabel="Create account and continue"
          busyLabel="One moment…"
        />
      ) : (
        <SignInForm onSignedIn={adopt} submitLabel="Sign in and continue" busyLabel="One moment…" />
      )}
    </Card>
  );
}
