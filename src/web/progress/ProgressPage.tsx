/**
 * The client's progress charts (F7, F9): the page and its data first, the charts a moment later
 * (their own lazy chunk, docs/decisions/0016-progress-charts.md).
 */
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { ApiError } from "../api/client";
import { CareNav } from "../plans/CareNav";
import { Alert, ButtonLink, Loading, PageHeader } from "../ui/components";
import { myProgressQuery } from "./api";
import styles from "./Progress.module.css";

const ProgressCharts = lazy(() => import("./ProgressCharts"));

export default function ProgressPage() {
  const progress = useQuery(myProgressQuery);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <>
      <PageHeader
        title="Your progress"
        description="Your diary and your sessions together: where it hurts, how much, and how it is changing."
        actions={
          <ButtonLink to="/app/care/diary" variant="secondary">
            Add a diary entry
          </ButtonLink>
        }
      />
      <CareNav />
      <div className={styles.page}>
        {progress.isPending ? (
          <Loading />
        ) : progress.error ? (
          <Alert tone="danger">
            {progress.error instanceof ApiError ? progress.error.message : "Could not load your progress."}
          </Alert>
        ) : (
          <Suspense fallback={<Loading label="Drawing your charts…" />}>
            <ProgressCharts progress={progress.data} zone={zone} who="you" />
          </Suspense>
        )}
      </div>
    </>
  );
}
