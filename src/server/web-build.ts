/**
 * Makes sure the React app is built before serving: `npm start` on a fresh clone builds it once
 * (a few seconds), and rebuilds when web or core sources are newer than the build.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT as ROOT, WEB_DIST_DIR } from "./paths";

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
  await runViteBuild();
  log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
