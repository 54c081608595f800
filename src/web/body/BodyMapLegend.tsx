import { useId } from "react";
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
    <section className="kw-bodymap__legend" aria-label="Legend">
      {showPattern ? (
        <ul className="kw-bodymap__legend-list">
          <li>
            <span className="kw-bodymap__legend-swatch is-essential" aria-hidden="true" />
            Main pain area (essential zone)
          </li>
          <li>
            <svg className="kw-bodymap__legend-swatch" viewBox="0 0 20 20" aria-hidden="true">
              <defs>
                <StipplePattern id={stippleId} />
              </defs>
              <rect
                width="20"
                height="20"
                rx="4"
                fill={`url(#${stippleId})`}
                className="is-spillover-outline"
              />
            </svg>
            Sometimes felt here (spillover zone)
          </li>
          {showPoints && <TriggerPointLegendItem />}
        </ul>
      ) : (
        <>
          <p className="kw-bodymap__legend-title">Pain intensity</p>
          <ol className="kw-bodymap__pain-scale">
            {LEVELS.map((level) => (
              <li key={level}>
                <span
                  className="kw-bodymap__pain-swatch"
                  style={{ background: `var(--kw-pain-${level})` }}
                  aria-hidden="true"
                />
                {level}
              </li>
            ))}
          </ol>
          <div className="kw-bodymap__intensity-ends" aria-hidden="true">
            <span>mild</span>
            <span>worst</span>
          </div>
          {showPoints && (
            <ul className="kw-bodymap__legend-list">
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
      <svg className="kw-bodymap__legend-swatch" viewBox="-10 -10 20 20" aria-hidden="true">
        <path className="kw-bodymap__point-halo" d="M-6 -6L6 6M-6 6L6 -6" />
        <path className="kw-bodymap__point-cross" d="M-6 -6L6 6M-6 6L6 -6" />
      </svg>
      Trigger point
    </li>
  );
}
