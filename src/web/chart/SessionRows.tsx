import { Link } from "react-router";
import type { TimelineSession } from "../../core/api/charting";
import { movementTestById, postureFindingById } from "../../core/charting";
import { formatDayShort } from "../ui/time";
import styles from "./Chart.module.css";
import { shortName } from "./points";

function pain(before: number | null, after: number | null): string {
  if (before === null && after === null) return "Pain not recorded";
  return `Pain ${before ?? "–"} → ${after ?? "–"}`;
}

/** Findings of a consultation in a line: "Forward head; Neck rotation left 40° (normal 60°), painful". */
export function findingsLine(consultation: TimelineSession["consultation"]): string | null {
  if (!consultation) return null;
  const posture = consultation.posture.map((p) => {
    const label = postureFindingById(p.id)?.label ?? p.id;
    return p.side ? `${label} (${p.side})` : label;
  });
  const movement = consultation.movement.map((m) => {
    const test = movementTestById(m.testId);
    const name = test?.label.replace(/\s*\(.*\)$/, "") ?? m.testId;
    const degrees = m.degrees !== null ? ` ${m.degrees}°${test ? ` (normal ${test.normal.to}°)` : ""}` : "";
    return `${name}${m.side ? ` ${m.side}` : ""}${degrees}${m.painOnMovement ? ", painful" : ""}`;
  });
  const all = [...posture, ...movement];
  return all.length ? all.join("; ") : null;
}

/**
 * Sessions as the treating staff see them over time: date, pain before → after, points treated and
 * released, muscles, consultation findings. Newest first.
 */
export function SessionRows({
  sessions,
  timeZone,
  chartLink,
}: {
  sessions: readonly TimelineSession[];
  timeZone: string;
  chartLink?: (session: TimelineSession) => string | null;
}) {
  if (sessions.length === 0) return <p className={styles.muted}>No charted sessions yet.</p>;
  return (
    <ol className={styles.timeline}>
      {sessions.map((s) => {
        const findings = findingsLine(s.consultation);
        const href = chartLink?.(s);
        return (
          <li key={s.id} className={styles.timelineItem}>
            <p className={styles.timelineHead}>
              <strong>{formatDayShort(s.date, timeZone)}</strong>
              <span>
                {s.kind === "consultation" ? "Consultation" : "Session"} · {s.therapist.name}
              </span>
              <span className={s.signed ? styles.badgeSigned : styles.badgeOpen}>
                {s.signed ? (s.amended ? "Signed, amended" : "Signed") : "Not signed"}
              </span>
            </p>
            <p className={styles.timelineFacts}>
              <span>{pain(s.painBefore, s.painAfter)}</span>
              <span>
                {s.points.treated} point{s.points.treated === 1 ? "" : "s"} treated, {s.points.released}{" "}
                released
              </span>
            </p>
            {s.muscles.length ? (
              <p className={styles.muted}>
                {s.muscles
                  .map((m) => `${shortName(m.muscleId)} (${m.released}/${m.points} released)`)
                  .join(", ")}
              </p>
            ) : null}
            {findings ? <p className={styles.muted}>Findings: {findings}</p> : null}
            {href ? (
              <Link className={styles.inlineLink} to={href}>
                Open chart<span className={styles.srOnly}> of {formatDayShort(s.date, timeZone)}</span>
              </Link>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
