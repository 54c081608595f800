import { useId } from "react";
import { cx } from "../ui/cx";
import styles from "./BodyMap.module.css";
import { MAX_INTENSITY } from "./marking";
import { StipplePattern } from "./StipplePattern";

interface BodyMapLegendProps {
  readonly showPattern: boolean;
  readonly showPoints: boolean;
}

const LEVELS = Array.from({ length: MAX_INTENSITY }, (_, i) => i + 1);

/** What the colours mean: the pain scale, or a referral pattern's two zones; and the ×. */
export function BodyMapLegend({ showPattern, showPoints }: BodyMapLegendProps) {
  const stippleId = `kw${useId().replace(/[^a-zA-Z0-9_-]/g, "")}-legend-stipple`;
  return (
    <section className={styles.bodymapLegend} aria-label="Legend">
      {showPattern ? (
        <ul className={styles.bodymapLegendList}>
          <li>
            <span className={cx(styles.bodymapLegendSwatch, styles.isEssential)} aria-hidden="true" />
            Main pain area (essential zone)
          </li>
          <li>
            <svg className={styles.bodymapLegendSwatch} viewBox="0 0 20 20" aria-hidden="true">
              <defs>
                <StipplePattern id={stippleId} />
              </defs>
              <rect
                width="20"
                height="20"
                rx="4"
                fill={`url(#${stippleId})`}
                className={styles.isSpilloverOutline}
              />
            </svg>
            Sometimes felt here (spillover zone)
          </li>
          {showPoints && <TriggerPointLegendItem />}
        </ul>
      ) : (
        <>
          <p className={styles.bodymapLegendTitle}>Pain intensity</p>
          <ol className={styles.bodymapPainScale}>
            {LEVELS.map((level) => (
              <li key={level}>
                <span
                  className={styles.bodymapPainSwatch}
                  style={{ background: `var(--kw-pain-${level})` }}
                  aria-hidden="true"
                />
                {level}
              </li>
            ))}
          </ol>
          <div className={styles.bodymapIntensityEnds} aria-hidden="true">
            <span>mild</span>
            <span>worst</span>
          </div>
          {showPoints && (
            <ul className={styles.bodymapLegendList}>
              <TriggerPointLegendItem />
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function TriggerPointLegendItem() {
  return (
    <li>
      <svg className={styles.bodymapLegendSwatch} viewBox="-10 -10 20 20" aria-hidden="true">
        <path className={styles.bodymapPointHalo} d="M-6 -6L6 6M-6 6L6 -6" />
        <path className={styles.bodymapPointCross} d="M-6 -6L6 6M-6 6L6 -6" />
      </svg>
      Trigger point
    </li>
  );
}
