import { cx } from "../ui/cx";
import styles from "./BookingPage.module.css";
import type { MarkedRegion } from "./regions";

/** The areas marked in the pain finder, which go to the therapist with the booking. */
export function RegionsNote({ regions }: { regions: MarkedRegion[] }) {
  if (regions.length === 0) return null;
  return (
    <div className={styles.bookRegions}>
      <p className={styles.bookRegionsTitle}>Areas you marked in the pain finder</p>
      <ul className={styles.bookRegionList}>
        {regions.map((r) => (
          <li key={r.id} className={styles.bookRegion}>
            <span className={styles.bookRegionDot} data-pain={r.intensity} aria-hidden="true" />
            {r.label} <span className="kw-muted">{r.intensity}/10</span>
          </li>
        ))}
      </ul>
      <p className={cx(styles.bookRegionsHint, "kw-muted")}>
        We'll send these to your therapist with your booking.
      </p>
    </div>
  );
}
