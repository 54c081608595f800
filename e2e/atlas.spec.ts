import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, VIEWPORTS } from "./helpers";

test("the atlas lists muscles by body area and finds them by name or by where it hurts", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/atlas");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Muscles that cause referred pain");
  await expect(page.getByRole("heading", { name: /^Neck \d+$/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Upper trapezius" })).toBeVisible();
  expect(await page.getByTestId("muscle-card").count()).toBe(61);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/atlas-index-phone.png` });

  // By where it hurts: the temple brings the muscles that send pain there, best first.
  const search = page.getByLabel("Search by muscle or where it hurts");
  await search.fill("temple");
  await expect(page.getByRole("status").filter({ hasText: /muscles match “temple”/ })).toBeVisible();
  await expect(page).toHaveURL(/\/atlas\?q=temple$/);
  const cards = page.getByTestId("muscle-card").getByRole("heading");
  await expect(cards.first()).toBeVisible();
  expect(await cards.allInnerTexts()).toContain("Temporalis (temple muscle)");
  // By a name people use.
  await search.fill("SCM");
  await expect(cards.first()).toHaveText(/Sternocleidomastoid/);
  await search.fill("zzqx");
  await expect(page.getByText("No muscle matches “zzqx”.", { exact: false })).toBeVisible();
  await search.fill("temple");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Temporalis (temple muscle)" }).click();
  await expect(page).toHaveURL(/\/atlas\/temporalis$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Temporalis/);
  // The pattern opens on the head view, with the trigger point drawn as an ×.
  await expect(page.getByRole("tab", { name: "Head" })).toHaveAttribute("aria-selected", "true");
  await expect(page.locator('[data-region="temple-left"]')).toHaveAttribute("data-appearance", "essential");
  await expect(page.getByRole("img", { name: /^Trigger point: / }).first()).toBeVisible();
  // The right side mirrors it.
  // The side lives in the URL, so the radio shows it once the navigation lands: click, then expect.
  const right = page.getByRole("radio", { name: "Right side" });
  await right.click();
  await expect(right).toBeChecked();
  await expect(page).toHaveURL(/\?side=right$/);
  await expect(page.locator('[data-region="temple-right"]')).toHaveAttribute("data-appearance", "essential");
  await expect(page.locator('[data-region="temple-left"]')).toHaveAttribute("data-appearance", "plain");
  for (const heading of [
    "Where the trigger points are",
    "What sets it off",
    "Treat it yourself",
    "Stretch",
    "Take care",
    "Sources",
  ]) {
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Book a session" })).toHaveAttribute("href", "/book");
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/atlas-muscle-phone.png`, fullPage: true });

  await page.setViewportSize(VIEWPORTS.laptop);
  await page.goto("/atlas/upper-trapezius?side=left");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upper trapezius");
  await expect(page.getByRole("img", { name: /^Trigger point: / }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/atlas-muscle-laptop.png` });
  await page.goto("/atlas");
  await expect(page.getByRole("link", { name: "Upper trapezius" })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/atlas-index-laptop.png` });
});

test("the hold timer counts down, pauses, and gives a clear end cue", async ({ page }) => {
  await page.clock.install();
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/atlas/upper-trapezius");
  const timer = page.getByRole("region", { name: "Hold timer" });
  await expect(timer).toBeVisible();
  await expect(timer.getByRole("radio", { name: "20 seconds, recommended" })).toBeChecked();
  await timer.getByRole("radio", { name: /^10 seconds/ }).check();
  await expect(timer.getByRole("timer")).toHaveText("10");

  await timer.getByRole("button", { name: "Start" }).click();
  await expect(timer.getByText("Hold started: 10 seconds.")).toBeAttached();
  await page.clock.runFor(4_000);
  await expect(timer.getByRole("timer")).toHaveText("6");
  await timer.getByRole("button", { name: "Pause" }).click();
  await page.clock.runFor(5_000);
  await expect(timer.getByRole("timer")).toHaveText("6");
  await timer.getByRole("button", { name: "Resume" }).click();
  await page.clock.runFor(6_500);

  // The end: visible (panel and words) and announced (assertive live region).
  await expect(timer.getByText("Time's up", { exact: true })).toBeVisible();
  await expect(timer).toHaveAttribute("data-status", "done");
  await expect(timer.getByText("Release slowly, breathe, then move on to the next spot.")).toBeVisible();
  const live = timer.locator('[aria-live="assertive"]');
  await expect(live).toHaveText("Time's up. Release the pressure slowly.");
  await timer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/atlas-timer-done-phone.png` });
  await expectNoAxeViolations(page);

  await timer.getByRole("button", { name: "Reset" }).click();
  await expect(timer.getByRole("timer")).toHaveText("10");
  await expect(timer).not.toHaveAttribute("data-status", "done");
});

test("an unknown muscle says so and links back to the atlas", async ({ page }) => {
  await page.goto("/atlas/not-a-muscle");
  await expect(page.getByText("We couldn't find that muscle in the atlas.")).toBeVisible();
  await page.getByRole("link", { name: "Browse the muscle atlas" }).click();
  await expect(page).toHaveURL(/\/atlas$/);
});
