/**
 * The client's treatment plan (F7, F9): planned against done, the interval, goals in their words,
 * and "Book the series" (the sessions still to book, offered at the planned interval with the same
 * therapist, booked together, each slot with its own answer). The content under the heading and
 * care navigation that CarePages.tsx paints first.
 */
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense } from "react";
import { ApiError } from "../api/client";
import { portalKeys } from "../portal/api";
import { Alert, ButtonLink, Card, Empty, Loading } from "../ui/components";
import { bookMySeries, myPlanQuery, mySeriesOffer } from "./api";
import { CareLoading } from "./CareNav";
import { PlanSummary } from "./PlanSummary";
import styles from "./Plans.module.css";

// Booking the series (its form, mutation and offer) loads after the plan has painted: it keeps the
// plan's own chunk small (bench/web-size.ts), and its offer is fetched once it shows anyway.
const SeriesBooking = lazy(() => import("./SeriesBooking").then((m) => ({ default: m.SeriesBooking })));

export default function PlanPage() {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const mine = useQuery(myPlanQuery);
  const plan = mine.data?.plan ?? null;
  return mine.isPending ? (
    <CareLoading />
  ) : mine.error ? (
    <Alert tone="danger">
      {mine.error instanceof ApiError ? mine.error.message : "Could not load your plan."}
    </Alert>
  ) : !plan ? (
    <div className={styles.pageGrid}>
      <Card>
        <Empty>
          No plan yet. After your first session your therapist suggests one: usually a few sessions a week or
          two apart, then a visit every few weeks to keep it that way.
        </Empty>
        <ButtonLink to="/book">Book a visit</ButtonLink>
      </Card>
    </div>
  ) : (
    <div className={styles.pageGrid}>
      <Card title="Your plan">
        <PlanSummary plan={plan} zone={zone} />
      </Card>
      <Card title="Book the series">
        {plan.status === "active" ? (
          <Suspense fallback={<Loading />}>
            <SeriesBooking
              offer={mySeriesOffer}
              book={bookMySeries}
              invalidate={[portalKeys.all]}
              zone={zone}
              remaining={plan.progress.remaining}
            />
          </Suspense>
        ) : plan.status === "maintenance" ? (
          <>
            <p>
              You have finished the planned sessions. A visit every {plan.maintenanceIntervalWeeks ?? "few"}{" "}
              weeks keeps it that way.
            </p>
            <ButtonLink to="/book">Book a maintenance visit</ButtonLink>
          </>
        ) : (
          <p className="kw-muted">This plan is closed.</p>
        )}
      </Card>
    </div>
  );
}
