import { useQuery } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { Card } from "../ui/components";
import { formatDayShort } from "../ui/time";
import { clientTimelineQuery } from "./api";
import styles from "./Chart.module.css";
import { SessionRows } from "./SessionRows";

/**
 * The client's sessions over time on the staff client page: for the owner and therapists the
 * clinical timeline (pain before/after, points treated and released, findings); for the front desk
 * only that a session was charted (the API sends them nothing more).
 */
export function ClientCharts({ clientId, timeZone }: { clientId: string; timeZone: string }) {
  const timeline = useQuery(clientTimelineQuery(clientId));
  return (
    <div className={styles.clientCharts}>
      <Card title="Sessions">
        {timeline.isPending ? (
          <p className={styles.muted}>Loading…</p>
        ) : timeline.error ? (
          <p className={styles.muted}>
            {timeline.error instanceof ApiError && timeline.error.status === 403
              ? "Charts are not available for your role."
              : "Could not load the sessions."}
          </p>
        ) : timeline.data.audience === "desk" ? (
          timeline.data.sessions.length === 0 ? (
            <p className={styles.muted}>No charted sessions yet.</p>
          ) : (
            <ul className={styles.plainList}>
              {[...timeline.data.sessions].reverse().map((s) => (
                <li key={s.id}>
                  {formatDayShort(s.date, timeZone)} with {s.therapist.name}: charted
                  {s.signed ? " and signed" : ""}
                </li>
              ))}
            </ul>
          )
        ) : (
          <SessionRows
            sessions={[...timeline.data.sessions].reverse()}
            timeZone={timeZone}
            chartLink={(s) => (s.appointmentId ? `/app/chart/${s.appointmentId}` : null)}
          />
        )}
      </Card>
    </div>
  );
}
