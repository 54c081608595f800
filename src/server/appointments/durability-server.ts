/**
 * The server as `knotwork start` runs it (open and migrate the database, seed the demo clinic on
 * first run, serve the API), minus the web-app build, which the durability test does not need and
 * which would rebuild `dist/` under everyone else's feet. Prints `listening <port>` once it serves.
 * Run: `node --import tsx src/server/appointments/durability-server.ts` with PORT (0 = any),
 * KNOTWORK_DATA_DIR or DATABASE_URL.
 */
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { openMigratedDatabase } from "../main";
import { seedDemoClinic } from "../seed/demo";

const config = loadConfig();
const database = await openMigratedDatabase(config);
await seedDemoClinic(database.db);
const app = await buildApp({ database, config });
await app.listen({ port: config.port, host: "127.0.0.1" });
const address = app.server.address();
console.log(`listening ${typeof address === "object" && address ? address.port : config.port}`);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
