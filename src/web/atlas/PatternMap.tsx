/**
 * A muscle's referral pattern on the body map (pattern mode: the essential zone solid, the spillover
 * zone stippled) with its trigger points as ×, for one side at a time. Lazy: the map drawing is
 * the heaviest part of a muscle page and the text does not wait for it.
 */
import { useId, useMemo, useState } from "react";
import type { Muscle } from "../../core/atlas/types";
import type { Side } from "../../core/body/regions";
import { BodyMap, type BodyMapView } from "../body";
import styles from "./Atlas.module.css";
import {
  bestViewFor,
  patternOnSide,
  sidedRegionId,
  TRIGGER_POINT_REGIONS,
  triggerPointMarks,
} from "./trigger-points";

interface PatternMapProps {
  readonly muscle: Pick<Muscle, "id" | "name" | "essential" | "spillover">;
  readonly side: Side;
  readonly onSideChange: (side: Side) => void;
}

const NO_MARKS = {};

export default function PatternMap({ muscle, side, onSideChange }: PatternMapProps) {
  const id = useId();
  const pattern = useMemo(() => patternOnSide(muscle, side), [muscle, side]);
  const points = useMemo(
    () => triggerPointMarks(muscle.id, side, `${muscle.name}, ${side} side`),
    [muscle, side],
  );
  const [view, setView] = useState<BodyMapView>(() =>
    bestViewFor(
      pattern,
      (TRIGGER_POINT_REGIONS[muscle.id] ?? []).map((t) => sidedRegionId(t, side)),
    ),
  );
  return (
    <div className={styles.pattern}>
      <fieldset className={styles.patternSides}>
        <legend className="kw-visually-hidden">Show the pattern for</legend>
        {(["left", "right"] as const).map((choice) => (
          <label key={choice} className={styles.patternSide}>
            <input
              type="radio"
              name={`${id}-side`}
              value={choice}
              checked={side === choice}
              onChange={() => onSideChange(choice)}
            />
            <span>{choice === "left" ? "Left side" : "Right side"}</span>
          </label>
        ))}
      </fieldset>
      <BodyMap
        mode="pattern"
        view={view}
        onViewChange={setView}
        marks={NO_MARKS}
        pattern={pattern}
        points={points}
        readOnly
        label={`Where ${muscle.name} sends pain, ${side} side`}
      />
      <p className={styles.patternNote}>
        × marks roughly where its trigger points lie. The same muscle on the other side sends pain to the
        mirror-image places.
      </p>
    </div>
  );
}
