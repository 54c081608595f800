import { useId } from "react";
import type { ChartPoint as ApiPoint } from "../../core/api/charting";
import { MAX_TOTAL_HOLD_SECONDS } from "../../core/charting";
import styles from "./Chart.module.css";
import { Toggle } from "./Choice";
import { PointBasics, ReleaseChoice } from "./PointChoices";
import { pointLabel } from "./points";

/**
 * Correcting one point of a signed note: the fields a therapist gets wrong in the room (side, type,
 * pressure, comfort, time held, twitch, release). Where the point lies and its muscle stay as
 * signed; a point charted on the wrong muscle is better removed and added again.
 */
export function PointCorrection({
  point,
  onChange,
}: {
  point: ApiPoint;
  onChange: (patch: Partial<ApiPoint>) => void;
}) {
  const holdId = useId();
  const label = pointLabel(point);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of the controls for one point, not a form
    <div className={styles.correction} role="group" aria-label={`Correct ${label}`}>
      <h4 className={styles.historyTitle}>{label}</h4>
      <PointBasics point={point} onChange={onChange} />
      <div className={styles.textField}>
        <label htmlFor={holdId}>Held in total (seconds)</label>
        <input
          id={holdId}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_TOTAL_HOLD_SECONDS}
          value={point.holdSeconds}
          onChange={(event) => {
            const seconds = Math.round(Number(event.target.value));
            if (Number.isFinite(seconds))
              onChange({ holdSeconds: Math.min(MAX_TOTAL_HOLD_SECONDS, Math.max(0, seconds)) });
          }}
        />
      </div>
      <Toggle label="Twitch response" checked={point.twitch} onChange={(twitch) => onChange({ twitch })} />
      <ReleaseChoice value={point.release} onChange={(release) => onChange({ release })} />
    </div>
  );
}
