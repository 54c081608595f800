/**
 * Makes sure the React app is built before serving: `npm start` on a fresh clone builds it once
 * (a few seconds), and rebuilds when web or core sources are newer than the build.
 *
 * After a build made here, the list of source files and folders is kept beside it
 * (dist/web-sources.json): a later start stats only those, without reading every folder. A changed
 * file is newer itself; an added or removed one makes its folder newer. Without a list that matches
 * the build (e.g. after a manual `npm run build`) every source folder is walked, as before.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT as ROOT, WEB_DIST_DIR } from "./paths";

const WEB_SOURCES = ["src/web", "src/core", "index.html", "vite.config.ts"].map((p) => join(ROOT, p));
const SOURCE_LIST = join(WEB_DIST_DIR, "..", "web-sources.json");
/**
 * Checked on every start besides the sources, list or not: they change what Vite makes of the same
 * sources, and a root file created after the build would otherwise appear in no list.
 */
const BUILD_SETTINGS = ["index.html", "vite.config.ts", "package.json", "tsconfig.json", "public"].map((p) =>
  join(ROOT, p),
);

/** Every file and folder at or under `path` (nothing when it does not exist). */
function pathsUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (stat === undefined) return [];
  if (!stat.isDirectory()) return [path];
  return [path, ...readdirSync(path).flatMap((entry) => pathsUnder(join(path, entry)))];
}

function changedSince(path: string, builtAt: number): boolean {
  const stat = statSync(path, { throwIfNoEntry: false });
  return stat === undefined || stat.mtimeMs > builtAt;
}

/** The source list written after the build whose index.html has this time, else null. */
function listedSources(builtAt: number): string[] | null {
  try {
    const list = JSON.parse(readFileSync(SOURCE_LIST, "utf8")) as { builtAt: number; paths: string[] };
    return list.builtAt === builtAt && Array.isArray(list.paths) ? list.paths : null;
  } catch {
    return null;
  }
}

export function webBuildIsCurrent(): boolean {
  const index = statSync(join(WEB_DIST_DIR, "index.html"), { throwIfNoEntry: false });
  if (index === undefined) return false;
  const builtAt = index.mtimeMs;
  const listed = listedSources(builtAt);
  const paths = listed ?? WEB_SOURCES.flatMap(pathsUnder);
  // A source that is missing now but was listed (deleted) counts as a change too.
  const current =
    !paths.some((path) => changedSince(path, builtAt)) &&
    !BUILD_SETTINGS.filter((path) => existsSync(path)).some((path) => changedSince(path, builtAt));
  if (current && listed === null) recordSources(paths);
  return current;
}

/** Lists the sources the build in dist/web was made from (read back by webBuildIsCurrent). */
function recordSources(sourcesAt: string[]): void {
  const index = statSync(join(WEB_DIST_DIR, "index.html"), { throwIfNoEntry: false });
  if (index === undefined) return;
  writeFileSync(SOURCE_LIST, JSON.stringify({ builtAt: index.mtimeMs, paths: sourcesAt }));
}

function viteIsInstalled(): boolean {
  return existsSync(join(ROOT, "node_modules/vite/package.json"));
}

/** Vite runs in a child process so the bundler's memory is returned before the server starts. */
function runViteBuild(): Promise<void> {
  const viteBin = join(ROOT, "node_modules/vite/bin/vite.js");
  return new Promise((resolveBuild, reject) => {
    const child = spawn(process.execPath, [viteBin, "build", "--logLevel", "warn"], {
      cwd: ROOT,
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolveBuild() : reject(new Error(`vite build exited with ${code}`)),
    );
  });
}

export async function ensureWebBuild(log: (message: string) => void): Promise<void> {
  if (webBuildIsCurrent()) return;
  if (!viteIsInstalled()) {
    if (existsSync(join(WEB_DIST_DIR, "index.html"))) return;
    throw new Error(
      "The web app is not built and Vite is not installed. Run `npm install` then `npm run build`.",
    );
  }
  log("Building the web app (first start, or sources changed)…");
  const started = Date.now();
  const sources = WEB_SOURCES.flatMap(pathsUnder);
  await runViteBuild();
  recordSources(sources);
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
