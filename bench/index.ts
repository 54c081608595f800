/**
 * `npm run bench`: runs every benchmark module in this folder and prints one table. Each module
 * default-exports an async function returning rows of { name, value, unit, target? }.
 * `npm run bench <name>…` runs only the modules whose file names start with a given name. Modules
 * that start a server and a browser are opt-in: they run only when named.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface Row {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const here = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
// Opt-in modules start servers or take minutes (notify.bench.ts sends 20,000 e-mails; driver.bench.ts
// needs PostgreSQL and builds a 100,000-appointment database; report-triggers.bench.ts builds 50,000
// appointments per engine): run them by
// name, e.g. `npm run bench notify`.
const OPT_IN = [
  "time-to-content.bench.ts",
  "startup.bench.ts",
  "notify.bench.ts",
  "records.bench.ts",
  "driver.bench.ts",
  "memory.bench.ts",
  "report-triggers.bench.ts",
];
const modules = readdirSync(here)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => (only.length === 0 ? !OPT_IN.includes(file) : only.some((name) => file.startsWith(name))))
  .sort();

const rows: (Row & { module: string })[] = [];
for (const file of modules) {
  process.stderr.write(`running ${file}…\n`);
  const run = (await import(`./${file}`)).default as () => Promise<Row[]>;
  for (const row of await run()) rows.push({ ...row, module: file });
}

const width = Math.max(...rows.map((r) => r.name.length), 10);
console.log(`\n${"benchmark".padEnd(width)}  ${"value".padStart(12)}  target`);
for (const row of rows) {
  console.log(`${row.name.padEnd(width)}  ${`${row.value} ${row.unit}`.padStart(12)}  ${row.target ?? ""}`);
}
process.exit(0);
