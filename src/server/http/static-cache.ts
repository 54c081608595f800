/**
 * How long a browser may keep the web app's files. Vite names every file under `assets/` after a
 * hash of its content, so a new build means new names: those may be kept for a year without
 * asking again (a returning visitor's page then starts with no request for its JavaScript at
 * all). Anything else (index.html, favicon, robots.txt) keeps its name across builds and is
 * checked with the server on every use.
 */
import { relative, sep } from "node:path";

export const IMMUTABLE = "public, max-age=31536000, immutable";

export function staticCacheControl(root: string, filePath: string): string {
  const inside = relative(root, filePath);
  return inside.startsWith(`assets${sep}`) ? IMMUTABLE : "no-cache";
}
