// Prints the one line CI reads: "N passed, N failed", from the Vitest and Playwright JSON reports
// plus the type check and lint results. A suite whose report is missing counts as one failure.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, checksPassed = "0", checksFailed = "0"] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);

function readJson(name) {
  const path = join(dir, name);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

for (const name of ["vitest-pglite.json", "vitest-postgres.json"]) {
  const report = readJson(name);
  if (!report) {
    console.error(`missing report ${name}`);
    failed += 1;
    continue;
  }
  passed += report.numPassedTests ?? 0;
  const failedTests = report.numFailedTests ?? 0;
  // A file that fails to load has no failed tests of its own; count it so it cannot pass silently.
  failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
}

const playwright = readJson("playwright.json");
if (!playwright) {
  console.error("missing report playwright.json");
  failed += 1;
} else {
  const stats = playwright.stats ?? {};
  passed += stats.expected ?? 0;
  failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
}

console.log(`${passed} passed, ${failed} failed`);
