/**
 * One muscle of the atlas (docs/product.md F2): where its pain is felt (on the body map), where its
 * trigger points are, what sets them off, how to treat it yourself with a hold timer, a stretch,
 * cautions, sources, and a way to book. The text comes from the API; the map loads lazily.
 */
import { lazy, Suspense, useEffect, useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import type { Side } from "../../core/body/regions";
import { useSession } from "../auth/session";
import { bookingHrefFrom } from "../finder/marks-url";
import { Alert, ButtonLink, Loading } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./Atlas.module.css";
import { loadMuscle, type MuscleDetail } from "./atlas-api";
import { HoldTimer } from "./HoldTimer";
import { CAUSE_LABELS, CONFIDENCE_LABELS, GROUP_LABELS, shortRegionName, TOOL_LABELS } from "./labels";

const PatternMap = lazy(() => import("./PatternMap"));

type Loaded =
  | { status: "loading" }
  | { status: "error"; message: string }
  | { status: "ok"; detail: MuscleDetail | null };

function useMuscle(id: string): Loaded {
  const [loaded, setLoaded] = useState<{ id: string; value: Loaded }>({ id, value: { status: "loading" } });
  useEffect(() => {
    let live = true;
    loadMuscle(id).then(
      (detail) => live && setLoaded({ id, value: { status: "ok", detail } }),
      (error: unknown) =>
        live &&
        setLoaded({
          id,
          value: {
            status: "error",
            message: error instanceof Error ? error.message : "Something went wrong.",
          },
        }),
    );
    return () => {
      live = false;
    };
  }, [id]);
  return loaded.id === id ? loaded.value : { status: "loading" };
}

export default function MusclePage() {
  const { muscleId = "" } = useParams();
  const loaded = useMuscle(muscleId);

  useEffect(() => {
    if (loaded.status === "ok" && loaded.detail)
      document.title = `${loaded.detail.muscle.name} · Muscle atlas · Knotwork`;
    return () => {
      document.title = "Knotwork";
    };
  }, [loaded]);

  if (loaded.status === "loading") return <Loading />;
  if (loaded.status === "error") return <Alert tone="danger">{loaded.message}</Alert>;
  if (!loaded.detail) {
    return (
      <div className="kw-stack">
        <Alert tone="warning">We couldn't find that muscle in the atlas.</Alert>
        <p>
          <Link to="/atlas">Browse the muscle atlas</Link>
        </p>
      </div>
    );
  }
  return <MuscleArticle detail={loaded.detail} />;
}

function useSide(): [Side, (side: Side) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const side: Side = new URLSearchParams(location.search).get("side") === "right" ? "right" : "left";
  return [
    side,
    (next) => {
      // Other parameters (the finder's marks) stay.
      const search = new URLSearchParams(location.search);
      search.set("side", next);
      navigate({ search: `?${search}` }, { replace: true });
    },
  ];
}

function MuscleArticle({ detail }: { detail: MuscleDetail }) {
  const { muscle, sources, generalRules } = detail;
  const [side, setSide] = useSide();
  const location = useLocation();
  const { context } = useSession();
  const isStaff = Boolean(context && context.role !== "client");
  const otherNames = muscle.alsoKnownAs.filter((n) => n.toLowerCase() !== muscle.name.toLowerCase());
  const { selfTreatment } = muscle;

  return (
    <article className={styles.muscle}>
      <p className={styles.muscleBack}>
        <Link to="/atlas">← Muscle atlas</Link>
      </p>
      <header className={styles.muscleHeader}>
        <p className="kw-eyebrow">{GROUP_LABELS[muscle.group]}</p>
        <h1>{muscle.name}</h1>
        <p className={styles.muscleNames}>
          {muscle.anatomicalName !== muscle.name ? (
            <span>Anatomical name: {muscle.anatomicalName}. </span>
          ) : null}
          {otherNames.length > 0 ? <span>Also called: {otherNames.join(", ")}.</span> : null}
        </p>
      </header>

      <div className={styles.muscleLayout}>
        <section className={styles.muscleMap} aria-labelledby="kw-where-pain">
          <h2 id="kw-where-pain">Where it sends pain</h2>
          <dl className={styles.muscleZones}>
            <div>
              <dt>
                <span className={cx(styles.zone, styles.isEssential)} aria-hidden="true" /> Usually felt
              </dt>
              <dd>
                <ul className={styles.tags}>
                  {muscle.essential.map((t) => (
                    <li key={t}>{shortRegionName(t)}</li>
                  ))}
                </ul>
              </dd>
            </div>
            {muscle.spillover.length > 0 ? (
              <div>
                <dt>
                  <span className={cx(styles.zone, styles.isSpillover)} aria-hidden="true" /> Sometimes also
                </dt>
                <dd>
                  <ul className={styles.tags}>
                    {muscle.spillover.map((t) => (
                      <li key={t}>{shortRegionName(t)}</li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </dl>
          <Suspense fallback={<div className={styles.patternPlaceholder} aria-hidden="true" />}>
            <PatternMap muscle={muscle} side={side} onSideChange={setSide} />
          </Suspense>
        </section>

        <div className={styles.muscleText}>
          <section aria-labelledby="kw-trigger-points">
            <h2 id="kw-trigger-points">Where the trigger points are</h2>
            <p>{muscle.triggerPoints}</p>
          </section>

          <section aria-labelledby="kw-causes">
            <h2 id="kw-causes">What sets it off</h2>
            <ul className={cx(styles.tags, styles.tagsSoft)} aria-label="Common causes">
              {muscle.causes.map((cause) => (
                <li key={cause}>{CAUSE_LABELS[cause]}</li>
              ))}
            </ul>
            <p>{muscle.activators}</p>
          </section>

          <section aria-labelledby="kw-self">
            <h2 id="kw-self">Treat it yourself</h2>
            <dl className={cx(styles.muscleFacts, "kw-dl")}>
              <dt>Use</dt>
              <dd>{TOOL_LABELS[selfTreatment.tool]}</dd>
              <dt>Hold</dt>
              <dd>
                {selfTreatment.holdSeconds[0]}–{selfTreatment.holdSeconds[1]} seconds per spot
              </dd>
              <dt>How often</dt>
              <dd>{selfTreatment.frequency}</dd>
            </dl>
            <p>{selfTreatment.how}</p>
            <HoldTimer range={selfTreatment.holdSeconds} />
          </section>

          <section aria-labelledby="kw-stretch">
            <h2 id="kw-stretch">Stretch</h2>
            <p>{muscle.stretch}</p>
          </section>

          <section aria-labelledby="kw-cautions" className={styles.muscleCautions}>
            <h2 id="kw-cautions">Take care</h2>
            {muscle.cautions.length > 0 ? (
              <ul>
                {muscle.cautions.map((caution) => (
                  <li key={caution}>{caution}</li>
                ))}
              </ul>
            ) : null}
            <details>
              <summary>Safety rules for all self-treatment</summary>
              <ul>
                {generalRules.map((rule) => (
                  <li key={rule}>{rule}</li>
                ))}
              </ul>
            </details>
          </section>

          {isStaff ? null : (
            <section className={styles.muscleBook} aria-labelledby="kw-book">
              <h2 id="kw-book">Let a therapist find it</h2>
              <p>
                A trigger point therapist finds and treats these spots by touch, and shows you how to keep
                them from coming back.
              </p>
              <ButtonLink to={bookingHrefFrom(location.search)}>Book a session</ButtonLink>
            </section>
          )}

          <section aria-labelledby="kw-sources" className={styles.muscleSources}>
            <h2 id="kw-sources">Sources</h2>
            <p>
              Referral pattern: {CONFIDENCE_LABELS[muscle.confidence].toLowerCase()}. Patterns follow Travell
              and Simons' trigger point manual, as summarised by the sources below. This page describes
              muscles commonly associated with pain in these places; it is not a diagnosis.
            </p>
            <details>
              <summary>{sources.length === 1 ? "1 source" : `${sources.length} sources`}</summary>
              <ul>
                {sources.map((source) => (
                  <li key={source.key}>{source.citation}</li>
                ))}
              </ul>
            </details>
          </section>
        </div>
      </div>
    </article>
  );
}
