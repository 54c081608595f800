import { useId } from "react";
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
    <div className="kw-bodymap__intensity" role="group" aria-labelledby={headingId}>
      <div className="kw-bodymap__intensity-head">
        <p id={headingId} className="kw-bodymap__intensity-title">
          How strong is it? <span className="kw-bodymap__intensity-region">{regionLabel(regionId)}</span>
        </p>
        <button
          type="button"
          className="kw-bodymap__remove"
          aria-label={`Remove mark: ${regionLabel(regionId)}`}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
      <div className="kw-bodymap__intensity-scale">
        {LEVELS.map((level) => (
          <button
            key={level}
            type="button"
            className="kw-bodymap__level"
            aria-pressed={level === intensity}
            aria-label={`Intensity ${level}`}
            onClick={() => onIntensityChange(level)}
          >
            <span className="kw-bodymap__level-swatch" style={{ background: `var(--kw-pain-${level})` }} />
            {level}
          </button>
        ))}
      </div>
      <div className="kw-bodymap__intensity-ends" aria-hidden="true">
        <span>mild</span>
        <span>worst</span>
      </div>
    </div>
  );
}
