import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

async function acceptUrlFrom(page: Page): Promise<string> {
  const code = page.locator("code").filter({ hasText: "/invite/" });
  await expect(code).toBeVisible();
  return ((await code.textContent()) ?? "").trim();
}

test("the owner gives a therapist on the calendar a sign-in, and the therapist joins", async ({
  page,
  browser,
}) => {
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/team");
  const priya = page.getByRole("listitem").filter({ hasText: "Priya Nair" });
  await expect(priya).toContainText("No sign-in yet");
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/team-${name}.png`, fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
  await expectNoAxeViolations(page);

  await priya.getByRole("button", { name: "Invite to sign in" }).click();
  await expect(page.getByRole("heading", { name: "Give Priya Nair a sign-in" })).toBeVisible();
  await page.getByLabel("E-mail").fill("priya.e2e@example.com");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const url = await acceptUrlFrom(page);
  await expect(priya).toContainText("invited");

  const invitee = await browser.newPage();
  await invitee.goto(url);
  await expect(invitee.getByLabel("E-mail")).toHaveValue("priya.e2e@example.com");
  await invitee.getByLabel("Password").fill("priya-e2e-password");
  await invitee.getByRole("button", { name: "Join" }).click();
  await invitee.waitForURL("**/app");
  await invitee.close();

  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "priya.e2e@example.com" })).toHaveCount(1);
  await expect(page.getByText("No sign-in yet")).toHaveCount(1); // Sam Okafor still has none
});

test("an invitation to an existing account asks it to sign in, then accepts", async ({ page, browser }) => {
  // An account of its own, so the demo client stays a client for the specs that run after this one.
  const email = `existing.${Date.now()}@example.com`;
  const password = "an existing account's own password";
  const signup = await page.request.post("/api/auth/signup", {
    data: { clinicSlug: "demo", firstName: "Ezra", lastName: "Existing", email, password },
  });
  expect(signup.status()).toBe(202);

  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/team");
  await page.getByLabel("Name").fill("Ezra Existing");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Role").selectOption("front_desk");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("They already have an account")).toBeVisible();
  const url = await acceptUrlFrom(page);

  const invitee = await browser.newPage();
  await invitee.goto(url);
  await expect(invitee.getByText("Sign in to accept")).toBeVisible();
  await expect(invitee.getByLabel("E-mail")).toHaveValue(email);
  await expect(invitee.getByLabel("E-mail")).not.toBeEditable();
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await invitee.setViewportSize(size);
    await invitee.screenshot({ path: `${SCREENSHOT_DIR}/accept-existing-${name}.png`, fullPage: true });
  }
  await invitee.getByLabel("Password").fill(password);
  await invitee.getByRole("button", { name: "Sign in and join" }).click();
  await invitee.waitForURL("**/app");
  await invitee.close();
});

test("the owner issues a therapist's calendar feed URL, shown once", async ({ page }) => {
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/team");
  const marcus = page.getByRole("listitem").filter({ hasText: "Marcus Bell" });
  await marcus.getByRole("button", { name: "Calendar feed" }).click();
  await marcus.getByRole("button", { name: "New calendar feed URL" }).click();
  const feed = marcus.locator("code");
  await expect(feed).toContainText("/api/feeds/therapists/");
  const response = await page.request.get(((await feed.textContent()) ?? "").trim());
  expect(response.status()).toBe(200);
});
