import { useSession } from "../auth/session";
import { ButtonLink, Card } from "../ui/components";
import styles from "./Landing.module.css";

export function LandingPage() {
  const { session } = useSession();
  return (
    <section className={styles.hero}>
      <div>
        <p className="kw-eyebrow">Trigger point therapy</p>
        <h1>Find where your pain comes from, and treat it.</h1>
        <p className={styles.heroLead}>
          A tight knot in one muscle often hurts somewhere else. Knotwork helps you find the muscles that
          commonly cause pain where you feel it, book a session, and follow your progress.
        </p>
        <div className="kw-row">
          <ButtonLink to="/finder">Find where your pain comes from</ButtonLink>
          <ButtonLink to="/atlas" variant="secondary">
            Browse the muscle atlas
          </ButtonLink>
        </div>
        <div className="kw-row" style={{ marginTop: "var(--kw-space-3)" }}>
          {session ? (
            <ButtonLink to="/app" variant="secondary">
              Go to your dashboard
            </ButtonLink>
          ) : (
            <>
              <ButtonLink to="/sign-up" variant="secondary">
                Create an account
              </ButtonLink>
              <ButtonLink to="/sign-in" variant="ghost">
                Sign in
              </ButtonLink>
            </>
          )}
        </div>
      </div>
      <Card title="How it works">
        <ol className={styles.steps}>
          <li>
            <span>
              <strong>Find.</strong> Mark where it hurts on a body map and see the muscles that often refer
              pain there.
            </span>
          </li>
          <li>
            <span>
              <strong>Book.</strong> Request a consultation or a 30, 60 or 90 minute session at a time that
              suits you.
            </span>
          </li>
          <li>
            <span>
              <strong>Prepare.</strong> Fill in a short health questionnaire so your therapist can treat you
              safely.
            </span>
          </li>
          <li>
            <span>
              <strong>Follow up.</strong> Home care, a pain diary and your progress, in one place.
            </span>
          </li>
        </ol>
      </Card>
    </section>
  );
}

export default LandingPage;
