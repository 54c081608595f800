import { describe, expect, it } from "vitest";
import { wholeWeeksOf } from "./range";

// 2026-03-02 is a Monday, 2026-03-08 a Sunday.
describe("wholeWeeksOf", () => {
  it("takes a Monday-to-Sunday range whole", () => {
    expect(wholeWeeksOf("2026-03-02", "2026-03-15")).toEqual({ first: "2026-03-02", last: "2026-03-09" });
  });
  it("leaves out a partial week at either end", () => {
    expect(wholeWeeksOf("2026-03-05", "2026-03-25")).toEqual({ first: "2026-03-09", last: "2026-03-16" });
    expect(wholeWeeksOf("2026-03-08", "2026-03-15")).toEqual({ first: "2026-03-09", last: "2026-03-09" });
  });
  it("finds none inside a single week or a short range across two", () => {
    expect(wholeWeeksOf("2026-03-02", "2026-03-07")).toBeNull();
    expect(wholeWeeksOf("2026-03-04", "2026-03-12")).toBeNull();
    expect(wholeWeeksOf("2026-03-08", "2026-03-08")).toBeNull();
  });
});
