import { describe, expect, it } from "vitest";
import { formatSlotInZone } from "./format";

/** ICU may put a narrow no-break space before AM/PM: compare with plain spaces. */
const plain = (text: string): string => text.replace(/\s/g, " ");
const SPRING_FORWARD = Date.parse("2026-03-08T07:00:00Z");

describe("formatSlotInZone", () => {
  it("shows a slot in the client's zone with the zone's abbreviation", () => {
    expect(plain(formatSlotInZone(SPRING_FORWARD, "America/New_York"))).toBe("Sun, Mar 8, 2026, 3:00 AM EDT");
    expect(plain(formatSlotInZone(SPRING_FORWARD, "America/Boise"))).toBe("Sun, Mar 8, 2026, 12:00 AM MST");
    expect(plain(formatSlotInZone(SPRING_FORWARD, "Europe/London", "en-GB"))).toBe(
      "Sun, 8 Mar 2026, 07:00 GMT",
    );
  });

  it("follows the client's locale", () => {
    expect(plain(formatSlotInZone(SPRING_FORWARD, "Europe/Berlin", "de-DE"))).toBe(
      "So., 8. März 2026, 08:00 MEZ",
    );
  });

  it("rejects an unknown zone with a RangeError", () => {
    expect(() => formatSlotInZone(SPRING_FORWARD, "Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
