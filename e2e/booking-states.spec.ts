import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

// Booking, intake, requests and calendar say what is true, on a phone, a tablet and a laptop.
test.describe.configure({ mode: "serial" });

type Viewport = keyof typeof VIEWPORTS;
const ALL: Viewport[] = ["phone", "tablet", "laptop"];

async function newPage(browser: Browser, viewport: Viewport): Promise<Page> {
  const context = await browser.newContext({
    viewport: VIEWPORTS[viewport],
    timezoneId: "America/Boise",
    ...(viewport === "phone" ? { isMobile: true, hasTouch: true } : {}),
  });
  return context.newPage();
}

/** Full-page screenshots of the page as it stands at every size. */
async function shots(page: Page, name: string): Promise<void> {
  for (const size of ALL) {
    await page.setViewportSize(VIEWPORTS[size]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${size}.png`, fullPage: true });
  }
}

/** Nothing wider than the screen (no sideways scrolling). */
async function expectNoOverflow(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

const email = `finder.marks.${Date.now()}@example.com`;

test("from the finder, a new client books a 30-minute session: told it is a request, errors all at once, marks carried to the intake", async ({
  browser,
}) => {
  const page = await newPage(browser, "phone");
  await page.goto("/book?regions=temple-left:6,neck-posterior-left:4");
  await expect(page.getByText("Step 1 of 3")).toBeVisible();
  await shots(page, "weba-booking-service");
  await page.setViewportSize(VIEWPORTS.phone);

  await page.getByRole("button", { name: /Trigger point session, 30 min/ }).click();
  await expect(page.getByText("Step 2 of 3")).toBeVisible();
  const times = page.getByRole("list", { name: /(Morning|Afternoon|Evening) times/ }).getByRole("button");
  await times.first().click();
  await expect(page.getByText("Step 3 of 3")).toBeVisible();

  // Every field's problem at once, in plain words, before anything is sent.
  await page.getByLabel("Last name").fill("x".repeat(101));
  await page.getByLabel("E-mail").fill("not-an-address");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account and continue" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await expect(page.getByText("Keep this under 100 characters.")).toBeVisible();
  await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByText(/Too big|expected string/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shots(page, "weba-booking-errors");
  await page.setViewportSize(VIEWPORTS.phone);

  await page.getByLabel("First name").fill("Fin");
  await page.getByLabel("Last name").fill("Dermarks");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account and continue" }).click();

  // An instant-booking service, but a first visit: the server makes it a request, and so do the words.
  await expect(page.getByRole("button", { name: "Request this time" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Book this time" })).toHaveCount(0);
  await expect(page.getByText(/as soon as you press/)).toHaveCount(0);
  await page.getByRole("button", { name: "Request this time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request sent");
  await expect(
    page.getByText(
      "Before your first visit can be confirmed, please fill in the intake form and sign the consent.",
    ),
  ).toBeVisible();

  // The intake's body map starts with the finder's marks.
  await page.getByRole("link", { name: "Go to your intake" }).click();
  await expect(page.getByText("You marked")).toBeVisible();
  await expect(page.getByText(/Temple \(left\)/).first()).toBeVisible();
  await expect(page.getByText("· 6/10")).toBeVisible();
  await shots(page, "weba-intake-marks");
  await page.context().close();
});

test("the front desk sees a client's flags and readiness but not the answers; the therapist reads them", async ({
  browser,
}) => {
  const page = await newPage(browser, "laptop");
  await signIn(page, "desk@knotwork.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" }).click();
  await page.getByLabel("Search clients").fill("Gomez");
  await page.getByRole("link", { name: "Gomez, Rita" }).click();
  await expect(page.getByRole("heading", { name: "Ready for a first visit?" })).toBeVisible();
  await expect(
    page.getByText("Only the client's therapist and the owner read the answers.", { exact: false }),
  ).toBeVisible();
  await expect(page.getByText("Pain at worst")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Intake answers" })).toHaveCount(0);
  await shots(page, "weba-intake-desk");
  await page.context().close();

  const therapist = await newPage(browser, "laptop");
  await signIn(therapist, "owner@knotwork.test");
  await therapist.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" }).click();
  await therapist.getByLabel("Search clients").fill("Gomez");
  await therapist.getByRole("link", { name: "Gomez, Rita" }).click();
  await expect(therapist.getByText("Pain at worst")).toBeVisible();
  await expect(therapist.getByRole("heading", { name: "Intake answers" })).toBeVisible();
  await therapist.context().close();
});

test("a note the desk types is not labelled as the client's, and the requests inbox is shot at every size", async ({
  browser,
}) => {
  const page = await newPage(browser, "laptop");
  await signIn(page, "desk@knotwork.test");
  await page.goto("/app/calendar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar");
  await page.keyboard.press("n");
  const dialog = page.getByRole("dialog", { name: "New booking" });
  await expect(dialog.getByRole("combobox", { name: "Client" })).toBeFocused();
  await page.keyboard.type("Fischer");
  await expect(dialog.getByRole("option", { name: /Fischer, Tom/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(dialog.getByText("Tom Fischer")).toBeVisible();
  await dialog.getByLabel("Note (optional)").fill("Called from work; prefers mornings.");
  // The strip opens on today, which may have no open times left this late.
  await dialog
    .getByRole("button", { name: /: \d+ open times$/ })
    .first()
    .click();
  await dialog
    .getByRole("list", { name: /(Morning|Afternoon|Evening) times/ })
    .getByRole("button")
    .first()
    .click();
  await page.keyboard.press("Control+Enter");
  const done = page.getByRole("dialog", { name: /^Booked/ });
  await expect(done).toBeVisible();
  await done.getByRole("button", { name: "Done" }).click();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Requests");
  await shots(page, "weba-requests");
  await page.setViewportSize(VIEWPORTS.laptop);
  // Tom already had a request in the demo; open each until the one just booked.
  const rows = page.getByRole("listitem").filter({ hasText: "Tom Fischer" });
  const detail = page.getByRole("dialog", { name: "Tom Fischer" });
  const note = detail.getByText("Called from work; prefers mornings.");
  for (let i = 0; i < (await rows.count()); i++) {
    await rows.nth(i).getByRole("button", { name: "Tom Fischer", exact: true }).click();
    await expect(detail.getByRole("term").first()).toBeVisible();
    if ((await note.count()) > 0) break;
    await page.keyboard.press("Escape");
  }
  await expect(note).toBeVisible();
  await expect(detail.getByText("Note taken by the clinic:")).toHaveCount(1);
  await expect(detail.getByText("Note from the client")).toHaveCount(0);
  await page.context().close();
});

test("on a phone the calendar is a one-day agenda that reaches every therapist without scrolling sideways", async ({
  browser,
}) => {
  const page = await newPage(browser, "phone");
  await signIn(page, "desk@knotwork.test");
  await page.goto("/app/calendar?view=week");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar");
  const whose = page.getByLabel("Whose day");
  await expect(whose).toBeVisible();
  await expect(page.getByRole("button", { name: "Week", exact: true })).toHaveCount(0);
  await expectNoOverflow(page);
  const names = await whose.locator("option").allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(3);
  for (const name of names.slice(1)) {
    await page.getByRole("button", { name: `Next: ${name}` }).click();
    await expect(whose).toHaveValue(
      (await whose.locator("option", { hasText: name }).getAttribute("value")) ?? "",
    );
  }
  await expect(page.getByRole("region", { name: new RegExp(`^${names.at(-1)}:`) })).toBeVisible();
  await expectNoOverflow(page);
  await shots(page, "weba-calendar");
  await page.context().close();
});
