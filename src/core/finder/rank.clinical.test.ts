import { describe, expect, it } from "vitest";
import { type FinderResult, rankMuscles } from "./rank";

/**
 * Clinical pictures from the research sources in src/core/atlas/sources.ts (which muscles carry trigger points in which
 * complaint) and §3 (which muscles refer to which region). Each expects the muscles the studies name
 * among the first few results, as far as the referral data make that honest: a muscle whose pattern
 * barely touches the marked regions cannot be expected at the top.
 */

function marksOf(ids: readonly string[], intensity = 6) {
  return ids.map((id) => ({ id, intensity }));
}

function rank(ids: readonly string[]): FinderResult[] {
  return rankMuscles(marksOf(ids), { limit: Number.POSITIVE_INFINITY });
}

/** Muscle ids of the first `n` results (a muscle appears once per side it is a candidate for). */
function topMuscles(ids: readonly string[], n: number): string[] {
  return rank(ids)
    .slice(0, n)
    .map((r) => r.muscle);
}

describe("tension-type headache (temples, back of the neck, back of the head)", () => {
  const oneSided = ["temple-left", "neck-posterior-left", "occiput-left"];

  it("puts the upper trapezius first, on the painful side", () => {
    const [first] = rank(oneSided);
    expect(first).toMatchObject({ muscle: "upper-trapezius", side: "left" });
  });

  it("lists the suboccipitals and splenius cervicis right behind it", () => {
    expect(topMuscles(oneSided, 3)).toEqual(["upper-trapezius", "splenius-cervicis", "suboccipitals"]);
  });

  it("keeps temporalis and SCM (each explaining one of the three regions) in the top seven", () => {
    expect(topMuscles(oneSided, 7)).toEqual(expect.arrayContaining(["temporalis", "scm-sternal"]));
  });

  it("with a band over the forehead and eye, ranks suboccipitals first and temporalis, SCM and upper trapezius in the top five", () => {
    const band = ["forehead-left", "eye-left", "temple-left", "occiput-left"];
    expect(topMuscles(band, 1)).toEqual(["suboccipitals"]);
    expect(topMuscles(band, 5)).toEqual(
      expect.arrayContaining(["temporalis", "scm-sternal", "upper-trapezius"]),
    );
  });

  it("on both sides, lists each muscle once per side, left and right next to each other", () => {
    const bilateral = [
      "temple-left",
      "temple-right",
      "neck-posterior-left",
      "neck-posterior-right",
      "occiput-left",
      "occiput-right",
    ];
    const results = rank(bilateral).slice(0, 6);
    expect(results.map((r) => `${r.muscle}/${r.side}`)).toEqual([
      "upper-trapezius/left",
      "upper-trapezius/right",
      "splenius-cervicis/left",
      "splenius-cervicis/right",
      "suboccipitals/left",
      "suboccipitals/right",
    ]);
    expect(results[0]?.explains.essential).toEqual(["temple-left", "neck-posterior-left"]);
    expect(results[1]?.explains.essential).toEqual(["temple-right", "neck-posterior-right"]);
  });
});

describe("neck pain", () => {
  it("at the back and side of the neck into the top of the shoulder, ranks levator scapulae and upper trapezius first", () => {
    const neck = ["neck-posterior-left", "neck-lateral-left", "shoulder-top-left"];
    expect(topMuscles(neck, 2)).toEqual(["levator-scapulae", "upper-trapezius"]);
  });

  it("running down between the shoulder blades, ranks levator scapulae first with the trapezius parts and rhomboids close", () => {
    const neckToBlade = ["neck-posterior-right", "shoulder-top-right", "scapula-medial-right"];
    expect(topMuscles(neckToBlade, 1)).toEqual(["levator-scapulae"]);
    expect(topMuscles(neckToBlade, 4)).toEqual(
      expect.arrayContaining(["lower-trapezius", "middle-trapezius", "rhomboids"]),
    );
  });

  it("radiating into the arm, names the scalenes and infraspinatus among the first three", () => {
    const radiating = [
      "shoulder-anterior-left",
      "arm-anterior-left",
      "arm-lateral-left",
      "forearm-radial-left",
      "thumb-left",
    ];
    expect(topMuscles(radiating, 3)).toEqual(expect.arrayContaining(["scalenes", "infraspinatus"]));
  });
});

describe("shoulder pain", () => {
  it("deep in the front of the shoulder and down the front of the arm, has infraspinatus in the top three", () => {
    const front = ["shoulder-anterior-right", "arm-anterior-right", "arm-lateral-right"];
    expect(topMuscles(front, 3)).toContain("infraspinatus");
  });

  it("at the back of the shoulder and arm, ranks triceps, teres minor, teres major and subscapularis first", () => {
    const back = ["shoulder-posterior-right", "arm-posterior-right"];
    expect(topMuscles(back, 4).sort()).toEqual([
      "subscapularis",
      "teres-major",
      "teres-minor",
      "triceps-brachii",
    ]);
  });

  it("at the side of the shoulder only, names deltoid and supraspinatus first", () => {
    expect(topMuscles(["shoulder-lateral-left"], 2).sort()).toEqual(["deltoid", "supraspinatus"]);
  });
});

describe("low back pain", () => {
  it("a belt-line ache into the SI joint and buttock puts gluteus medius first, with iliopsoas and iliocostalis lumborum close", () => {
    const beltLine = ["back-low-left", "sacroiliac-left", "buttock-left"];
    expect(topMuscles(beltLine, 1)).toEqual(["gluteus-medius"]);
    expect(topMuscles(beltLine, 5)).toEqual(expect.arrayContaining(["iliopsoas", "iliocostalis-lumborum"]));
    expect(topMuscles(beltLine, 6)).toContain("piriformis");
  });

  it("into the SI joint, lower buttock and outer hip puts quadratus lumborum first, gluteus medius and piriformis next", () => {
    const qlPicture = ["back-low-right", "sacroiliac-right", "buttock-lower-right", "hip-lateral-right"];
    expect(topMuscles(qlPicture, 1)).toEqual(["quadratus-lumborum"]);
    expect(topMuscles(qlPicture, 3)).toEqual(expect.arrayContaining(["gluteus-medius", "piriformis"]));
  });

  it("over the sacrum only, shows each candidate once with no side, since either side fits", () => {
    const results = rank(["sacrum"]);
    expect(results.map((r) => r.muscle)).toEqual(["multifidi", "gluteus-medius", "gluteus-maximus"]);
    expect(results.every((r) => r.side === null)).toBe(true);
  });
});

describe("'sciatica'-like leg pain", () => {
  it("from the lower buttock down the back and outside of the leg, ranks gluteus minimus first", () => {
    const pseudoSciatica = [
      "buttock-lower-left",
      "thigh-posterior-left",
      "thigh-lateral-left",
      "leg-lateral-left",
      "calf-left",
    ];
    expect(rank(pseudoSciatica)[0]).toMatchObject({ muscle: "gluteus-minimus", side: "left" });
  });

  it("from the buttock down the back of the thigh to the calf, has gluteus minimus first and piriformis in the top three", () => {
    const buttockToCalf = ["buttock-left", "thigh-posterior-left", "calf-left"];
    expect(topMuscles(buttockToCalf, 1)).toEqual(["gluteus-minimus"]);
    expect(topMuscles(buttockToCalf, 3)).toContain("piriformis");
    expect(topMuscles(buttockToCalf, 5)).toEqual(
      expect.arrayContaining(["gluteus-maximus", "gluteus-medius"]),
    );
  });
});

describe("lateral elbow pain ('tennis elbow')", () => {
  it("at the outer elbow only, ranks the four muscles whose essential zone it is first: supinator, wrist extensors, brachioradialis, triceps", () => {
    expect(topMuscles(["elbow-lateral-right"], 4)).toEqual([
      "supinator",
      "brachioradialis",
      "wrist-extensors",
      "triceps-brachii",
    ]);
  });

  it("spreading down the back of the forearm, ranks wrist extensors and supinator first, brachioradialis in the top five", () => {
    const elbowForearm = ["elbow-lateral-right", "forearm-dorsal-right"];
    expect(topMuscles(elbowForearm, 2)).toEqual(["wrist-extensors", "supinator"]);
    expect(topMuscles(elbowForearm, 5)).toContain("brachioradialis");
  });

  it("spreading along the thumb side to the thumb, ranks brachioradialis first and supinator second", () => {
    expect(topMuscles(["elbow-lateral-right", "forearm-radial-right", "thumb-right"], 2)).toEqual([
      "brachioradialis",
      "supinator",
    ]);
  });
});

describe("heel pain", () => {
  it("under the heel, ranks the small heel muscles (quadratus plantae) and soleus first", () => {
    expect(topMuscles(["heel-left"], 2).sort()).toEqual(["intrinsic-foot", "soleus"]);
  });

  it("at the heel and Achilles tendon, ranks soleus first and tibialis posterior second", () => {
    expect(topMuscles(["heel-left", "achilles-left"], 2)).toEqual(["soleus", "tibialis-posterior"]);
  });
});

describe("jaw and tooth pain", () => {
  it("in the cheek, jaw and teeth, ranks masseter first and temporalis second", () => {
    const jaw = ["cheek-left", "jaw-left", "teeth-upper-left", "teeth-lower-left"];
    expect(topMuscles(jaw, 2)).toEqual(["masseter", "temporalis"]);
  });

  it("in the upper teeth and temple, ranks temporalis first and masseter in the top three", () => {
    const toothAndTemple = ["teeth-upper-left", "temple-left"];
    expect(topMuscles(toothAndTemple, 1)).toEqual(["temporalis"]);
    expect(topMuscles(toothAndTemple, 3)).toContain("masseter");
  });

  it("at the jaw joint and cheek, ranks lateral pterygoid first and masseter second", () => {
    expect(topMuscles(["tmj-right", "cheek-right"], 2)).toEqual(["lateral-pterygoid", "masseter"]);
  });
});
