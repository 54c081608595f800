/**
 * The four progress charts of F7 from one `Progress` answer, for the portal and the therapist's
 * client page alike. Loaded lazily (docs/decisions/0016-progress-charts.md): import it with
 * `React.lazy`, never statically, so the pages' first load stays within budget.
 */
import type { Progress } from "../../core/api/plans";
import { LineChart, type Series } from "./charts/LineChart";
import { PairedBars } from "./charts/PairedBars";
import { percentChange } from "./charts/scale";
import styles from "./Progress.module.css";

export interface ProgressChartsProps {
  readonly progress: Progress;
  readonly zone: string;
  /** "you" in the portal, the client's first name for staff. */
  readonly who: "you" | string;
  readonly headingLevel?: 2 | 3;
}

export function painSeries(progress: Progress): Series[] {
  return progress.regions.map((r) => ({
    id: r.regionId,
    label: r.label,
    points: r.points.map((p) => ({ at: p.at, value: p.intensity, source: p.source })),
  }));
}

export function beforeAfterSummary(sessions: Progress["sessions"]): string {
  const scored = sessions.filter((s) => s.painBefore !== null && s.painAfter !== null);
  if (scored.length === 0) return "No session has pain scores before and after yet.";
  const first = scored[0];
  const last = scored.at(-1);
  if (!first || !last) return "";
  const change = percentChange(first.painBefore as number, last.painAfter as number);
  const sessionsWord = `${scored.length} ${scored.length === 1 ? "session" : "sessions"}`;
  return `${sessionsWord}: pain before the first was ${first.painBefore}, after the latest ${last.painAfter}${
    change !== null && change > 0 ? ` (${change} % less)` : ""
  }.`;
}

export function pointsSummary(sessions: Progress["sessions"]): string {
  const treated = sessions.reduce((sum, s) => sum + s.pointsTreated, 0);
  const released = sessions.reduce((sum, s) => sum + s.pointsReleased, 0);
  return `${treated} trigger points treated over ${sessions.length} ${
    sessions.length === 1 ? "session" : "sessions"
  }, ${released} released.`;
}

export default function ProgressCharts({ progress, zone, who, headingLevel = 2 }: ProgressChartsProps) {
  const yours = who === "you" ? "your" : `${who}'s`;
  return (
    <div className={styles.charts}>
      <section className={styles.chartCard}>
        <LineChart
          title="Pain by area over time"
          series={painSeries(progress)}
          max={10}
          pain
          zone={zone}
          valueName="pain from 0 (none) to 10 (worst)"
          headingLevel={headingLevel}
          empty={`No pain scores yet: ${who === "you" ? "add a diary entry" : "nothing in the diary or sessions"}.`}
        />
      </section>
      <section className={styles.chartCard}>
        <PairedBars
          title="Pain before and after each session"
          items={progress.sessions.map((s) => ({
            id: s.sessionId,
            at: s.at,
            first: s.painBefore,
            second: s.painAfter,
          }))}
          names={["Before", "After"]}
          max={10}
          pain
          zone={zone}
          summary={beforeAfterSummary(progress.sessions)}
          headingLevel={headingLevel}
          empty="No sessions charted yet."
        />
      </section>
      <section className={styles.chartCard}>
        <PairedBars
          title="Trigger points treated and released"
          items={progress.sessions.map((s) => ({
            id: s.sessionId,
            at: s.at,
            first: s.pointsTreated,
            second: s.pointsReleased,
          }))}
          names={["Treated", "Released"]}
          max={4}
          zone={zone}
          summary={pointsSummary(progress.sessions)}
          headingLevel={headingLevel}
          empty="No sessions charted yet."
        />
      </section>
      <section className={styles.chartCard}>
        <LineChart
          title="Range of motion"
          series={progress.rangeOfMotion.map((m) => ({
            id: m.movement,
            label: m.movement,
            points: m.points.map((p) => ({ at: p.at, value: p.value, source: "consultation" as const })),
          }))}
          max={90}
          unit="°"
          zone={zone}
          valueName="degrees"
          headingLevel={headingLevel}
          empty={`No range of motion measured at ${yours} consultations yet.`}
        />
      </section>
    </div>
  );
}
