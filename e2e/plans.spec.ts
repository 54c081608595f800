/**
 * The client's care on a phone (F7, F9): the demo client walks from the portal home to the plan,
 * home care (a self-treatment hold on the atlas's timer, the PDF handout), the pain diary (two
 * entries, one of them a "Same as last time" repeat) and progress (the new entries in the chart's
 * table). axe checks every page. Then screenshots of each page at three sizes, and the therapist's
 * view of the same client.
 */
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

const ZONE = "America/Boise";
test.use({ timezoneId: ZONE });

/** "Dec 3": how the charts write a day, in the browser's zone. */
function chartDay(at: Date): string {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: ZONE }).format(at);
}

async function diaryRowsOn(page: Page, day: string): Promise<number> {
  const table = page.getByRole("table", { name: /Pain by area over time/ });
  return table.getByRole("row").filter({ hasText: day }).filter({ hasText: "Diary" }).count();
}

test("a client follows their plan, home care, diary and progress on a phone", async ({ page }) => {
  // Six pages, each checked by axe, on a shared machine: 60 s ran out under load (it took 2.6 min).
  test.slow();
  await page.clock.install();
  await page.setViewportSize(VIEWPORTS.phone);
  await signIn(page, "client@knotwork.test");

  // How many diary scores today the chart had before (the demo may have one already).
  const before = (await (await page.request.get("/api/me/progress")).json()) as {
    regions: { points: { at: string; source: string }[] }[];
  };
  const today = chartDay(new Date());
  const diaryTimesToday = new Set(
    before.regions.flatMap((r) =>
      r.points.filter((p) => p.source === "diary" && chartDay(new Date(p.at)) === today).map((p) => p.at),
    ),
  );

  // Portal home → the plan.
  await expect(page.getByRole("heading", { name: "Your care" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Treatment plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your treatment plan" })).toBeVisible();
  await expect(page.getByText(/\d of \d sessions done/)).toBeVisible();
  await expect(page.getByText("Turn my head to check the blind spot", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);

  // → Home care, a hold on the atlas's timer.
  const nav = page.getByRole("navigation", { name: "Your care" });
  await nav.getByRole("link", { name: "Home care" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Home care" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page
    .getByRole("button", { name: /^Hold timer: / })
    .first()
    .click();
  const timer = page.getByRole("region", { name: "Hold timer" });
  await expect(timer).toBeVisible();
  const seconds = Number(await timer.getByRole("timer").textContent());
  expect(seconds).toBeGreaterThanOrEqual(10);
  await timer.getByRole("button", { name: "Start" }).click();
  await page.clock.runFor(3_000);
  await expect(timer.getByRole("timer")).toHaveText(String(seconds - 3));
  await page.clock.runFor((seconds - 3) * 1000 + 500);
  await expect(timer).toHaveAttribute("data-status", "done");
  await expect(timer.getByText("Time's up", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // The handout: the link downloads a real PDF (the server's tests parse its text).
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download the handout (PDF)" }).click();
  const download = await downloading;
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.length).toBeGreaterThan(2_000);
  const response = await page.request.get("/api/me/home-care.pdf");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/pdf");

  // → Pain diary: a repeat of the last entry adjusted (3 taps), then a plain repeat with a note.
  await nav.getByRole("link", { name: "Pain diary" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pain diary" })).toBeVisible();
  await expect(
    page
      .getByRole("img", { name: /Body map/ })
      .or(page.getByRole("group", { name: /Body map/ }))
      .first(),
  ).toBeAttached();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Same as last time" }).click();
  const more = page.getByRole("button", { name: /^More pain: / }).first();
  const less = page.getByRole("button", { name: /^Less pain: / }).first();
  await ((await more.isEnabled()) ? more : less).click();
  await page.getByRole("button", { name: "Save to my diary" }).click();
  await expect(page.getByText("Saved to your diary.")).toBeVisible();

  await page.clock.runFor(60_000);
  await page.getByRole("button", { name: "Same as last time" }).click();
  await page.getByLabel("A note (optional)").fill("Slept well, a little stiff in the morning");
  await page.getByRole("button", { name: "Save to my diary" }).click();
  await expect(page.getByText("Saved to your diary.")).toBeVisible();
  await expect(page.getByText("Slept well, a little stiff in the morning")).toBeVisible();

  // → Progress: both entries are in the pain chart's table.
  await nav.getByRole("link", { name: "Progress" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your progress" })).toBeVisible();
  const painChart = page.getByRole("figure", { name: "Pain by area over time" });
  await expect(painChart).toBeVisible();
  await painChart.getByRole("button", { name: "Show as a table" }).click();
  await expect(painChart.getByRole("table")).toBeVisible();
  await expect.poll(() => diaryRowsOn(page, today)).toBe(diaryTimesToday.size + 2);
  await expect(page.getByRole("figure", { name: "Pain before and after each session" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Trigger points treated and released" })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Range of motion" })).toBeVisible();
  await expectNoAxeViolations(page);

  // → Aftercare, and back home.
  await nav.getByRole("link", { name: "Aftercare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Aftercare" })).toBeVisible();
  await expectNoAxeViolations(page);
  await nav.getByRole("link", { name: "Portal home" }).click();
  await expect(page.getByRole("heading", { name: "Your care" })).toBeVisible();
});

const CARE_PAGES = ["plan", "home-care", "diary", "progress", "aftercare"] as const;

test("care pages at phone, tablet and laptop sizes", async ({ page }) => {
  await signIn(page, "client@knotwork.test");
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    for (const name of CARE_PAGES) {
      await page.goto(`/app/care/${name}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText("Loading…")).toHaveCount(0);
      if (name === "progress") await expect(page.getByRole("figure").first()).toBeVisible();
      if (name === "diary") await expect(page.getByText("Loading the body map…")).toHaveCount(0);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/care-${name}-${size}.png`, fullPage: true });
    }
  }
  await page.goto("/app");
  await expect(page.getByRole("heading", { name: "Your care" })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/care-portal-home-laptop.png`, fullPage: true });
});

test("the therapist sees the client's plan, check-ins, home care and progress", async ({ page }) => {
  await signIn(page, "therapist@knotwork.test");
  await page.goto("/app/clients");
  // The demo's months of history put many clients on the list: search, as a therapist would.
  await page.getByLabel("Search clients").fill("Jordan");
  await page.getByRole("link", { name: "Lee, Jordan" }).first().click();
  await expect(page.getByRole("heading", { level: 2, name: "Care", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Treatment plan" })).toBeVisible();
  await expect(page.getByText(/\d of \d sessions done/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Home care", exact: true })).toBeVisible();
  await expect(page.getByRole("figure", { name: "Pain by area over time" })).toBeVisible();
  await expectNoAxeViolations(page);
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/care-staff-client-${size}.png`, fullPage: true });
  }
});
