/**
 * The client portal's header (F9): the clinic, a welcome, the time zone times are shown in, and
 * "Book a visit". It needs only the session, so it paints before the rest of the portal
 * (PortalHome.tsx) and its data have loaded, and keeps the portal's first load small.
 */
import { useSearchParams } from "react-router";
import type { AuthContext } from "../../core/api/auth";
import { useSession } from "../auth/session";
import { ButtonLink, PageHeader } from "../ui/components";
import { zoneAbbreviation } from "../ui/time";

/** The body regions chosen in the finder, carried on to the questionnaire and booking. */
export function regionsSearchOf(params: URLSearchParams): string {
  const regions = params.get("regions");
  return regions ? `?regions=${encodeURIComponent(regions)}` : "";
}

export function PortalHeader({ context }: { context: AuthContext }) {
  const { session } = useSession();
  const [params] = useSearchParams();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <PageHeader
      eyebrow={context.clinicName}
      title={`Welcome, ${session?.user.name.split(" ")[0] ?? ""}`}
      description={`Times are shown in your time zone (${zoneAbbreviation(zone)}).`}
      actions={
        <ButtonLink to={`/book${regionsSearchOf(params)}`} variant="primary">
          Book a visit
        </ButtonLink>
      }
    />
  );
}
