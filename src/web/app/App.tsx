import { lazy, type ReactNode, Suspense } from "react";
import { Navigate, Route, Routes, useLocation } from "react-router";
import type { Role } from "../../core/api/auth";
import { AcceptInvitePage } from "../auth/AcceptInvitePage";
import { SignInPage } from "../auth/SignInPage";
import { SignUpPage } from "../auth/SignUpPage";
import { useSession } from "../auth/session";
import { LandingPage } from "../public/LandingPage";
import { AppShell } from "../shell/AppShell";
import { Alert, Loading } from "../ui/components";

// Signed-in pages load on demand, so public pages stay small on a phone.
const HomePage = lazy(() => import("../home/HomePage"));
const ClientsPage = lazy(() => import("../clients/ClientsPage"));
const ClientPage = lazy(() => import("../clients/ClientPage"));
const TeamPage = lazy(() => import("../team/TeamPage"));
const AuditPage = lazy(() => import("../audit/AuditPage"));
const QueryLayout = lazy(() => import("./QueryLayout"));
const CalendarPage = lazy(() => import("../calendar/CalendarPage"));
const RequestsPage = lazy(() => import("../requests/RequestsPage"));
const SettingsPage = lazy(() => import("../settings/SettingsPage"));
const IntakePage = lazy(() => import("../intake/IntakePage"));
const ConsentPage = lazy(() => import("../consent/ConsentPage"));
const ConsentEditor = lazy(() => import("../consent/ConsentEditor"));
// Online booking starts signed out too, on a phone: its own chunk, with the query cache (booking/api.ts).
const BookingPage = lazy(() => import("../booking/BookingPage"));
// Public pages, each its own small chunk (bench/web-size.bench.ts weighs them).
const FinderPage = lazy(() => import("../finder/FinderPage"));
const AtlasIndexPage = lazy(() => import("../atlas/AtlasIndexPage"));
const MusclePage = lazy(() => import("../atlas/MusclePage"));
// The first-run page: used once per installation, so it never weighs on the other pages.
const SetupPage = lazy(() => import("../setup/SetupPage"));

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

function NotFound() {
  return <Alert tone="warning">We couldn't find that page.</Alert>;
}

export function App() {
  return (
    <AppShell>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route path="/" element={<LandingPage />} />
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/invite/:token" element={<AcceptInvitePage />} />
          <Route path="/finder" element={<FinderPage />} />
          <Route path="/atlas" element={<AtlasIndexPage />} />
          <Route path="/atlas/:muscleId" element={<MusclePage />} />
          {/* A clinic's own addresses, for installations with several clinics. */}
          <Route path="/c/:slug/sign-up" element={<SignUpPage />} />
          <Route path="/setup" element={<SetupPage />} />
          <Route element={<QueryLayout />}>
            <Route path="/book" element={<BookingPage />} />
            <Route path="/c/:slug/book" element={<BookingPage />} />
            <Route path="/app" element={<HomePage />} />
            <Route
              path="/app/clients"
              element={
                <RequireRole roles={STAFF}>
                  <ClientsPage />
                </RequireRole>
              }
            />
            <Route
              path="/app/clients/:id"
              element={
                <RequireRole roles={STAFF}>
                  <ClientPage />
                </RequireRole>
              }
            />
            <Route
              path="/app/team"
              element={
                <RequireRole roles={["owner", "front_desk"]}>
                  <TeamPage />
                </RequireRole>
              }
            />
            <Route
              path="/app/calendar"
              element={
                <RequireRole roles={STAFF}>
                  <CalendarPage />
                </RequireRole>
              }
            />
            <Route
              path="/app/requests"
              element={
                <RequireRole roles={["owner", "front_desk"]}>
                  <RequestsPage />
                </RequireRole>
              }
            />
            <Route
              path="/app/settings"
              element={
                <RequireRole roles={["owner"]}>
                  <SettingsPage />
                </RequireRole>
              }
            />
            <Route
              path="/app/intake"
              element={
                <RequireRole roles={CLIENT}>
                  <IntakePage />
                </RequireRole>
              }
            />
            <Route
              path="/app/consent"
              element={
                <RequireRole roles={CLIENT}>
                  <ConsentPage />
                </RequireRole>
              }
            />
            <Route
              path="/app/consent/edit"
              element={
                <RequireRole roles={["owner"]}>
                  <ConsentEditor />
                </RequireRole>
              }
            />
            <Route
              path="/app/audit"
              element={
                <RequireRole roles={["owner"]}>
                  <AuditPage />
                </RequireRole>
              }
            />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </Suspense>
    </AppShell>
  );
}
