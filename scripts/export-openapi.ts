/** Writes docs/openapi.json from the running app's route schemas (`npm run openapi`). */
import { writeFileSync } from "node:fs";
import { buildApp } from "../src/server/app";
import { testConfig } from "../src/server/config";
import { openDatabase } from "../src/server/db/connect";

const database = await openDatabase({ engine: "pglite", dataDir: null });
const app = await buildApp({ database, config: testConfig() });
await app.ready();
const document = app.swagger();
writeFileSync("docs/openapi.json", `${JSON.stringify(document, null, 2)}\n`);
console.log(`docs/openapi.json: ${Object.keys(document.paths ?? {}).length} paths`);
await app.close();
await database.close();
