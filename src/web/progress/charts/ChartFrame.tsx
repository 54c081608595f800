/**
 * The frame every progress chart shares (docs/decisions/0016-progress-charts.md): a title, one
 * sentence saying what the chart shows, the drawing at the width it is given, and the same
 * numbers as a table. The table is always in the page for screen readers (the drawing is hidden
 * from them); "Show as a table" shows it to everyone, for those who read numbers better than lines.
 */
import { type ReactNode, useId, useLayoutEffect, useRef, useState } from "react";
import styles from "./Charts.module.css";

export interface ChartFrameProps {
  readonly title: string;
  /** One sentence: what the chart shows, in words (read before the table). */
  readonly summary: string;
  /** Draws the chart at a measured width in CSS pixels. */
  readonly children: (width: number) => ReactNode;
  readonly table: ReactNode;
  /** A key for the drawing (e.g. the legend), shown under it. */
  readonly legend?: ReactNode;
  readonly headingLevel?: 2 | 3;
  /**
   * Nothing to draw yet: the summary says so, and there is no drawing or table to switch between
   * (otherwise the same "nothing yet" sentence would show twice, with a toggle that changes nothing).
   */
  readonly isEmpty?: boolean;
}

/**
 * The element's content width, following resizes (a phone turned sideways, a sidebar opened).
 * `shown` re-measures when the element appears (a chart's first data arriving after an empty one).
 */
function useWidth<T extends HTMLElement>(shown: boolean): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the element is only there while `shown`
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [shown]);
  return [ref, width];
}

export function ChartFrame({
  title,
  summary,
  children,
  table,
  legend,
  headingLevel = 3,
  isEmpty = false,
}: ChartFrameProps) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const [ref, width] = useWidth<HTMLDivElement>(!isEmpty);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <figure className={styles.chart} aria-labelledby={`${id}-title`}>
      <div className={styles.chartHead}>
        <Heading id={`${id}-title`} className={styles.chartTitle}>
          {title}
        </Heading>
        {isEmpty ? null : (
          <button
            type="button"
            className={styles.chartToggle}
            aria-pressed={showTable}
            aria-controls={`${id}-table`}
            onClick={() => setShowTable((shown) => !shown)}
          >
            {showTable ? "Show as a chart" : "Show as a table"}
          </button>
        )}
      </div>
      <p className={styles.chartSummary}>{summary}</p>
      {isEmpty ? null : (
        <>
          <div ref={ref} className={showTable ? styles.chartHidden : styles.chartDrawing} aria-hidden="true">
            {width > 0 ? children(width) : null}
            {legend ? <div className={styles.chartLegend}>{legend}</div> : null}
          </div>
          <div id={`${id}-table`} className={showTable ? styles.chartTable : "kw-visually-hidden"}>
            {table}
          </div>
        </>
      )}
    </figure>
  );
}

/** A key entry: a small swatch (or marker) and its words. */
export function LegendItem({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <span className={styles.legendItem}>
      <svg width="18" height="12" viewBox="0 0 18 12" aria-hidden="true">
        {swatch}
      </svg>
      {children}
    </span>
  );
}
