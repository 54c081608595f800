import { expect, type Locator, type Page, test } from "@playwright/test";
import { signIn, VIEWPORTS } from "./helpers";

// Styles of one page must not change another: the app is one document, so a stylesheet loaded by an
// earlier page stays loaded. These walks go from page to page by links, as a person does, never by
// reloading (a reload would drop the earlier page's styles and hide the leak).

/** Visible to a person: on screen with a real size, and neither it nor any parent fully transparent. */
async function expectSeen(control: Locator): Promise<void> {
  await expect(control).toBeVisible();
  const box = await control.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(0);
  expect(box?.height ?? 0).toBeGreaterThan(0);
  // Playwright counts opacity 0 as visible; a person does not.
  const opacity = await control.evaluate((element) => {
    let product = 1;
    for (let node: Element | null = element; node; node = node.parentElement) {
      product *= Number(getComputedStyle(node).opacity);
    }
    return product;
  });
  expect(opacity).toBeGreaterThan(0);
}

/** The main menu, opened first on a phone where it folds behind a button. */
async function goByMenu(page: Page, name: string): Promise<void> {
  const menu = page.getByRole("button", { name: "Menu", exact: true });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true }).click();
}

async function markTempleInTheFinder(page: Page): Promise<void> {
  await goByMenu(page, "Pain finder");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where does it hurt?");
  for (const radio of await page.getByRole("radio", { name: "No", exact: true }).all()) await radio.check();
  await page.getByRole("button", { name: "Continue to the body map" }).click();
  await page.getByRole("tab", { name: "Head" }).click();
  const temple = page.getByRole("button", { name: "Temple (left)", exact: true });
  await temple.click();
  await expect(temple).toHaveAttribute("aria-pressed", "true");
}

test("after the pain finder, the intake's radios and checkboxes are still there to see", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await signIn(page, "client@knotwork.test");
  await markTempleInTheFinder(page);

  // Back home by the menu, then on to the questionnaire the demo client has already sent.
  await goByMenu(page, "Home");
  await page.getByRole("link", { name: "View or change" }).click();
  await page.getByRole("button", { name: "Change my answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your pain");

  // The yes/no radios and the checkboxes show the browser's own control (the 0–10 pain scale hides
  // its radios on purpose: the number is the control you see).
  const radios = page.getByRole("radio", { name: /^(Yes|No)$/ });
  const checkboxes = page.getByRole("checkbox");
  expect(await radios.count()).toBeGreaterThan(0);
  expect(await checkboxes.count()).toBeGreaterThan(0);
  for (const control of [...(await radios.all()), ...(await checkboxes.all())]) await expectSeen(control);
});
