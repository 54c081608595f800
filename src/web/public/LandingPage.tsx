import { useSession } from "../auth/session";
import { useClinicChoice } from "../setup/clinic-choice";
import { ButtonLink, Card } from "../ui/components";
import { telHref, usePublicClinic } from "./clinic-data";
import styles from "./Landing.module.css";

/**
 * The installation's clinic, when it has one default (the only clinic, or KNOTWORK_DEFAULT_CLINIC):
 * a visitor sees whose site this is and can book at once; the full page is one link away.
 */
function ClinicCard({ slug }: { slug: string }) {
  const result = usePublicClinic(slug);
  if (result.state !== "ready") return null;
  const { clinic } = result;
  const page = `/c/${encodeURIComponent(slug)}`;
  return (
    <section className={styles.clinic} aria-labelledby="landing-clinic">
      <div className={styles.clinicText}>
        <p className="kw-eyebrow">Your clinic</p>
        <h2 id="landing-clinic">{clinic.name}</h2>
        {clinic.address ? <p className={styles.clinicAddress}>{clinic.address}</p> : null}
        {clinic.phone ? (
          <p>
            <a href={telHref(clinic.phone)}>{clinic.phone}</a>
          </p>
        ) : null}
      </div>
      <div className={`kw-row ${styles.clinicActions}`}>
        <ButtonLink to={`${page}/book`}>Book an appointment</ButtonLink>
        <ButtonLink to={page} variant="secondary">
          Prices, hours and therapists
        </ButtonLink>
      </div>
    </section>
  );
}

export function LandingPage() {
  const { session } = useSession();
  const choice = useClinicChoice(null);
  return (
    <>
      {choice.state === "chosen" ? <ClinicCard slug={choice.slug} /> : null}
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
    </>
  );
}

export default LandingPage;
