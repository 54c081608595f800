import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { panelWidth, seriesRows } from "./LineChart";
import {
  describeTrend,
  linearScale,
  linePath,
  percentChange,
  timeDomain,
  timeTicks,
  valueAxis,
  valueTicks,
} from "./scale";

describe("chart scales", () => {
  it("maps a domain onto a range, and a one-value domain to the middle", () => {
    const x = linearScale([0, 10], [100, 0]);
    expect(x(0)).toBe(100);
    expect(x(10)).toBe(0);
    expect(x(5)).toBe(50);
    expect(linearScale([3, 3], [0, 40])(3)).toBe(20);
  });

  it("a value axis runs to its highest tick, so no tick is drawn above the plot", () => {
    expect(valueAxis(170, 3)).toEqual({ ticks: [0, 100, 200], top: 200 });
    expect(valueAxis(10, 2)).toEqual({ ticks: [0, 5, 10], top: 10 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 8 }), (max, count) => {
        const { ticks, top } = valueAxis(max, count);
        expect(top).toBeGreaterThanOrEqual(max);
        for (const tick of ticks) expect(tick).toBeLessThanOrEqual(top);
        expect(ticks.at(-1)).toBe(top);
      }),
    );
  });

  it("value ticks start at 0 and reach the maximum in round steps", () => {
    expect(valueTicks(10, 2)).toEqual([0, 5, 10]);
    expect(valueTicks(180, 3)).toEqual([0, 100, 200]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 8 }), (max, count) => {
        const ticks = valueTicks(max, count);
        expect(ticks[0]).toBe(0);
        expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]).toBeGreaterThan(ticks[i - 1] as number);
      }),
    );
  });

  it("time ticks fall inside the domain, one day apart at least, no more than asked", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 2, max: 8 }),
        (from, days, count) => {
          const domain = timeDomain([from, from + days * 86_400_000]);
          const ticks = timeTicks(domain, count);
          expect(ticks.length).toBeGreaterThan(0);
          expect(ticks.length).toBeLessThanOrEqual(Math.max(count, 1) + 1);
          for (const t of ticks) {
            expect(t).toBeGreaterThanOrEqual(domain[0]);
            expect(t).toBeLessThanOrEqual(domain[1]);
          }
        },
      ),
    );
  });

  it("draws a polyline through the points in order", () => {
    expect(
      linePath([
        { x: 0, y: 1 },
        { x: 10.04, y: 2.55 },
      ]),
    ).toBe("M0 1 L10 2.6");
    expect(linePath([])).toBe("");
  });

  it("says a trend in words, oldest first whatever the order given", () => {
    const format = (iso: string) => iso.slice(5, 10);
    expect(
      describeTrend(
        [
          { at: "2026-11-20T10:00:00Z", value: 3 },
          { at: "2026-10-02T10:00:00Z", value: 7 },
        ],
        format,
      ),
    ).toBe("from 7 on 10-02 to 3 on 11-20");
    expect(describeTrend([], format)).toBe("no entries yet");
    expect(describeTrend([{ at: "2026-10-02T10:00:00Z", value: 90 }], format, "°")).toBe("90° on 10-02");
  });

  it("percent change is the share pain fell by", () => {
    expect(percentChange(8, 4)).toBe(50);
    expect(percentChange(4, 6)).toBe(-50);
    expect(percentChange(0, 3)).toBeNull();
  });

  it("table rows merge one diary entry's regions and keep sessions apart", () => {
    const rows = seriesRows([
      {
        id: "a",
        label: "A",
        points: [
          { at: "2026-11-02T10:00:00Z", value: 5, source: "diary" },
          { at: "2026-11-01T10:00:00Z", value: 7, source: "session" },
        ],
      },
      { id: "b", label: "B", points: [{ at: "2026-11-02T10:00:00Z", value: 2, source: "diary" }] },
    ]);
    expect(rows).toEqual([
      { at: "2026-11-01T10:00:00Z", source: "session", values: [7, null] },
      { at: "2026-11-02T10:00:00Z", source: "diary", values: [5, 2] },
    ]);
  });

  it("puts two panels side by side only when both get 320 px", () => {
    expect(panelWidth(358, 3)).toBe(358);
    expect(panelWidth(700, 3)).toBe(342);
    expect(panelWidth(700, 1)).toBe(700);
  });
});
