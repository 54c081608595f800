/**
 * Gzipped JavaScript each public page loads on first visit: the entry chunk and its static imports,
 * plus the page's lazy chunk and its static imports (from Vite's build manifest).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "vite";

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const DIST = "dist/web";
/** Public pages and the module that renders each (lazy chunks are looked up by source path). */
const PUBLIC_PAGES: Record<string, string[]> = {
  landing: [],
  "sign-in": ["src/web/auth/SignInPage.tsx"],
  finder: ["src/web/finder/FinderPage.tsx"],
  "muscle atlas": ["src/web/atlas/AtlasIndexPage.tsx", "src/web/atlas/MusclePage.tsx"],
};

function closure(manifest: Manifest, keys: string[], seen = new Set<string>()): Set<string> {
  for (const key of keys) {
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    closure(manifest, manifest[key]?.imports ?? [], seen);
  }
  return seen;
}

/** The page's own lazy chunks (e.g. the finder's map and ranking, fetched right after first paint). */
function withPageDynamicImports(manifest: Manifest, keys: Set<string>, pageModules: string[]): Set<string> {
  const lazy = pageModules.flatMap((m) => manifest[m]?.dynamicImports ?? []);
  return closure(manifest, [...keys, ...lazy]);
}

function gzippedKb(manifest: Manifest, keys: Set<string>): number {
  let bytes = 0;
  for (const key of keys) {
    const chunk = manifest[key];
    if (chunk?.file.endsWith(".js"))
      bytes += gzipSync(readFileSync(join(DIST, chunk.file)), { level: 9 }).length;
  }
  return bytes / 1024;
}

export default async function benchWebSize(): Promise<
  Array<{ name: string; value: number; unit: string; target?: string }>
> {
  await build({ logLevel: "silent" });
  const manifestPath = join(DIST, ".vite/manifest.json");
  if (!existsSync(manifestPath)) throw new Error("no Vite manifest; is build.manifest on?");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error("no entry chunk in the manifest");
  const results = [];
  for (const [page, modules] of Object.entries(PUBLIC_PAGES)) {
    const present = modules.filter((m) => manifest[m]);
    if (modules.length > 0 && present.length === 0) continue;
    const kb = gzippedKb(manifest, closure(manifest, [entry, ...present]));
    results.push({
      name: `first-load JS, ${page} page (gzip)`,
      value: Number(kb.toFixed(1)),
      unit: "KB",
      target: "≤ 100 KB",
    });
    if (present.length > 0) {
      const all = withPageDynamicImports(manifest, closure(manifest, [entry, ...present]), present);
      const allKb = gzippedKb(manifest, all);
      if (allKb > kb) {
        results.push({
          name: `all JS once interactive, ${page} page (gzip)`,
          value: Number(allKb.toFixed(1)),
          unit: "KB",
        });
      }
    }
  }
  return results;
}
