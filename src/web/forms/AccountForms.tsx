/**
 * The account forms, written once: sign up (a client at a clinic) and sign in. The sign-up and
 * sign-in pages and booking's account step all render these, so their fields, wording and error
 * handling cannot drift apart. Each checks with the API's schema in the browser first (every
 * field's problem at once, in plain words); the server's answer is the authority.
 */
import type { ReactNode } from "react";
import type { SessionResponse } from "../../core/api/auth";
import { post } from "../api/client";
import { signUpAndSignIn } from "../auth/signup";
import { Alert, Button, TextField } from "../ui/components";
import { lazySchema } from "./lazy-schema";
import { useZodForm, type ZodForm } from "./useZodForm";

// zod is most of a sign-in page's weight: the schemas arrive just after first paint (lazy-schema.ts).
const SignupRequestSchema = lazySchema(() =>
  import("../../core/api/auth").then((m) => m.SignupRequestSchema),
);
const LoginRequestSchema = lazySchema(() => import("../../core/api/auth").then((m) => m.LoginRequestSchema));

const text = (data: FormData, name: string) => String(data.get(name) ?? "");

export function SignUpForm({
  clinicSlug,
  onSignedUp,
  submitLabel = "Create account",
  busyLabel = "Creating account…",
}: {
  clinicSlug: string;
  onSignedUp(session: SessionResponse): void;
  submitLabel?: ReactNode;
  busyLabel?: ReactNode;
}) {
  const form = useZodForm({
    schema: SignupRequestSchema,
    fields: ["firstName", "lastName", "email", "phone", "password"],
    read: (data) => ({
      clinicSlug,
      firstName: text(data, "firstName"),
      lastName: text(data, "lastName"),
      email: text(data, "email"),
      phone: text(data, "phone").trim() || undefined,
      password: text(data, "password"),
    }),
    send: async (body) => onSignedUp(await signUpAndSignIn(body)),
    fallback: "Sign-up failed. Please try again.",
  });
  return (
    <AccountForm form={form} submitLabel={submitLabel} busyLabel={busyLabel}>
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
      <EmailField form={form} autoComplete="email" />
      <TextField
        label="Phone (optional)"
        name="phone"
        type="tel"
        autoComplete="tel"
        error={form.error("phone")}
      />
      <PasswordField form={form} isNew />
    </AccountForm>
  );
}

export function SignInForm({
  onSignedIn,
  submitLabel = "Sign in",
  busyLabel = "Signing in…",
}: {
  onSignedIn(session: SessionResponse): void;
  submitLabel?: ReactNode;
  busyLabel?: ReactNode;
}) {
  const form = useZodForm({
    schema: LoginRequestSchema,
    fields: ["email", "password"],
    read: (data) => ({ email: text(data, "email"), password: text(data, "password") }),
    send: async (body) => onSignedIn(await post<SessionResponse>("/api/auth/login", body)),
    fallback: "Sign-in failed. Please try again.",
  });
  return (
    <AccountForm form={form} submitLabel={submitLabel} busyLabel={busyLabel}>
      <EmailField form={form} autoComplete="username" />
      <PasswordField form={form} />
    </AccountForm>
  );
}

/** The shell both forms share: the form, a problem that belongs to no field, the button. */
function AccountForm({
  form,
  submitLabel,
  busyLabel,
  children,
}: {
  form: ZodForm;
  submitLabel: ReactNode;
  busyLabel: ReactNode;
  children: ReactNode;
}) {
  return (
    <form className="kw-stack" onSubmit={form.onSubmit} onChange={form.onChange} noValidate>
      {form.formError ? <Alert tone="danger">{form.formError}</Alert> : null}
      {children}
      <Button type="submit" block disabled={form.busy}>
        {form.busy ? busyLabel : submitLabel}
      </Button>
    </form>
  );
}

function EmailField({ form, autoComplete }: { form: ZodForm; autoComplete: "email" | "username" }) {
  return (
    <TextField
      label="E-mail"
      name="email"
      type="email"
      autoComplete={autoComplete}
      required
      error={form.error("email")}
    />
  );
}

function PasswordField({ form, isNew = false }: { form: ZodForm; isNew?: boolean }) {
  return (
    <TextField
      label="Password"
      name="password"
      type="password"
      autoComplete={isNew ? "new-password" : "current-password"}
      hint={isNew ? "At least 10 characters. A short sentence works well." : undefined}
      required
      error={form.error("password")}
    />
  );
}
