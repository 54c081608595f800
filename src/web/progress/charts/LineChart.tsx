/**
 * Values over time as small multiples: one small panel per series (a body region, a movement),
 * all on the same scales, so a phone shows each line clearly instead of a tangle of colours.
 * Points say where they came from by their shape (a circle for the diary, a square for a session),
 * pain points take their colour from the one pain scale; the drawing is hidden from screen readers,
 * who read the table ChartFrame shows beside it.
 */
import type { ReactNode } from "react";
import { ChartFrame, LegendItem } from "./ChartFrame";
import styles from "./Charts.module.css";
import {
  describeTrend,
  linearScale,
  linePath,
  painColour,
  tickCount,
  timeDomain,
  timeTicks,
  valueAxis,
} from "./scale";

export type PointSource = "diary" | "session" | "consultation";

export interface SeriesPoint {
  readonly at: string;
  readonly value: number;
  readonly source: PointSource;
}

export interface Series {
  readonly id: string;
  readonly label: string;
  readonly points: readonly SeriesPoint[];
}

export interface LineChartProps {
  readonly title: string;
  readonly series: readonly Series[];
  /** Top of the value axis (10 for pain); the data's maximum when larger. */
  readonly max: number;
  /** After each value in words and in the table, e.g. "°". */
  readonly unit?: string;
  /** Colour points on the pain scale (pain charts) or in the brand colour (range of motion). */
  readonly pain?: boolean;
  readonly zone: string;
  /** What the values are, for the table's header ("Pain (0–10)", "Degrees"). */
  readonly valueName: string;
  readonly empty: string;
  readonly headingLevel?: 2 | 3;
}

const PANEL_HEIGHT = 132;
const MARGIN = { top: 10, right: 12, bottom: 24, left: 30 };
const SOURCE_NAMES: Record<PointSource, string> = {
  diary: "Diary",
  session: "Session",
  consultation: "Consultation",
};

export function shortDate(iso: string | number, zone: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: zone }).format(
    new Date(iso),
  );
}

function Marker({ x, y, source, fill }: { x: number; y: number; source: PointSource; fill: string }) {
  if (source === "diary") return <circle cx={x} cy={y} r={4.5} fill={fill} className={styles.marker} />;
  return <rect x={x - 4.5} y={y - 4.5} width={9} height={9} fill={fill} className={styles.marker} />;
}

function Panel({
  series,
  width,
  domain,
  max,
  pain,
  zone,
}: {
  series: Series;
  width: number;
  domain: [number, number];
  max: number;
  pain: boolean;
  zone: string;
}) {
  const innerRight = width - MARGIN.right;
  const x = linearScale(domain, [MARGIN.left, innerRight]);
  const { ticks, top } = valueAxis(max, pain ? 2 : 3);
  const y = linearScale([0, top], [PANEL_HEIGHT - MARGIN.bottom, MARGIN.top]);
  const sorted = [...series.points].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const xy = sorted.map((p) => ({ x: x(Date.parse(p.at)), y: y(p.value), point: p }));
  return (
    <div className={styles.panel}>
      <p className={styles.panelTitle}>{series.label}</p>
      <svg width={width} height={PANEL_HEIGHT} className={styles.svg} aria-hidden="true">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={MARGIN.left} x2={innerRight} y1={y(t)} y2={y(t)} className={styles.grid} />
            <text x={MARGIN.left - 6} y={y(t)} className={styles.axisLabel} textAnchor="end" dy="0.32em">
              {t}
            </text>
          </g>
        ))}
        {timeTicks(domain, tickCount(width - MARGIN.left - MARGIN.right)).map((t) => (
          <text
            key={t}
            x={x(t)}
            y={PANEL_HEIGHT - 6}
            className={styles.axisLabel}
            textAnchor={edgeAnchor(x(t), MARGIN.left, innerRight)}
          >
            {shortDate(t, zone)}
          </text>
        ))}
        <path d={linePath(xy)} className={styles.line} />
        {xy.map(({ x: px, y: py, point }) => (
          <Marker
            key={`${point.at}-${point.source}`}
            x={px}
            y={py}
            source={point.source}
            fill={pain ? painColour(point.value) : "var(--kw-color-primary-soft)"}
          />
        ))}
      </svg>
    </div>
  );
}

/** Rows of the table: one per date and source, a column per series. */
export function seriesRows(series: readonly Series[]) {
  const rows = new Map<string, { at: string; source: PointSource; values: (number | null)[] }>();
  series.forEach((s, index) => {
    for (const p of s.points) {
      const key = `${p.at}|${p.source}`;
      const row = rows.get(key) ?? { at: p.at, source: p.source, values: series.map(() => null) };
      row.values[index] = p.value;
      rows.set(key, row);
    }
  });
  return [...rows.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export function LineChart({
  title,
  series,
  max,
  unit = "",
  pain = false,
  zone,
  valueName,
  empty,
  headingLevel,
}: LineChartProps) {
  const withPoints = series.filter((s) => s.points.length > 0);
  const all = withPoints.flatMap((s) => s.points);
  const top = Math.max(max, ...all.map((p) => p.value));
  const domain = timeDomain(all.map((p) => Date.parse(p.at)));
  const format = (iso: string) => shortDate(iso, zone);
  const summary =
    withPoints.length === 0
      ? empty
      : `${withPoints
          .map(
            (s) =>
              `${s.label}: ${describeTrend(
                s.points.map((p) => ({ at: p.at, value: p.value })),
                format,
                unit,
              )}`,
          )
          .join("; ")}.`;
  const sources = new Set(all.map((p) => p.source));
  const legend: ReactNode[] = [];
  for (const source of ["diary", "session", "consultation"] as const) {
    if (!sources.has(source)) continue;
    legend.push(
      <LegendItem
        key={source}
        swatch={
          source === "diary" ? (
            <circle cx="9" cy="6" r="4.5" className={styles.marker} fill="var(--kw-color-surface)" />
          ) : (
            <rect
              x="4.5"
              y="1.5"
              width="9"
              height="9"
              className={styles.marker}
              fill="var(--kw-color-surface)"
            />
          )
        }
      >
        {source === "diary" ? "Your diary" : source === "session" ? "At a session" : "At a consultation"}
      </LegendItem>,
    );
  }
  const rows = seriesRows(withPoints);
  return (
    <ChartFrame
      headingLevel={headingLevel}
      title={title}
      summary={summary}
      isEmpty={withPoints.length === 0}
      legend={legend.length > 0 ? legend : undefined}
      table={
        <table className="kw-table">
          <caption className="kw-visually-hidden">
            {title}: {valueName}
          </caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">From</th>
              {withPoints.map((s) => (
                <th scope="col" key={s.id}>
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={`${row.at}|${row.source}`}>
                <th scope="row">{format(row.at)}</th>
                <td>{SOURCE_NAMES[row.source]}</td>
                {row.values.map((v, i) => (
                  <td key={withPoints[i]?.id}>{v === null ? "—" : `${v}${unit}`}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {(width) => (
        <div className={styles.panels}>
          {withPoints.map((s) => (
            <Panel
              key={s.id}
              series={s}
              width={panelWidth(width, withPoints.length)}
              domain={domain}
              max={top}
              pain={pain}
              zone={zone}
            />
          ))}
        </div>
      )}
    </ChartFrame>
  );
}

/** A date label near either end of the axis is anchored inward, so it is not cut off. */
export function edgeAnchor(x: number, left: number, right: number): "start" | "middle" | "end" {
  if (x - left < 24) return "start";
  if (right - x < 24) return "end";
  return "middle";
}

/** Two panels side by side once there is room for both at 320 px or more, otherwise one per row. */
export function panelWidth(width: number, count: number): number {
  const gap = 16;
  const columns = count > 1 && width >= 2 * 320 + gap ? 2 : 1;
  return Math.floor((width - gap * (columns - 1)) / columns);
}
