/**
 * PGlite's WebAssembly (9 MB), compiled once per process and started as early as the server knows
 * it will use the embedded database: V8 compiles it on background threads while the main thread
 * loads and registers the HTTP app, where PGlite itself would only start reading the file once its
 * own module had loaded. PGlite reuses a compiled module the same way between its own instances.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

let compiling: Promise<WebAssembly.Module | undefined> | undefined;

/** Where PGlite keeps `pglite.wasm`: beside its entry file, where PGlite itself looks for it. */
function pgliteWasmPath(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  return join(dirname(entry), "pglite.wasm");
}

/**
 * The compiled module, or undefined when the file is not where it is expected (another PGlite
 * layout): PGlite then finds and compiles its WebAssembly itself, as it always did.
 */
export function compilePgliteWasm(): Promise<WebAssembly.Module | undefined> {
  compiling ??= (async () => {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      // A file this size is read into an ArrayBuffer of its own, never Node's shared pool.
      bytes = readFileSync(pgliteWasmPath()) as Uint8Array<ArrayBuffer>;
    } catch {
      return undefined;
    }
    // A failure here is PGlite's to report, when it compiles the file itself.
    return WebAssembly.compile(bytes).catch(() => undefined);
  })();
  return compiling;
}
