/** For the owner and therapists only: pain scores and where it hurts on the body map. */
import { useState } from "react";
import type { ClinicalIntake } from "../../core/api/intake";
import { regionById } from "../../core/body/regions";
import { BODY_MAP_VIEW_IDS, BodyMap, type BodyMapView, viewsShowingRegion } from "../body";
import { Card } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./StaffIntake.module.css";

export function PainPanel({ data }: { data: ClinicalIntake }) {
  const intake = data.intake;
  if (!intake) return null;
  const pain = intake.answers.pain ?? {};
  const duration = intake.answers.duration;
  const scores: [string, number | undefined][] = [
    ["Now", pain.now],
    ["At best", pain.best],
    ["At worst", pain.worst],
  ];
  return (
    <section className={styles.pain} aria-label="Pain scores">
      {scores.map(([label, value]) => (
        <div key={label} className={styles.painScore}>
          <span className={styles.painValue}>
            <span
              className={styles.painSwatch}
              style={{ background: value ? `var(--kw-pain-${value})` : "var(--kw-color-border)" }}
              aria-hidden="true"
            />
            {value ?? "–"}
            <span className={styles.painOf}>/10</span>
          </span>
          <span className={styles.painLabel}>Pain {label.toLowerCase()}</span>
        </div>
      ))}
      <div className={styles.painScore}>
        <span className={cx(styles.painValue, styles.painValueText)}>
          {duration?.amount} {duration?.unit}
        </span>
        <span className={styles.painLabel}>
          How long
          {intake.chronicity
            ? ` · ${intake.chronicity === "chronic" ? "chronic (3 months or more)" : "recent"}`
            : ""}
        </span>
      </div>
    </section>
  );
}

/** The view showing most of the marked areas; on a tie the zoomed views (head, hands, feet) come first. */
function bestView(regionIds: readonly string[]): BodyMapView {
  const counts = new Map<BodyMapView, number>();
  for (const id of regionIds) for (const v of viewsShowingRegion(id)) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (counts.size === 0) return "front";
  const order = [...BODY_MAP_VIEW_IDS].reverse();
  return order.reduce((best, v) => ((counts.get(v) ?? 0) > (counts.get(best) ?? 0) ? v : best));
}

export function WhereItHurts({ data }: { data: ClinicalIntake }) {
  const areas = data.intake?.answers.areasOfConcern ?? [];
  const [view, setView] = useState<BodyMapView>(() => bestView(areas.map((a) => a.id)));
  const marks = Object.fromEntries(areas.map((a) => [a.id, a.intensity]));
  return (
    <Card title="Where it hurts">
      <BodyMap
        mode="mark"
        view={view}
        onViewChange={setView}
        marks={marks}
        readOnly
        label="Areas the client marked"
      />
      <ul className={styles.areasList}>
        {[...areas]
          .sort((a, b) => b.intensity - a.intensity)
          .map((a) => (
            <li key={a.id}>
              <span
                className={styles.painSwatch}
                style={{ background: `var(--kw-pain-${a.intensity})` }}
                aria-hidden="true"
              />
              {regionById(a.id)?.label ?? a.id} <span className="kw-muted">· {a.intensity}/10</span>
            </li>
          ))}
      </ul>
    </Card>
  );
}
