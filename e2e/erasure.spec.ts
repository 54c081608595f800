/**
 * Erasure requests in the browser: the client asks from the portal, the owner sees what will happen,
 * the client withdraws (the demo client is shared by every spec, so nothing is carried out here; the
 * carrying out is tested in src/server/erasure/erasure.test.ts). Screenshots at three sizes; axe clean.
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

test("a client asks to erase their account, the owner sees what will happen, the client withdraws", async ({
  browser,
}) => {
  const clientContext = await browser.newContext({ viewport: VIEWPORTS.phone });
  const clientPage = await clientContext.newPage();
  await signIn(clientPage, "client@knotwork.test");
  const card = clientPage
    .getByRole("region", { name: "Erase my account" })
    .or(
      clientPage.locator("section", { has: clientPage.getByRole("heading", { name: "Erase my account" }) }),
    );
  await expect(card).toBeVisible();
  await expect(
    clientPage.getByRole("link", { name: "Download for another provider (FHIR)" }),
  ).toHaveAttribute("href", "/api/me/export?format=fhir");
  await card.getByRole("button", { name: "Ask to erase my account" }).click();
  await expect(card.getByText("Tick the box to confirm.")).toBeVisible();
  await card.getByLabel("I understand, and I want my account erased.").check();
  await card.getByRole("button", { name: "Ask to erase my account" }).click();
  await expect(card.getByText("You asked us to erase your account.")).toBeVisible();
  await expectNoAxeViolations(clientPage);
  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    await clientPage.setViewportSize(viewport);
    // From the top: a full-page picture taken scrolled down shows the sticky header mid-page.
    await clientPage.evaluate(() => window.scrollTo(0, 0));
    await clientPage.screenshot({ path: `${SCREENSHOT_DIR}/erasure-client-${name}.png`, fullPage: true });
  }
  await clientPage.setViewportSize(VIEWPORTS.phone);

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    const ownerContext = await browser.newContext({ viewport });
    const ownerPage = await ownerContext.newPage();
    await signIn(ownerPage, "owner@knotwork.test");
    await ownerPage.goto("/app/clients");
    await ownerPage.getByRole("link", { name: "Erasure requests" }).click();
    await expect(ownerPage.getByRole("heading", { name: "Erasure requests", level: 1 })).toBeVisible();
    await expect(ownerPage.getByRole("heading", { name: "Jordan Lee" })).toBeVisible();
    await expect(ownerPage.getByText("Erased now")).toBeVisible();
    await expect(ownerPage.getByRole("button", { name: "Erase Jordan Lee's account" })).toBeVisible();
    await expectNoAxeViolations(ownerPage);
    await ownerPage.screenshot({ path: `${SCREENSHOT_DIR}/erasure-owner-${name}.png`, fullPage: true });
    await ownerContext.close();
  }

  await card.getByRole("button", { name: "I changed my mind: keep my account" }).click();
  await expect(card.getByRole("button", { name: "Ask to erase my account" })).toBeVisible();
  await clientContext.close();
});
