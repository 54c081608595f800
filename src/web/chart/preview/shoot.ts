/**
 * Look at the body chart as a person would: serve the preview with Vite, tap a point, open it,
 * screenshot at phone, tablet (touch) and laptop sizes, run axe-core.
 * `npx tsx src/web/chart/preview/shoot.ts` → /tmp/chart-preview/*.png
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { chromium } from "@playwright/test";
import react from "@vitejs/plugin-react";
import { createServer } from "vite";

const OUT = "/tmp/chart-preview";
const PORT = 5198;
const ROOT = dirname(fileURLToPath(import.meta.url));
const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 1024, height: 768 },
  { name: "laptop", width: 1440, height: 900 },
] as const;

const server = await createServer({
  configFile: false,
  root: ROOT,
  plugins: [react()],
  logLevel: "warn",
  server: { port: PORT, strictPort: true, host: "127.0.0.1", fs: { allow: ["../../../.."] } },
});
await server.listen();
mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  for (const size of SIZES) {
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      hasTouch: size.name !== "laptop",
    });
    const page = await context.newPage();
    page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await page.waitForSelector("[data-region]");
    await page.screenshot({ path: `${OUT}/list-${size.name}.png`, fullPage: true });
    await page.getByRole("button", { name: /Upper trapezius/ }).click();
    await page.screenshot({ path: `${OUT}/editor-${size.name}.png`, fullPage: false });
    await page.screenshot({ path: `${OUT}/editor-full-${size.name}.png`, fullPage: true });
    const axe = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    console.log(
      size.name,
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
