import { Link } from "react-router";
import { StatusBadge } from "../ui/components";
import styles from "./Appointments.module.css";
import type { AppointmentDetail } from "./api";
import { describeWhen } from "./describe";
import { formatClock, formatLocalDay, localDateOf, zoneDisplayName } from "./time";
import { heldUntil, noteLabel } from "./wording";

const SOURCE_WORDS = { online: "Booked online", phone: "Booked by phone", staff: "Booked by staff" } as const;

/** What, when, who and where, with the note labelled by who wrote it. */
export function AppointmentFacts({
  appointment: a,
  timeZone,
  onClose,
}: {
  appointment: AppointmentDetail;
  timeZone: string;
  onClose(): void;
}) {
  const held = heldUntil(a);
  return (
    <>
      <div className={styles.apptDetailBadges}>
        <StatusBadge status={a.status} />
        {a.firstVisit ? <span className="kw-badge kw-badge--neutral">First visit</span> : null}
        <span className="kw-badge kw-badge--neutral">{SOURCE_WORDS[a.source]}</span>
      </div>
      <dl className="kw-dl">
        <dt>Client</dt>
        <dd>
          <Link to={`/app/clients/${a.client.id}`} onClick={onClose}>
            {a.client.name}
          </Link>
        </dd>
        <dt>Service</dt>
        <dd>{a.service.name}</dd>
        <dt>Therapist</dt>
        <dd>{a.therapist.name}</dd>
        <dt>Room</dt>
        <dd>{a.room?.name ?? "No room"}</dd>
        <dt>When</dt>
        <dd>
          {describeWhen(a, timeZone)}
          <span className="kw-muted"> · {zoneDisplayName(timeZone)}</span>
        </dd>
        {held ? (
          <>
            <dt>Held until</dt>
            <dd>
              {formatLocalDay(localDateOf(held, timeZone), "short")}, {formatClock(held, timeZone)}
            </dd>
          </>
        ) : null}
        {a.statusReason ? (
          <>
            <dt>Reason</dt>
            <dd>{a.statusReason}</dd>
          </>
        ) : null}
      </dl>
      {a.clientNote ? (
        <p className={styles.apptDetailNote}>
          <span className="kw-visually-hidden">{noteLabel(a.source)}: </span>
          {a.clientNote}
        </p>
      ) : null}
    </>
  );
}
