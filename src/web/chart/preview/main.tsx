/**
 * The body chart and hold timer by themselves, without a server (see shoot.ts): a developer's page
 * to look at them at phone, tablet and laptop sizes.
 */
import "../../ui/global.css";
import { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { BodyChart } from "../BodyChart";
import { type ChartPoint, newPoint } from "../points";

const SAMPLE: ChartPoint[] = [
  {
    ...newPoint("00000000-0000-4000-8000-00000000000a", {
      regionId: "shoulder-top-left",
      view: "back",
      figure: "back",
      x: 140,
      y: 190,
    }),
    muscleId: "upper-trapezius",
    holdSeconds: 45,
    release: "full",
  },
  {
    ...newPoint("00000000-0000-4000-8000-00000000000b", {
      regionId: "back-low-right",
      view: "back",
      figure: "back",
      x: 225,
      y: 390,
    }),
    muscleId: "quadratus-lumborum",
    active: false,
  },
];

function Preview() {
  const [points, setPoints] = useState<readonly ChartPoint[]>(SAMPLE);
  return (
    <div style={{ padding: "var(--kw-space-4)", maxWidth: 1280, margin: "0 auto" }}>
      <h1>Chart preview</h1>
      <BodyChart
        points={points}
        onPointsChange={(update) => setPoints(update)}
        defaultHoldSeconds={30}
        suggested={["upper-trapezius"]}
      />
      <pre data-testid="state">
        {JSON.stringify(points.map((p) => [p.muscleId, p.holdSeconds, p.referral]))}
      </pre>
    </div>
  );
}

const root = document.getElementById("root");
if (root)
  createRoot(root).render(
    <StrictMode>
      <Preview />
    </StrictMode>,
  );
