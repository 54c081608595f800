import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

test("the owner reads the reports: charts, tables, a therapist filter and CSV downloads", async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORTS.laptop);
  await signIn(page, "owner@knotwork.test");
  await page.getByRole("main").getByRole("link", { name: "Reports", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  // The demo's history fills every report with a trend.
  await page.getByRole("button", { name: "12 months" }).click();
  for (const title of [
    "Appointments",
    "Utilisation",
    "No-shows and late cancellations",
    "New and returning clients",
  ]) {
    const section = page.getByRole("region", { name: title, exact: true });
    await expect(section.getByRole("table")).toBeVisible();
  }
  await expect(
    page.getByRole("region", { name: "Appointments", exact: true }).getByRole("img"),
  ).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Outcomes: pain change", exact: true }).getByRole("list"),
  ).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV of No-shows and late cancellations" }).click();
  const csv = await (await download).path();
  expect(csv).toBeTruthy();

  await page.getByLabel("Therapist").selectOption({ label: "Priya Nair" });
  await expect(page).toHaveURL(/therapist=/);
  await expect(
    page.getByRole("region", { name: "Utilisation", exact: true }).getByText("Marcus Bell"),
  ).toHaveCount(0);
  await expect(
    page.getByRole("region", { name: "Utilisation", exact: true }).getByText("Priya Nair").first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Therapist").selectOption({ label: "Whole clinic" });
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.getByRole("region", { name: "Waitlist", exact: true }).getByRole("table").waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/reports-${name}.png`, fullPage: false });
  }
  await page.setViewportSize(VIEWPORTS.tablet);
  await page.getByRole("link", { name: "Outcomes: pain change", exact: true }).click();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/reports-outcomes-tablet.png` });
  await expectNoAxeViolations(page);
});

test("a therapist sees their own figures, without the therapist filter", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.tablet);
  await signIn(page, "therapist@knotwork.test");
  await page.goto("/app/reports");
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();
  await expect(page.getByLabel("Therapist")).toHaveCount(0);
  const utilisation = page.getByRole("region", { name: "Utilisation", exact: true });
  await expect(utilisation.getByText("Marcus Bell").first()).toBeVisible();
  await expect(utilisation.getByText("Priya Nair")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
