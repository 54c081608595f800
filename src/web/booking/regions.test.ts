import { describe, expect, it } from "vitest";
import { composeNote, parseRegions } from "./regions";

describe("parseRegions", () => {
  it("reads the finder's marks with labels, dropping junk and keeping the highest intensity", () => {
    const regions = parseRegions("temple-left:6,nowhere:3,temple-left:8,sacrum");
    expect(regions.map((r) => [r.id, r.intensity])).toEqual([
      ["temple-left", 8],
      ["sacrum", 5],
    ]);
    expect(regions[0]?.label).toMatch(/temple/i);
    expect(parseRegions(null)).toEqual([]);
  });
});

describe("composeNote", () => {
  it("puts the marked areas first, then what the client wrote", () => {
    const note = composeNote(parseRegions("sacrum:2"), "  Worse when sitting ");
    expect(note).toMatch(/^Areas marked in the pain finder: .+ 2\/10\.\n\nWorse when sitting$/);
  });
});
