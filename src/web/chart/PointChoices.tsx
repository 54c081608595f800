import styles from "./Chart.module.css";
import { Choice } from "./Choice";
import type { ChartPoint } from "./points";

const COMFORT = Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }));

type Basics = Pick<ChartPoint, "side" | "active" | "pressure" | "comfort">;

/**
 * Side, type, pressure and comfort of one point: the same controls while charting (PointEditor)
 * and when correcting a signed point (PointCorrection), so the two cannot drift apart.
 */
export function PointBasics({
  point,
  onChange,
}: {
  point: Basics;
  onChange: (patch: Partial<Basics>) => void;
}) {
  return (
    <>
      <div className={styles.pair}>
        <Choice
          legend="Side"
          options={[
            { value: "left", label: "Left" },
            { value: "right", label: "Right" },
          ]}
          value={point.side}
          onChange={(side) => onChange({ side })}
        />
        <Choice
          legend="Type"
          options={[
            { value: "active", label: "Active" },
            { value: "latent", label: "Latent" },
          ]}
          value={point.active ? "active" : "latent"}
          onChange={(kind) => onChange({ active: kind === "active" })}
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
        onChange={(pressure) => onChange({ pressure })}
      />
      <Choice
        legend="Client comfort (0 none – 10 worst)"
        options={COMFORT}
        value={point.comfort}
        onChange={(comfort) => onChange({ comfort })}
        compact
      />
    </>
  );
}

/** How far the point released. */
export function ReleaseChoice({
  value,
  onChange,
}: {
  value: ChartPoint["release"];
  onChange: (release: NonNullable<ChartPoint["release"]>) => void;
}) {
  return (
    <Choice
      legend="Release"
      options={[
        { value: "full", label: "Full" },
        { value: "partial", label: "Partial" },
        { value: "none", label: "None" },
      ]}
      value={value}
      onChange={onChange}
    />
  );
}
