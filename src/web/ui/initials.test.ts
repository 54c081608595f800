import { describe, expect, it } from "vitest";
import { initials } from "./initials";

describe("initials", () => {
  it("takes the first letter of the first and last name", () => {
    expect(initials("Marcus Bell")).toBe("MB");
    expect(initials("  priya   nair ")).toBe("PN");
    expect(initials("Mary Ann de la Cruz")).toBe("MC");
    expect(initials("Mary Ann de la Cruz", 3)).toBe("MAC");
    expect(initials("Cher")).toBe("C");
    expect(initials("")).toBe("");
  });

  it("keeps an emoji made of several code points whole", () => {
    // Woman in lotus position: U+1F9D8 U+200D U+2640 U+FE0F, one grapheme.
    expect(initials("🧘‍♀️ Yoga")).toBe("🧘‍♀️Y");
    expect(initials("👍🏽 Sam")).toBe("👍🏽S");
    expect(initials("Ana 🇫🇷")).toBe("A🇫🇷");
    // Taking each word's first UTF-16 unit, as the avatar used to, gives half a surrogate pair.
    expect([...initials("😀 Smile")]).toEqual(["😀", "S"]);
  });

  it("keeps a letter with a combining accent whole", () => {
    // "É" written as E + COMBINING ACUTE ACCENT (U+0301).
    expect(initials("e\u0301lodie Durand")).toBe("\u00c9D");
    expect(initials("Zoë n\u0303un\u0303ez")).toBe("Z\u00d1");
  });

  it("uses the locale's capitals", () => {
    expect(initials("ölaf ångström")).toBe("ÖÅ");
  });
});
