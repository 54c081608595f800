import { Navigate } from "react-router";
import { useSession } from "../auth/session";
import { Alert, Loading } from "../ui/components";
import { ClientHome } from "./ClientHome";
import { FrontDeskHome, OwnerHome, TherapistHome } from "./StaffHomes";

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
  switch (context.role) {
    case "owner":
      return <OwnerHome context={context} />;
    case "front_desk":
      return <FrontDeskHome context={context} />;
    case "therapist":
      return <TherapistHome context={context} />;
    case "client":
      return <ClientHome context={context} />;
  }
}
