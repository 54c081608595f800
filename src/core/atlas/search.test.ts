import { describe, expect, it } from "vitest";
import { searchMuscles } from "./search";

const ids = (query: string) => searchMuscles(query).map((m) => m.id);

describe("searching the atlas", () => {
  it("finds the trapezius parts first for 'trap'", () => {
    expect(ids("trap").slice(0, 3)).toEqual(["upper-trapezius", "middle-trapezius", "lower-trapezius"]);
  });

  it("finds muscles whose pattern covers the temple, essential zone before spillover", () => {
    const found = ids("temple");
    expect(found.slice(0, 3)).toEqual(expect.arrayContaining(["temporalis", "upper-trapezius"]));
    expect(found).toEqual(expect.arrayContaining(["suboccipitals", "splenius-cervicis"]));
    expect(found.indexOf("upper-trapezius")).toBeLessThan(found.indexOf("suboccipitals"));
    expect(found.indexOf("upper-trapezius")).toBeLessThan(found.indexOf("splenius-cervicis"));
  });

  it("finds heel-pain muscles for 'heel', the essential-zone ones first", () => {
    const found = ids("heel");
    expect(found.slice(0, 2).sort()).toEqual(["intrinsic-foot", "soleus"]);
    expect(found).toEqual(expect.arrayContaining(["peroneus-longus-brevis", "tibialis-posterior"]));
  });

  it("ignores case, punctuation, sides and filler words", () => {
    expect(ids("TEMPLE")).toEqual(ids("temple"));
    expect(ids("temple-left")).toEqual(ids("temple"));
    expect(ids("pain in my right heel")).toEqual(ids("heel"));
  });

  it("finds muscles by their other names and abbreviations", () => {
    expect(ids("SCM").slice(0, 2)).toEqual(["scm-sternal", "scm-clavicular"]);
    expect(ids("psoas")[0]).toBe("iliopsoas");
    expect(ids("QL")[0]).toBe("quadratus-lumborum");
    expect(ids("hamstring").slice(0, 2)).toEqual(["hamstrings-medial", "biceps-femoris"]);
  });

  it("matches a multi-word region such as 'low back' only where both words fit one region", () => {
    const found = ids("low back");
    expect(found).toEqual(
      expect.arrayContaining(["iliopsoas", "gluteus-medius", "multifidi", "quadratus-lumborum"]),
    );
    expect(found).not.toContain("masseter");
    // "Low back (lumbar)" matches both words whole; "Mid back (lower thoracic)" only as word starts.
    expect(found.indexOf("iliopsoas")).toBeLessThan(found.indexOf("latissimus-dorsi"));
  });

  it("returns nothing for a blank or meaningless query", () => {
    expect(searchMuscles("")).toEqual([]);
    expect(searchMuscles("   ")).toEqual([]);
    expect(searchMuscles("left")).toEqual([]);
    expect(searchMuscles("xyzzy")).toEqual([]);
  });
});
