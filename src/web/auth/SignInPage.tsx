import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { SignInForm } from "../forms/AccountForms";
import { Card } from "../ui/components";
import styles from "./Auth.module.css";
import { secondFactorPath } from "./second-factor-path";
import { useSession } from "./session";

export function SignInPage() {
  const { session, adopt } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const next = new URLSearchParams(location.search).get("next");
  const destination = next?.startsWith("/") && !next.startsWith("//") ? next : "/app";
  if (session) return <Navigate to={secondFactorPath(session, destination) ?? destination} replace />;

  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Sign in</h1>
          <p className="kw-muted">Clinic staff and clients sign in here.</p>
          <SignInForm
            onSignedIn={(session) => {
              adopt(session);
              navigate(secondFactorPath(session, destination) ?? destination, { replace: true });
            }}
          />
          <p className="kw-muted" style={{ marginTop: "var(--kw-space-4)" }}>
            <Link to="/forgot-password">Forgot your password?</Link>
          </p>
          <p className="kw-muted">
            New client? <Link to="/sign-up">Create an account</Link>
          </p>
        </Card>
      </div>
    </div>
  );
}

export default SignInPage;
