import { useState } from "react";
import { LoginRequestSchema, type SessionResponse, SignupRequestSchema } from "../../core/api/auth";
import { post } from "../api/client";
import { useSession } from "../auth/session";
import { useZodForm } from "../forms";
import { Alert, Button, Card, TextField } from "../ui/components";

const SIGN_UP_FIELDS = ["firstName", "lastName", "email", "phone", "password"] as const;
const SIGN_IN_FIELDS = ["email", "password"] as const;

/** Sign in or create an account without leaving the chosen slot (the URL keeps it). */
export function AccountStep({ slug }: { slug: string }) {
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
      {mode === "sign-up" ? <SignUpForm slug={slug} /> : <SignInForm />}
    </Card>
  );
}

const text = (data: FormData, name: string) => String(data.get(name) ?? "");

function SignUpForm({ slug }: { slug: string }) {
  const { adopt } = useSession();
  const form = useZodForm({
    schema: SignupRequestSchema,
    fields: SIGN_UP_FIELDS,
    read: (data) => ({
      clinicSlug: slug,
      firstName: text(data, "firstName"),
      lastName: text(data, "lastName"),
      email: text(data, "email"),
      phone: text(data, "phone").trim() || undefined,
      password: text(data, "password"),
    }),
    send: async (body) => adopt(await post<SessionResponse>("/api/auth/signup", body)),
    fallback: "That didn't work. Please try again.",
  });
  return (
    <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
      {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
      <TextField
        label="First name"
        name="firstName"
        autoComplete="given-name"
        required
        error={form.error("firstName")}
      />
      <TextField
        label="Last name"
        name="lastName"
        autoComplete="family-name"
        required
        error={form.error("lastName")}
      />
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="email"
        required
        error={form.error("email")}
      />
      <TextField
        label="Phone (optional)"
        name="phone"
        type="tel"
        autoComplete="tel"
        error={form.error("phone")}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters. A short sentence works well."
        required
        error={form.error("password")}
      />
      <Button type="submit" block disabled={form.busy}>
        {form.busy ? "One moment…" : "Create account and continue"}
      </Button>
    </form>
  );
}

function SignInForm() {
  const { adopt } = useSession();
  const form = useZodForm({
    schema: LoginRequestSchema,
    fields: SIGN_IN_FIELDS,
    read: (data) => ({ email: text(data, "email"), password: text(data, "password") }),
    send: async (body) => adopt(await post<SessionResponse>("/api/auth/login", body)),
    fallback: "That didn't work. Please try again.",
  });
  return (
    <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
      {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
      <TextField
        label="E-mail"
        name="email"
        type="email"
        autoComplete="username"
        required
        error={form.error("email")}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={form.error("password")}
      />
      <Button type="submit" block disabled={form.busy}>
        {form.busy ? "One moment…" : "Sign in and continue"}
      </Button>
    </form>
  );
}
