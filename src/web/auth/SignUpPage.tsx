import { Link, Navigate, useNavigate, useParams } from "react-router";
import { SignUpForm } from "../forms/AccountForms";
import { NoClinicChosen, useClinicChoice } from "../setup/clinic-choice";
import { Alert, Card, Loading } from "../ui/components";
import styles from "./Auth.module.css";
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
      <div className={styles.auth}>
        <div className={styles.authCard}>
          <NoClinicChosen page="sign-up" setupNeeded={choice.setupNeeded} />
        </div>
      </div>
    );
  return <SignUpCard clinicSlug={choice.slug} />;
}

function SignUpCard({ clinicSlug }: { clinicSlug: string }) {
  const { adopt } = useSession();
  const navigate = useNavigate();
  return (
    <div className={styles.auth}>
      <div className={styles.authCard}>
        <Card>
          <h1>Create your account</h1>
          <p className="kw-muted">
            Book sessions, fill in your intake before your first visit, and follow your progress.
          </p>
          <SignUpForm
            clinicSlug={clinicSlug}
            onSignedUp={(session) => {
              adopt(session);
              navigate("/app", { replace: true });
            }}
          />
          <p className="kw-muted" style={{ marginTop: "var(--kw-space-4)" }}>
            Already have an account? <Link to="/sign-in">Sign in</Link>
          </p>
        </Card>
      </div>
    </div>
  );
}

export default SignUpPage;
