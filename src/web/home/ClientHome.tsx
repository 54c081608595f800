import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { AuthContext } from "../../core/api/auth";
import type { Appointment } from "../../core/api/clinic";
import { get } from "../api/client";
import { AppointmentList } from "../appointments/AppointmentList";
import { useSession } from "../auth/session";
import { Card, Loading, PageHeader } from "../ui/components";
import { zoneAbbreviation } from "../ui/time";

const YEAR_MS = 365 * 86_400_000;

export function ClientHome({ context }: { context: AuthContext }) {
  const { session } = useSession();
  // Clients see times in their own zone, labelled as such.
  const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const range = useMemo(() => {
    const now = Date.now();
    return { from: new Date(now - YEAR_MS).toISOString(), to: new Date(now + 90 * 86_400_000).toISOString() };
  }, []);
  const query = useQuery({
    queryKey: ["my-appointments", range.from],
    queryFn: async () => {
      // The API serves at most 92 days per request; a year of history takes a few pages.
      const pages: Appointment[][] = [];
      for (let start = Date.parse(range.from); start < Date.parse(range.to); start += 90 * 86_400_000) {
        const end = Math.min(start + 90 * 86_400_000, Date.parse(range.to));
        pages.push(
          await get<Appointment[]>(
            `/api/appointments?from=${new Date(start).toISOString()}&to=${new Date(end).toISOString()}`,
          ),
        );
      }
      return pages.flat();
    },
  });
  if (query.isPending) return <Loading />;
  const all = query.data ?? [];
  const now = Date.now();
  const upcoming = all.filter(
    (a) => Date.parse(a.endsAt) >= now && a.status !== "cancelled" && a.status !== "declined",
  );
  const past = all.filter((a) => Date.parse(a.endsAt) < now).reverse();
  return (
    <>
      <PageHeader
        eyebrow={context.clinicName}
        title={`Welcome, ${session?.user.name.split(" ")[0] ?? ""}`}
        description={`Times are shown in your time zone (${zoneAbbreviation(ownZone)}).`}
      />
      <div className="kw-grid kw-grid--wide">
        <Card title="Upcoming appointments" flush>
          <AppointmentList
            appointments={upcoming}
            timeZone={ownZone}
            show="therapist"
            withDate
            empty="You have no upcoming appointments."
          />
        </Card>
        <Card title="Past appointments" flush>
          <AppointmentList
            appointments={past}
            timeZone={ownZone}
            show="therapist"
            withDate
            empty="No past appointments yet."
          />
        </Card>
      </div>
    </>
  );
}
