import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

async function shoot(page: Page, name: string) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${size}.png`, fullPage: true });
    // Nothing wider than the screen (a long e-mail address once pushed the phone page sideways).
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth),
      `${name} at ${size}`,
    ).toBeLessThanOrEqual(viewport.width);
  }
}

/** A client account of its own, so the shared demo accounts stay as they are. */
async function newClient(page: Page, first: string, last: string) {
  const email = `${first.toLowerCase()}.${Date.now()}@example.com`;
  const password = "a client password of their own";
  const signup = await page.request.post("/api/auth/signup", {
    data: { clinicSlug: "demo", firstName: first, lastName: last, email, password },
  });
  expect(signup.status()).toBe(202);
  return { email, password };
}

test("a client changes their profile and password on the account page", async ({ page }) => {
  const { email, password } = await newClient(page, "Avery", "Account");
  await signIn(page, email, password);
  await page.getByRole("button", { name: /Account menu for/ }).click();
  await page.getByRole("menuitem", { name: "Your account" }).click();
  await page.waitForURL("**/app/account");

  await page.getByLabel("Name").fill("Avery Account-Smith");
  await page.getByLabel("Phone (optional)").fill("208-555-0199");
  await page.getByLabel("E-mail").fill(`new.${email}`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText(`We sent a link to new.${email}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Account menu for Avery Account-Smith" })).toBeVisible();

  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a brand new sentence here");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password is incorrect.")).toBeVisible();
  await page.getByLabel("Current password").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Password changed. You were signed out everywhere else.")).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, "account-client");
});

test("forgot password answers the same for any address", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.waitForURL("**/forgot-password");
  await expectNoAxeViolations(page);
  await shoot(page, "forgot-password");
  await page.getByLabel("E-mail").fill("nobody.at.all@example.com");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByText("If an account uses this address, we have sent it a link")).toBeVisible();
  await page.goto("/reset-password?token=not-a-real-token-at-all");
  await page.getByLabel("New password").fill("a brand new sentence here");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("This link is not valid any more")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a consent signature in another name is refused beside the field", async ({ page }) => {
  const { email, password } = await newClient(page, "Sky", "Signer");
  await signIn(page, email, password);
  await page.goto("/app/consent");
  await page.getByLabel("Type your full name to sign").fill("Someone Else");
  await page.getByRole("button", { name: "I agree and sign" }).click();
  await expect(page.getByText("Type your own name as the clinic has it: Sky Signer.")).toBeVisible();
  await page.getByLabel("Type your full name to sign").fill("  sky   SIGNER ");
  await page.getByRole("button", { name: "I agree and sign" }).click();
  await expect(page.getByText("Signed as")).toBeVisible();
});

test("the owner reads the audit log with names, filters it, exports CSV and verifies the chain", async ({
  page,
}) => {
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/audit");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  // People by name and role, not a role alone.
  await expect(page.getByRole("cell", { name: /Olivia Reyes/ }).first()).toBeVisible();
  await page.getByLabel("Action").selectOption("login");
  await expect(page).toHaveURL(/action=login/);
  const whats = await page.locator("tbody tr td:nth-child(3)").allTextContents();
  expect(whats.length).toBeGreaterThan(0);
  expect(whats.every((w) => w.startsWith("Login"))).toBe(true);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^audit-demo-\d{4}-\d{2}-\d{2}\.csv$/);
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByRole("button", { name: "Verify the chain" }).click();
  await expect(page.getByText(/Intact: \d+ events checked/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, "audit");
});
