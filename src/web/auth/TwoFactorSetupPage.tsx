/**
 * Setting up two-factor: scan the QR code (or type the key), confirm with a first code, then keep the
 * ten recovery codes, which are shown this once. Staff of a clinic that requires two-factor land here
 * right after their password; anyone else comes from their account page.
 */
import { useEffect, useState } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import type { TwoFactorEnrolment } from "../../core/api/account";
import { Alert, Button, Card, Loading } from "../ui/components";
import styles from "./Auth.module.css";
import { CodeForm } from "./CodeForm";
import { useSession } from "./session";
import { nextFrom } from "./TwoFactorVerifyPage";
import { twoFactorApi } from "./two-factor-api";

export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <ol className={styles.codes} aria-label="Recovery codes">
      {codes.map((code) => (
        <li key={code}>
          <code>{code}</code>
        </li>
      ))}
    </ol>
  );
}

export default function TwoFactorSetupPage() {
  const { loading, session, adopt, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const next = nextFrom(location.search);
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const enrolled = session?.twoFactor.enrolled ?? false;

  useEffect(() => {
    if (!session || enrolled) return;
    let live = true;
    twoFactorApi
      .startTwoFactor()
      .then((started) => live && setEnrolment(started))
      .catch((error: Error) => live && setProblem(error.message));
    return () => {
      live = false;
    };
  }, [session, enrolled]);

  if (loading) return <Loading />;
  if (!session) return <Navigate to="/sign-in?next=/two-factor/setup" replace />;
  if (session.twoFactor.pending === "verify") {
    return <Navigate to={`/sign-in/two-factor?next=${encodeURIComponent(next)}`} replace />;
  }
  const required = session.twoFactor.pending === "enrol";

  if (codes) {
    return (
      <div className={styles.auth}>
        <div className={styles.authCardWide}>
          <Card>
            <h1>Save your recovery codes</h1>
            <p>
              Two-factor sign-in is on. If you lose your phone, each of these codes lets you sign in once.
              Keep them somewhere safe (a password manager, or printed); they are not shown again.
            </p>
            <RecoveryCodeList codes={codes} />
            <label className={styles.check}>
              <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />I
              have saved my recovery codes
            </label>
            <Button
              block
              disabled={!saved}
              onClick={() =>
                void twoFactorApi.session().then((fresh) => {
                  adopt(fresh);
                  navigate(next === "/app" && !required ? "/app/account" : next, { replace: true });
                })
              }
            >
              Continue
            </Button>
          </Card>
        </div>
      </div>
    );
  }

  if (enrolled) {
    return (
      <div className={styles.auth}>
        <div className={styles.authCard}>
          <Card>
            <h1>Two-factor sign-in</h1>
            <Alert>Two-factor sign-in is already set up for this account.</Alert>
            <p>
              <Link to="/app/account">Back to your account</Link>
            </p>
          </Card>
        </div>
      </div>
    );
  }

  return (
    <div className={styles.auth}>
      <div className={styles.authCardWide}>
        <Card>
          <h1>Set up two-factor sign-in</h1>
          {required ? (
            <Alert tone="warning">
              {session.context?.clinicName ?? "Your clinic"} requires two-factor sign-in for staff. Set it up
              to continue.
            </Alert>
          ) : null}
          {problem ? <Alert tone="danger">{problem}</Alert> : null}
          <ol className={styles.steps}>
            <li>
              <h2 className={styles.stepTitle}>Scan this code with an authenticator app</h2>
              <p className="kw-muted">
                Any app that supports time-based codes works, for example Google Authenticator, Microsoft
                Authenticator, 1Password or Aegis.
              </p>
              {enrolment ? (
                <div className={styles.qrRow}>
                  <img
                    className={styles.qr}
                    src={`data:image/svg+xml;utf8,${encodeURIComponent(enrolment.qrSvg)}`}
                    alt="QR code for your authenticator app"
                    width={200}
                    height={200}
                  />
                  <div>
                    <p className={styles.keyLabel}>Can't scan? Type this key instead:</p>
                    <code className={styles.manualKey} data-testid="manual-key">
                      {enrolment.manualKey}
                    </code>
                  </div>
                </div>
              ) : (
                <Loading label="Making your key…" />
              )}
            </li>
            <li>
              <h2 className={styles.stepTitle}>Enter the 6-digit code the app shows</h2>
              <CodeForm
                label="Code from the app"
                submitLabel="Turn on two-factor"
                send={async (code) => setCodes((await twoFactorApi.confirmTwoFactor(code)).recoveryCodes)}
              />
            </li>
          </ol>
          {required ? (
            <div className={styles.secondary}>
              <Button variant="ghost" onClick={() => void signOut().then(() => navigate("/sign-in"))}>
                Sign out
              </Button>
            </div>
          ) : null}
        </Card>
      </div>
    </div>
  );
}
