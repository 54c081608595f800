import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LineChart } from "./LineChart";
import { PairedBars } from "./PairedBars";

const EMPTY = "No range of motion measured at your consultations yet.";
const count = (html: string, text: string) => html.split(text).length - 1;

function rangeOfMotion(points: { at: string; value: number }[]) {
  return renderToStaticMarkup(
    <LineChart
      title="Range of motion"
      series={[
        {
          id: "neck",
          label: "Neck rotation (left)",
          points: points.map((p) => ({ ...p, source: "consultation" as const })),
        },
      ]}
      max={90}
      unit="°"
      zone="America/Boise"
      valueName="degrees"
      empty={EMPTY}
    />,
  );
}

describe("chart frame", () => {
  it("with data: a table alternative for screen readers, and a toggle to show it", () => {
    const html = rangeOfMotion([
      { at: "2026-11-02T17:00:00.000Z", value: 45 },
      { at: "2026-11-23T17:00:00.000Z", value: 70 },
    ]);
    expect(html).toContain("<table");
    expect(html).toContain("<td>45°</td>");
    expect(html).toContain("<td>70°</td>");
    expect(html).toContain("Show as a table");
    expect(html).not.toContain(EMPTY);
  });

  it("with nothing yet: says so once, with no toggle and no empty table", () => {
    const html = rangeOfMotion([]);
    expect(count(html, EMPTY)).toBe(1);
    expect(html).not.toContain("Show as a table");
    expect(html).not.toContain("<table");
    expect(html).toContain("Range of motion");

    const bars = renderToStaticMarkup(
      <PairedBars
        title="Pain before and after each session"
        items={[]}
        names={["Before", "After"]}
        max={10}
        zone="America/Boise"
        summary="unused when empty"
        empty="No sessions charted yet."
      />,
    );
    expect(count(bars, "No sessions charted yet.")).toBe(1);
    expect(bars).not.toContain("Show as a table");
  });
});
