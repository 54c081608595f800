import { Suspense, use } from "react";
import { Navigate } from "react-router";
import type { AuthContext, Role } from "../../core/api/auth";
import { type PageLoader, remember } from "../app/pages";
import { currentSession, useSession } from "../auth/session";
import { Alert, Loading } from "../ui/components";

type HomeProps = { context: AuthContext };

// Each role's home is a chunk of its own: the client's portal must not carry the staff homes (their
// appointment dialogs, requests and zod schemas), and the other way round (bench/web-size.ts).
const staffHomes = () => import("./StaffHomes");
const HOMES: Record<Role, PageLoader<HomeProps>> = {
  client: remember(() => import("./ClientHome").then((m) => ({ default: m.ClientHome }))),
  owner: remember(() => staffHomes().then((m) => ({ default: m.OwnerHome }))),
  front_desk: remember(() => staffHomes().then((m) => ({ default: m.FrontDeskHome }))),
  therapist: remember(() => staffHomes().then((m) => ({ default: m.TherapistHome }))),
};

// Start the signed-in person's home with this chunk (often on a link's hover), not after it renders.
void currentSession()
  .then((session) => (session?.context ? HOMES[session.context.role]() : null))
  .catch(() => undefined);

/** Like App.tsx's LazyPage: a home already loaded renders at once, without a Suspense fallback. */
function RoleHome({ context }: HomeProps) {
  const load = HOMES[context.role];
  const { default: Home } = load.loaded ?? use(load());
  return <Home context={context} />;
}

/** The signed-in home: one page per role. */
export default function HomePage() {
  const { loading, session, context, signedOut } = useSession();
  if (loading) return <Loading />;
  if (!session) return <Navigate to={signedOut ? "/" : "/sign-in?next=/app"} replace />;
  if (!context)
    return (
      <Alert tone="warning">
        Your account is not linked to a clinic yet. Ask your clinic for an invitation.
      </Alert>
    );
  // A boundary of its own: waiting for the role's chunk must not hold back the navigation to /app
  // (the shell would keep the previous page's location, then close a menu opened meanwhile).
  return (
    <Suspense fallback={<Loading />}>
      <RoleHome context={context} />
    </Suspense>
  );
}
