/** The second step of signing in for an account with two-factor: a code from the app, or a recovery code. */
import { Navigate, useLocation, useNavigate } from "react-router";
import { Button, Card, Loading } from "../ui/components";
import styles from "./Auth.module.css";
import { CodeForm } from "./CodeForm";
import { useSession } from "./session";
import { twoFactorApi } from "./two-factor-api";

export function nextFrom(search: string): string {
  const next = new URLSearchParams(search).get("next");
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/app";
}

export default function TwoFactorVerifyPage() {
  const { loading, session, adopt, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const next = nextFrom(location.search);
  if (loading) return <Loading />;
  if (!session) return <Navigate to="/sign-in" replace />;
  if (session.twoFactor.pending !== "verify") return <Navigate to={next} replace />;
  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Two-factor sign-in</h1>
          <p className="kw-muted">
            Open your authenticator app and enter the 6-digit code it shows for Knotwork ({session.user.email}
            ).
          </p>
          <CodeForm
            label="Code"
            hint="Lost your phone? Enter one of your recovery codes instead; each works once."
            submitLabel="Continue"
            send={async (code) => {
              adopt(await twoFactorApi.verifyTwoFactor(code));
              navigate(next, { replace: true });
            }}
          />
          <div className={styles.secondary}>
            <Button variant="ghost" onClick={() => void signOut().then(() => navigate("/sign-in"))}>
              Sign in as someone else
            </Button>
          </div>
        </Card>
      </div>
    </div>
  );
}
