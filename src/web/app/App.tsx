/**
 * The app's routes, as a React Router data router. A signed-in page's code and its data load
 * together: the route's `lazy` fetches the page's chunk while its `loader` fetches what the page
 * shows first into the query cache (page-data.ts), so the page renders once, with content, instead
 * of loading in stages (docs/decisions/0011-web-data-loading.md). Navigation links start both on
 * hover or focus (`prefetchPath`).
 */
import { type ComponentType, type ReactNode, Suspense } from "react";
import {
  createBrowserRouter,
  type LoaderFunctionArgs,
  matchRoutes,
  Navigate,
  Outlet,
  type Params,
  type RouteObject,
  ScrollRestoration,
  useLocation,
} from "react-router";
import type { Role } from "../../core/api/auth";
import { AcceptInvitePage } from "../auth/AcceptInvitePage";
import { SignInPage } from "../auth/SignInPage";
import { SignUpPage } from "../auth/SignUpPage";
import { currentSession, useSession } from "../auth/session";
import { LandingPage } from "../public/LandingPage";
import { AppShell } from "../shell/AppShell";
import { registerPrefetcher } from "../shell/prefetch";
import { Alert, Loading } from "../ui/components";
import type { PageDataKey } from "./page-data";

function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { loading, session, context } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!context || !roles.includes(context.role))
    return <Alert tone="warning">This page is not available for your role.</Alert>;
  return <>{children}</>;
}

const STAFF: readonly Role[] = ["owner", "therapist", "front_desk"];
const CLIENT: readonly Role[] = ["client"];
const EVERYONE: readonly Role[] = [...STAFF, ...CLIENT];

function NotFound() {
  return <Alert tone="warning">We couldn't find that page.</Alert>;
}

function Root() {
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
      <ScrollRestoration />
    </AppShell>
  );
}

type PageModule = { default: ComponentType };

/** A page loaded on demand (its own chunk), so public pages stay small on a phone. */
function lazyPage(load: () => Promise<PageModule>, roles?: readonly Role[]): RouteObject["lazy"] {
  return async () => {
    const { default: Page } = await load();
    return {
      Component: roles
        ? () => (
            <RequireRole roles={roles}>
              <Page />
            </RequireRole>
          )
        : Page,
    };
  };
}

/**
 * Fetches a signed-in page's first data while its code loads. Data is fetched only for someone
 * who may see the page; the page itself still decides what to show (sign-in, not for your role).
 */
function pagePreload(key: PageDataKey, roles: readonly Role[]) {
  return async (params: Params, url: URL): Promise<null> => {
    const [session, data] = await Promise.all([currentSession(), import("./page-data")]);
    const context = session?.context;
    if (context && roles.includes(context.role)) {
      await data.preloadPage(key, { params, search: url.searchParams, context });
    }
    return null;
  };
}

/** What a route's `handle` carries for prefetching on intent. */
interface PageHandle {
  preload?: (params: Params, url: URL) => Promise<null>;
}

function signedIn(
  path: string,
  roles: readonly Role[],
  load: () => Promise<PageModule>,
  data?: PageDataKey,
): RouteObject {
  const lazy = lazyPage(load, roles === EVERYONE ? undefined : roles);
  if (!data) return { path, lazy };
  const preload = pagePreload(data, roles);
  return {
    path,
    lazy,
    loader: ({ params, request }: LoaderFunctionArgs) => preload(params, new URL(request.url)),
    handle: { preload } satisfies PageHandle,
  };
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    // Shown in the page area while the first page's code and data load (the header is already there).
    HydrateFallback: Loading,
    children: [
      { path: "/", element: <LandingPage /> },
      { path: "/sign-in", element: <SignInPage /> },
      { path: "/sign-up", element: <SignUpPage /> },
      { path: "/invite/:token", element: <AcceptInvitePage /> },
      // Public pages, each its own small chunk (bench/web-size.bench.ts weighs them).
      { path: "/finder", lazy: lazyPage(() => import("../finder/FinderPage")) },
      { path: "/atlas", lazy: lazyPage(() => import("../atlas/AtlasIndexPage")) },
      { path: "/atlas/:muscleId", lazy: lazyPage(() => import("../atlas/MusclePage")) },
      // Online booking starts signed out too, on a phone: no TanStack Query, its own small chunk.
      { path: "/book", lazy: lazyPage(() => import("../booking/BookingPage")) },
      {
        lazy: async () => ({ Component: (await import("./QueryLayout")).default }),
        children: [
          signedIn("/app", EVERYONE, () => import("../home/HomePage"), "home"),
          signedIn("/app/clients", STAFF, () => import("../clients/ClientsPage"), "clients"),
          signedIn("/app/clients/:id", STAFF, () => import("../clients/ClientPage"), "client"),
          signedIn("/app/team", ["owner", "front_desk"], () => import("../team/TeamPage"), "team"),
          signedIn("/app/calendar", STAFF, () => import("../calendar/CalendarPage"), "calendar"),
          signedIn(
            "/app/requests",
            ["owner", "front_desk"],
            () => import("../requests/RequestsPage"),
            "requests",
          ),
          signedIn("/app/settings", ["owner"], () => import("../settings/SettingsPage"), "settings"),
          signedIn("/app/intake", CLIENT, () => import("../intake/IntakePage"), "intake"),
          signedIn("/app/consent", CLIENT, () => import("../consent/ConsentPage"), "consent"),
          signedIn("/app/consent/edit", ["owner"], () => import("../consent/ConsentEditor")),
          signedIn("/app/audit", ["owner"], () => import("../audit/AuditPage")),
        ],
      },
      { path: "*", Component: NotFound },
    ],
  },
];

export function createAppRouter() {
  const router = createBrowserRouter(routes);
  registerPrefetcher((to) => {
    const url = new URL(to, window.location.origin);
    const matches = matchRoutes(routes, url.pathname) ?? [];
    for (const { route, params } of matches) {
      // The same work a navigation would start: the page's code, and its data.
      if (typeof route.lazy === "function") void route.lazy().catch(() => undefined);
      void (route.handle as PageHandle | undefined)?.preload?.(params, url);
    }
  });
  return router;
}
