import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IMMUTABLE, staticCacheControl } from "./static-cache";

const ROOT = join("/srv", "assets", "knotwork", "dist", "web");

describe("staticCacheControl", () => {
  it("lets browsers keep Vite's content-hashed assets without asking again", () => {
    expect(staticCacheControl(ROOT, join(ROOT, "assets", "index-ZpG3u-pf.js"))).toBe(IMMUTABLE);
    expect(staticCacheControl(ROOT, join(ROOT, "assets", "Settings-D4kcYfTc.css"))).toBe(IMMUTABLE);
  });

  it("has files that keep their name checked on every use, even under a folder called assets", () => {
    expect(staticCacheControl(ROOT, join(ROOT, "index.html"))).toBe("no-cache");
    expect(staticCacheControl(ROOT, join(ROOT, "favicon.svg"))).toBe("no-cache");
    expect(staticCacheControl(ROOT, join(ROOT, "assets-not", "x.js"))).toBe("no-cache");
  });
});
