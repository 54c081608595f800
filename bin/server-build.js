// Compiles the server and CLI (src/cli.ts, everything it imports from src/, and the packages they
// use) into one CommonJS script. `knotwork` runs that script (bin/run-compiled.js) with V8's code
// cache, so a start neither transpiles TypeScript nor resolves and compiles hundreds of modules. It is
// rebuilt when a source is newer (a second or two with esbuild), the same way the web app is rebuilt
// on start (src/server/web-build.ts).
//
// Each build goes to a folder of its own under dist/node and `current.json` names the live one (a
// file rename is atomic): processes started from an older build keep running from it while another
// process rebuilds, and parallel starts never see half a build.
//
// `current.json` also lists what the build was made from (esbuild's metafile inputs, and the
// folders holding them, and the bundled packages' folders and package.json files): a start compares
// only those times with the build's, instead of walking every source folder. A changed file is newer
// itself; a file added or removed makes its folder newer; a file in another folder reaches the build
// only through an import, i.e. a changed file; `npm install` rewrites the package.json of every
// package it installs.
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
import { readFile } from "node:fs/promises";
import { isBuiltin } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const OUT_DIR = join(ROOT, "dist/node");
const POINTER = join(OUT_DIR, "current.json");
const ENTRY = join(ROOT, "src/cli.ts");
const SCRIPT = "cli.cjs";
const OLD_BUILD_AGE_MS = 60 * 60 * 1000;
/** Besides the bundle's inputs: what changes how they are bundled, or which packages they load. */
const BUILD_SETTINGS = ["package.json", "tsconfig.json", "bin/server-build.js"];
/**
 * Packages that stay in node_modules, loaded by `require` when used: native addons (argon2; pg's
 * optional native binding), and big libraries only a rare request needs (the handout PDF, e-mail, the
 * two-factor QR code), which would otherwise make every start read and cache code it does not run.
 */
const EXTERNAL = ["@node-rs/argon2", "pg-native", "pdfkit", "nodemailer", "qrcode"];

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
  const entry = join(OUT_DIR, folder, SCRIPT);
  return existsSync(entry) ? entry : null;
}

/** `node_modules/pkg` or `node_modules/@scope/pkg` (the innermost) of a path inside a package, else null. */
function packageFolderOf(file) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(file);
  return match ? match[1] : null;
}

/**
 * The project files a build read and the folders that hold them, and the folder and package.json of
 * every bundled package, relative to the project.
 */
function sourcesOf(metafile) {
  const inputs = Object.keys(metafile.inputs);
  const files = inputs.filter((input) => !input.includes("node_modules/"));
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
  const packages = new Set(inputs.map(packageFolderOf).filter((folder) => folder !== null));
  const packageFiles = [...packages].flatMap((folder) => [folder, `${folder}/package.json`]);
  return [...files, ...folders, ...packageFiles].sort();
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

/**
 * Bundled code that finds files beside itself (PGlite its WebAssembly, Swagger UI its pages, pino its
 * worker) through `import.meta.url`, `__dirname` or `__filename` is given the place it was bundled
 * from, relative to the script (the project may be moved as a whole): everything keeps working as it
 * did from node_modules. The helpers are defined at the top of the script (see BANNER).
 */
function originalLocations(outdir) {
  return {
    name: "original-locations",
    setup(build) {
      build.onLoad({ filter: /\.(?:[cm]?js|[cm]?ts)$/ }, async ({ path }) => {
        const loader = /\.[cm]?ts$/.test(path) ? "ts" : "js";
        let contents = await readFile(path, "utf8");
        const file = JSON.stringify(relative(outdir, path));
        const folder = JSON.stringify(relative(outdir, dirname(path)));
        // Its own `__dirname` and `__filename` shadow the script's (in a CommonJS module, or an ES
        // module that tests for them); one that declares them itself is left alone.
        if (
          /\b__(?:dirname|filename)\b/.test(contents) &&
          !/\b(?:const|let|var)\s+__(?:dirname|filename)\b/.test(contents)
        ) {
          // After the directive prologue: a "use strict" below a statement would be no directive.
          const [prologue] = PROLOGUE.exec(contents);
          contents = `${prologue}\nvar __dirname = __kwPath(${folder}), __filename = __kwPath(${file});\n${contents.slice(prologue.length)}`;
        }
        if (contents.includes("import.meta")) {
          // An ES module: `import.meta` is all it has of its location.
          contents = contents
            .replace(/\bimport\.meta\.url\b/g, `__kwFileUrl(${file})`)
            .replace(/\bimport\.meta\.dirname\b/g, `__kwPath(${folder})`)
            .replace(/\bimport\.meta\.filename\b/g, `__kwPath(${file})`)
            // Emscripten's `await import("node:module")` beside its own `var require`: as `require`
            // (see `supported` below) it would call that variable before it is set.
            .replace(DYNAMIC_BUILTIN_IMPORT, (call, quote, id) =>
              isBuiltin(id) ? `__kwBuiltin(${quote}${id}${quote})` : call,
            );
        }
        return { contents, loader };
      });
    },
  };
}

/** A hashbang, comments and a "use strict" directive at the top of a file (each optional). */
const PROLOGUE = /^(?:#![^\n]*)?(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(?:(["'])use strict\1;?)?/;

const DYNAMIC_BUILTIN_IMPORT = /\bimport\(\s*(["'])([a-z:_/]+)\1\s*\)/g;

/**
 * Defines the helpers `originalLocations` uses: paths from the script's own folder, and a Node
 * built-in as `import()` gives it (its exports, and itself as `default`).
 */
const BANNER = `var __kwPath = (path) => require("node:path").join(__dirname, path);
var __kwFileUrl = (path) => require("node:url").pathToFileURL(__kwPath(path)).href;
var __kwBuiltin = (id) => Promise.resolve().then(() => { const m = require(id); return { ...m, default: m }; });`;

/**
 * esbuild escapes every non-ASCII character but those in comments; escaping those too makes the
 * script ASCII, which Node reads into a one-byte string several times faster than UTF-8 with a few
 * accents in it (bin/run-compiled.js reads it as latin1). An escape means the same in a comment,
 * string, template or regular expression.
 */
function asciiOnly(text) {
  return text.replace(/[^\0-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

async function build() {
  const esbuild = await import("esbuild");
  const startedAt = new Date();
  const folder = `build-${startedAt.getTime()}-${process.pid}`;
  const outdir = join(OUT_DIR, folder);
  mkdirSync(OUT_DIR, { recursive: true });
  const { metafile, outputFiles } = await esbuild.build({
    absWorkingDir: ROOT,
    metafile: true,
    entryPoints: { cli: ENTRY },
    outdir,
    outExtension: { ".js": ".cjs" },
    bundle: true,
    // One CommonJS script, not ES modules: V8's code cache (bin/run-compiled.js) is for scripts. A
    // lazily imported module is still only run when imported; it is compiled from the cache.
    format: "cjs",
    platform: "node",
    target: "node20",
    // Every `import()` left (of a package in node_modules, or a Node built-in) becomes `require`: in
    // a script run from V8's code cache, `import()` fails (the cache loses Node's import callback).
    supported: { "dynamic-import": false },
    external: EXTERNAL,
    plugins: [originalLocations(outdir)],
    banner: { js: BANNER },
    logLevel: "warning",
    write: false,
  });
  mkdirSync(outdir, { recursive: true });
  for (const { path, text } of outputFiles) writeFileSync(path, asciiOnly(text));
  // The pointer's time is when the build began: a source saved during the build makes the next start
  // rebuild.
  const staging = `${POINTER}.${process.pid}`;
  writeFileSync(staging, JSON.stringify({ folder, sources: sourcesOf(metafile) }));
  utimesSync(staging, startedAt, startedAt);
  renameSync(staging, POINTER);
  removeOldBuilds(folder);
  return join(outdir, SCRIPT);
}

/** The path of the compiled CLI, compiling it first when it is missing or older than its sources. */
export async function compiledCli() {
  return currentBuild() ?? (await build());
}
