import { useState } from "react";
import { BodyMap, type BodyMapPoint, type BodyMapView } from "../body";
import styles from "./Chart.module.css";
import { PointEditor } from "./PointEditor";
import { PointLegend, PointList } from "./PointList";
import { type ChartPoint, newPoint, newPointId, pointLabel, pointStatus } from "./points";

export type PointsUpdate = (update: (points: readonly ChartPoint[]) => readonly ChartPoint[]) => void;

function referralMarks(point: ChartPoint | undefined): Record<string, number> {
  return Object.fromEntries((point?.referral ?? []).map((id) => [id, 6]));
}

/**
 * The body chart of a session: the body map (src/web/body) in chart mode, where a tap places a
 * trigger point; the points drawn by status with a list beside; the tapped point's record with the
 * hold timer. While the therapist marks a point's referral the same map marks regions instead.
 */
export function BodyChart({
  points,
  onPointsChange,
  defaultHoldSeconds,
  suggested = [],
  readOnly = false,
}: {
  points: readonly ChartPoint[];
  onPointsChange?: PointsUpdate;
  defaultHoldSeconds: number;
  suggested?: readonly string[];
  readOnly?: boolean;
}) {
  const [view, setView] = useState<BodyMapView>(points[0]?.view ?? "back");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [markingReferral, setMarkingReferral] = useState(false);
  const editable = !readOnly && onPointsChange !== undefined;
  const selected = points.find((p) => p.id === selectedId);

  const update = (key: string, change: (p: ChartPoint) => ChartPoint) =>
    onPointsChange?.((all) => all.map((p) => (p.id === key ? change(p) : p)));

  const select = (key: string | null) => {
    setSelectedId(key);
    setMarkingReferral(false);
    const point = points.find((p) => p.id === key);
    if (point) setView(point.view);
  };

  const mapPoints: BodyMapPoint[] = points.map((p, index) => ({
    x: p.x,
    y: p.y,
    view: p.view,
    figure: p.figure,
    label: `${index + 1}, ${pointLabel(p)}`,
    status: pointStatus(p),
    selected: p.id === selectedId,
  }));

  return (
    <div className={styles.board}>
      <div className={styles.boardMap}>
        {markingReferral && selected ? (
          <p className={styles.banner} role="status">
            Tap where the client feels the referred pain from {pointLabel(selected)}. Tap again to unmark.
          </p>
        ) : null}
        <BodyMap
          mode={markingReferral ? "mark" : "chart"}
          view={view}
          onViewChange={setView}
          marks={referralMarks(selected)}
          onMarksChange={
            markingReferral && selected
              ? (marks) => update(selected.id, (p) => ({ ...p, referral: Object.keys(marks) }))
              : undefined
          }
          points={mapPoints}
          onPointAdd={
            editable && !markingReferral
              ? (at) => {
                  const point = newPoint(newPointId(), at);
                  onPointsChange?.((all) => [...all, point]);
                  setSelectedId(point.id);
                }
              : undefined
          }
          readOnly={!editable}
          label="Trigger point chart"
        />
        <PointLegend />
      </div>
      <div className={styles.boardSide}>
        {selected && editable ? (
          <PointEditor
            key={selected.id}
            point={selected}
            onUpdate={(change) => update(selected.id, change)}
            onRemove={() => {
              onPointsChange?.((all) => all.filter((p) => p.id !== selected.id));
              select(null);
            }}
            onClose={() => select(null)}
            defaultHoldSeconds={defaultHoldSeconds}
            suggested={suggested}
            markingReferral={markingReferral}
            onMarkReferral={setMarkingReferral}
          />
        ) : null}
        <h3 className={styles.sideTitle}>Points this session ({points.length})</h3>
        <PointList points={points} selectedId={selectedId} onSelect={editable ? select : undefined} />
      </div>
    </div>
  );
}
