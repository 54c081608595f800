import { expect, type Page, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

/** The code an authenticator app shows for this manual key, `offsetSteps` 30-second steps from now. */
function codeFor(manualKey: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(manualKey.replace(/\s/g, "")), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

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

async function signOut(page: Page) {
  // Sign-out lands on the home page. (It once raced the signed-in pages' guard, which sent the
  // person to the sign-in page instead; the guard now knows the session ended on purpose.)
  await page.getByRole("button", { name: /Account menu for/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("staff enrol in two-factor, sign in with a code, and a recovery code works once", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  // A staff member of their own (invited by the owner), so the shared demo accounts stay as they are.
  const email = `twofactor.${Date.now()}@example.com`;
  const password = "a desk password of their own";
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/team");
  await page.getByLabel("Name").fill("Tess Twofactor");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role").selectOption("front_desk");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const code = page.locator("code").filter({ hasText: "/invite/" });
  await expect(code).toBeVisible();
  const inviteUrl = ((await code.textContent()) ?? "").trim();
  // A context of its own (axe needs one made with newContext), as on another computer.
  const staffContext = await browser.newContext({ baseURL });
  const staff = await staffContext.newPage();
  await staff.goto(inviteUrl);
  await staff.getByLabel("Password").fill(password);
  await staff.getByRole("button", { name: "Join" }).click();
  await staff.waitForURL("**/app");

  // Enrol from the account page, reached through the user menu.
  await staff.getByRole("button", { name: /Account menu for/ }).click();
  await staff.getByRole("menuitem", { name: "Your account" }).click();
  await staff.waitForURL("**/app/account");
  await expect(staff.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  await staff.getByRole("link", { name: "Set up two-factor" }).click();
  await expect(staff.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const manualKey = ((await staff.getByTestId("manual-key").textContent()) ?? "").trim();
  expect(manualKey.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAxeViolations(staff);
  await shoot(staff, "two-factor-setup");

  await staff.getByLabel("Code from the app").fill("000000" === codeFor(manualKey) ? "111111" : "000000");
  await staff.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(staff.getByText("That code is not right")).toBeVisible();
  await staff.getByLabel("Code from the app").fill(codeFor(manualKey));
  await staff.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(staff.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  const recoveryCodes = await staff
    .getByRole("list", { name: "Recovery codes" })
    .locator("code")
    .allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await expectNoAxeViolations(staff);
  await shoot(staff, "two-factor-recovery-codes");
  await staff.getByLabel("I have saved my recovery codes").check();
  await staff.getByRole("button", { name: "Continue" }).click();
  await staff.waitForURL("**/app/account");
  await expect(staff.getByText("10 of 10 recovery codes left")).toBeVisible();
  await staff.setViewportSize(VIEWPORTS.laptop);
  await expectNoAxeViolations(staff);
  await shoot(staff, "account");

  // Sign out; the password alone now leads to the code page, and nothing else opens.
  await signOut(staff);
  await signInWithPassword(staff, email, password);
  await staff.waitForURL("**/sign-in/two-factor**");
  await expect(staff.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
  await staff.goto("/app/clients");
  await staff.waitForURL("**/sign-in/two-factor**");
  // No menu of staff pages while the code is owed (none of them would open).
  await expect(
    staff.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" }),
  ).toHaveCount(0);
  await expectNoAxeViolations(staff);
  await shoot(staff, "two-factor-verify");
  // The next step's code: the one that confirmed enrolment may still be current, and is spent.
  await staff.getByLabel("Code").fill(codeFor(manualKey, 1));
  await staff.getByRole("button", { name: "Continue" }).click();
  await staff.waitForURL("**/app/clients");

  // A recovery code instead of the app: accepted once.
  const recovery = recoveryCodes[0] ?? "";
  await signOut(staff);
  await signInWithPassword(staff, email, password);
  await staff.waitForURL("**/sign-in/two-factor**");
  await staff.getByLabel("Code").fill(recovery);
  await staff.getByRole("button", { name: "Continue" }).click();
  await staff.waitForURL("**/app");
  await staff.goto("/app/account");
  await expect(staff.getByText("9 of 10 recovery codes left")).toBeVisible();

  await signOut(staff);
  await signInWithPassword(staff, email, password);
  await staff.waitForURL("**/sign-in/two-factor**");
  await staff.getByLabel("Code").fill(recovery);
  await staff.getByRole("button", { name: "Continue" }).click();
  await expect(staff.getByText("That code is not right, or was used already")).toBeVisible();
  await expect(staff).toHaveURL(/\/sign-in\/two-factor/);
  await expectNoAxeViolations(staff);
  await staffContext.close();
});
