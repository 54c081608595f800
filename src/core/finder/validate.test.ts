import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_INTENSITY, MAX_FINDER_REGIONS } from "./contract";
import { formatFieldPath, validateFinderInput } from "./validate";

describe("validating finder input", () => {
  it("accepts known region ids with intensities 1-10 and returns the parsed request", () => {
    const input = {
      regions: [
        { id: "temple-left", intensity: 1 },
        { id: "sacrum", intensity: 10 },
      ],
    };
    expect(validateFinderInput(input)).toEqual({ ok: true, value: input });
  });

  it(`fills in intensity ${DEFAULT_INTENSITY} when a mark leaves it out`, () => {
    expect(validateFinderInput({ regions: [{ id: "heel-right" }] })).toEqual({
      ok: true,
      value: { regions: [{ id: "heel-right", intensity: DEFAULT_INTENSITY }] },
    });
  });

  it("names the first unknown region id and where it is", () => {
    const result = validateFinderInput({
      regions: [
        { id: "temple-left", intensity: 5 },
        { id: "heel-right", intensity: 5 },
        { id: "foo", intensity: 5 },
        { id: "bar", intensity: 5 },
      ],
    });
    expect(result).toEqual({
      ok: false,
      error: { code: "unknown_region", field: "regions[2].id", message: 'Unknown region id "foo"' },
    });
  });

  it("treats a bare paired type without its side as unknown", () => {
    const result = validateFinderInput({ regions: [{ id: "temple", intensity: 5 }] });
    expect(result).toMatchObject({ ok: false, error: { code: "unknown_region", field: "regions[0].id" } });
  });

  it.each([
    [0, "regions[0].intensity"],
    [11, "regions[0].intensity"],
    [5.5, "regions[0].intensity"],
    ["7", "regions[0].intensity"],
  ])("refuses intensity %j at %s", (intensity, field) => {
    const result = validateFinderInput({ regions: [{ id: "temple-left", intensity }] });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "invalid_input", field, message: expect.stringMatching(/intensity/i) },
    });
  });

  it(`refuses no regions and more than ${MAX_FINDER_REGIONS}`, () => {
    expect(validateFinderInput({ regions: [] })).toMatchObject({ ok: false, error: { field: "regions" } });
    const tooMany = Array.from({ length: MAX_FINDER_REGIONS + 1 }, () => ({
      id: "temple-left",
      intensity: 5,
    }));
    expect(validateFinderInput({ regions: tooMany })).toMatchObject({
      ok: false,
      error: { field: "regions" },
    });
  });

  it("refuses a body that is not an object, without naming a field", () => {
    for (const input of [null, "temple-left", 42, []]) {
      const result = validateFinderInput(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe("invalid_input");
        expect(result.error.field).toBeUndefined();
      }
    }
  });

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (input) => {
        const result = validateFinderInput(input);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.string(), intensity: fc.anything() })), (regions) => {
        const result = validateFinderInput({ regions });
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe("formatting a field path", () => {
  it("writes array indexes in brackets and properties with dots", () => {
    expect(formatFieldPath(["regions", 2, "id"])).toBe("regions[2].id");
    expect(formatFieldPath(["regions"])).toBe("regions");
    expect(formatFieldPath([])).toBe("");
  });
});
