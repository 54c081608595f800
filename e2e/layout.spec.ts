import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn, VIEWPORTS } from "./helpers";

// Layout on a phone (390 × 844): nothing wider than the screen, the calendar readable one column at a
// time, nothing scrolled under the sticky header, and every body-map area big enough for a finger.

test.use({ viewport: VIEWPORTS.phone, timezoneId: "America/Boise" });

async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** The box is inside the screen's width (nothing cut off at the right). */
async function expectWithinScreen(locator: Locator): Promise<void> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
}

/** Below the sticky header, not under it. */
async function expectBelowHeader(page: Page, locator: Locator): Promise<void> {
  const header = await page.locator("header").first().boundingBox();
  const box = await locator.boundingBox();
  expect(header).not.toBeNull();
  expect(box).not.toBeNull();
  expect(box?.y ?? 0).toBeGreaterThanOrEqual((header?.y ?? 0) + (header?.height ?? 0) - 1);
}

test("settings → hours fits a phone's width", async ({ page }) => {
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/settings?section=hours");
  await expect(page.getByRole("heading", { name: "Weekly hours" })).toBeVisible();
  await expect(page.getByLabel("Monday hours 1 from")).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  await expectWithinScreen(page.getByRole("button", { name: "Remove Monday hours 1" }));
  await expectWithinScreen(page.getByRole("button", { name: "Add time off" }));
});

// The calendar's phone agenda is walked in booking-states.spec.ts (every therapist, no sideways scroll).

test("what the page scrolls to stops below the sticky header", async ({ page }) => {
  await page.goto("/finder");
  const first = page.getByRole("group").first();
  // Answer every safety question but the first, from the bottom of the page, and try to go on: the
  // page brings the unanswered question back into view, and it must not hide under the header.
  const noes = page.getByRole("radio", { name: "No", exact: true });
  await expect(noes.first()).toBeVisible();
  for (const radio of (await noes.all()).slice(1)) await radio.check();
  await page.getByRole("button", { name: "Continue to the body map" }).click();
  await expect(first.getByRole("radio", { name: "No", exact: true })).toBeFocused();
  await expectBelowHeader(page, first);

  // A link to a heading on the same page (the results) lands it below the header too.
  await first.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByRole("button", { name: "Continue to the body map" }).click();
  await page.getByRole("tab", { name: "Back" }).click();
  await page.getByRole("button", { name: "Over shoulder blade (infraspinous) (right)", exact: true }).click();
  const seeAll = page.getByRole("link", { name: /^See all \d+$/ });
  const showMuscles = page.getByRole("button", { name: "Show the muscles" });
  await expect(seeAll.or(showMuscles)).toBeVisible();
  if (await showMuscles.isVisible()) {
    for (const radio of await page.getByRole("radio", { name: "No", exact: true }).all()) await radio.check();
    await showMuscles.click();
  }
  await seeAll.click();
  const results = page.getByRole("heading", { name: "Muscles commonly associated with pain here" });
  await expect(results).toBeInViewport();
  await expectBelowHeader(page, results);
});

test("every body-map area is at least 44 px across for a finger, in the view it belongs to", async ({
  browser,
}) => {
  // A phone with a touch screen: the wider outlines are for fingers, not for a mouse.
  const context = await browser.newContext({
    viewport: VIEWPORTS.phone,
    timezoneId: "America/Boise",
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.goto("/finder");
  const noes = page.getByRole("radio", { name: "No", exact: true });
  await expect(noes.first()).toBeVisible();
  for (const radio of await noes.all()) await radio.check();
  await page.getByRole("button", { name: "Continue to the body map" }).click();
  const tabs = page.getByRole("tablist", { name: "Body views" }).getByRole("tab");
  await expect(tabs.first()).toBeVisible();
  // The biggest each area is drawn in any view: the front view's fingers are small, the Hands view's big.
  const best = new Map<string, { size: number; view: string }>();
  for (const tab of await tabs.all()) {
    const view = (await tab.textContent()) ?? "";
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
    const sizes = await page.locator("[data-region]").evaluateAll((shapes) =>
      shapes.map((shape) => {
        // The hit area: the shape itself, widened by the invisible outline drawn around a small one.
        const key = shape.getAttribute("data-key");
        const hit = key
          ? (shape as SVGElement).ownerSVGElement?.querySelector(`[data-hit-for="${key}"]`)
          : null;
        const box = shape.getBoundingClientRect();
        // A box leaves out the stroke: the outline adds half its width on each side.
        const outline = hit ? Number.parseFloat(getComputedStyle(hit).strokeWidth) : 0;
        return {
          id: shape.getAttribute("data-region") ?? "",
          size: Math.min(box.width, box.height) + outline,
        };
      }),
    );
    for (const { id, size } of sizes) {
      const current = best.get(id);
      if (!current || size > current.size) best.set(id, { size, view });
    }
  }
  expect(best.size).toBeGreaterThan(100);
  // And the outline works: a tap a few pixels past the edge of the tailbone (drawn 16 px wide) marks it.
  await tabs.filter({ hasText: "Back" }).click();
  const tailbone = page.getByRole("button", { name: "Tailbone (coccyx)", exact: true });
  await tailbone.evaluate((shape) => shape.scrollIntoView({ block: "center" }));
  const box = await tailbone.boundingBox();
  if (!box) throw new Error("the tailbone is not drawn");
  const at = { x: box.x + box.width / 2, y: box.y + box.height + 6 };
  await page.touchscreen.tap(at.x, at.y);
  await expect(tailbone).toHaveAttribute("aria-pressed", "true");
  const small = [...best].filter(([, b]) => b.size < 44).map(([id, b]) => `${id}: ${Math.round(b.size)} px`);
  expect(small).toEqual([]);
  await context.close();
});
