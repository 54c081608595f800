import { describe, expect, it } from "vitest";
import { REGIONS } from "../body/regions";
import { FIND_USAGE, runFindCommand, suggestRegionIds } from "./cli";
import { DEFAULT_INTENSITY, FinderResponseSchema, MAX_FINDER_REGIONS } from "./contract";
import { FINDER_DISCLAIMER, formatRankingTable } from "./format";
import { DEFAULT_RESULT_LIMIT, rankMuscles } from "./rank";

function json(argv: string[]) {
  const result = runFindCommand(argv);
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as unknown;
}

describe("knotwork find: usage", () => {
  it("prints usage and exits 2 when given no arguments", () => {
    expect(runFindCommand([])).toEqual({ exitCode: 2, stdout: "", stderr: FIND_USAGE });
  });

  it("prints usage to stdout and exits 0 for --help or -h, wherever it appears", () => {
    for (const argv of [["--help"], ["-h"], ["temple-left", "--help"], ["nowhere", "--json", "--help"]]) {
      expect(runFindCommand(argv), argv.join(" ")).toEqual({ exitCode: 0, stdout: FIND_USAGE, stderr: "" });
    }
  });

  it("documents the region syntax, intensity, --json and --limit", () => {
    expect(FIND_USAGE).toMatch(/^Usage: knotwork find REGION\[:INTENSITY\]\.\.\. \[--json\] \[--limit N\]/);
    for (const text of ["temple-left:7", "1-10", "--json", "--limit N", "not a diagnosis"]) {
      expect(FIND_USAGE).toContain(text);
    }
  });

  it("rejects an unknown option with exit 2", () => {
    const result = runFindCommand(["temple-left", "--verbose"]);
    expect(result).toMatchObject({ exitCode: 2, stdout: "" });
    expect(result.stderr).toContain('Unknown option "--verbose"');
    expect(result.stderr).toContain("knotwork find --help");
  });

  it("asks for a region when only options are given", () => {
    const result = runFindCommand(["--json"]);
    expect(result).toMatchObject({ exitCode: 2, stdout: "" });
    expect(result.stderr).toMatch(/^Mark at least one region/);
  });
});

describe("knotwork find: table output", () => {
  it("prints the ranking table for bare region ids at the default intensity", () => {
    const result = runFindCommand(["temple-left", "neck-posterior-left"]);
    const marks = [
      { id: "temple-left", intensity: DEFAULT_INTENSITY },
      { id: "neck-posterior-left", intensity: DEFAULT_INTENSITY },
    ];
    expect(result).toEqual({
      exitCode: 0,
      stdout: formatRankingTable(rankMuscles(marks), marks),
      stderr: "",
    });
    expect(result.stdout.startsWith(FINDER_DISCLAIMER)).toBe(true);
  });

  it("reads REGION:INTENSITY", () => {
    const result = runFindCommand(["temple-left:7", "neck-posterior-left:3"]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Marked: temple-left (7/10), neck-posterior-left (3/10)");
  });

  it("accepts ids in any letter case", () => {
    expect(runFindCommand(["Temple-LEFT:7"]).stdout).toBe(runFindCommand(["temple-left:7"]).stdout);
  });

  it("counts a region given twice once, at its highest intensity", () => {
    const result = runFindCommand(["temple-left:3", "sacrum", "temple-left:8"]);
    expect(result.stdout).toContain("Marked: temple-left (8/10), sacrum (5/10)\n");
  });

  it("says so, and exits 0, when no muscle explains the regions", () => {
    const unexplained = REGIONS.find((region) => rankMuscles([{ id: region.id, intensity: 5 }]).length === 0);
    expect(unexplained, "a region no muscle of the atlas refers pain to").toBeDefined();
    const result = runFindCommand([unexplained?.id ?? ""]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("No muscle in the atlas is known to refer pain to these regions.");
    expect(json([unexplained?.id ?? "", "--json"])).toEqual({ results: [] });
  });
});

describe("knotwork find: --json", () => {
  it("prints exactly the API response shape { results: [...] }", () => {
    const output = json(["temple-left:7", "neck-posterior-left", "--json"]);
    expect(Object.keys(output as object)).toEqual(["results"]);
    expect(FinderResponseSchema.strict().parse(output)).toEqual(output);
    expect(output).toEqual({
      results: rankMuscles([
        { id: "temple-left", intensity: 7 },
        { id: "neck-posterior-left", intensity: DEFAULT_INTENSITY },
      ]),
    });
  });

  it("prints nothing but the JSON, ending with a newline", () => {
    const result = runFindCommand(["--json", "sacrum"]);
    expect(result.stderr).toBe("");
    expect(result.stdout.endsWith("}\n")).toBe(true);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it("accepts options before, between and after the regions", () => {
    const expected = json(["temple-left", "occiput-left", "--json"]);
    expect(json(["--json", "temple-left", "occiput-left"])).toEqual(expected);
    expect(json(["temple-left", "--json", "occiput-left"])).toEqual(expected);
  });
});

describe("knotwork find: --limit", () => {
  const marks = ["temple-left", "neck-posterior-left", "shoulder-top-left", "occiput-left"];
  const resultsOf = (argv: string[]) => (json([...argv, "--json"]) as { results: unknown[] }).results;

  it("shows the default number of results without it", () => {
    expect(resultsOf(marks)).toHaveLength(DEFAULT_RESULT_LIMIT);
  });

  it("shows at most N results, as --limit N or --limit=N", () => {
    const all = resultsOf([...marks, "--limit", "100"]);
    expect(all.length).toBeGreaterThan(DEFAULT_RESULT_LIMIT);
    expect(resultsOf([...marks, "--limit", "3"])).toEqual(all.slice(0, 3));
    expect(resultsOf([...marks, "--limit=1"])).toEqual(all.slice(0, 1));
  });

  it("limits the table too", () => {
    const rows = runFindCommand([...marks, "--limit", "2"])
      .stdout.split("\n")
      .filter((l) => /^\d+\s/.test(l));
    expect(rows).toHaveLength(2);
  });

  it("rejects a missing, zero, negative or non-integer limit with exit 2", () => {
    for (const argv of [
      ["--limit"],
      ["--limit", "0"],
      ["--limit", "-3"],
      ["--limit", "2.5"],
      ["--limit", "ten"],
      ["--limit="],
    ]) {
      const result = runFindCommand(["temple-left", ...argv]);
      expect(result, argv.join(" ")).toMatchObject({ exitCode: 2, stdout: "" });
      expect(result.stderr, argv.join(" ")).toMatch(/--limit/);
    }
  });
});

describe("knotwork find: bad regions and intensities", () => {
  it("names an unknown region, exits 2 and prints nothing to stdout", () => {
    const result = runFindCommand(["temple-left", "elbow-outside-middle"]);
    expect(result).toMatchObject({ exitCode: 2, stdout: "" });
    expect(result.stderr).toContain('Unknown region "elbow-outside-middle"');
  });

  it("suggests close ids for a typo, a missing side and swapped words", () => {
    expect(runFindCommand(["tempel-left"]).stderr).toContain(
      'Unknown region "tempel-left". Did you mean temple-left',
    );
    expect(runFindCommand(["temple"]).stderr).toContain("Did you mean temple-left, temple-right?");
    expect(runFindCommand(["left-temple"]).stderr).toMatch(/Did you mean temple-left\b/);
  });

  it("suggests nothing when nothing is close", () => {
    const result = runFindCommand(["xyzzy-plugh-quux"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Unknown region "xyzzy-plugh-quux".');
    expect(result.stderr).not.toContain("Did you mean");
  });

  it("reports every bad argument at once, in order", () => {
    const result = runFindCommand(["tempel-left", "sacrum:11", "nowhere", "--bogus"]);
    expect(result.exitCode).toBe(2);
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Unknown region "tempel-left"/);
    expect(lines[1]).toMatch(/^Intensity for sacrum must be a whole number from 1 to 10, got "11"/);
    expect(lines[2]).toMatch(/^Unknown region "nowhere"/);
    expect(lines[3]).toBe('Unknown option "--bogus".');
    expect(lines.at(-1)).toContain("knotwork find --help");
  });

  it("rejects intensities outside 1-10 or not whole numbers", () => {
    for (const arg of [
      "sacrum:0",
      "sacrum:11",
      "sacrum:-1",
      "sacrum:5.5",
      "sacrum:",
      "sacrum:high",
      "sacrum:5:5",
    ]) {
      const result = runFindCommand([arg]);
      expect(result, arg).toMatchObject({ exitCode: 2, stdout: "" });
      expect(result.stderr, arg).toContain("Intensity for sacrum must be a whole number from 1 to 10");
    }
    for (const intensity of [1, 10]) expect(runFindCommand([`sacrum:${intensity}`]).exitCode).toBe(0);
  });

  it("rejects an argument with no region id", () => {
    for (const arg of ["", ":5"]) {
      const result = runFindCommand([arg]);
      expect(result.exitCode, JSON.stringify(arg)).toBe(2);
      expect(result.stderr).toContain("Missing region id");
    }
  });

  it("takes regions that look like options after --", () => {
    const result = runFindCommand(["--", "--json"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Unknown region "--json"');
  });

  it(`accepts at most ${MAX_FINDER_REGIONS} distinct regions, as the API does`, () => {
    const ids = REGIONS.map((region) => region.id);
    expect(runFindCommand(ids.slice(0, MAX_FINDER_REGIONS)).exitCode).toBe(0);
    const tooMany = runFindCommand(ids.slice(0, MAX_FINDER_REGIONS + 1));
    expect(tooMany).toMatchObject({ exitCode: 2, stdout: "" });
    expect(tooMany.stderr).toContain(`Mark at most ${MAX_FINDER_REGIONS} regions`);
    // Repeats merge before the count.
    expect(runFindCommand([...ids.slice(0, MAX_FINDER_REGIONS), ids[0] ?? ""]).exitCode).toBe(0);
  });
});

describe("suggestRegionIds", () => {
  it("puts the exact id, then reordered words, then prefixes, then typos by distance", () => {
    expect(suggestRegionIds("temple-left")[0]).toBe("temple-left");
    expect(suggestRegionIds("left-temple")[0]).toBe("temple-left");
    expect(suggestRegionIds("temple")).toEqual(["temple-left", "temple-right"]);
    expect(suggestRegionIds("temple-lfet")[0]).toBe("temple-left");
    expect(suggestRegionIds("sacrun")).toEqual(["sacrum"]);
  });

  it("reads spaces and underscores as hyphens, ignoring case", () => {
    expect(suggestRegionIds("Temple Left")[0]).toBe("temple-left");
    expect(suggestRegionIds("temple_right")[0]).toBe("temple-right");
  });

  it("returns at most the number asked for", () => {
    expect(suggestRegionIds("neck", 2).length).toBeLessThanOrEqual(2);
    expect(suggestRegionIds("neck", 0)).toEqual([]);
    expect(suggestRegionIds("  ")).toEqual([]);
  });
});
