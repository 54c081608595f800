import type { ReactNode } from "react";
import type { Appointment } from "../../core/api/clinic";
import { useSession } from "../auth/session";
import { FlagBadges } from "../intake/FlagBadges";
import { useClientFlags } from "../intake/flags";
import { Empty, StatusBadge } from "../ui/components";
import { formatDayShort, formatTime } from "../ui/time";
import styles from "./Appointments.module.css";

/**
 * A list of appointments: time first (what the front desk and the therapist scan for), then who,
 * what and where. `show` picks the person named: the client (staff views) or the therapist (client views).
 */
export function AppointmentList({
  appointments,
  timeZone,
  show = "client",
  withDate = false,
  hideTherapist = false,
  empty = "Nothing scheduled.",
  action,
}: {
  appointments: Appointment[];
  timeZone: string;
  show?: "client" | "therapist";
  withDate?: boolean;
  hideTherapist?: boolean;
  empty?: string;
  /** Something to do with each appointment, shown under it (e.g. the therapist's "Open chart"). */
  action?: (appointment: Appointment) => ReactNode;
}) {
  const { context } = useSession();
  // Staff see each client's screening flags beside their name (F5).
  const flags = useClientFlags(
    appointments.map((a) => a.client.id),
    show === "client" && context !== null && context.role !== "client",
  );
  if (appointments.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="kw-list">
      {appointments.map((a) => {
        const details = [
          a.service.name,
          show === "client" && !hideTherapist ? a.therapist.name : null,
          a.room?.name,
        ]
          .filter(Boolean)
          .join(" · ");
        return (
          <li key={a.id} className={styles.appt}>
            <span className={styles.apptTime}>
              {withDate ? (
                <span className={styles.apptDate}>{formatDayShort(a.startsAt, timeZone)}</span>
              ) : null}
              <span>{formatTime(a.startsAt, timeZone)}</span>
            </span>
            <span>
              <span className={styles.apptHeadline}>
                <span className={styles.apptWho}>{show === "client" ? a.client.name : a.therapist.name}</span>
                <StatusBadge status={a.status} />
                {a.firstVisit ? <span className="kw-badge kw-badge--neutral">First visit</span> : null}
                {show === "client" ? <FlagBadges flags={flags.get(a.client.id) ?? []} limit={2} /> : null}
              </span>
              <span className={styles.apptWhat}>{details}</span>
              {action ? action(a) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
