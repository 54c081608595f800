import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

// The visitor's walk reads the seeded profile; the owner's edit then changes it.
test.describe.configure({ mode: "serial" });

async function shots(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${size}.png`, fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}

// A 3×1 PNG (teal), small enough for any upload limit.
const LOGO_PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAMAAAABCAIAAACUgoPjAAAADUlEQVR4nGOQj4+GIAAMDQKMiONVKgAAAABJRU5ErkJggg==",
  "base64",
);

test("a visitor goes from the landing page to the clinic's page and on to booking", async ({ page }) => {
  await page.goto("/");
  const clinic = page.getByRole("region", { name: "Knotwork Demo Clinic" });
  await expect(clinic).toContainText("410 W Main St");
  await expect(clinic.getByRole("link", { name: "Book an appointment" })).toBeVisible();
  await shots(page, "landing-clinic");
  await expectNoAxeViolations(page);

  await clinic.getByRole("link", { name: "Prices, hours and therapists" }).click();
  await page.waitForURL("**/c/demo");
  await expect(page.getByRole("heading", { level: 1, name: "Knotwork Demo Clinic" })).toBeVisible();
  // Services with durations and prices, therapists with bios, contact, hours, policies.
  await expect(page.getByText(/\d+ min · \$\d+\.\d\d/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Priya Nair" })).toBeVisible();
  await expect(page.getByText(/Shoulder, arm and hand pain/)).toBeVisible();
  await expect(page.getByRole("link", { name: "208-555-0100" }).first()).toHaveAttribute(
    "href",
    "tel:2085550100",
  );
  await expect(page.getByRole("rowheader", { name: "Monday" })).toBeVisible();
  await expect(page.getByText(/until 24 hours before it starts/)).toBeVisible();
  await expect(page.getByText(/Your first visit is a 30-minute consultation/)).toBeVisible();
  await expect(page.getByText("owner@knotwork.test")).toHaveCount(0);
  await shots(page, "clinic-page");
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Book an appointment" }).first().click();
  await page.waitForURL("**/c/demo/book");
  await expect(page.getByRole("heading", { name: "What would you like to book?" })).toBeVisible();
});

test("the owner edits the clinic profile and a bio, and the public page shows them", async ({ page }) => {
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/settings?section=profile");
  await expect(page.getByLabel("Clinic name")).toHaveValue("Knotwork Demo Clinic");

  // A field error names the field and keeps the old value saved.
  await page.getByLabel("Phone").fill("call us");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Use digits, spaces and + ( ) - . / only")).toBeVisible();

  await page.getByLabel("Phone").fill("+1 208 555 0199");
  await page
    .getByLabel("About the clinic")
    .fill("Hands-on trigger point therapy in downtown Boise, six days a week.");
  await page.getByLabel("Time zone").selectOption("America/Denver");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();

  await page
    .getByLabel("Upload a logo")
    .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: LOGO_PNG });
  await expect(page.getByRole("img", { name: "Knotwork Demo Clinic logo" })).toBeVisible();
  await shots(page, "settings-profile");
  await expectNoAxeViolations(page);

  await page.goto("/app/team");
  const sam = page.getByRole("listitem").filter({ hasText: "Sam Okafor" });
  await sam.getByRole("button", { name: "Public bio" }).click();
  await sam.getByLabel("Public bio of Sam Okafor").fill("Runners' knees and hips.");
  await sam.getByRole("button", { name: "Save bio" }).click();
  await expect(sam.getByText("Bio saved.")).toBeVisible();

  await page.goto("/c/demo");
  await expect(
    page.getByText("Hands-on trigger point therapy in downtown Boise, six days a week."),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "+1 208 555 0199" }).first()).toBeVisible();
  await expect(page.getByText("Runners' knees and hips.")).toBeVisible();
  const logo = page.getByRole("img", { name: "Knotwork Demo Clinic logo" });
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(3);
  await expectNoAxeViolations(page);
});

test("a therapist edits their own public bio from Your profile", async ({ page }) => {
  await signIn(page, "therapist@knotwork.test");
  await page.getByRole("link", { name: "Your profile" }).first().click();
  await page.waitForURL("**/app/team");
  await page.getByLabel("Public bio of Marcus Bell").fill("Jaw, neck and headaches.");
  await page.getByRole("button", { name: "Save bio" }).click();
  await expect(page.getByText("Bio saved.")).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto("/c/demo");
  await expect(page.getByText("Jaw, neck and headaches.")).toBeVisible();
});
