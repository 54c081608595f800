/**
 * Look at the body map as a person would: serve the preview with Vite, take screenshots in
 * headless Chromium at phone, tablet and laptop sizes, run axe-core, measure tap targets and
 * try the keyboard. `npx tsx src/web/body/preview/shoot.ts [scenario-name-filter]`
 * Screenshots go to /tmp/bodymap/*.png.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Page } from "@playwright/test";
import react from "@vitejs/plugin-react";
import { createServer } from "vite";

const OUT = "/tmp/bodymap";
const PORT = 5199;
const ROOT = dirname(fileURLToPath(import.meta.url));

const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 1024, height: 768 },
  { name: "laptop", width: 1440, height: 900 },
] as const;

const MARKS = [
  "temple-left:6",
  "neck-posterior-left:7",
  "shoulder-top-left:8",
  "jaw-right:2",
  "back-low-right:4",
  "knee-anterior-left:3",
  "thumb-right:5",
  "finger-index-left:9",
  "heel-left:9",
  "toe-big-right:1",
  "chest-upper-right:5",
  "forearm-radial-left:6",
].join(",");

interface Scenario {
  readonly name: string;
  readonly query: string;
  /** A region to tap after loading (selects it, showing the intensity buttons). */
  readonly tap?: string;
}

const VIEWS = ["front", "back", "head", "hands", "feet"] as const;
const SCENARIOS: Scenario[] = [
  ...VIEWS.map((view) => ({
    name: `mark-${view}`,
    query: `mode=mark&view=${view}&marks=${MARKS}`,
    tap:
      view === "head"
        ? "cheek-left"
        : view === "hands"
          ? "hand-palm-left"
          : view === "feet"
            ? "foot-sole-right"
            : "elbow-lateral-right",
  })),
  ...(["front", "back", "head"] as const).map((view) => ({
    name: `pattern-${view}`,
    query: `mode=pattern&view=${view}`,
  })),
  {
    name: "chart-back",
    query: `mode=chart&view=back&points=1&marks=shoulder-top-left:7`,
    tap: "buttock-right",
  },
];

const server = await createServer({
  configFile: false,
  root: ROOT,
  plugins: [react()],
  logLevel: "warn",
  server: { port: PORT, strictPort: true, host: "127.0.0.1" },
});
await server.listen();
mkdirSync(OUT, { recursive: true });

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
  ],
});

const filter = process.argv[2];
let axeViolations = 0;
try {
  for (const size of SIZES) {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      hasTouch: size.name !== "laptop",
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") console.error(`console error: ${m.text()}`);
    });
    for (const scenario of SCENARIOS) {
      if (filter && !scenario.name.includes(filter)) continue;
      await page.goto(`http://127.0.0.1:${PORT}/?${scenario.query}`);
      await page.waitForSelector("[data-region]");
      if (scenario.tap) await tapRegion(page, scenario.tap);
      await page.mouse.move(0, 0);
      const file = `${OUT}/${scenario.name}-${size.name}.png`;
      await page.screenshot({ path: file, fullPage: true });
      const axe = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      axeViolations += axe.violations.length;
      const summary = axe.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}`).join("; ");
      console.log(`${file}  axe: ${axe.violations.length === 0 ? "no violations" : summary}`);
    }
    if (size.name === "phone" && !filter) await reportSmallTargets(page);
    if (size.name === "laptop" && !filter) await tryKeyboard(page);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`axe violations in total: ${axeViolations}`);

/** Tap a region where it is really on top (its box's centre may lie on a neighbour drawn over it). */
async function tapRegion(page: Page, regionId: string): Promise<void> {
  const spot = await page.evaluate((id) => {
    const path = document.querySelector(`[data-region="${id}"]`);
    if (!path) return null;
    path.scrollIntoView({ block: "center" });
    const box = path.getBoundingClientRect();
    for (let i = 1; i < 12; i++)
      for (let j = 1; j < 12; j++) {
        const x = box.left + (box.width * i) / 12;
        const y = box.top + (box.height * j) / 12;
        if (document.elementFromPoint(x, y) === path) return { x, y };
      }
    return null;
  }, regionId);
  if (!spot) throw new Error(`cannot find a spot to tap on ${regionId}`);
  await page.mouse.click(spot.x, spot.y);
}

/** For each region id, the biggest it is drawn (shorter side of its box) on a phone, in any view. */
async function reportSmallTargets(page: Page): Promise<void> {
  const best = new Map<string, { size: number; view: string }>();
  for (const view of VIEWS) {
    await page.goto(`http://127.0.0.1:${PORT}/?mode=mark&view=${view}`);
    await page.waitForSelector("[data-region]");
    const sizes = await page.$$eval("[data-region]", (paths) =>
      paths.map((p) => {
        const box = p.getBoundingClientRect();
        return { id: p.getAttribute("data-region") ?? "", size: Math.min(box.width, box.height) };
      }),
    );
    for (const { id, size } of sizes) {
      const current = best.get(id);
      if (!current || size > current.size) best.set(id, { size, view });
    }
  }
  const small = [...best].filter(([, b]) => b.size < 44).sort((a, b) => a[1].size - b[1].size);
  console.log(`phone: ${best.size} region ids drawn; ${small.length} never reach 44 px in any view:`);
  console.log(small.map(([id, b]) => `${id} ${Math.round(b.size)}px (${b.view})`).join(", "));
}

/** Tab into the map, move with arrows, mark with Enter, set intensity with a digit. */
async function tryKeyboard(page: Page): Promise<void> {
  await page.goto(`http://127.0.0.1:${PORT}/?mode=mark&view=head`);
  await page.waitForSelector("[data-region]");
  await page.keyboard.press("Tab"); // the selected tab
  await page.keyboard.press("Tab"); // the map's single tab stop
  const name = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
  const steps: string[] = [`start: ${await name()}`];
  for (const key of ["ArrowDown", "ArrowDown", "ArrowLeft", "ArrowDown", "ArrowUp", "ArrowRight"]) {
    await page.keyboard.press(key);
    steps.push(`${key}: ${await name()}`);
  }
  await page.screenshot({ path: `${OUT}/keyboard-focus-head-laptop.png` });
  await page.keyboard.press("Enter");
  await page.keyboard.press("6");
  const status = await page.locator("output[aria-live]").textContent();
  const state = await page.locator(".preview__state").textContent();
  await page.keyboard.press("Tab");
  const afterTab = await page.evaluate(() => document.activeElement?.textContent);
  console.log(`keyboard: ${steps.join(" → ")}`);
  console.log(
    `keyboard: after Enter and 6 → status "${status}", marks ${state}; Tab then reaches "${afterTab}"`,
  );
  await page.screenshot({ path: `${OUT}/keyboard-head-laptop.png`, fullPage: true });
}
