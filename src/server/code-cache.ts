/**
 * Asks bin/run-compiled.js to save V8's code cache of the compiled script, once the functions a start
 * runs are compiled (i.e. when the server listens). Nothing happens when this process does not run
 * the compiled script (tests, tsx) or when its cache was already good.
 */
const SAVE_CODE_CACHE = Symbol.for("knotwork.saveCodeCache");

export function saveCodeCache(): void {
  (globalThis as { [SAVE_CODE_CACHE]?: () => void })[SAVE_CODE_CACHE]?.();
}
