/**
 * The client's care on the staff client page (F7), for the owner and therapists: the treatment plan
 * (the rule's suggestion shown beside the form; sessions, interval and goals in the client's
 * words), the re-assessment prompt, booking the series, flagged soreness check-ins, the home-care
 * editor and the client's progress charts. Each reads its own query, so one slow part never holds
 * the page. Reads of diary, progress and check-ins are audited by the server.
 */
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { CHECK_IN_FLAG_WORDS } from "../../../core/aftercare/aftercare";
import { ApiError } from "../../api/client";
import { HomeCareEditor } from "../../homecare/HomeCareEditor";
import { clientProgressQuery } from "../../progress/api";
import { Alert, Card, Loading } from "../../ui/components";
import { formatDateTime } from "../../ui/time";
import { clientCheckInsQuery } from "../api";
import styles from "../Plans.module.css";
import { PlanPanel } from "./PlanPanel";

const ProgressCharts = lazy(() => import("../../progress/ProgressCharts"));

export function ClientCare({
  clientId,
  firstName,
  zone,
}: {
  clientId: string;
  firstName: string;
  zone: string;
}) {
  return (
    <div className={styles.staffCare}>
      <h2 className={styles.staffTitle}>Care</h2>
      <div className={styles.pageGrid}>
        <PlanPanel clientId={clientId} zone={zone} />
        <CheckIns clientId={clientId} zone={zone} />
      </div>
      <HomeCareEditor clientId={clientId} />
      <ClientProgress clientId={clientId} firstName={firstName} zone={zone} />
    </div>
  );
}

function CheckIns({ clientId, zone }: { clientId: string; zone: string }) {
  const checkIns = useQuery(clientCheckInsQuery(clientId));
  if (checkIns.isPending) return <Loading />;
  if (checkIns.error) return <Alert tone="danger">Could not load the check-ins.</Alert>;
  const flagged = checkIns.data.filter((c) => c.flagged);
  const recent = checkIns.data.slice(0, 5);
  return (
    <Card title="Soreness check-ins">
      {flagged.length > 0 ? (
        <div className={styles.flagged} role="alert">
          <p className={styles.flaggedTitle}>
            {flagged.length} {flagged.length === 1 ? "answer needs" : "answers need"} a look
          </p>
          <ul>
            {flagged.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.answeredAt, zone)}: soreness {c.soreness}/10
                {c.flags.length > 0 ? ` · ${c.flags.map((f) => CHECK_IN_FLAG_WORDS[f]).join(", ")}` : ""}
                {c.note ? <span className={styles.flaggedNote}> “{c.note}”</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {recent.length === 0 ? (
        <p className="kw-muted">No check-ins yet. The client is asked the day after each session.</p>
      ) : (
        <ul className={styles.planVisits}>
          {recent.map((c) => (
            <li key={c.id}>
              <span>{formatDateTime(c.answeredAt, zone)}</span>
              <span>
                {c.soreness}/10{c.flagged ? " · flagged" : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function ClientProgress({
  clientId,
  firstName,
  zone,
}: {
  clientId: string;
  firstName: string;
  zone: string;
}) {
  const progress = useQuery(clientProgressQuery(clientId));
  return (
    <section aria-labelledby="client-progress" className={styles.staffSection}>
      <h2 id="client-progress" className={styles.staffTitle}>
        Progress
      </h2>
      {progress.isPending ? (
        <Loading />
      ) : progress.error ? (
        <Alert tone="danger">
          {progress.error instanceof ApiError
            ? progress.error.message
            : "Could not load the progress charts."}
        </Alert>
      ) : (
        <Suspense fallback={<Loading label="Drawing the charts…" />}>
          <ProgressCharts progress={progress.data} zone={zone} who={firstName} headingLevel={3} />
        </Suspense>
      )}
    </section>
  );
}
