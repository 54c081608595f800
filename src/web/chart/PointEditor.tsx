import { muscleById } from "../../core/atlas";
import { regionById } from "../../core/body/regions";
import { addHold } from "../../core/charting/hold-timer";
import styles from "./Chart.module.css";
import { Choice, Toggle } from "./Choice";
import { HoldTimer } from "./HoldTimer";
import { type ChartPoint, musclesForRegion, pointLabel, shortName } from "./points";

const SHOWN_MUSCLES = 8;
const COMFORT = Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }));

/**
 * Everything recorded about one trigger point, in the order the work goes: which muscle and side,
 * active or latent, pressure and comfort, the hold, what the client felt, release, stretch.
 */
export function PointEditor({
  point,
  onUpdate,
  onRemove,
  onClose,
  defaultHoldSeconds,
  suggested,
  markingReferral,
  onMarkReferral,
}: {
  point: ChartPoint;
  /** Changes the point as it is when applied (a hold may end after other edits). */
  onUpdate: (update: (point: ChartPoint) => ChartPoint) => void;
  onRemove: () => void;
  onClose: () => void;
  defaultHoldSeconds: number;
  /** Muscle ids to check first (the finder's ranking for this client). */
  suggested: readonly string[];
  markingReferral: boolean;
  onMarkReferral: (on: boolean) => void;
}) {
  const set = (patch: Partial<ChartPoint>) => onUpdate((p) => ({ ...p, ...patch }));
  const { here, others } = musclesForRegion(point.regionId);
  const ordered = [
    ...here.filter((m) => suggested.includes(m.id)),
    ...here.filter((m) => !suggested.includes(m.id)),
  ];
  const shown = ordered.slice(0, SHOWN_MUSCLES);
  // The chosen muscle stays among the buttons even when picked from the longer list.
  const chosen = point.muscleId ? muscleById(point.muscleId) : undefined;
  if (chosen && !shown.includes(chosen)) shown.push(chosen);
  const rest = [...ordered.slice(SHOWN_MUSCLES), ...others].filter((m) => m !== chosen);
  const label = pointLabel(point);
  const region = regionById(point.regionId);

  return (
    <section className={styles.editor} aria-labelledby={`${point.key}-title`}>
      <div className={styles.editorHead}>
        <h3 id={`${point.key}-title`} className={styles.editorTitle}>
          {label}
        </h3>
        <button type="button" className={styles.linkButton} onClick={onClose}>
          Done
        </button>
      </div>
      <p className={styles.muted}>Found on: {region?.label ?? point.regionId}</p>

      <Choice
        legend="Muscle"
        options={shown.map((m) => ({ value: m.id, label: shortName(m) }))}
        value={point.muscleId}
        onChange={(muscleId) => set({ muscleId, stretchApplied: null })}
      />
      <label className={styles.selectField}>
        <span>Another muscle</span>
        <select
          value=""
          onChange={(event) =>
            event.target.value && set({ muscleId: event.target.value, stretchApplied: null })
          }
        >
          <option value="">Choose…</option>
          {rest.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </label>

      <div className={styles.pair}>
        <Choice
          legend="Side"
          options={[
            { value: "left", label: "Left" },
            { value: "right", label: "Right" },
          ]}
          value={point.side}
          onChange={(side) => set({ side })}
        />
        <Choice
          legend="Type"
          options={[
            { value: "active", label: "Active" },
            { value: "latent", label: "Latent" },
          ]}
          value={point.active ? "active" : "latent"}
          onChange={(kind) => set({ active: kind === "active" })}
        />
      </div>
      <Choice
        legend="Pressure"
        options={[
          { value: "gentle", label: "Gentle" },
          { value: "strong", label: "Strong" },
          { value: "deep", label: "Deep" },
        ]}
        value={point.pressure}
        onChange={(pressure) => set({ pressure })}
      />
      <Choice
        legend="Client comfort (0 none – 10 worst)"
        options={COMFORT}
        value={point.comfort}
        onChange={(comfort) => set({ comfort })}
        compact
      />

      <HoldTimer
        key={point.key}
        defaultSeconds={defaultHoldSeconds}
        totalSeconds={point.holdSeconds}
        pointLabel={label}
        onHoldRecorded={(seconds) =>
          onUpdate((p) => ({ ...p, holdSeconds: addHold(p.holdSeconds, seconds) }))
        }
      />

      <Toggle label="Twitch response" checked={point.twitch} onChange={(twitch) => set({ twitch })} />

      <div className={styles.referral}>
        <p className={styles.fieldLabel}>Referred pain reproduced</p>
        <p className={styles.muted}>
          {point.referral.length === 0
            ? "None marked."
            : point.referral.map((id) => regionById(id)?.label ?? id).join(", ")}
        </p>
        <button
          type="button"
          className={styles.secondaryButton}
          aria-pressed={markingReferral}
          onClick={() => onMarkReferral(!markingReferral)}
        >
          {markingReferral ? "Done marking referral" : "Mark referral on the map"}
        </button>
      </div>

      <Choice
        legend="Release"
        options={[
          { value: "full", label: "Full" },
          { value: "partial", label: "Partial" },
          { value: "none", label: "None" },
        ]}
        value={point.release}
        onChange={(release) => set({ release })}
      />

      {chosen ? (
        <Toggle
          label="Stretch applied"
          hint={chosen.stretch}
          checked={point.stretchApplied !== null}
          onChange={(on) => set({ stretchApplied: on ? chosen.stretch : null })}
        />
      ) : null}

      <button type="button" className={styles.removeButton} onClick={onRemove}>
        Remove this point
      </button>
    </section>
  );
}
