/**
 * Two bars per session, side by side: pain before and after (on the pain scale), or trigger points
 * treated and released (in two plain colours). The left bar is always the first measure, the
 * right the second, and each carries its number, so nothing depends on telling colours apart.
 */
import { ChartFrame, LegendItem } from "./ChartFrame";
import styles from "./Charts.module.css";
import { shortDate } from "./LineChart";
import { linearScale, painColour, valueAxis } from "./scale";

export interface PairedItem {
  readonly id: string;
  readonly at: string;
  readonly first: number | null;
  readonly second: number | null;
}

export interface PairedBarsProps {
  readonly title: string;
  readonly items: readonly PairedItem[];
  /** The two measures, e.g. ["Before", "After"]. */
  readonly names: readonly [string, string];
  /** Top of the value axis (10 for pain); the data's maximum when larger. */
  readonly max: number;
  /** Bars on the pain scale (pain) or in two plain colours (counts). */
  readonly pain?: boolean;
  readonly zone: string;
  readonly summary: string;
  readonly empty: string;
  readonly headingLevel?: 2 | 3;
}

const HEIGHT = 200;
const MARGIN = { top: 18, right: 8, bottom: 26, left: 30 };
/** Beyond this many sessions the oldest are left out of the drawing (the table keeps them all). */
const MAX_GROUPS_PER_100PX = 1.6;

export function PairedBars({
  title,
  items,
  names,
  max,
  pain = false,
  zone,
  summary,
  empty,
  headingLevel,
}: PairedBarsProps) {
  const values = items.flatMap((i) => [i.first ?? 0, i.second ?? 0]);
  const top = Math.max(max, ...values);
  const sorted = [...items].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const fill = (which: 0 | 1, value: number) =>
    pain ? painColour(value) : which === 0 ? "var(--kw-body-stroke)" : "var(--kw-color-primary)";
  return (
    <ChartFrame
      headingLevel={headingLevel}
      title={title}
      summary={items.length === 0 ? empty : summary}
      isEmpty={items.length === 0}
      legend={
        items.length === 0 ? undefined : (
          <>
            <LegendItem
              swatch={
                <rect x="1" y="1" width="7" height="10" className={styles.barFirst} fill={fill(0, 7)} />
              }
            >
              {names[0]} (left)
            </LegendItem>
            <LegendItem
              swatch={
                <rect x="10" y="1" width="7" height="10" className={styles.barSecond} fill={fill(1, 3)} />
              }
            >
              {names[1]} (right)
            </LegendItem>
          </>
        )
      }
      table={
        <table className="kw-table">
          <caption className="kw-visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">{names[0]}</th>
              <th scope="col">{names[1]}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((item) => (
              <tr key={item.id}>
                <th scope="row">{shortDate(item.at, zone)}</th>
                <td>{item.first ?? "—"}</td>
                <td>{item.second ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      {(width) => {
        const fit = Math.max(1, Math.floor((width / 100) * MAX_GROUPS_PER_100PX));
        const shown = sorted.slice(-fit);
        const band = (width - MARGIN.left - MARGIN.right) / shown.length;
        const barWidth = Math.min(28, Math.max(6, band * 0.32));
        const axis = valueAxis(top, pain ? 2 : 4);
        const y = linearScale([0, axis.top], [HEIGHT - MARGIN.bottom, MARGIN.top]);
        return (
          <svg width={width} height={HEIGHT} className={styles.svg} aria-hidden="true">
            {axis.ticks.map((t) => (
              <g key={t}>
                <line
                  x1={MARGIN.left}
                  x2={width - MARGIN.right}
                  y1={y(t)}
                  y2={y(t)}
                  className={styles.grid}
                />
                <text x={MARGIN.left - 6} y={y(t)} dy="0.32em" textAnchor="end" className={styles.axisLabel}>
                  {t}
                </text>
              </g>
            ))}
            {shown.map((item, index) => {
              const centre = MARGIN.left + band * index + band / 2;
              return (
                <g key={item.id}>
                  {([item.first, item.second] as const).map((value, which) => {
                    if (value === null) return null;
                    const x = which === 0 ? centre - barWidth - 1 : centre + 1;
                    const height = Math.max(1, y(0) - y(value));
                    return (
                      <g key={which === 0 ? "first" : "second"}>
                        <rect
                          x={x}
                          y={y(0) - height}
                          width={barWidth}
                          height={height}
                          rx={2}
                          fill={fill(which as 0 | 1, value)}
                          className={which === 0 ? styles.barFirst : styles.barSecond}
                        />
                        <text
                          x={x + barWidth / 2}
                          y={y(value) - 4}
                          textAnchor="middle"
                          className={styles.barLabel}
                        >
                          {value}
                        </text>
                      </g>
                    );
                  })}
                  <text x={centre} y={HEIGHT - 8} textAnchor="middle" className={styles.axisLabel}>
                    {shortDate(item.at, zone)}
                  </text>
                </g>
              );
            })}
          </svg>
        );
      }}
    </ChartFrame>
  );
}
