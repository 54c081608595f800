// Prints the one line CI reads: "N passed, N failed", from the Vitest and Playwright JSON reports
// plus the type check and lint results. A suite whose report is missing counts as one failure.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const [dir, checksPassed = "0", checksFailed = "0"] = process.argv.slice(2);
let passed = Number(checksPassed);
let failed = Number(checksFailed);
// Names of what failed, printed just above the last line so the tail of a CI log says what broke,
// each with the first lines of its error (colour codes removed) so a red run can be diagnosed from the tail.
const ERROR_LINES = 6;
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
function firstLines(text) {
  return String(text ?? "")
    .replace(ANSI_COLOUR, "")
    .split("\n")
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== "")
    .slice(0, ERROR_LINES)
    .map((line) => `    ${line.slice(0, 240)}`)
    .join("\n");
}
const failures = (process.env.FAILED_CHECKS ?? "")
  .split("\n")
  .filter(Boolean)
  .map((name) => `check: ${name}`);

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
  for (const file of report.testResults ?? []) {
    const failedHere = (file.assertionResults ?? []).filter((test) => test.status === "failed");
    for (const test of failedHere)
      failures.push(
        `${name}: ${file.name} > ${test.fullName ?? test.title}\n${firstLines((test.failureMessages ?? [])[0])}`,
      );
    if (failedHere.length === 0 && file.status === "failed")
      failures.push(`${name}: ${file.name} (did not load)`);
  }
}

const playwright = readJson("playwright.json");
if (!playwright) {
  console.error("missing report playwright.json");
  failed += 1;
} else {
  const stats = playwright.stats ?? {};
  passed += stats.expected ?? 0;
  failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
  const walk = (suite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? [])
        if (test.status === "unexpected" || test.status === "flaky") {
          const error = (test.results ?? []).map((result) => result.error?.message).find(Boolean);
          failures.push(
            `playwright (${test.status}): ${spec.file}:${spec.line} > ${spec.title}\n${firstLines(error)}`,
          );
        }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of playwright.suites ?? []) walk(suite);
}

// A runner that exited non-zero with no failure counted above (errors outside any test, a crash).
const exitedNonZero = (process.env.FAILED_SUITES ?? "").split("\n").filter(Boolean);
for (const name of exitedNonZero) {
  if (
    failures.some(
      (line) => line.startsWith(name) || (name === "playwright.json" && line.startsWith("playwright")),
    )
  )
    continue;
  failed += 1;
  failures.push(
    `${name}: the runner exited non-zero with no failed test (look for errors outside tests in its log)`,
  );
}

for (const line of failures) console.log(`✗ ${line}`);

console.log(`${passed} passed, ${failed} failed`);
