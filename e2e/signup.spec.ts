import { expect, test } from "@playwright/test";
import { VIEWPORTS } from "./helpers";

test("sign-up refuses a common password in plain words, then signs in with a good one", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/sign-up");
  await page.getByLabel("First name").fill("Sasha");
  await page.getByLabel("Last name").fill("Signup");
  await page.getByLabel("E-mail").fill(`sasha.${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("password12");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This is one of the most common passwords")).toBeVisible();

  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Sasha");
  // The address is not confirmed yet: the home page says where the link went.
  await expect(page.getByText("Please confirm your e-mail address: we sent a link to")).toBeVisible();
});

test("sign-up with an address that already has an account signs nobody in and points to sign-in", async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/sign-up");
  await page.getByLabel("First name").fill("Copy");
  await page.getByLabel("Last name").fill("Cat");
  await page.getByLabel("E-mail").fill("client@knotwork.test");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("This e-mail address may already have an account.")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});
