/**
 * Where the project's files are, whether this code runs from its TypeScript source (tests, tsx) or
 * from the compiled bundle in dist/node (npm start): the first folder upwards with a package.json.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const WEB_DIST_DIR = join(PROJECT_ROOT, "dist/web");
export const MIGRATIONS_FOLDER = join(PROJECT_ROOT, "src/server/db/migrations");
