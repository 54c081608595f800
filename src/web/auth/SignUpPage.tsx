import { Link, Navigate, useNavigate, useParams } from "react-router";
import { useZodForm } from "../forms";
import { NoClinicChosen, useClinicChoice } from "../setup/clinic-choice";
import { Alert, Button, Card, Loading, TextField } from "../ui/components";
import styles from "./Auth.module.css";
import { authApi, optional } from "./api";
import { lazySchema } from "./lazy-schema";
import { useSession } from "./session";

const SignupRequestSchema = lazySchema(() =>
  import("../../core/api/auth").then((m) => m.SignupRequestSchema),
);
/** Client sign-up at the clinic of `/c/SLUG/sign-up`, or at the installation's default clinic on `/sign-up`. */
export function SignUpPage() {
  const choice = useClinicChoice(useParams().slug ?? null);
  const { session } = useSession();
  if (session) return <Navigate to="/app" replace />;
  if (choice.state === "loading") return <Loading />;
  if (choice.state === "error") return <Alert tone="danger">{choice.message}</Alert>;
  if (choice.state === "none")
    return (
      <div className={styles.auth}>
        <div className={styles.authCard}>
          <NoClinicChosen page="sign-up" setupNeeded={choice.setupNeeded} />
        </div>
      </div>
    );
  return <SignUpForm clinicSlug={choice.slug} />;
}

function SignUpForm({ clinicSlug }: { clinicSlug: string }) {
  const { adopt } = useSession();
  const navigate = useNavigate();
  const form = useZodForm({
    schema: SignupRequestSchema,
    fields: ["firstName", "lastName", "email", "phone", "password"],
    read: (data) => ({
      clinicSlug,
      firstName: String(data.get("firstName") ?? ""),
      lastName: String(data.get("lastName") ?? ""),
      email: String(data.get("email") ?? ""),
      phone: optional(data.get("phone")),
      password: String(data.get("password") ?? ""),
    }),
    send: async (body) => {
      adopt(await authApi.signUp(body));
      navigate("/app", { replace: true });
    },
    fallback: "Sign-up failed. Please try again.",
  });
  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Create your account</h1>
          <p className="kw-muted">
            Book sessions, fill in your intake before your first visit, and follow your progress.
          </p>
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
              {form.busy ? "Creating account…" : "Create account"}
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

export default SignUpPage;
