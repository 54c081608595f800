import { Suspense, use } from "react";
import type { AuthContext } from "../../core/api/auth";
import { remember } from "../app/pages";
import { PortalHeader } from "../portal/PortalHeader";
import { Loading } from "../ui/components";
import { EmailConfirmationNotice } from "./EmailConfirmationNotice";

// The portal under its header is a chunk of its own (the 100 KB first-load budget, bench/web-size.ts),
// started with this one so that it loads alongside its data, which app/page-data.ts has started.
const portal = remember<{ context: AuthContext }>(() => import("../portal/PortalHome"));
void portal().catch(() => undefined);

function PortalBody({ context }: { context: AuthContext }) {
  const { default: PortalHome } = portal.loaded ?? use(portal());
  return <PortalHome context={context} />;
}

/** The client's home is the portal (F9): forms before the first visit, appointments, own data. */
export function ClientHome({ context }: { context: AuthContext }) {
  return (
    <>
      <EmailConfirmationNotice />
      <PortalHeader context={context} />
      <Suspense fallback={<Loading />}>
        <PortalBody context={context} />
      </Suspense>
    </>
  );
}
