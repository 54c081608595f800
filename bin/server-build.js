// Compiles the server and CLI (src/cli.ts and everything it imports from src/) into an ES-module
// bundle with a chunk per lazily imported command. `knotwork` runs that bundle, so no TypeScript is
// transpiled at run time; it is rebuilt when a source is newer (about a second with esbuild), the
// same way the web app is rebuilt on start (src/server/web-build.ts).
//
// Each build goes to a folder of its own under dist/node and `current.json` names the live one (a
// file rename is atomic): processes started from an older build keep loading their lazy chunks from
// it while another process rebuilds, and parallel starts never see half a build.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = join(ROOT, "dist/node");
const POINTER = join(OUT_DIR, "current.json");
const ENTRY = join(ROOT, "src/cli.ts");
const SOURCES = ["src/cli.ts", "src/server", "src/core", "package.json"].map((p) => join(ROOT, p));
const OLD_BUILD_AGE_MS = 60 * 60 * 1000;

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The live build's entry file, or null when there is none or a source is newer than it. */
function currentBuild() {
  if (!existsSync(POINTER)) return null;
  const builtAt = statSync(POINTER).mtimeMs;
  if (!SOURCES.every((source) => newestMtime(source) <= builtAt)) return null;
  const { folder } = JSON.parse(readFileSync(POINTER, "utf8"));
  const entry = join(OUT_DIR, folder, "cli.js");
  return existsSync(entry) ? entry : null;
}

/** Builds older than an hour that are not live: nothing started from them can still be loading. */
function removeOldBuilds(live) {
  for (const folder of readdirSync(OUT_DIR)) {
    const path = join(OUT_DIR, folder);
    if (folder === live || !folder.startsWith("build-")) continue;
    if (Date.now() - statSync(path).mtimeMs > OLD_BUILD_AGE_MS)
      rmSync(path, { recursive: true, force: true });
  }
}

async function build() {
  const esbuild = await import("esbuild");
  const startedAt = new Date();
  const folder = `build-${startedAt.getTime()}-${process.pid}`;
  mkdirSync(OUT_DIR, { recursive: true });
  await esbuild.build({
    entryPoints: { cli: ENTRY },
    outdir: join(OUT_DIR, folder),
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Dependencies stay in node_modules (PGlite finds its WebAssembly beside its own files).
    packages: "external",
    chunkNames: "chunks/[name]-[hash]",
    logLevel: "warning",
  });
  // The pointer's time is when the build began: a source saved during the build makes the next start
  // rebuild.
  const staging = `${POINTER}.${process.pid}`;
  writeFileSync(staging, JSON.stringify({ folder }));
  utimesSync(staging, startedAt, startedAt);
  renameSync(staging, POINTER);
  removeOldBuilds(folder);
  return join(OUT_DIR, folder, "cli.js");
}

/** The path of the compiled CLI, compiling it first when it is missing or older than its sources. */
export async function compiledCli() {
  return currentBuild() ?? (await build());
}
