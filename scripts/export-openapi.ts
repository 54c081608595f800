/**
 * Writes docs/openapi.json from the running app's route schemas (`npm run openapi`), formatted the
 * way Biome formats it, so a fresh export of an unchanged API leaves the committed file unchanged.
 * With `--check` (`npm run openapi:check`, run by CI) it writes nothing and exits 1 when the
 * committed file differs from what the app produces.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { buildApp } from "../src/server/app";
import { testConfig } from "../src/server/config";
import { openDatabase } from "../src/server/db/connect";

const TARGET = "docs/openapi.json";
const check = process.argv.includes("--check");

const database = await openDatabase({ engine: "pglite", dataDir: null });
const app = await buildApp({ database, config: testConfig() });
await app.ready();
const document = app.swagger();
await app.close();
await database.close();

// Biome reads the document on stdin and formats it as it would the committed file.
const formatted = execFileSync("npx", ["biome", "format", `--stdin-file-path=${TARGET}`], {
  input: `${JSON.stringify(document, null, 2)}\n`,
  encoding: "utf8",
  // The document is over 1 MB (Node's default buffer) since the charting routes.
  maxBuffer: 64 * 1024 * 1024,
});
const paths = Object.keys(document.paths ?? {}).length;

if (check) {
  let committed = "";
  try {
    committed = readFileSync(TARGET, "utf8");
  } catch {}
  if (committed !== formatted) {
    console.error(`${TARGET} is out of date with the app's routes: run \`npm run openapi\` and commit it.`);
    process.exit(1);
  }
  console.log(`${TARGET} matches the app (${paths} paths).`);
} else {
  writeFileSync(TARGET, formatted);
  console.log(`${TARGET}: ${paths} paths`);
}
