import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, VIEWPORTS } from "./helpers";

// A real clinic's first run, on the second server of playwright.config.ts: no demo, an empty data
// folder, and a set-up token the spec knows (an operator reads it from the server log).
test.use({ baseURL: `http://localhost:${process.env.E2E_FIRST_RUN_PORT}`, timezoneId: "Europe/Berlin" });
test.describe.configure({ mode: "serial" });

const TOKEN = process.env.E2E_SETUP_TOKEN as string;
const OWNER = {
  name: "Greta Nord",
  email: "greta@nordknoten.example",
  password: "greta chose this sentence",
};

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

test("before set-up, booking says there is no clinic yet and the first-run page asks for the token", async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/book");
  await expect(page.getByRole("heading", { name: "No clinic here yet" })).toBeVisible();
  await shot(page, "first-run-book-before-setup-phone");
  await page.goto("/sign-up");
  await expect(page.getByRole("heading", { name: "No clinic here yet" })).toBeVisible();

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.goto("/setup");
    await expect(page.getByRole("heading", { name: "Set up your clinic" })).toBeVisible();
    await expect(page.getByLabel("Token from the server log")).toBeVisible();
    await shot(page, `first-run-${name}`);
  }
  await expectNoAxeViolations(page);
});

test("a wrong token is refused at the token field and creates nothing", async ({ page }) => {
  await page.goto("/setup");
  await page.getByLabel("Clinic name").fill("Nordknoten Praxis");
  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("E-mail").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await page.getByLabel("Token from the server log").fill("not-the-token-from-the-log");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByText("That set-up token is wrong or has expired")).toBeVisible();
  await expect(page.getByLabel("Token from the server log")).toHaveAttribute("aria-invalid", "true");
  expect((await (await page.request.get("/api/setup")).json()).needed).toBe(true);
});

test("the owner opens the log's link, creates the clinic and lands signed in; clients book at its own address", async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto(`/setup?token=${TOKEN}`);
  // The token leaves the address bar (and the history) at once.
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByText("Set-up token taken from the link in the server log.")).toBeVisible();
  await shot(page, "first-run-from-link-phone");

  await page.getByLabel("Clinic name").fill("Nordknoten Praxis");
  // The web address follows the name until edited.
  await expect(page.getByLabel("Web address")).toHaveValue("nordknoten-praxis");
  await page.getByLabel("Web address").fill("nordknoten");
  await expect(page.getByText(/Clients book at http:\/\/localhost:\d+\/c\/nordknoten\/book/)).toBeVisible();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await page.getByLabel("Street address (optional)").fill("Knotenweg 3, 20095 Hamburg");
  await page.getByLabel("Phone (optional)").fill("+49 40 555 0100");
  await page.getByLabel("Your name").fill(OWNER.name);
  await page.getByLabel("E-mail").fill(OWNER.email);
  await page.getByLabel("Password").fill(OWNER.password);
  await expect(page.getByLabel("I treat clients too")).toBeChecked();
  await page.getByRole("button", { name: "Create clinic" }).click();

  await expect(page.getByRole("heading", { name: "Nordknoten Praxis is ready" })).toBeVisible();
  await expect(page.getByRole("link", { name: /\/c\/nordknoten\/book$/ })).toBeVisible();
  await shot(page, "first-run-done-phone");
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.context).toMatchObject({ role: "owner", clinicSlug: "nordknoten" });

  // The page is spent: it now points to sign-in.
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "This installation is set up" })).toBeVisible();

  // A client, signed out, books at the clinic's own address; `/book` finds the only clinic too.
  await page.context().clearCookies();
  await page.goto("/c/nordknoten/book");
  await expect(page.getByText("Nordknoten Praxis")).toBeVisible();
  await expect(page.getByRole("button", { name: /Trigger point session, 30 min/ })).toBeVisible();
  await page.goto("/book");
  await expect(page.getByText("Nordknoten Praxis")).toBeVisible();
  await page.goto("/c/nordknoten/sign-up");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
});
