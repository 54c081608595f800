/**
 * Makes sure the React app is built before serving: `npm start` on a fresh clone builds it once
 * (a few seconds), and rebuilds when web or core sources are newer than the build.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { WEB_DIST_DIR } from "./app";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WEB_SOURCES = ["src/web", "src/core", "index.html", "vite.config.ts"].map((p) => join(ROOT, p));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function webBuildIsCurrent(): boolean {
  const index = join(WEB_DIST_DIR, "index.html");
  if (!existsSync(index)) return false;
  const builtAt = statSync(index).mtimeMs;
  return WEB_SOURCES.every((source) => newestMtime(source) <= builtAt);
}

export async function ensureWebBuild(log: (message: string) => void): Promise<void> {
  if (webBuildIsCurrent()) return;
  let vite: typeof import("vite");
  try {
    vite = await import("vite");
  } catch {
    if (existsSync(join(WEB_DIST_DIR, "index.html"))) return;
    throw new Error(
      "The web app is not built and Vite is not installed. Run `npm install` then `npm run build`.",
    );
  }
  log("Building the web app (first start, or sources changed)…");
  const started = Date.now();
  await vite.build({ root: ROOT, configFile: join(ROOT, "vite.config.ts"), logLevel: "warn" });
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
