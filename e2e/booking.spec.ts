import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

// One story in order: a new client's first visit, a returning client's request, the desk answering both.
test.describe.configure({ mode: "serial" });

/** A full-page screenshot from the top; `dialog` shots keep to the viewport (the overlay is fixed). */
async function shot(page: Page, name: string, dialog = false): Promise<void> {
  if (!dialog) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: !dialog });
}

async function phonePage(browser: Browser, timezoneId: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: VIEWPORTS.phone,
    timezoneId,
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  return context.newPage();
}

/** Picks the first open time of the day the strip opens on; answers its label ("10:15 AM"). */
async function pickFirstTime(page: Page): Promise<string> {
  const times = page.getByRole("list", { name: /(Morning|Afternoon|Evening) times/ }).getByRole("button");
  await expect(times.first()).toBeVisible();
  const label = (await times.first().textContent()) ?? "";
  await times.first().click();
  return label.trim();
}

const newClientEmail = `casey.first.${Date.now()}@example.com`;

test("a new client starts booking signed out on a phone, creates an account at the details step and requests a first visit", async ({
  browser,
}) => {
  // A client in Chicago booking a Boise clinic: times are shown in Central Time and said so.
  const page = await phonePage(browser, "America/Chicago");
  await page.goto("/book?regions=temple-left:6,neck-posterior-left:4");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What would you like to book?");
  await expect(page.getByText("Temple (left)")).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "booking-1-service-phone");

  await page.getByRole("button", { name: /First visit: consultation and treatment/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a time");
  await expect(page.getByText("Times in your time zone, Central Time (CT).")).toBeVisible();
  await expect(page.getByText("The clinic is in Mountain Time (MT).")).toBeVisible();
  const time = await pickFirstTime(page);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your details");
  await expect(page.getByText(time, { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Create your account to book" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "booking-3-details-signed-out-phone");

  await page.getByLabel("First name").fill("Casey");
  await page.getByLabel("Last name").fill("Firstvisit");
  await page.getByLabel("E-mail").fill(newClientEmail);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account and continue" }).click();

  // Signed in now, and still on the chosen slot.
  await expect(page.getByLabel("Anything your therapist should know? (optional)")).toBeVisible();
  await expect(page.getByText(time, { exact: false }).first()).toBeVisible();
  await page
    .getByLabel("Anything your therapist should know? (optional)")
    .fill("Headaches after long days at the desk.");
  await page.getByRole("button", { name: "Request this time" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request sent");
  await expect(page.getByText("Before your first visit can be confirmed,")).toBeVisible();
  await expect(page.getByRole("link", { name: "Add to calendar (.ics)" })).toHaveAttribute(
    "href",
    /\/api\/appointments\/[0-9a-f-]+\/ics$/,
  );
  await expectNoAxeViolations(page);
  await shot(page, "booking-4-first-visit-requested-phone");
  await page.context().close();
});

let jordanTime = "";

test("a returning client requests a 90-minute session on a phone", async ({ browser }) => {
  const page = await phonePage(browser, "America/Boise");
  await signIn(page, "client@knotwork.test");
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Book" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("What would you like to book?");

  await page.getByRole("button", { name: /Trigger point session, 90 min/ }).click();
  await expect(page.getByText("Times in your time zone, Mountain Time (MT).")).toBeVisible();
  await expect(page.getByRole("button", { name: "Any therapist" })).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page);
  await shot(page, "booking-2-time-phone");
  jordanTime = await pickFirstTime(page);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your details");
  await page.getByLabel("Anything your therapist should know? (optional)").fill("Right shoulder again.");
  await expectNoAxeViolations(page);
  await shot(page, "booking-3-details-phone");
  await page.getByRole("button", { name: "Request this time" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request sent");
  await expect(page.getByText("It is not confirmed yet")).toBeVisible();
  // Jordan has been before: no intake step.
  await expect(page.getByText("Before your first visit can be confirmed,")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, "booking-4-requested-phone");
  await page.context().close();
});

test("the front desk finds both requests, cannot confirm the first visit yet, and confirms Jordan's", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.laptop, timezoneId: "America/Boise" });
  const page = await context.newPage();
  await signIn(page, "desk@knotwork.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Requests");

  // The new client's first visit: what is missing is shown, and confirming is refused honestly.
  const casey = page.getByRole("listitem").filter({ hasText: "Casey Firstvisit" });
  await expect(casey.getByText("First visit", { exact: true })).toBeVisible();
  await expect(casey.getByText("Before it can be confirmed:")).toBeVisible();
  await expect(casey.getByText(/intake/i).first()).toBeVisible();

  const jordan = page
    .getByRole("listitem")
    .filter({ hasText: "Jordan Lee" })
    .filter({ hasText: jordanTime })
    .filter({
      hasText: "Trigger point session, 90 min",
    });
  await expect(jordan).toHaveCount(1);
  await expectNoAxeViolations(page);
  await shot(page, "requests-laptop");

  await casey.getByRole("button", { name: "Confirm Casey Firstvisit" }).click();
  await expect(casey.getByRole("alert")).toContainText("Not confirmed.");

  await jordan.getByRole("button", { name: "Confirm Jordan Lee" }).click();
  await expect(jordan.getByText("Confirmed.")).toBeVisible();
  await shot(page, "requests-after-confirm-laptop");

  // The status really changed: the request leaves the inbox and the calendar shows it confirmed.
  await page.reload();
  await expect(page.getByRole("listitem").filter({ hasText: "Casey Firstvisit" })).toHaveCount(1);
  await expect(
    page
      .getByRole("listitem")
      .filter({ hasText: "Jordan Lee" })
      .filter({ hasText: "Trigger point session, 90 min" }),
  ).toHaveCount(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calendar" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar");
  await page.getByRole("button", { name: "Week", exact: true }).click();
  const block = page.getByRole("button", {
    name: new RegExp(
      `^${jordanTime.replace(/\s/g, "\\s")}.*Jordan Lee, Trigger point session, 90 min.*Confirmed`,
    ),
  });
  await expect(block.first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "calendar-week-laptop");

  await block.first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Jordan Lee" })).toBeVisible();
  await expect(dialog.getByText("Confirmed", { exact: true })).toBeVisible();
  await expect(dialog.getByText("Right shoulder again.")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Reschedule…" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "calendar-dialog-laptop", true);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await context.close();
});

test("the front desk books a phone call from the calendar with the keyboard", async ({ browser }) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.laptop, timezoneId: "America/Boise" });
  const page = await context.newPage();
  await signIn(page, "desk@knotwork.test");
  await page.goto("/app/calendar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar");
  await expectNoAxeViolations(page);
  await shot(page, "calendar-day-laptop");

  await page.keyboard.press("n");
  const dialog = page.getByRole("dialog", { name: "New booking" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("combobox", { name: "Client" })).toBeFocused();
  await page.keyboard.type("Gomez");
  await expect(dialog.getByRole("option", { name: /Gomez, Rita/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(dialog.getByText("Rita Gomez")).toBeVisible();
  await expect(dialog.getByLabel("Service")).toHaveValue(/.+/);
  // The strip opens on today, which may have no open times left this late.
  await dialog
    .getByRole("button", { name: /: \d+ open times$/ })
    .first()
    .click();
  const time = dialog
    .getByRole("list", { name: /(Morning|Afternoon|Evening) times/ })
    .getByRole("button")
    .first();
  await time.click();
  await expectNoAxeViolations(page);
  await shot(page, "phone-booking-laptop", true);
  await page.keyboard.press("Control+Enter");
  const done = page.getByRole("dialog", { name: "Booked" });
  await expect(done).toBeVisible();
  await expect(done.getByText("Confirmed", { exact: true })).toBeVisible();
  await expect(done.getByText(/Rita Gomez/)).toBeVisible();
  await shot(page, "phone-booking-done-laptop", true);
  await page.keyboard.press("Escape");

  // Tablet: the same calendar, scrolled sideways when the columns do not fit.
  await page.setViewportSize(VIEWPORTS.tablet);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar");
  await shot(page, "calendar-day-tablet");
  await context.close();
});

test("the owner manages policies, services, hours and rooms", async ({ browser }) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.laptop, timezoneId: "America/Boise" });
  const page = await context.newPage();
  await signIn(page, "owner@knotwork.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Settings");
  await expect(page.getByLabel("Minimum notice (minutes)")).toHaveValue("120");
  await expectNoAxeViolations(page);
  await shot(page, "settings-policies-laptop");

  await page.getByRole("button", { name: "Services", exact: true }).click();
  await page.getByRole("button", { name: "Edit Trigger point session, 90 min" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Trigger point session, 90 min" });
  await expect(dialog.getByLabel("Length (minutes)")).toHaveValue("90");
  await expectNoAxeViolations(page);
  await shot(page, "settings-service-dialog-laptop", true);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Hours and time off" }).click();
  await expect(page.getByLabel("Monday hours 1 from")).toHaveValue("09:00");
  await expect(page.getByLabel("Monday break 1 from")).toHaveValue("12:00");
  await page.getByRole("button", { name: "Save hours" }).click();
  await expect(page.getByText("Hours saved.")).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "settings-hours-laptop");

  await page.getByRole("button", { name: "Rooms", exact: true }).click();
  await page.getByLabel("Add a room").fill("Willow room");
  await page.getByRole("button", { name: "Add room" }).click();
  await expect(page.getByRole("button", { name: "Rename Willow room" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "settings-rooms-laptop");
  await context.close();
});
