import type { AuthContext } from "../../core/api/auth";
import { PortalHome } from "../portal/PortalHome";
import { EmailConfirmationNotice } from "./EmailConfirmationNotice";

/** The client's home is the portal (F9): forms before the first visit, appointments, own data. */
export function ClientHome({ context }: { context: AuthContext }) {
  return (
    <>
      <EmailConfirmationNotice />
      <PortalHome context={context} />
    </>
  );
}
