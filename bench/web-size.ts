/**
 * Gzipped JavaScript each public page loads on first visit: the entry chunk and its static imports,
 * plus the page's lazy chunk and its static imports, read from an existing Vite build's manifest.
 * Used by the benchmark (bench/web-size.bench.ts) and by CI's budget check (scripts/check-web-size.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export const DIST = "dist/web";
/** What a public page may load before it is usable, gzipped. */
export const FIRST_LOAD_BUDGET_KB = 100;

/**
 * The modules of a page, looked up by source path: those it loads before its first paint, whose lazy
 * imports load right after it; or, when a route module can load several pages, both lists explicitly
 * (the after-paint modules' own lazy imports count as after first paint too).
 */
export type PageModules = string[] | { firstLoad: string[]; afterPaint: string[] };

/** Public pages and the module that renders each (lazy chunks are looked up by source path). */
export const PUBLIC_PAGES: Record<string, PageModules> = {
  landing: ["src/web/public/LandingPage.tsx"],
  "sign-in": ["src/web/auth/SignInPage.tsx"],
  finder: ["src/web/finder/FinderPage.tsx"],
  "muscle atlas": ["src/web/atlas/AtlasIndexPage.tsx", "src/web/atlas/MusclePage.tsx"],
  "clinic page": ["src/web/public/ClinicPage.tsx"],
};

/** A care page: the heading and care navigation first (one route module), its own content after. */
function carePage(content: string): PageModules {
  return {
    firstLoad: ["src/web/app/QueryLayout.tsx", "src/web/plans/CarePages.tsx"],
    afterPaint: [content],
  };
}

/**
 * Signed-in client portal pages: the signed-in layout (TanStack Query) and the page's chunks. The
 * check holds those in PORTAL_BUDGETED to the same budget.
 * The home loads the client's own home (home/ClientHome.tsx: header first, the rest of the portal with
 * its data); the care pages load through one route module (src/web/plans/CarePages.tsx) that paints
 * each page's heading and the care navigation, then loads the page's content (its query, forms, hold
 * timer, charts, body map) after first paint.
 */
export const PORTAL_PAGES: Record<string, PageModules> = {
  "portal home": ["src/web/app/QueryLayout.tsx", "src/web/home/HomePage.tsx", "src/web/home/ClientHome.tsx"],
  "care: plan": carePage("src/web/plans/PlanPage.tsx"),
  "care: home care": carePage("src/web/homecare/HomeCarePage.tsx"),
  "care: diary": carePage("src/web/diary/DiaryPage.tsx"),
  "care: progress": carePage("src/web/progress/ProgressPage.tsx"),
  "care: aftercare": carePage("src/web/aftercare/AftercarePage.tsx"),
};

/** The portal pages CI's check holds to FIRST_LOAD_BUDGET_KB: all of them. */
export const PORTAL_BUDGETED: readonly string[] = Object.keys(PORTAL_PAGES);

export interface PageSize {
  page: string;
  /** Entry plus the page's own chunk and their static imports. */
  firstLoadKb: number;
  /** Also the page's lazy chunks (fetched right after first paint), when there are any. */
  interactiveKb: number | null;
  /** Page modules not found in the manifest (renamed or moved: update PUBLIC_PAGES or PORTAL_PAGES). */
  missing: string[];
}

function closure(manifest: Manifest, keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    closure(manifest, manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

function lazyImports(manifest: Manifest, keys: string[]): string[] {
  return keys.flatMap((key) => manifest[key]?.dynamicImports ?? []);
}

function gzippedKb(dist: string, manifest: Manifest, keys: Set<string>): number {
  let bytes = 0;
  for (const key of keys) {
    const chunk = manifest[key];
    if (chunk?.file.endsWith(".js"))
      bytes += gzipSync(readFileSync(join(dist, chunk.file)), { level: 9 }).length;
  }
  return Number((bytes / 1024).toFixed(1));
}

/** Measures every public page of the build in `dist` (run `vite build` first). */
export function measurePublicPages(
  dist = DIST,
  pages: Record<string, PageModules> = PUBLIC_PAGES,
): PageSize[] {
  const manifestPath = join(dist, ".vite/manifest.json");
  if (!existsSync(manifestPath))
    throw new Error(`no Vite manifest at ${manifestPath}; run \`npm run build\` first`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error("no entry chunk in the manifest");
  return Object.entries(pages).map(([page, spec]) => {
    const { firstLoad: loaded, afterPaint } = Array.isArray(spec)
      ? { firstLoad: spec, afterPaint: null }
      : spec;
    const modules = [...loaded, ...(afterPaint ?? [])];
    const present = loaded.filter((m) => manifest[m]);
    const firstLoad = closure(manifest, [entry, ...present]);
    const lazy = afterPaint
      ? [...afterPaint, ...lazyImports(manifest, afterPaint)]
      : lazyImports(manifest, present);
    const firstLoadKb = gzippedKb(dist, manifest, firstLoad);
    const interactiveKb = gzippedKb(dist, manifest, closure(manifest, [...firstLoad, ...lazy]));
    return {
      page,
      firstLoadKb,
      interactiveKb: interactiveKb > firstLoadKb ? interactiveKb : null,
      missing: modules.filter((m) => !manifest[m]),
    };
  });
}
