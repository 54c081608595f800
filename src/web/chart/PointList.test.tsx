import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PointList } from "./PointList";
import { newPoint } from "./points";

const at = { regionId: "neck-posterior-right", view: "back" as const, figure: "back", x: 1, y: 2 };

describe("PointList", () => {
  it("lists the points in order with their status, hold and release; read only without onSelect", () => {
    const points = [
      {
        ...newPoint("a", at),
        muscleId: "upper-trapezius" as const,
        holdSeconds: 30,
        release: "full" as const,
      },
      {
        ...newPoint("b", at),
        muscleId: "levator-scapulae" as const,
        active: false,
        release: "partial" as const,
      },
    ];
    const html = renderToStaticMarkup(<PointList points={points} selectedId={null} />);
    expect(html).toContain('aria-label="Trigger points"');
    expect(html.indexOf("Upper trapezius")).toBeLessThan(html.indexOf("Levator scapulae"));
    expect(html).toContain("Released · held 0:30 · released");
    expect(html).toContain("Latent · partly released");
    expect(html).not.toContain("<button");
  });

  it("makes each point a button when it can be opened, marking the selected one", () => {
    const points = [{ ...newPoint("a", at), muscleId: "upper-trapezius" as const }, newPoint("b", at)];
    const html = renderToStaticMarkup(<PointList points={points} selectedId="b" onSelect={() => {}} />);
    expect(html.match(/<button/g)).toHaveLength(2);
    expect(html.match(/aria-current="true"/g)).toHaveLength(1);
    expect(html).toContain("New point: ");
  });

  it("says how to start when there is no point yet", () => {
    expect(renderToStaticMarkup(<PointList points={[]} selectedId={null} />)).toContain("Tap the map");
  });
});
