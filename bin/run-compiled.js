// Runs the compiled CLI script (bin/server-build.js) with V8's code cache: the bytecode of the
// functions the command ran last time, so this run compiles almost nothing (Node 20 has no compile
// cache of its own). Each command has its own cache beside the script, in its build's folder: a
// `find` needs a few functions, a `start` thousands, and reading a cache costs its size. `start`
// writes its cache once the server listens (src/server/code-cache.ts); another command when it
// exits. Either only when there was none or V8 refused it (another Node version): a run without one
// works the same, only slower. A cache is written to a file of its own and renamed into place, so
// parallel starts never read half of one.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import vm from "node:vm";

/** Where src/server/code-cache.ts finds the function that saves the cache. */
const SAVE_CODE_CACHE = Symbol.for("knotwork.saveCodeCache");

function readCache(path) {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function writeCache(path, data) {
  const staging = `${path}.${process.pid}`;
  try {
    writeFileSync(staging, data);
    renameSync(staging, path);
  } catch {
    // A read-only or full disk costs the next start time, nothing else.
    rmSync(staging, { force: true });
  }
}

/** The command's name for its cache file: the first argument when it is a plain word. */
function commandOf(argv) {
  const command = argv[2] ?? "";
  return /^[a-z][a-z-]*$/.test(command) ? command : "other";
}

/** Runs the script at `path` (absolute) as CommonJS does, with its code cache when there is one. */
export function runCompiled(path) {
  const command = commandOf(process.argv);
  const cachePath = `${path}.${command}.cache`;
  const cachedData = readCache(cachePath);
  // The same wrapper as Node's CommonJS loader, on the script's first line: line numbers stay true.
  // The build writes ASCII only, which latin1 reads fastest.
  const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(path, "latin1")}\n})`;
  // The script has no `import()`: with a code cache, V8 would have lost Node's callback for it.
  const script = new vm.Script(source, { filename: path, cachedData });
  const cacheIsGood = cachedData !== undefined && !script.cachedDataRejected;
  const save = () => {
    globalThis[SAVE_CODE_CACHE] = undefined;
    if (!cacheIsGood) writeCache(cachePath, script.createCachedData());
  };
  if (command === "start") globalThis[SAVE_CODE_CACHE] = save;
  else process.once("exit", save);
  const module = { exports: {}, filename: path };
  script.runInThisContext()(module.exports, createRequire(path), module, path, dirname(path));
}
