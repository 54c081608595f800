import { useId } from "react";
import {
  type ChartSide,
  type Consultation,
  MAX_ROM_DEGREES,
  MOVEMENT_REGIONS,
  MOVEMENT_TESTS,
  type MovementObservation,
  type MovementTestId,
  POSTURE_FINDINGS,
  type PostureFindingId,
  ROM_SOURCES,
} from "../../core/charting";
import styles from "./Chart.module.css";
import { Choice, Toggle } from "./Choice";

const EMPTY: Consultation = { posture: [], movement: [], note: "" };

const REGION_TITLE: Record<(typeof MOVEMENT_REGIONS)[number], string> = {
  neck: "Neck",
  shoulder: "Shoulder",
  "elbow-wrist": "Elbow and wrist",
  trunk: "Trunk",
  hip: "Hip",
  "knee-ankle": "Knee and ankle",
};

/** Posture findings and movement tests (lists from src/core/charting), with normal ranges shown. */
export function ConsultationForm({
  consultation,
  onChange,
}: {
  consultation: Consultation | null;
  onChange: (consultation: Consultation) => void;
}) {
  const c = consultation ?? EMPTY;
  const posture = (id: PostureFindingId) => c.posture.find((p) => p.id === id);
  const setPosture = (id: PostureFindingId, on: boolean, side: ChartSide | null) =>
    onChange({
      ...c,
      posture: on
        ? [...c.posture.filter((p) => p.id !== id), { id, side, note: posture(id)?.note ?? "" }]
        : c.posture.filter((p) => p.id !== id),
    });
  const movement = (testId: MovementTestId, side: ChartSide | null) =>
    c.movement.find((m) => m.testId === testId && m.side === side);
  const setMovement = (
    testId: MovementTestId,
    side: ChartSide | null,
    patch: Partial<MovementObservation>,
  ) => {
    const current: MovementObservation = movement(testId, side) ?? {
      testId,
      side,
      degrees: null,
      painOnMovement: false,
      pain: null,
      note: "",
    };
    const next = { ...current, ...patch };
    const others = c.movement.filter((m) => !(m.testId === testId && m.side === side));
    const empty = next.degrees === null && !next.painOnMovement && next.note === "";
    onChange({ ...c, movement: empty ? others : [...others, next] });
  };

  return (
    <div className={styles.stack}>
      <section aria-labelledby="kw-posture-title" className={styles.stack}>
        <h3 id="kw-posture-title" className={styles.sectionTitle}>
          Posture
        </h3>
        <div className={styles.postureGrid}>
          {POSTURE_FINDINGS.map((finding) => {
            const found = posture(finding.id);
            return (
              <div key={finding.id} className={styles.postureItem}>
                <Toggle
                  label={finding.label}
                  hint={finding.look}
                  checked={found !== undefined}
                  onChange={(on) => setPosture(finding.id, on, on && finding.sided ? "left" : null)}
                />
                {found && finding.sided ? (
                  <Choice
                    legend={`${finding.label}: side`}
                    hideLegend
                    options={[
                      { value: "left", label: "Left" },
                      { value: "right", label: "Right" },
                    ]}
                    value={found.side}
                    onChange={(side) => setPosture(finding.id, true, side)}
                  />
                ) : null}
              </div>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="kw-movement-title" className={styles.stack}>
        <h3 id="kw-movement-title" className={styles.sectionTitle}>
          Movement tests
        </h3>
        <p className={styles.muted}>
          Active range in degrees. Normal ranges are a guide, not a cut-off: {ROM_SOURCES.aaos}.
        </p>
        {MOVEMENT_REGIONS.map((region) => (
          <fieldset key={region} className={styles.movementGroup}>
            <legend className={styles.choiceLegend}>{REGION_TITLE[region]}</legend>
            {MOVEMENT_TESTS.filter((t) => t.region === region).map((test) => (
              <div key={test.id} className={styles.movementRow}>
                <p className={styles.movementName}>
                  {test.label}
                  <span className={styles.muted}>
                    {" "}
                    <span className={styles.normalRange}>
                      normal {test.normal.from}–{test.normal.to}°
                    </span>
                  </span>
                </p>
                <div className={styles.movementSides}>
                  {(test.sided ? (["left", "right"] as const) : [null]).map((side) => (
                    <MovementInput
                      key={side ?? "both"}
                      label={test.label}
                      side={side}
                      value={movement(test.id, side)}
                      onChange={(patch) => setMovement(test.id, side, patch)}
                    />
                  ))}
                </div>
              </div>
            ))}
          </fieldset>
        ))}
      </section>
    </div>
  );
}

function MovementInput({
  label,
  side,
  value,
  onChange,
}: {
  label: string;
  side: ChartSide | null;
  value: MovementObservation | undefined;
  onChange: (patch: Partial<MovementObservation>) => void;
}) {
  const id = useId();
  const sideLabel = side === "left" ? "Left" : side === "right" ? "Right" : "Range";
  return (
    <div className={styles.movementInput}>
      <label htmlFor={id} className={styles.movementSide}>
        {sideLabel}
        <span className={styles.srOnly}> {label}, degrees</span>
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_ROM_DEGREES}
        value={value?.degrees ?? ""}
        onChange={(event) => {
          const n = event.target.value === "" ? null : Number(event.target.value);
          onChange({
            degrees:
              n === null || !Number.isFinite(n)
                ? null
                : Math.min(MAX_ROM_DEGREES, Math.max(0, Math.round(n))),
          });
        }}
      />
      <span aria-hidden="true">°</span>
      <label className={styles.painCheck}>
        <input
          type="checkbox"
          checked={value?.painOnMovement ?? false}
          onChange={(event) => onChange({ painOnMovement: event.target.checked })}
        />
        Pain
        <span className={styles.srOnly}>
          {" "}
          on {label.toLowerCase()}
          {side ? `, ${side}` : ""}
        </span>
      </label>
    </div>
  );
}
