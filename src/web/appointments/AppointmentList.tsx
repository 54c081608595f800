import type { Appointment } from "../../core/api/clinic";
import { Empty, StatusBadge } from "../ui/components";
import { formatDateTime, formatTime } from "../ui/time";

export function AppointmentList({
  appointments,
  timeZone,
  show = "client",
  withDate = false,
  empty = "Nothing scheduled.",
}: {
  appointments: Appointment[];
  timeZone: string;
  show?: "client" | "therapist";
  withDate?: boolean;
  empty?: string;
}) {
  if (appointments.length === 0) return <Empty>{empty}</Empty>;
  return (
    <ul className="kw-list">
      {appointments.map((a) => (
        <li key={a.id} className="kw-appt">
          <span className="kw-appt__time">
            {withDate ? formatDateTime(a.startsAt, timeZone) : formatTime(a.startsAt, timeZone)}
          </span>
          <span>
            <span className="kw-appt__who">{show === "client" ? a.client.name : a.therapist.name}</span>
            {a.firstVisit ? (
              <span className="kw-badge kw-badge--neutral" style={{ marginLeft: 8 }}>
                First visit
              </span>
            ) : null}
            <br />
            <span className="kw-appt__what">
              {a.service.name}
              {show === "client" ? ` · ${a.therapist.name}` : ""}
              {a.room ? ` · ${a.room.name}` : ""}
            </span>
          </span>
          <StatusBadge status={a.status} />
        </li>
      ))}
    </ul>
  );
}
