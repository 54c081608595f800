import { useId } from "react";
import type { ChartPoint as ApiPoint } from "../../core/api/charting";
import { MAX_TOTAL_HOLD_SECONDS } from "../../core/charting";
import styles from "./Chart.module.css";
import { Choice, Toggle } from "./Choice";
import { pointLabel } from "./points";

const COMFORT = Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }));

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
      <div className={styles.pair}>
        <Choice
          legend="Side"
          options={[
            { value: "left", label: "Left" },
            { value: "right", label: "Right" },
          ]}
          value={point.side}
          onChange={(side) => onChange({ side })}
        />
        <Choice
          legend="Type"
          options={[
            { value: "active", label: "Active" },
            { value: "latent", label: "Latent" },
          ]}
          value={point.active ? "active" : "latent"}
          onChange={(kind) => onChange({ active: kind === "active" })}
        />
      </div>
      <Choice
        legend="Pressure"
        options={[
          { value: "gentle", label: "Gentle" },
          { value: "strong", label: "Strong" },
          { value: "deep", label: "Deep" },
        ]}
        value={point.pressure}
        onChange={(pressure) => onChange({ pressure })}
      />
      <Choice
        legend="Client comfort (0 none – 10 worst)"
        options={COMFORT}
        value={point.comfort}
        onChange={(comfort) => onChange({ comfort })}
        compact
      />
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
      <Choice
        legend="Release"
        options={[
          { value: "full", label: "Full" },
          { value: "partial", label: "Partial" },
          { value: "none", label: "None" },
        ]}
        value={point.release}
        onChange={(release) => onChange({ release })}
      />
    </div>
  );
}
