/**
 * The client's care pages (F7, F9) behind one route, `/app/care/:page`. One small entry in the page
 * table instead of five: every entry in the table (and the chunks it preloads) weighs on the entry
 * chunk that every public page loads.
 *
 * This chunk paints each page's heading and the care navigation; the page's own content (its query,
 * forms, hold timer or body map) is a chunk of its own that loads after the first paint, while the
 * page's data, started with this chunk (app/page-data.ts), arrives. That keeps every care page
 * within the 100 KB first-load budget (bench/web-size.ts) on a phone.
 */
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, Suspense, useSyncExternalStore } from "react";
import { Navigate, useParams } from "react-router";
import { LazyPage } from "../app/LazyPage";
import { type PageLoader, remember } from "../app/pages";
import { MY_HANDOUT_URL, myHomeCareQuery } from "../homecare/api";
import { ButtonLink, PageHeader } from "../ui/components";
import { CareLoading, CareNav } from "./CareNav";

interface CarePage {
  title: string;
  description: string;
  actions?: ReactNode;
  content: PageLoader;
}

/**
 * The shared home-care plan's handout, offered once the plan is in the cache: read from the cache
 * rather than through useQuery, whose observer (about 3 KB) loads with the page's content.
 */
function HandoutLink() {
  const queryClient = useQueryClient();
  const mine = useSyncExternalStore(
    (changed) => queryClient.getQueryCache().subscribe(changed),
    () => queryClient.getQueryData(myHomeCareQuery.queryKey),
  );
  return mine?.plan ? (
    <a className="kw-button kw-button--secondary" href={MY_HANDOUT_URL} download="home-care.pdf">
      Download the handout (PDF)
    </a>
  ) : null;
}

const PAGES: Record<string, CarePage> = {
  plan: {
    title: "Your treatment plan",
    description:
      "What you and your therapist agreed: how many sessions, how often, and what you want to get back to.",
    content: remember(() => import("./PlanPage")),
  },
  aftercare: {
    title: "Aftercare",
    description: "After a session: what is normal, what helps, and when to call us.",
    content: remember(() => import("../aftercare/AftercarePage")),
  },
  "home-care": {
    title: "Home care",
    description: "What to do between sessions, from your therapist. A few minutes a day makes the work last.",
    actions: <HandoutLink />,
    content: remember(() => import("../homecare/HomeCarePage")),
  },
  diary: {
    title: "Pain diary",
    description: "A few taps between sessions helps your therapist see what changes.",
    actions: (
      <ButtonLink to="/app/care/progress" variant="secondary">
        See my progress
      </ButtonLink>
    ),
    content: remember(() => import("../diary/DiaryPage")),
  },
  progress: {
    title: "Your progress",
    description: "Your diary and your sessions together: where it hurts, how much, and how it is changing.",
    actions: (
      <ButtonLink to="/app/care/diary" variant="secondary">
        Add a diary entry
      </ButtonLink>
    ),
    content: remember(() => import("../progress/ProgressPage")),
  },
};

export default function CarePages() {
  const { page = "" } = useParams();
  const care = Object.hasOwn(PAGES, page) ? PAGES[page] : undefined;
  if (!care) return <Navigate to="/app" replace />;
  return (
    <>
      <PageHeader title={care.title} description={care.description} actions={care.actions} />
      <CareNav />
      {/* A boundary per page: going to another care page paints its heading at once. */}
      <Suspense key={page} fallback={<CareLoading />}>
        <LazyPage load={care.content} />
      </Suspense>
    </>
  );
}
