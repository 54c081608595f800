import { useId } from "react";
import { cx } from "../ui/cx";
import styles from "./Chart.module.css";

export interface ChoiceOption<T extends string | number> {
  readonly value: T;
  readonly label: string;
}

/**
 * A row of large radio buttons (finger-sized on a tablet): native radios under the labels, so
 * arrow keys, screen readers and forms work as usual. `value` null means nothing chosen yet.
 */
export function Choice<T extends string | number>({
  legend,
  options,
  value,
  onChange,
  hideLegend = false,
  compact = false,
  disabled = false,
}: {
  legend: string;
  options: readonly ChoiceOption<T>[];
  value: T | null;
  onChange: (value: T) => void;
  hideLegend?: boolean;
  compact?: boolean;
  disabled?: boolean;
}) {
  const name = useId();
  return (
    <fieldset className={styles.choice} disabled={disabled}>
      <legend className={cx(styles.choiceLegend, hideLegend && styles.srOnly)}>{legend}</legend>
      <div className={cx(styles.choiceOptions, compact && styles.choiceCompact)}>
        {options.map((option) => (
          <label key={String(option.value)} className={styles.choiceOption}>
            <input
              type="radio"
              name={name}
              value={String(option.value)}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A large on/off switch as a checkbox with its label. */
export function Toggle({
  label,
  checked,
  onChange,
  hint,
  disabled = false,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: string;
  disabled?: boolean;
}) {
  const hintId = useId();
  return (
    <label className={styles.toggle}>
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={hint ? hintId : undefined}
      />
      <span className={styles.toggleText}>
        <span>{label}</span>
        {hint ? (
          <span id={hintId} className={styles.toggleHint}>
            {hint}
          </span>
        ) : null}
      </span>
    </label>
  );
}
