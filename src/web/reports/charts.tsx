/**
 * Small hand-made SVG charts for the reports: weekly bars (one or two stacked series) and horizontal
 * bars. Each chart is an `img` with a text summary for screen readers; the table under it holds the
 * exact figures. Sizes are in viewBox units, so a chart scales with its card.
 */
import styles from "./Reports.module.css";

export interface Series {
  label: string;
  values: readonly number[];
  /** A CSS class from Reports.module.css for the bars' colour. */
  tone: "primary" | "accent" | "danger";
}

const WIDTH = 640;
const HEIGHT = 180;
const PAD_LEFT = 36;
const PAD_BOTTOM = 22;

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

/** "2026-03-02" → "Mar 2". */
export function shortWeek(week: string): string {
  const date = new Date(`${week}T12:00:00Z`);
  return date.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function WeeklyBars({
  weeks,
  series,
  title,
}: {
  weeks: readonly string[];
  series: readonly Series[];
  title: string;
}) {
  const totals = weeks.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotWidth = WIDTH - PAD_LEFT;
  const plotHeight = HEIGHT - PAD_BOTTOM;
  const slot = plotWidth / Math.max(weeks.length, 1);
  const barWidth = Math.max(2, slot * 0.7);
  const labelEvery = Math.ceil(weeks.length / 8);
  const summary = `${title}: ${series
    .map((s) => `${s.label} ${s.values.reduce((a, b) => a + b, 0)} in total`)
    .join(", ")}, over ${weeks.length} weeks.`;
  return (
    <figure className={styles.chart}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary} preserveAspectRatio="none">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              className={styles.gridLine}
              x1={PAD_LEFT}
              x2={WIDTH}
              y1={plotHeight - f * (plotHeight - 8)}
              y2={plotHeight - f * (plotHeight - 8)}
            />
            <text
              className={styles.axisText}
              x={PAD_LEFT - 6}
              y={plotHeight - f * (plotHeight - 8) + 4}
              textAnchor="end"
            >
              {Math.round(max * f * 10) / 10}
            </text>
          </g>
        ))}
        {weeks.map((week, i) => {
          let base = plotHeight;
          const x = PAD_LEFT + i * slot + (slot - barWidth) / 2;
          return (
            <g key={week}>
              {series.map((s) => {
                const height = ((s.values[i] ?? 0) / max) * (plotHeight - 8);
                base -= height;
                return height > 0 ? (
                  <rect
                    key={s.label}
                    className={styles[s.tone]}
                    x={x}
                    y={base}
                    width={barWidth}
                    height={height}
                  >
                    <title>{`${shortWeek(week)}: ${s.label} ${s.values[i]}`}</title>
                  </rect>
                ) : null;
              })}
              {i % labelEvery === 0 ? (
                <text className={styles.axisText} x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle">
                  {shortWeek(week)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      {series.length > 1 ? (
        <figcaption className={styles.legend}>
          {series.map((s) => (
            <span key={s.label}>
              <span className={`${styles.swatch} ${styles[s.tone]}`} aria-hidden="true" />
              {s.label}
            </span>
          ))}
        </figcaption>
      ) : null}
    </figure>
  );
}

export interface Bar {
  label: string;
  value: number;
  /** What the bar's end says, e.g. "42 %". */
  text: string;
}

/** Horizontal bars; negative values (pain going down) grow to the left of a centre line. */
export function HorizontalBars({
  bars,
  title,
  tone = "primary",
}: {
  bars: readonly Bar[];
  title: string;
  tone?: Series["tone"];
}) {
  const hasNegative = bars.some((b) => b.value < 0);
  const max = Math.max(1e-9, ...bars.map((b) => Math.abs(b.value)));
  return (
    <figure className={styles.chart}>
      <ul className={styles.hbars} aria-label={title}>
        {bars.map((bar) => {
          const share = (Math.abs(bar.value) / max) * (hasNegative ? 50 : 100);
          const left = hasNegative ? (bar.value < 0 ? 50 - share : 50) : 0;
          return (
            <li key={bar.label} className={styles.hbar}>
              <span className={styles.hbarLabel}>{bar.label}</span>
              <span className={styles.hbarTrack}>
                {hasNegative ? <span className={styles.hbarZero} aria-hidden="true" /> : null}
                <span
                  className={`${styles.hbarFill} ${styles[tone]}`}
                  style={{ left: `${left}%`, width: `${share}%` }}
                  aria-hidden="true"
                />
              </span>
              <span className={styles.hbarValue}>{bar.text}</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
