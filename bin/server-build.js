// Compiles the server and CLI (src/cli.ts and everything it imports from src/) into an ES-module
// bundle with a chunk per lazily imported command. `knotwork` runs that bundle, so no TypeScript is
// transpiled at run time; it is rebuilt when a source is newer (about a second with esbuild), the
// same way the web app is rebuilt on start (src/server/web-build.ts).
//
// Each build goes to a folder of its own under dist/node and `current.json` names the live one (a
// file rename is atomic): processes started from an older build keep loading their lazy chunks from
// it while another process rebuilds, and parallel starts never see half a build.
//
// `current.json` also lists what the build was made from (esbuild's metafile inputs, and the
// folders holding them): a start compares only those times with the build's, instead of walking
// every source folder. A changed file is newer itself; a file added or removed makes its folder
// newer; a file in another folder reaches the build only through an import, i.e. a changed file.
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
const OLD_BUILD_AGE_MS = 60 * 60 * 1000;
/** Besides the bundle's inputs: what changes how they are bundled, or which packages they load. */
const BUILD_SETTINGS = ["package.json", "tsconfig.json", "bin/server-build.js"];

/** Whether `path` (relative to the project) was changed after `builtAt`; a missing file counts as changed. */
function changedSince(path, builtAt) {
  const stat = statSync(join(ROOT, path), { throwIfNoEntry: false });
  return stat === undefined || stat.mtimeMs > builtAt;
}

/** The live build's entry file, or null when there is none or one of its sources is newer. */
function currentBuild() {
  const pointer = statSync(POINTER, { throwIfNoEntry: false });
  if (pointer === undefined) return null;
  const { folder, sources } = JSON.parse(readFileSync(POINTER, "utf8"));
  // A pointer written before sources were listed (an older checkout's) means: build again.
  if (!Array.isArray(sources)) return null;
  if ([...sources, ...BUILD_SETTINGS].some((path) => changedSince(path, pointer.mtimeMs))) return null;
  const entry = join(OUT_DIR, folder, "cli.js");
  return existsSync(entry) ? entry : null;
}

/** The project files a build read, and the folders that hold them, relative to the project. */
function sourcesOf(metafile) {
  const files = Object.keys(metafile.inputs).filter((input) => !input.includes("node_modules/"));
  // Every folder up from each input, not only its own: a new `src/core/scheduling.ts` would take over
  // an import of `src/core/scheduling/index.ts`, and only `src/core` changes when it appears.
  const folders = new Set();
  for (const file of files) {
    for (
      let folder = dirname(file);
      folder !== "." && folder !== "/" && !folders.has(folder);
      folder = dirname(folder)
    )
      folders.add(folder);
  }
  return [...files, ...folders].sort();
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
  const { metafile } = await esbuild.build({
    absWorkingDir: ROOT,
    metafile: true,
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
  writeFileSync(staging, JSON.stringify({ folder, sources: sourcesOf(metafile) }));
  utimesSync(staging, startedAt, startedAt);
  renameSync(staging, POINTER);
  removeOldBuilds(folder);
  return join(OUT_DIR, folder, "cli.js");
}

/** The path of the compiled CLI, compiling it first when it is missing or older than its sources. */
export async function compiledCli() {
  return currentBuild() ?? (await build());
}
