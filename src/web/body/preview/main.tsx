/**
 * A page to look at the body map by itself (see shoot.ts). The URL sets the starting state:
 * ?mode=mark|pattern|chart&view=front&marks=temple-left:6,jaw-right:3&select=temple-left
 */
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import {
  BodyMap,
  type BodyMapMode,
  type BodyMapPoint,
  type BodyMapView,
  isBodyMapView,
  type RegionMarks,
} from "..";
import styles from "./Preview.module.css";

const params = new URLSearchParams(window.location.search);

function parseMarks(text: string | null): RegionMarks {
  if (!text) return {};
  return Object.fromEntries(
    text
      .split(",")
      .map((pair) => pair.split(":"))
      .filter((pair): pair is [string, string] => pair.length === 2)
      .map(([id, intensity]) => [id, Number(intensity)]),
  );
}

function parseMode(text: string | null): BodyMapMode {
  return text === "pattern" || text === "chart" ? text : "mark";
}

/** Upper trapezius, left (referral-patterns.json): up the side and back of the neck to the temple. */
const UPPER_TRAPEZIUS_LEFT = {
  essential: ["neck-posterior-left", "neck-lateral-left", "mastoid-left", "temple-left"],
  spillover: ["eye-left", "jaw-left", "occiput-left"],
};

const SAMPLE_POINTS: BodyMapPoint[] = [
  { view: "back", x: 152, y: 151, label: "Upper trapezius, left" },
  { view: "back", x: 238, y: 215, label: "Infraspinatus, right" },
  { view: "front", x: 150, y: 380, label: "Tensor fasciae latae, right" },
  { view: "head", figure: "face", x: 72, y: 200, label: "Masseter, right" },
];

const HEADINGS: Record<BodyMapMode, string> = {
  mark: "Where does it hurt?",
  pattern: "Upper trapezius: where its pain is felt",
  chart: "Session chart: trigger points",
};

function Preview() {
  const initialView = params.get("view") ?? "front";
  const [view, setView] = useState<BodyMapView>(isBodyMapView(initialView) ? initialView : "front");
  const [marks, setMarks] = useState<RegionMarks>(parseMarks(params.get("marks")));
  const [points, setPoints] = useState<BodyMapPoint[]>(params.get("points") ? SAMPLE_POINTS : []);
  const mode = parseMode(params.get("mode"));
  return (
    <main className={styles.preview}>
      <h1>{HEADINGS[mode]}</h1>
      <BodyMap
        mode={mode}
        view={view}
        onViewChange={setView}
        marks={marks}
        onMarksChange={setMarks}
        pattern={mode === "pattern" ? UPPER_TRAPEZIUS_LEFT : undefined}
        points={points}
        onPointAdd={
          mode === "chart"
            ? (p) =>
                setPoints((list) => [
                  ...list,
                  { x: p.x, y: p.y, view: p.view, figure: p.figure, label: "New point" },
                ])
            : undefined
        }
        readOnly={params.has("readonly")}
      />
      <pre className={styles.previewState}>{JSON.stringify(marks)}</pre>
    </main>
  );
}

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <Preview />
    </StrictMode>,
  );
