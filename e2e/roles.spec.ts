import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

const ROLES = [
  {
    role: "owner",
    email: "owner@knotwork.test",
    heading: /Good (morning|afternoon|evening), Olivia/,
    mustShow: ["Appointments today", "Today by therapist"],
    nav: ["Clients", "Team", "Audit log"],
  },
  {
    role: "therapist",
    email: "therapist@knotwork.test",
    heading: /Good (morning|afternoon|evening), Marcus/,
    mustShow: ["Your day", "Coming up"],
    nav: ["Clients"],
  },
  {
    role: "front_desk",
    email: "desk@knotwork.test",
    heading: /Good (morning|afternoon|evening), Dana/,
    mustShow: ["Requests waiting", "Today by therapist"],
    nav: ["Clients", "Team"],
  },
  {
    role: "client",
    email: "client@knotwork.test",
    heading: /Welcome, Jordan/,
    mustShow: ["Upcoming appointments", "Past appointments"],
    nav: [],
  },
] as const;

for (const r of ROLES) {
  test(`the ${r.role} signs in and sees their home`, async ({ page }) => {
    await page.setViewportSize(VIEWPORTS.laptop);
    await signIn(page, r.email);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(r.heading);
    for (const text of r.mustShow) await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of r.nav) await expect(nav.getByRole("link", { name: label })).toBeVisible();
    if (r.role === "client") await expect(nav.getByRole("link", { name: "Clients" })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/home-${r.role}-laptop.png`, fullPage: true });
    await page.setViewportSize(VIEWPORTS.phone);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/home-${r.role}-phone.png`, fullPage: true });
  });
}

test("a wrong password shows a clear error and keeps the visitor on the sign-in page", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill("owner@knotwork.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("E-mail or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectNoAxeViolations(page);
});

test("a new client creates an account and lands in the client portal", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/sign-up");
  await page.getByLabel("First name").fill("Casey");
  await page.getByLabel("Last name").fill("Newcomer");
  await page.getByLabel("E-mail").fill(`casey.${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Casey");
  await expect(page.getByText("You have no upcoming appointments.")).toBeVisible();
});

test("the owner opens a client record and the read appears in the audit log", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.laptop);
  await signIn(page, "owner@knotwork.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" }).click();
  await page.getByLabel("Search clients").fill("Gomez");
  await page.getByRole("link", { name: "Gomez, Rita" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rita Gomez");
  await expectNoAxeViolations(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await page.getByRole("button", { name: "Verify the chain" }).click();
  await expect(page.getByText(/Intact: \d+ events checked/)).toBeVisible();
  // The owner just opened Rita Gomez's record: the log names her, not an id.
  await expect(page.getByRole("cell", { name: "Rita Gomez" }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/audit-owner-laptop.png`, fullPage: true });
});

test("the public landing page is accessible on a phone", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "Find where your pain comes from, and treat it.",
  );
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/landing-phone.png`, fullPage: true });
});
