import { type Browser, expect, type Page, test } from "@playwright/test";
import { SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

// Pictures of the main pages at a phone, a tablet and a laptop size, to look at before calling a
// layout done (docs/design-system.md). Saved to e2e/screenshots/, which git ignores.

type Size = keyof typeof VIEWPORTS;

async function open(browser: Browser, size: Size, email?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS[size], timezoneId: "America/Boise" });
  const page = await context.newPage();
  if (email) await signIn(page, email);
  return page;
}

async function shot(page: Page, name: string, size: Size): Promise<void> {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/look-${name}-${size}.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    VIEWPORTS[size].width,
  );
}

for (const size of Object.keys(VIEWPORTS) as Size[]) {
  test(`the main pages at ${size} size`, async ({ browser }) => {
    const visitor = await open(browser, size);
    await visitor.goto("/finder");
    const noes = visitor.getByRole("radio", { name: "No", exact: true });
    await expect(noes.first()).toBeVisible();
    for (const radio of await noes.all()) await radio.check();
    await visitor.getByRole("button", { name: "Continue to the body map" }).click();
    await visitor.getByRole("tab", { name: "Back" }).click();
    await visitor
      .getByRole("button", { name: "Over shoulder blade (infraspinous) (right)", exact: true })
      .click();
    await shot(visitor, "finder", size);
    await visitor.goto("/book");
    await expect(visitor.getByRole("heading", { level: 1 })).toBeVisible();
    await shot(visitor, "booking", size);
    await visitor.context().close();

    const client = await open(browser, size, "client@knotwork.test");
    await client.goto("/app/intake?step=your-pain");
    await expect(client.getByRole("heading", { level: 1 })).toHaveText("Your pain");
    await shot(client, "intake", size);
    await client.context().close();

    const desk = await open(browser, size, "desk@knotwork.test");
    await desk.goto("/app/calendar");
    await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Calendar");
    await expect(desk.getByRole("button", { name: /AM|PM/ }).first()).toBeVisible();
    await shot(desk, "calendar", size);
    await desk.context().close();

    const owner = await open(browser, size, "owner@knotwork.test");
    await owner.goto("/app/settings?section=hours");
    await expect(owner.getByRole("heading", { name: "Weekly hours" })).toBeVisible();
    await expect(owner.getByLabel("Monday hours 1 from")).toBeVisible();
    await shot(owner, "settings-hours", size);
    await owner.context().close();
  });
}

// The charting pages (docs/product.md F6): the therapist's chart of today's appointment (trigger
// points and consultation), the client page's session timeline, a signed and amended chart, and the
// client's plain summary in the portal. Phone and tablet with touch, as in the treatment room.
for (const size of Object.keys(VIEWPORTS) as Size[]) {
  test(`the chart pages at ${size} size`, async ({ browser }) => {
    const context = await browser.newContext({
      viewport: VIEWPORTS[size],
      timezoneId: "America/Boise",
      hasTouch: size !== "laptop",
    });
    const therapist = await context.newPage();
    await signIn(therapist, "therapist@knotwork.test");
    // The demo's 10:30 visit with Rita Gomez: e2e/charting.spec.ts charts and signs the day's first
    // one, and other specs add requests to the day on the one server the whole suite shares.
    const day = therapist
      .getByRole("region", { name: /Your day/ })
      .or(therapist.locator("section", { hasText: "Your day" }));
    await day
      .first()
      .getByRole("listitem")
      .filter({ hasText: "Rita Gomez" })
      .filter({ hasText: "10:30" })
      .getByRole("link", { name: "Open chart" })
      .click();
    await expect(therapist.getByRole("heading", { level: 1, name: /^Chart: / })).toBeVisible();
    // The first size starts the chart; the next ones find it started.
    const start = therapist.getByRole("button", { name: "Start chart" });
    const tabs = therapist.getByRole("navigation", { name: "Chart sections" });
    await expect(start.or(tabs)).toBeVisible();
    if (await start.isVisible()) await start.click();
    await tabs.getByRole("button", { name: "Trigger points" }).click();
    await therapist.getByRole("tab", { name: "Back" }).click();
    await expect(therapist.locator('path[data-region="neck-posterior-right"]').first()).toBeVisible();
    await shot(therapist, "chart-points", size);
    await tabs.getByRole("button", { name: "Consultation" }).click();
    await expect(therapist.getByRole("heading", { name: "Posture" })).toBeVisible();
    await shot(therapist, "chart-consultation", size);
    await tabs.getByRole("button", { name: "Note and sign" }).click();
    await expect(therapist.getByLabel("Subjective")).toBeVisible();
    await shot(therapist, "chart-note", size);

    // Jordan's timeline on the client page, then their signed, amended consultation.
    await therapist.goto("/app/clients");
    await therapist.getByRole("searchbox", { name: "Search clients" }).fill("Jordan");
    await therapist.getByRole("link", { name: "Lee, Jordan" }).click();
    const sessions = therapist.locator("section", {
      has: therapist.getByRole("heading", { name: "Sessions" }),
    });
    await expect(sessions).toContainText("Signed, amended");
    await shot(therapist, "client-timeline", size);
    await sessions
      .getByRole("link", { name: /^Open chart/ })
      .last()
      .click();
    await expect(therapist.getByRole("list", { name: "Note history" })).toBeVisible();
    await shot(therapist, "chart-signed", size);
    await context.close();

    const client = await open(browser, size, "client@knotwork.test");
    await client.goto("/app");
    await expect(client.getByText("What to do next").first()).toBeVisible();
    await shot(client, "portal-sessions", size);
    await client.context().close();
  });
}
