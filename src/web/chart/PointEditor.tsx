import { isMuscleId, muscleById } from "../../core/atlas";
import { regionById } from "../../core/body/regions";
import { MAX_TOTAL_HOLD_SECONDS } from "../../core/charting";
import { addHold } from "../../core/charting/hold-timer";
import styles from "./Chart.module.css";
import { Choice, Toggle } from "./Choice";
import { HoldTimer } from "./HoldTimer";
import { PointBasics, ReleaseChoice } from "./PointChoices";
import { type ChartPoint, muscleChoices, pointLabel, shortName } from "./points";

const SHOWN_MUSCLES = 8;
const PLACE_LABEL = {
  here: "Trigger points here",
  nearby: "Nearby",
  elsewhere: "Elsewhere",
} as const;

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
  const choices = muscleChoices(point.regionId, suggested);
  const shown = choices.filter((c) => c.place === "here" || c.suggested).slice(0, SHOWN_MUSCLES);
  // The chosen muscle stays among the buttons even when picked from the longer list.
  const chosen = point.muscleId ? muscleById(point.muscleId) : undefined;
  if (chosen && !shown.some((c) => c.muscleId === chosen.id))
    shown.push({ muscleId: chosen.id, place: "elsewhere", suggested: false });
  const rest = choices.filter((c) => !shown.some((s) => s.muscleId === c.muscleId));
  const label = pointLabel(point);
  const region = point.regionId ? regionById(point.regionId) : undefined;

  return (
    <section className={styles.editor} aria-labelledby={`${point.id}-title`}>
      <div className={styles.editorHead}>
        <h3 id={`${point.id}-title`} className={styles.editorTitle}>
          {label}
        </h3>
        <button type="button" className={styles.linkButton} onClick={onClose}>
          Done
        </button>
      </div>
      <p className={styles.muted}>Found on: {region?.label ?? "the map"}</p>
      {point.muscleId ? null : (
        <p className={styles.warning}>Choose the muscle: the point is saved once it has one.</p>
      )}

      <Choice
        legend="Muscle"
        options={shown.map((c) => ({
          value: c.muscleId,
          label: c.suggested ? `${shortName(c.muscleId)} ★` : shortName(c.muscleId),
        }))}
        value={point.muscleId}
        onChange={(muscleId) => set({ muscleId, stretchApplied: null })}
      />
      <label className={styles.selectField}>
        <span>Another muscle</span>
        <select
          value=""
          onChange={(event) => {
            const id = event.target.value;
            if (isMuscleId(id)) set({ muscleId: id, stretchApplied: null });
          }}
        >
          <option value="">Choose…</option>
          {(["here", "nearby", "elsewhere"] as const).map((place) => (
            <optgroup key={place} label={PLACE_LABEL[place]}>
              {rest
                .filter((c) => c.place === place)
                .map((c) => (
                  <option key={c.muscleId} value={c.muscleId}>
                    {muscleById(c.muscleId)?.name ?? c.muscleId}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>

      <PointBasics point={point} onChange={set} />

      <HoldTimer
        key={point.id}
        defaultSeconds={defaultHoldSeconds}
        totalSeconds={point.holdSeconds}
        pointLabel={label}
        onHoldRecorded={(seconds) =>
          onUpdate((p) => ({ ...p, holdSeconds: addHold(p.holdSeconds, seconds, MAX_TOTAL_HOLD_SECONDS) }))
        }
      />

      <Toggle label="Twitch response" checked={point.twitch} onChange={(twitch) => set({ twitch })} />

      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would make the button part of a form group; this only names the part */}
      <div className={styles.referral} role="group" aria-labelledby={`${point.id}-referral`}>
        <p id={`${point.id}-referral`} className={styles.fieldLabel}>
          Referred pain reproduced
        </p>
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

      <ReleaseChoice value={point.release} onChange={(release) => set({ release })} />

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
