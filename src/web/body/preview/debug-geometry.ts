/**
 * Developer tool: draw every compiled figure with its region ids written on it, to check the
 * geometry by eye. `npx tsx src/web/body/preview/debug-geometry.ts [figureId…]` → /tmp/bodymap/debug-*.png
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import type { CompiledFigure } from "../geometry/figure";
import { BODY_MAP_VIEWS } from "../geometry/views";

const OUT = "/tmp/bodymap";
mkdirSync(OUT, { recursive: true });

function figureSvg(figure: CompiledFigure, width: number): string {
  const [x, y, w, h] = figure.viewBox;
  const parts: string[] = [];
  parts.push(`<path d="${figure.silhouette}" fill="#f1e4d8" stroke="#b9a28c" stroke-width="3"/>`);
  for (const layer of figure.layers) {
    for (const fill of layer.fills) parts.push(`<path d="${fill}" fill="#f1e4d8"/>`);
    layer.regions.forEach((r, i) => {
      const hue = (i * 47) % 360;
      parts.push(
        `<path d="${r.d}" fill="hsl(${hue} 60% 85%)" stroke="#a08a76" stroke-width="0.6" stroke-linejoin="round"/>`,
      );
    });
    for (const l of layer.landmarks)
      parts.push(`<path d="${l.d}" fill="none" stroke="#8a7360" stroke-width="0.8" stroke-linecap="round"/>`);
  }
  const fontSize = Math.max(w / 70, 3);
  for (const r of figure.regions) {
    const short = r.regionId.replace(/-(left|right)$/, (_, s: string) => (s === "left" ? ".L" : ".R"));
    parts.push(
      `<text x="${r.centroid[0]}" y="${r.centroid[1]}" font-size="${fontSize}" text-anchor="middle" font-family="sans-serif" fill="#222">${short}</text>`,
    );
  }
  return `<figure style="margin:0"><figcaption>${figure.caption}</figcaption><svg width="${width}" viewBox="${x} ${y} ${w} ${h}">${parts.join("")}</svg></figure>`;
}

const only = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
for (const view of BODY_MAP_VIEWS) {
  const figures = view.figures.filter(
    (f) => only.length === 0 || only.includes(f.id) || only.includes(view.id),
  );
  if (figures.length === 0) continue;
  const width = view.figures.length === 1 ? 1100 : 640;
  const html = `<body style="margin:8px;display:flex;flex-wrap:wrap;gap:12px;font:14px sans-serif">${figures.map((f) => figureSvg(f, width)).join("")}</body>`;
  writeFileSync(`${OUT}/debug-${view.id}.html`, html);
  await page.setContent(html);
  // CLIP=x,y,w,h (page pixels) zooms in on part of the drawing.
  const clip = process.env.CLIP?.split(",").map(Number);
  await page.screenshot({
    path: `${OUT}/debug-${view.id}.png`,
    fullPage: true,
    ...(clip?.length === 4
      ? { clip: { x: clip[0] ?? 0, y: clip[1] ?? 0, width: clip[2] ?? 0, height: clip[3] ?? 0 } }
      : {}),
  });
  console.log(`${OUT}/debug-${view.id}.png`);
}
await browser.close();
