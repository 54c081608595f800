import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { useZodForm } from "../forms";
import { Alert, Button, Card, TextField } from "../ui/components";
import styles from "./Auth.module.css";
import { authApi } from "./api";
import { lazySchema } from "./lazy-schema";
import { useSession } from "./session";

const LoginRequestSchema = lazySchema(() => import("../../core/api/auth").then((m) => m.LoginRequestSchema));
export function SignInPage() {
  const { session, adopt } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const next = new URLSearchParams(location.search).get("next");
  const destination = next?.startsWith("/") && !next.startsWith("//") ? next : "/app";
  const form = useZodForm({
    schema: LoginRequestSchema,
    fields: ["email", "password"],
    read: (data) => ({
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
    }),
    send: async (body) => {
      adopt(await authApi.signIn(body));
      navigate(destination, { replace: true });
    },
    fallback: "Sign-in failed. Please try again.",
  });
  if (session) return <Navigate to={destination} replace />;

  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Sign in</h1>
          <p className="kw-muted">Clinic staff and clients sign in here.</p>
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
              {form.busy ? "Signing in…" : "Sign in"}
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

export default SignInPage;
