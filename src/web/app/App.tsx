/**
 * The app's routes. Every page but the landing page is its own chunk; a signed-in page's chunk and
 * its first data are fetched together (pages.ts), at start-up for the page opened and on a link's
 * hover or focus for the next one, so pages no longer load in stages
 * (docs/decisions/0011-web-data-loading.md).
 */
import { lazy, type ReactNode, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import type { Role } from "../../core/api/auth";
import { useSession } from "../auth/session";
import { LandingPage } from "../public/LandingPage";
import { AppShell } from "../shell/AppShell";
import { registerPrefetcher } from "../shell/prefetch";
import { Alert, Loading } from "../ui/components";
import { PUBLIC_PAGES, preloadPath, SIGNED_IN_PAGES } from "./pages";

registerPrefetcher(preloadPath);

function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { loading, session, context } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!session) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />;
  if (!context || !roles.includes(context.role))
    return <Alert tone="warning">This page is not available for your role.</Alert>;
  return <>{children}</>;
}

function NotFound() {
  return <Alert tone="warning">We couldn't find that page.</Alert>;
}

// React.lazy over the same import functions pages.ts preloads: a preloaded chunk renders at once.
const QueryLayout = lazy(() => import("./QueryLayout"));
const publicPages = PUBLIC_PAGES.map((page) => ({ ...page, Page: lazy(page.load) }));
const signedInPages = SIGNED_IN_PAGES.map((page) => ({ ...page, Page: lazy(page.load) }));

export function App() {
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<LandingPage />} />
          {publicPages.map(({ path, Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          <Route element={<QueryLayout />}>
            {signedInPages.map(({ path, roles, Page }) => (
              <Route
                key={path}
                path={path}
                element={
                  roles ? (
                    <RequireRole roles={roles}>
                      <Page />
                    </RequireRole>
                  ) : (
                    <Page />
                  )
                }
              />
            ))}
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </AppShell>
  );
}
