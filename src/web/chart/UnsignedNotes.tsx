import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Card } from "../ui/components";
import { formatDayShort } from "../ui/time";
import { unsignedNotesQuery } from "./api";
import styles from "./ChartLink.module.css";

/**
 * Notes left unsigned longer than the clinic's limit (default 24 h): the therapist sees their own,
 * the owner everyone's. Shown only when there are some.
 */
export function UnsignedNotes({
  timeZone,
  showTherapist = false,
}: {
  timeZone: string;
  showTherapist?: boolean;
}) {
  const unsigned = useQuery(unsignedNotesQuery);
  const notes = unsigned.data?.notes ?? [];
  if (notes.length === 0) return null;
  return (
    <div className={styles.unsigned}>
      <Card title={`Notes to sign (${notes.length})`}>
        <p className="kw-muted">Unsigned for more than {unsigned.data?.limitHours ?? 24} hours.</p>
        <ul className={styles.unsignedList}>
          {notes.map((n) => (
            <li key={n.chartId}>
              {n.appointmentId ? (
                <Link to={`/app/chart/${encodeURIComponent(n.appointmentId)}?tab=note`}>
                  {n.client.name}, {formatDayShort(n.date, timeZone)}
                </Link>
              ) : (
                <span>
                  {n.client.name}, {formatDayShort(n.date, timeZone)}
                </span>
              )}
              {showTherapist ? <span className="kw-muted"> · {n.therapist.name}</span> : null}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
