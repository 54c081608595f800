import { formatSeconds } from "../../core/charting/hold-timer";
import { cx } from "../ui/cx";
import styles from "./Chart.module.css";
import { type ChartPoint, pointLabel, pointStatus, STATUS_LABEL } from "./points";

const RELEASE_LABEL = { full: "released", partial: "partly released", none: "not released" } as const;

/** The points beside the chart, in the order they were found; tapping one opens it. */
export function PointList({
  points,
  selectedId,
  onSelect,
}: {
  points: readonly ChartPoint[];
  selectedId: string | null;
  onSelect?: (key: string) => void;
}) {
  if (points.length === 0) {
    return <p className={styles.muted}>No trigger points yet. Tap the map where you find one.</p>;
  }
  return (
    <ol className={styles.pointList} aria-label="Trigger points">
      {points.map((point, index) => {
        const status = pointStatus(point);
        const facts = [
          STATUS_LABEL[status],
          point.holdSeconds > 0 ? `held ${formatSeconds(point.holdSeconds)}` : null,
          point.release ? RELEASE_LABEL[point.release] : null,
        ]
          .filter(Boolean)
          .join(" · ");
        const content = (
          <>
            <span className={cx(styles.statusDot, styles[`status-${status}`])} aria-hidden="true">
              {index + 1}
            </span>
            <span className={styles.pointText}>
              <span className={styles.pointName}>{pointLabel(point)}</span>
              <span className={styles.pointFacts}>{facts}</span>
            </span>
          </>
        );
        return (
          <li key={point.id}>
            {onSelect ? (
              <button
                type="button"
                className={cx(styles.pointButton, point.id === selectedId && styles.isSelected)}
                aria-current={point.id === selectedId ? "true" : undefined}
                onClick={() => onSelect(point.id)}
              >
                {content}
              </button>
            ) : (
              <div className={styles.pointButton}>{content}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** What the colours of the points mean. */
export function PointLegend() {
  return (
    <ul className={styles.legend} aria-label="Point colours">
      {(["active", "latent", "released"] as const).map((status) => (
        <li key={status}>
          <span className={cx(styles.legendMark, styles[`status-${status}`])} aria-hidden="true" />
          {STATUS_LABEL[status]}
        </li>
      ))}
    </ul>
  );
}
