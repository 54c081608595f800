/**
 * The client's care pages (F7, F9) behind one route, `/app/care/:page`. One small entry in the page
 * table instead of five, each page its own chunk loaded from here: every entry in the table (and
 * the chunks it preloads) weighs on the entry chunk that every public page loads, and the finder
 * is at its 100 KB budget. The price is one more small request on the first visit to a care page.
 */
import { lazy, Suspense } from "react";
import { Navigate, useParams } from "react-router";
import { Loading } from "../ui/components";

const PAGES = {
  plan: lazy(() => import("./PlanPage")),
  aftercare: lazy(() => import("../aftercare/AftercarePage")),
  "home-care": lazy(() => import("../homecare/HomeCarePage")),
  diary: lazy(() => import("../diary/DiaryPage")),
  progress: lazy(() => import("../progress/ProgressPage")),
} as const;

export default function CarePages() {
  const { page = "" } = useParams();
  const Page = PAGES[page as keyof typeof PAGES];
  if (!Page) return <Navigate to="/app" replace />;
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}
