import { describe, expect, it } from "vitest";
import { AmendmentChangesSchema } from "../../core/api/charting";
import { applyAmendment, type ChartState, EMPTY_NOTE, type TriggerPoint } from "../../core/charting";
import {
  amendmentChanges,
  changedNoteFields,
  changesNothing,
  describeChanges,
  pointCorrections,
} from "./amend";

const point = (id: string, extra: Partial<TriggerPoint> = {}): TriggerPoint => ({
  id,
  muscleId: "upper-trapezius",
  side: "left",
  regionId: "neck-posterior-left",
  mapView: "back",
  mapX: 540,
  mapY: 180,
  active: true,
  pressure: "strong",
  comfort: 6,
  holdSeconds: 30,
  twitch: false,
  referralReproduced: ["temple-left"],
  release: null,
  stretchApplied: null,
  ...extra,
});

const A = "0b8f6a49-5d0e-4f9f-9a39-3b8a1d3f0a01";
const B = "0b8f6a49-5d0e-4f9f-9a39-3b8a1d3f0a02";
const signed: ChartState = {
  note: { ...EMPTY_NOTE, subjective: "Headache.", plan: "Weekly.", painBefore: 6, painAfter: 2 },
  points: [point(A), point(B, { muscleId: "levator-scapulae", side: "right" })],
};

describe("changedNoteFields", () => {
  it("names only the fields that differ", () => {
    expect(changedNoteFields(signed.note, { ...signed.note, painAfter: 3 })).toEqual({ painAfter: 3 });
    expect(changedNoteFields(signed.note, { ...signed.note })).toEqual({});
    const consultation = { posture: [], movement: [], note: "Tight neck." };
    expect(changedNoteFields(signed.note, { ...signed.note, consultation })).toEqual({ consultation });
  });
});

describe("pointCorrections", () => {
  it("lists each corrected point once, with only its changed fields, in chart order", () => {
    const after = [point(A, { release: "full", holdSeconds: 45 }), signed.points[1] as TriggerPoint];
    expect(pointCorrections(signed.points, after)).toEqual([
      { id: A, set: { release: "full", holdSeconds: 45 } },
    ]);
    expect(pointCorrections(signed.points, signed.points)).toEqual([]);
  });
});

describe("amendmentChanges", () => {
  it("is a patch the API accepts as is, and applying it gives the edited chart", () => {
    const after: ChartState = {
      note: { ...signed.note, plan: "Weekly, then monthly." },
      points: [
        signed.points[0] as TriggerPoint,
        point(B, { muscleId: "levator-scapulae", side: "right", twitch: true }),
      ],
    };
    const changes = amendmentChanges(signed, after);
    expect(changes).toEqual({
      note: { plan: "Weekly, then monthly." },
      points: [{ id: B, set: { twitch: true } }],
    });
    // The wire contract keeps it as it is (no defaults added), so the server applies exactly this.
    const wire = AmendmentChangesSchema.parse(JSON.parse(JSON.stringify(changes)));
    expect(wire).toEqual(changes);
    expect(applyAmendment(signed, wire)).toEqual(after);
  });

  it("is empty when nothing was edited", () => {
    const changes = amendmentChanges(signed, { note: { ...signed.note }, points: [...signed.points] });
    expect(changes).toEqual({});
    expect(changesNothing(changes)).toBe(true);
    expect(changesNothing({ points: [{ id: A, set: { comfort: 2 } }] })).toBe(false);
    expect(changesNothing({ removedPointIds: [A] })).toBe(false);
  });
});

describe("describeChanges", () => {
  it("reads a line per changed note field and per corrected, removed or added point", () => {
    const after: ChartState = {
      note: { ...signed.note, painAfter: 3 },
      points: [
        point(A, { release: "partial", active: false }),
        point("c", { muscleId: "scalenes", side: null }),
      ],
    };
    expect(describeChanges(signed, after)).toEqual([
      "Pain after: “3”",
      "Upper trapezius, left: type latent, release partial",
      "Levator scapulae, right: removed",
      "Scalenes: added",
    ]);
  });

  it("says nothing for an unchanged chart, and names a moved point once", () => {
    expect(describeChanges(signed, signed)).toEqual([]);
    const moved = { ...signed, points: [point(A, { mapX: 10, mapY: 20 }), signed.points[1] as TriggerPoint] };
    expect(describeChanges(signed, moved)).toEqual(["Upper trapezius, left: moved on the map"]);
  });
});
