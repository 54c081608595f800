import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REGION_TYPES, regionTypeById } from "../body/regions";
import {
  CAUSE_TAGS,
  isMuscleId,
  MAX_HOLD_SECONDS,
  MIN_HOLD_SECONDS,
  MUSCLE_IDS,
  MUSCLES,
  type Muscle,
  muscleById,
  SELF_TREATMENT_TOOLS,
  SOURCES,
} from "./index";

/** The ids of the reference data (fixtures/referral-patterns.json), in its order: a public contract. */
const REFERENCE_MUSCLE_IDS = [
  "upper-trapezius",
  "middle-trapezius",
  "lower-trapezius",
  "levator-scapulae",
  "scm-sternal",
  "scm-clavicular",
  "suboccipitals",
  "splenius-capitis",
  "splenius-cervicis",
  "scalenes",
  "temporalis",
  "masseter",
  "lateral-pterygoid",
  "medial-pterygoid",
  "supraspinatus",
  "infraspinatus",
  "teres-minor",
  "teres-major",
  "subscapularis",
  "latissimus-dorsi",
  "serratus-anterior",
  "serratus-posterior-superior",
  "rhomboids",
  "deltoid",
  "pectoralis-major",
  "pectoralis-minor",
  "subclavius",
  "biceps-brachii",
  "triceps-brachii",
  "brachioradialis",
  "supinator",
  "wrist-extensors",
  "finger-extensors",
  "wrist-finger-flexors",
  "quadratus-lumborum",
  "iliopsoas",
  "iliocostalis-thoracis",
  "iliocostalis-lumborum",
  "longissimus-thoracis",
  "multifidi",
  "rectus-abdominis",
  "gluteus-maximus",
  "gluteus-medius",
  "gluteus-minimus",
  "piriformis",
  "tfl",
  "hamstrings-medial",
  "biceps-femoris",
  "rectus-femoris",
  "vastus-medialis",
  "vastus-lateralis",
  "vastus-intermedius",
  "adductor-longus-brevis",
  "gastrocnemius",
  "soleus",
  "tibialis-anterior",
  "peroneus-longus-brevis",
  "tibialis-posterior",
  "extensor-digitorum-longus",
  "long-toe-flexors",
  "intrinsic-foot",
];

function proseOf(muscle: Muscle): string[] {
  return [
    muscle.triggerPoints,
    muscle.activators,
    muscle.selfTreatment.how,
    muscle.stretch,
    ...muscle.cautions,
  ];
}

function regionTypesOf(muscle: Muscle): string[] {
  return [...muscle.essential, ...muscle.spillover];
}

describe("the muscle atlas", () => {
  it("has the 61 muscles of the reference data, under the same ids and in the same order", () => {
    expect(MUSCLES).toHaveLength(61);
    expect(MUSCLES.map((m) => m.id)).toEqual(REFERENCE_MUSCLE_IDS);
    expect([...MUSCLE_IDS]).toEqual(REFERENCE_MUSCLE_IDS);
  });

  it("finds each muscle by its id and nothing for an unknown id", () => {
    for (const muscle of MUSCLES) {
      expect(muscleById(muscle.id)).toBe(muscle);
      expect(isMuscleId(muscle.id)).toBe(true);
    }
    expect(muscleById("gluteus-gigantus")).toBeUndefined();
    expect(isMuscleId("gluteus-gigantus")).toBe(false);
  });

  it("refers pain only to region types that exist in the body-map vocabulary", () => {
    for (const muscle of MUSCLES) {
      for (const typeId of regionTypesOf(muscle)) {
        expect(regionTypeById(typeId), `${muscle.id} → ${typeId}`).toBeDefined();
      }
    }
  });

  it("gives every muscle an essential zone and never lists a region twice", () => {
    for (const muscle of MUSCLES) {
      expect(muscle.essential.length, muscle.id).toBeGreaterThan(0);
      const types = regionTypesOf(muscle);
      expect(new Set(types).size, muscle.id).toBe(types.length);
    }
  });

  it("keeps every self-treatment hold within 10-60 seconds", () => {
    for (const { id, selfTreatment } of MUSCLES) {
      const [min, max] = selfTreatment.holdSeconds;
      expect(min, id).toBeGreaterThanOrEqual(MIN_HOLD_SECONDS);
      expect(max, id).toBeLessThanOrEqual(MAX_HOLD_SECONDS);
      expect(min, id).toBeLessThanOrEqual(max);
      expect(SELF_TREATMENT_TOOLS, id).toContain(selfTreatment.tool);
      expect(selfTreatment.frequency.trim(), id).not.toBe("");
    }
  });

  it("tags causes from the intake vocabulary and names typical activators", () => {
    for (const muscle of MUSCLES) {
      expect(muscle.causes.length, muscle.id).toBeGreaterThan(0);
      expect(new Set(muscle.causes).size, muscle.id).toBe(muscle.causes.length);
      for (const cause of muscle.causes) expect(CAUSE_TAGS, muscle.id).toContain(cause);
      expect(muscle.activators.length, muscle.id).toBeGreaterThan(20);
    }
  });

  it("writes every description as full sentences with at least one muscle-specific caution", () => {
    for (const muscle of MUSCLES) {
      expect(muscle.cautions.length, muscle.id).toBeGreaterThan(0);
      for (const text of [muscle.name, ...proseOf(muscle)]) {
        expect(text, muscle.id).toMatch(/^[A-Z]/);
      }
      for (const text of proseOf(muscle)) expect(text, muscle.id).toMatch(/[.!]$/);
    }
  });

  it("cites only known sources", () => {
    for (const muscle of MUSCLES) {
      expect(muscle.sources.length, muscle.id).toBeGreaterThan(0);
      for (const key of muscle.sources) expect(Object.keys(SOURCES), muscle.id).toContain(key);
    }
  });

  it("warns never to press on a pulse wherever self-treatment works near the neck, groin or back of the knee", () => {
    const nearAPulse = [
      "upper-trapezius",
      "scm-sternal",
      "scm-clavicular",
      "scalenes",
      "medial-pterygoid",
      "iliopsoas",
      "tfl",
      "rectus-femoris",
      "adductor-longus-brevis",
      "hamstrings-medial",
      "biceps-femoris",
      "gastrocnemius",
    ];
    for (const id of nearAPulse) {
      expect(muscleById(id)?.cautions.join(" "), id).toMatch(/pulse|artery/i);
    }
  });

  it("warns against massaging a possibly clotted calf for the calf muscles", () => {
    for (const id of ["gastrocnemius", "soleus", "tibialis-posterior", "long-toe-flexors"]) {
      expect(muscleById(id)?.cautions.join(" "), id).toMatch(/blood clot/);
    }
  });
});

/**
 * A verbatim copy of the researched reference data (src/core/atlas/fixtures/referral-patterns.json), kept in the
 * repo as a test fixture so these checks always run. Facts with sources, not product copy: the atlas
 * restates them in its own words.
 */
const REFERENCE_FIXTURE = new URL("./fixtures/referral-patterns.json", import.meta.url);
/** sha256 of the copy: a reformat or hand edit of the fixture fails the suite instead of drifting silently. */
const REFERENCE_FIXTURE_SHA256 = "5bdf4d7d37cef888e8e004005299581237688482f73db4b2af3c529357d1c201";

interface ReferenceRegion {
  id: string;
  label: string;
  group: string;
  view: string;
  paired: boolean;
  detailView: string | null;
}

interface ReferenceMuscle {
  id: string;
  name: string;
  group: string;
  essential: string[];
  spillover: string[];
  notes: string;
  sources: string[];
  confidence: string;
}

interface Reference {
  note: string;
  regions: ReferenceRegion[];
  muscles: ReferenceMuscle[];
  sources: Record<string, string>;
}

const referenceText = readFileSync(REFERENCE_FIXTURE, "utf8");
const reference = JSON.parse(referenceText) as Reference;

describe("the atlas against the researched reference data (fixtures/referral-patterns.json)", () => {
  it("reads an unmodified copy of the reference file", () => {
    expect(createHash("sha256").update(readFileSync(REFERENCE_FIXTURE)).digest("hex")).toBe(
      REFERENCE_FIXTURE_SHA256,
    );
  });

  it("lists the reference muscles under the same ids and in the same order", () => {
    expect(reference.muscles.map((m) => m.id)).toEqual(REFERENCE_MUSCLE_IDS);
  });

  it("keeps the researched facts: group, essential and spillover zones, sources and confidence", () => {
    for (const ref of reference.muscles) {
      const muscle = muscleById(ref.id);
      expect(muscle, ref.id).toBeDefined();
      expect(
        {
          anatomicalName: muscle?.anatomicalName,
          group: muscle?.group,
          essential: muscle?.essential,
          spillover: muscle?.spillover,
          sources: muscle?.sources,
          confidence: muscle?.confidence,
        },
        ref.id,
      ).toEqual({
        anatomicalName: ref.name,
        group: ref.group,
        essential: ref.essential,
        spillover: ref.spillover,
        sources: ref.sources,
        confidence: ref.confidence,
      });
    }
  });

  it("keeps the source citations as given", () => {
    expect(SOURCES).toEqual(reference.sources);
  });

  it("refers pain to the region types of the reference, which the body map uses unchanged", () => {
    expect(
      REGION_TYPES.map(({ id, label, group, view, paired, detailView }) => ({
        id,
        label,
        group,
        view,
        paired,
        detailView,
      })),
    ).toEqual(reference.regions);
  });

  it("words every description itself: no run of six words is copied from the reference data", () => {
    const words = (text: string) => text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
    const runs = (text: string, n: number) => {
      const w = words(text);
      const out = new Set<string>();
      for (let i = 0; i + n <= w.length; i++) out.add(w.slice(i, i + n).join(" "));
      return out;
    };
    const referenceRuns = runs(referenceText, 6);
    for (const muscle of MUSCLES) {
      for (const text of proseOf(muscle)) {
        const copied = [...runs(text, 6)].filter((run) => referenceRuns.has(run));
        expect(copied, `${muscle.id}: ${text}`).toEqual([]);
      }
    }
  });
});
