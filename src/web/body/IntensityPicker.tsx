import { useId } from "react";
import styles from "./BodyMap.module.css";
import { MAX_INTENSITY, regionLabel } from "./marking";

interface IntensityPickerProps {
  readonly regionId: string;
  readonly intensity: number;
  readonly onIntensityChange: (intensity: number) => void;
  readonly onRemove: () => void;
}

const LEVELS = Array.from({ length: MAX_INTENSITY }, (_, i) => i + 1);

/** "How strong is it?" for the selected region: ten big buttons on the pain scale, and Remove. */
export function IntensityPicker({ regionId, intensity, onIntensityChange, onRemove }: IntensityPickerProps) {
  const headingId = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a <legend> could not share its row with the Remove button
    <div className={styles.bodymapIntensity} role="group" aria-labelledby={headingId}>
      <div className={styles.bodymapIntensityHead}>
        <p id={headingId} className={styles.bodymapIntensityTitle}>
          How strong is it? <span className={styles.bodymapIntensityRegion}>{regionLabel(regionId)}</span>
        </p>
        <button
          type="button"
          className={styles.bodymapRemove}
          aria-label={`Remove mark: ${regionLabel(regionId)}`}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
      <div className={styles.bodymapIntensityScale}>
        {LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            className={styles.bodymapLevel}
            aria-pressed={level === intensity}
            aria-label={`Intensity ${level}`}
            onClick={() => onIntensityChange(level)}
          >
            <span className={styles.bodymapLevelSwatch} style={{ background: `var(--kw-pain-${level})` }} />
            {level}
          </button>
        ))}
      </div>
      <div className={styles.bodymapIntensityEnds} aria-hidden="true">
        <span>mild</span>
        <span>worst</span>
      </div>
    </div>
  );
}
