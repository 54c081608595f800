/**
 * The client's progress charts (F7, F9): the page and its data first, the charts a moment later
 * (their own lazy chunk, docs/decisions/0016-progress-charts.md). The content under the heading and
 * care navigation that plans/CarePages.tsx paints first.
 */
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { ApiError } from "../api/client";
import { remember } from "../app/pages";
import { Alert, Loading } from "../ui/components";
import { myProgressQuery } from "./api";
import styles from "./Progress.module.css";

// The charts are what this page is for: their chunk starts with this one, alongside the page's own
// imports and its data, rather than once the page has rendered.
const loadCharts = remember(() => import("./ProgressCharts"));
void loadCharts().catch(() => undefined);
const ProgressCharts = lazy(loadCharts);

export default function ProgressPage() {
  const progress = useQuery(myProgressQuery);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
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
  );
}
