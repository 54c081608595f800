/** Joins class names, skipping the empty ones: `cx(styles.choice, checked && styles.isChecked)`. */
export function cx(...names: ReadonlyArray<string | false | null | undefined>): string {
  return names.filter(Boolean).join(" ");
}
