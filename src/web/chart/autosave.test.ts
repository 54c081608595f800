import { afterEach, describe, expect, it, vi } from "vitest";
import { EMPTY_NOTE } from "../../core/charting";
import {
  allSendable,
  chartBackupKey,
  clearChartBackup,
  readChartBackup,
  startingWork,
  type Work,
} from "./autosave";
import { newPoint } from "./points";

const tapped = newPoint("p1", { regionId: "calf-left", view: "back", figure: "back", x: 1, y: 2 });
const work = (subjective: string, points = [] as Work["points"]): Work => ({
  note: { ...EMPTY_NOTE, subjective },
  points,
});

/** A window with an in-memory localStorage, as the browser gives it. */
function fakeWindow() {
  const store = new Map<string, string>();
  vi.stubGlobal("window", {
    localStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
  });
  return store;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("startingWork", () => {
  const server = { work: work("server"), updatedAt: "2026-12-03T10:00:00.000Z" };

  it("takes the device's copy only when it changed after the server's last save", () => {
    const newer = { work: work("device"), changedAt: Date.parse("2026-12-03T10:00:05Z") };
    const older = { work: work("device"), changedAt: Date.parse("2026-12-03T09:59:00Z") };
    expect(startingWork(server, newer)).toEqual({ work: newer.work, fromBackup: true });
    expect(startingWork(server, older)).toEqual({ work: server.work, fromBackup: false });
    expect(startingWork(server, null)).toEqual({ work: server.work, fromBackup: false });
  });
});

describe("allSendable", () => {
  it("waits until every point has its muscle", () => {
    expect(allSendable(work("x"))).toBe(true);
    expect(allSendable(work("x", [tapped]))).toBe(false);
    expect(allSendable(work("x", [{ ...tapped, muscleId: "gastrocnemius" }]))).toBe(true);
  });
});

describe("the device's backup", () => {
  it("is one key per user and chart", () => {
    expect(chartBackupKey("u1", "c1")).not.toBe(chartBackupKey("u2", "c1"));
    expect(chartBackupKey("u1", "c1")).not.toBe(chartBackupKey("u1", "c2"));
  });

  it("reads back what was stored, and nothing from a damaged or foreign entry", () => {
    const store = fakeWindow();
    const key = chartBackupKey("u1", "c1");
    const backup = { work: work("kept", [tapped]), changedAt: 1_700_000_000_000 };
    store.set(key, JSON.stringify(backup));
    expect(readChartBackup(key)).toEqual(backup);
    store.set(key, "{not json");
    expect(readChartBackup(key)).toBeNull();
    store.set(key, JSON.stringify({ work: { note: EMPTY_NOTE }, changedAt: 1 }));
    expect(readChartBackup(key)).toBeNull();
    store.set(key, JSON.stringify(backup));
    clearChartBackup(key);
    expect(readChartBackup(key)).toBeNull();
  });

  it("is simply absent where the browser refuses storage", () => {
    vi.stubGlobal("window", {
      get localStorage(): Storage {
        throw new Error("SecurityError");
      },
    });
    expect(readChartBackup("k")).toBeNull();
    expect(() => clearChartBackup("k")).not.toThrow();
  });
});
