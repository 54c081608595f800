/**
 * The arithmetic of the progress charts (docs/decisions/0016-progress-charts.md): scales, ticks,
 * paths and the sentences screen readers hear. Apart from React so each piece is easy to test.
 */

/** A straight map from a domain to a range (pixels), clamping nothing. */
export function linearScale(
  domain: readonly [number, number],
  range: readonly [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  // A domain of one value (one diary entry) puts that value in the middle instead of dividing by 0.
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0);
}

/** Round steps (1, 2, 5 × 10ⁿ) from 0 to at least `max`, about `count` of them. */
export function valueTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0];
  const raw = max / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Number(v.toFixed(6)));
  if ((ticks.at(-1) ?? 0) < max) ticks.push(Number((ticks.length * step).toFixed(6)));
  return ticks;
}

/**
 * A value axis: its ticks, and its top, which is the highest tick. The plot's scale must run to that
 * tick, not to the data's maximum: a range of motion of 170° gets ticks up to 200, and a scale ending
 * at 170 drew the "200" above the plot, over the panel's title.
 */
export function valueAxis(max: number, count?: number): { ticks: number[]; top: number } {
  const ticks = valueTicks(max, count);
  return { ticks, top: Math.max(max, ticks.at(-1) ?? max) };
}

const DAY_MS = 86_400_000;

/**
 * Up to `count` dates spread over a time domain, on whole days (noon UTC of each day, so the
 * label's day is the same in every zone of the Americas and Europe).
 */
export function timeTicks(domain: readonly [number, number], count: number): number[] {
  const [from, to] = domain;
  const firstDay = Math.ceil((from - DAY_MS / 2) / DAY_MS);
  const lastDay = Math.floor((to - DAY_MS / 2) / DAY_MS);
  const days = lastDay - firstDay;
  // A domain without a whole day's noon in it: one tick in the middle.
  if (days < 0) return [(from + to) / 2];
  const step = Math.max(1, Math.ceil(days / Math.max(1, count - 1)));
  const ticks: number[] = [];
  for (let d = firstDay; d <= lastDay; d += step) ticks.push(d * DAY_MS + DAY_MS / 2);
  return ticks;
}

/** The earliest and latest time of the points, widened by half a day each side so no dot sits on an axis. */
export function timeDomain(times: readonly number[]): [number, number] {
  if (times.length === 0) {
    const now = Date.now();
    return [now - DAY_MS, now + DAY_MS];
  }
  const min = Math.min(...times);
  const max = Math.max(...times);
  return [min - DAY_MS / 2, max + DAY_MS / 2];
}

/** An SVG path through the points in order (a polyline: a smoothed curve would invent values between them). */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${round(p.x)} ${round(p.y)}`).join(" ");
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The pain colour token for a score (0 has no colour of its own: the lightest step). */
export function painColour(score: number): string {
  const step = Math.min(10, Math.max(1, Math.round(score)));
  return `var(--kw-pain-${step})`;
}

/** How many ticks fit across a width, a label needing about `labelPx`. */
export function tickCount(width: number, labelPx = 72): number {
  return Math.max(2, Math.min(8, Math.floor(width / labelPx)));
}

export interface TimedValue {
  readonly at: string;
  readonly value: number;
}

/** "from 7 on Oct 2 to 3 on Nov 20": first and last values of a series in words, for the chart's summary. */
export function describeTrend(
  values: readonly TimedValue[],
  formatDate: (iso: string) => string,
  unit = "",
): string {
  if (values.length === 0) return "no entries yet";
  const sorted = [...values].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const first = sorted[0] as TimedValue;
  const last = sorted.at(-1) as TimedValue;
  if (sorted.length === 1) return `${first.value}${unit} on ${formatDate(first.at)}`;
  return `from ${first.value}${unit} on ${formatDate(first.at)} to ${last.value}${unit} on ${formatDate(last.at)}`;
}

/** Share by which a value fell from `before` to `after`, rounded to whole percent (negative when it rose). */
export function percentChange(before: number, after: number): number | null {
  if (before === 0) return null;
  return Math.round(((before - after) / before) * 100);
}
