import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

async function shoot(page: Page, name: string) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}-${size}.png`, fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
}

test("rooms: a taken name is refused beside the field, and archiving shows what is booked there first", async ({
  page,
}) => {
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/settings?section=rooms");
  const add = page.getByLabel("Add a room");

  // Checked in the browser with the API's schema: nothing is sent.
  await add.fill("   ");
  await page.getByRole("button", { name: "Add room" }).click();
  await expect(page.getByText("Enter some text.")).toBeVisible();

  // The server is the authority on names already in use, whatever their case.
  await add.fill("cedar ROOM");
  await page.getByRole("button", { name: "Add room" }).click();
  await expect(
    page.getByText('There is already a room called "cedar ROOM". Choose another name.'),
  ).toBeVisible();
  await expect(add).toHaveAttribute("aria-invalid", "true");
  await shoot(page, "settings-rooms-name-taken");

  // Archiving Cedar room asks first, listing the bookings still to come there.
  await page.getByRole("button", { name: "Archive Cedar room" }).click();
  const dialog = page.getByRole("dialog", { name: "Archive Cedar room?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/still booked in Cedar room/)).toBeVisible();
  await expect(
    dialog.getByRole("list", { name: "Booked in Cedar room" }).getByRole("listitem").first(),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, "settings-rooms-archive-question");
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "Archive Cedar room" })).toBeVisible();

  // A room with nothing booked says so, and is archived on confirmation.
  await add.fill("Juniper room");
  await page.getByRole("button", { name: "Add room" }).click();
  await expect(page.getByRole("button", { name: "Archive Juniper room" })).toBeVisible();
  await expect(add).toHaveValue("");
  await page.getByRole("button", { name: "Archive Juniper room" }).click();
  const empty = page.getByRole("dialog", { name: "Archive Juniper room?" });
  await expect(empty.getByText("Nothing is booked in Juniper room from now on.")).toBeVisible();
  await empty.getByRole("button", { name: "Archive", exact: true }).click();
  await expect(page.getByRole("button", { name: "Restore Juniper room" })).toBeVisible();
});

test("a new service's problems are all shown at once, before anything is sent", async ({ page }) => {
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/settings?section=services");
  // On a phone the services table scrolls inside its card; the page itself does not widen.
  await page.setViewportSize(VIEWPORTS.phone);
  await expect(page.getByRole("table")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize(VIEWPORTS.laptop);
  await page.getByRole("button", { name: "Add a service" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a service" });
  await dialog.getByLabel("Length (minutes)").fill("");
  await dialog.getByLabel("Buffer after (min)").fill("999");
  await dialog.getByRole("button", { name: "Add service" }).click();
  await expect(dialog.getByText("Enter some text.")).toBeVisible();
  await expect(dialog.getByText("Fill this in.")).toBeVisible();
  await expect(dialog.getByText("Enter 240 or less.")).toBeVisible();
  await shoot(page, "settings-service-errors");
});

test("the consent editor shows every problem at once, before publishing anything", async ({ page }) => {
  let puts = 0;
  page.on("request", (request) => {
    if (request.method() === "PUT" && request.url().endsWith("/api/consent")) puts++;
  });
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/consent/edit");
  await page.getByLabel("Title").fill("");
  await page.getByLabel("Text").first().fill("");
  await page.getByRole("button", { name: /Publish as version/ }).click();
  await expect(page.locator("main").getByText(/title/i).and(page.locator(".kw-field__error"))).toBeVisible();
  await expect(page.locator(".kw-field__error")).toHaveCount(2);
  expect(puts).toBe(0);
  await shoot(page, "consent-editor-errors");
});

test("sign-in shows every field's problem at once, in plain words, before asking the server", async ({
  page,
}) => {
  let logins = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/auth/login")) logins++;
  });
  await page.goto("/sign-in");
  // zod arrives just after the page shows; wait for it like a person would take a moment to type.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("E-mail").fill("not-an-address");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter a valid e-mail address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  expect(logins).toBe(0);
  await shoot(page, "sign-in-errors");

  await page.getByLabel("E-mail").fill("owner@knotwork.test");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  expect(logins).toBe(1);
});

test("the finder's marks ride through a muscle page to booking", async ({ page }) => {
  await page.goto("/atlas/upper-trapezius?side=left&regions=temple-left:6,neck-posterior-left:4");
  await expect(page.getByRole("link", { name: "Book a session" })).toHaveAttribute(
    "href",
    "/book?regions=temple-left:6,neck-posterior-left:4",
  );
});

test("signed-in pages: portal and clients, with grapheme-aware initials in the account menu", async ({
  page,
}) => {
  await signIn(page, "client@knotwork.test");
  await expect(page.getByRole("heading", { name: "Upcoming appointments" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shoot(page, "portal-home");
  // The account menu shows the client's initials (whole graphemes).
  await page.getByRole("button", { name: /Account menu for/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  // Signed out: the public navigation is back.
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sign in" }),
  ).toBeVisible();

  await signIn(page, "owner@knotwork.test");
  await page.getByRole("link", { name: "Clients" }).first().hover();
  await page.getByRole("link", { name: "Clients" }).first().click();
  await expect(page.locator('main a[href^="/app/clients/"]').first()).toBeVisible();
  await shoot(page, "clients");
  await page.locator('main a[href^="/app/clients/"]').first().click();
  await expect(page.getByRole("heading", { name: "Contact" })).toBeVisible();
  await shoot(page, "client-page");
  await page.goto("/app/settings");
  await expect(page.getByLabel("Minimum notice (minutes)")).toBeVisible();
  await shoot(page, "settings-policies");
});

test("time off shows its problems beside the fields before sending, and starts afresh once saved", async ({
  page,
}) => {
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/settings");
  await page.getByRole("button", { name: "Hours and time off" }).click();
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/time-off")) requests.push(r.url());
  });

  // Until before from: said beside "Until time", in plain words, and nothing is sent.
  const tomorrow = await page
    .getByLabel("From date")
    .inputValue()
    .then((d) => {
      const next = new Date(`${d}T12:00:00Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      return next.toISOString().slice(0, 10);
    });
  await page.getByLabel("From date").fill(tomorrow);
  await page.getByRole("button", { name: "Add time off" }).click();
  await expect(page.getByText("The end must be after the start.")).toBeVisible();
  await expect(page.getByLabel("Until time")).toHaveAttribute("aria-invalid", "true");
  expect(requests).toHaveLength(0);

  // A whole day is saved, listed, and the form is back to its defaults.
  await page.getByLabel("Until date").fill(tomorrow);
  await page.getByLabel("Reason (optional, staff only)").fill("Course");
  await page.getByRole("button", { name: "Add time off" }).click();
  await expect(page.getByText("· Course")).toBeVisible();
  await expect(page.getByLabel("Reason (optional, staff only)")).toHaveValue("");
  expect(requests).toHaveLength(1);
});
