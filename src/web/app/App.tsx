/**
 * The app's routes. Every page but the landing page is its own chunk; a signed-in page's chunk and
 * its first data are fetched together (pages.ts), at start-up for the page opened and on a link's
 * hover or focus for the next one, so pages no longer load in stages
 * (docs/decisions/0012-web-data-loading.md).
 */
import { type ReactNode, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import type { Role } from "../../core/api/auth";
import { SecondFactorGate } from "../auth/SecondFactorGate";
import { useSession } from "../auth/session";
import { AppShell } from "../shell/AppShell";
import { registerPrefetcher } from "../shell/prefetch";
import { Alert, Loading } from "../ui/components";
import { LazyPage } from "./LazyPage";
import { CACHED_PAGES, loadQueryLayout, PUBLIC_PAGES, preloadPath } from "./pages";

registerPrefetcher(preloadPath);

function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { loading, session, context, signedOut } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!session)
    return (
      <Navigate to={signedOut ? "/" : `/sign-in?next=${encodeURIComponent(location.pathname)}`} replace />
    );
  if (!context || !roles.includes(context.role))
    return <Alert tone="warning">This page is not available for your role.</Alert>;
  return <>{children}</>;
}

function NotFound() {
  return <Alert tone="warning">We couldn't find that page.</Alert>;
}

export function App() {
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>
        <SecondFactorGate>
          <Routes>
            {PUBLIC_PAGES.map(({ path, load }) => (
              <Route key={path} path={path} element={<LazyPage load={load} />} />
            ))}
            <Route element={<LazyPage load={loadQueryLayout} />}>
              {CACHED_PAGES.map(({ path, roles, load }) => (
                <Route
                  key={path}
                  path={path}
                  element={
                    roles ? (
                      <RequireRole roles={roles}>
                        <LazyPage load={load} />
                      </RequireRole>
                    ) : (
                      <LazyPage load={load} />
                    )
                  }
                />
              ))}
            </Route>
            <Route path="*" element={<NotFound />} />
          </Routes>
        </SecondFactorGate>
      </Suspense>
    </AppShell>
  );
}
