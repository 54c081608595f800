/**
 * CI's first-load JavaScript budget (`npm run check:web-size`, after `npm run build`): fails when a
 * public page, or a client portal page in PORTAL_BUDGETED, loads more than FIRST_LOAD_BUDGET_KB of
 * gzipped JavaScript before it is usable, or when a page's module is no longer in the build (so the check cannot pass by measuring nothing).
 */
import { FIRST_LOAD_BUDGET_KB, measurePublicPages, PORTAL_BUDGETED, PORTAL_PAGES } from "../bench/web-size";

const budgetArg = process.argv.find((a) => a.startsWith("--budget-kb="));
const budgetKb = budgetArg ? Number(budgetArg.split("=")[1]) : FIRST_LOAD_BUDGET_KB;

let failures = 0;
const portal = Object.fromEntries(PORTAL_BUDGETED.map((page) => [page, PORTAL_PAGES[page] ?? [page]]));
for (const size of [...measurePublicPages(), ...measurePublicPages(undefined, portal)]) {
  if (size.missing.length > 0) {
    failures++;
    console.error(
      `✗ ${size.page}: ${size.missing.join(", ")} not in the build; update PUBLIC_PAGES or PORTAL_PAGES in bench/web-size.ts`,
    );
  } else if (size.firstLoadKb > budgetKb) {
    failures++;
    console.error(
      `✗ ${size.page}: ${size.firstLoadKb} KB of gzipped JS on first load, over the ${budgetKb} KB budget`,
    );
  } else {
    console.log(`✓ ${size.page}: ${size.firstLoadKb} KB of gzipped JS on first load (budget ${budgetKb} KB)`);
  }
}
process.exit(failures > 0 ? 1 : 0);
