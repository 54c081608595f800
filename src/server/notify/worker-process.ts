/**
 * A process that runs only the background jobs (the outbox among them) on the configured database,
 * exactly as `knotwork start` does but without the web server: the crash and several-servers tests
 * start it as a child and kill it; a deployment could also run it as its single job runner.
 * Environment as for `knotwork start` (DATABASE_URL or KNOTWORK_DATA_DIR, SMTP_URL, …).
 */
import { loadConfig } from "../config";
import { startBackgroundJobs } from "../jobs";
import { openMigratedDatabase } from "../main";

const config = loadConfig();
const database = await openMigratedDatabase(config);
const log = { warn: (details: object, message: string) => console.error(message, JSON.stringify(details)) };
const jobs = startBackgroundJobs(database.db, config, log);
console.log("worker ready");

async function stop() {
  await jobs.stop();
  await database.close();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
