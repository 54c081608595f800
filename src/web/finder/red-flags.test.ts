import { describe, expect, it } from "vitest";
import { RED_FLAG_QUESTIONS, screenRedFlags } from "../../core/screening";
import { gateFor, loadAnswers, questionsFor, type RedFlagAnswers, saidYes, saveAnswers } from "./red-flags";

const GENERAL = RED_FLAG_QUESTIONS.filter((q) => q.regionGroups === "any").map((q) => q.id);
const allNo = (ids: readonly string[]): RedFlagAnswers => Object.fromEntries(ids.map((id) => [id, false]));

describe("the finder's red-flag gate", () => {
  it("asks the general questions before anything is marked", () => {
    const gate = gateFor([], {});
    expect(gate.kind).toBe("ask");
    if (gate.kind === "ask") expect(gate.pending.map((q) => q.id)).toEqual(GENERAL);
  });

  it("is clear once every question that matters has been answered no", () => {
    expect(gateFor([], allNo(GENERAL))).toEqual({ kind: "clear" });
  });

  it("asks the head and neck questions once the temple is marked", () => {
    const gate = gateFor(["temple-left"], allNo(GENERAL));
    expect(gate.kind).toBe("ask");
    if (gate.kind !== "ask") return;
    const pending = gate.pending.map((q) => q.id);
    expect(pending).toContain("thunderclap-headache");
    expect(pending).toContain("new-headache-after-50");
    expect(pending).not.toContain("calf-clot-signs");
    expect(pending.some((id) => GENERAL.includes(id as never))).toBe(false);
  });

  it("asks about a swollen calf when the calf is marked", () => {
    const ids = questionsFor(["calf-right"]).map((q) => q.id);
    expect(ids).toContain("calf-clot-signs");
  });

  it("stops on any yes, even one no longer relevant to the marks, naming the most urgent first", () => {
    const answers = { ...allNo(GENERAL), "new-headache-after-50": true, "thunderclap-headache": true };
    const gate = gateFor(["heel-left"], answers);
    expect(gate.kind).toBe("stop");
    if (gate.kind === "stop") {
      expect(gate.stoppedBy.id).toBe("thunderclap-headache");
      expect(gate.stoppedBy.advice).toMatch(/911/);
    }
  });

  it("agrees with core screening on which answers stop the flow and which comes first", () => {
    const samples: RedFlagAnswers[] = [
      {},
      allNo(RED_FLAG_QUESTIONS.map((q) => q.id)),
      { "hot-swollen-joint": true },
      { "hot-swollen-joint": true, "cauda-equina-signs": true },
      { "calf-clot-signs": true, "systemic-symptoms": false },
    ];
    for (const answers of samples) {
      const core = screenRedFlags(answers);
      expect(saidYes(answers).map((q) => q.id)).toEqual(core.redFlags.map((f) => f.id));
      expect(gateFor([], answers).kind === "stop").toBe(core.outcome === "stop");
    }
  });

  it("keeps answers for the tab and ignores anything it does not know", () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    saveAnswers({ "hot-swollen-joint": false, "stroke-like-signs": true }, storage);
    expect(loadAnswers(storage)).toEqual({ "hot-swollen-joint": false, "stroke-like-signs": true });
    store.set("knotwork.finder.red-flags", '{"made-up":true,"hot-swollen-joint":"yes"}');
    expect(loadAnswers(storage)).toEqual({});
    store.set("knotwork.finder.red-flags", "not json");
    expect(loadAnswers(storage)).toEqual({});
  });
});
