/** Rounding and summary figures shared by the database path and the reference computations. */

/** `part / whole` to 4 decimals; null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The median as PostgreSQL's `percentile_cont(0.5)`: the mean of the two middle values when even. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Milliseconds to minutes, one decimal. */
export function minutesOf(ms: number): number {
  return round(ms / 60_000, 1);
}
