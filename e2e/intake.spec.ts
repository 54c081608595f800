import { type Browser, expect, type Page, test } from "@playwright/test";
import {
  answer,
  expectNoAxeViolations,
  next,
  noToTheRest,
  question,
  SCREENSHOT_DIR,
  signIn,
  VIEWPORTS,
} from "./helpers";

// One story in order: a new client's first visit through intake, hold, consent, clearance and confirmation.
test.describe.configure({ mode: "serial" });

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: VIEWPORTS.phone,
    timezoneId: "America/Boise",
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  return context.newPage();
}

const stamp = Date.now();
const casey = { first: "Casey", last: `Intake${stamp % 100000}`, email: `casey.intake.${stamp}@example.com` };

test("a new client requests a first visit, fills the intake on a phone (a reload loses nothing), reports recent surgery and is put on hold", async ({
  browser,
}) => {
  const page = await phonePage(browser);

  // The booking screens: a first visit, the first open time, an account made on the way.
  await page.goto("/book");
  await page.getByRole("button", { name: /First visit: consultation and treatment/ }).click();
  const times = page.getByRole("list", { name: /(Morning|Afternoon|Evening) times/ }).getByRole("button");
  await times.first().click();
  await page.getByLabel("First name").fill(casey.first);
  await page.getByLabel("Last name").fill(casey.last);
  await page.getByLabel("E-mail").fill(casey.email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account and continue" }).click();
  await page.getByRole("button", { name: "Request this time" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request sent");
  // The link goes straight to the questionnaire (it says so).
  await page.getByRole("link", { name: "Go to your intake" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your pain");
  await page.goto("/app");

  // The portal says what to do before the first visit.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${casey.first}`);
  await expect(page.getByRole("heading", { name: "Before your first visit" })).toBeVisible();
  await expect(page.getByText("First visit: consultation and treatment")).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "portal-new-client-phone");
  await page.getByRole("link", { name: "Start the questionnaire" }).click();

  // Step 1: their pain, with the body map.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your pain");
  await expect(page.getByText("Step 1 of 7")).toBeVisible();
  await page
    .getByLabel("What brings you in?")
    .fill("Headaches at my left temple after long days at the desk.");
  await page.getByRole("tab", { name: "Head" }).click();
  await page.getByRole("button", { name: "Temple (left)", exact: true }).click();
  await expect(page.getByRole("button", { name: "Temple (left)", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.keyboard.press("7");
  await expect(page.getByText("Temple (left) · 7/10")).toBeVisible();
  await answer(page, "How bad is the pain right now?", "3");
  await answer(page, "How bad is it at its best (on a good day)?", "1");
  await answer(page, "How bad is it at its worst?", "8");
  await question(page, "How long have you had it?").getByLabel("How many").fill("4");
  await answer(page, "How long have you had it?", "Months");
  await answer(page, "What seems to bring it on or make it worse?", "Desk or computer work");
  await answer(page, "Have you had any treatment for this before?", "No");
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "intake-1-your-pain-phone");

  // Step 2: the red-flag questions; none applies.
  await next(page, "A few important safety questions");
  await noToTheRest(page);
  await expectNoAxeViolations(page);

  // Step 3: health. Recent surgery: yes, with what and when.
  await next(page, "Your health");
  const surgery = question(page, /an operation in the last 6 weeks/);
  await surgery.getByText("Yes", { exact: true }).click();
  await expect(page.getByText(/Your body is still healing from surgery/)).toBeVisible();
  await page.getByLabel("Tell us more (optional)").fill("Knee arthroscopy, three weeks ago");
  await noToTheRest(page);
  await expectNoAxeViolations(page);
  await shot(page, "intake-3-health-hold-phone");

  // Half-way: reload at once, before the pause after typing is over. Nothing is lost.
  await page.getByLabel("Tell us more (optional)").fill("Knee arthroscopy, three weeks ago (right knee)");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your health");
  await expect(
    question(page, /an operation in the last 6 weeks/).getByRole("radio", { name: "Yes" }),
  ).toBeChecked();
  await expect(page.getByLabel("Tell us more (optional)")).toHaveValue(
    "Knee arthroscopy, three weeks ago (right knee)",
  );
  await expect(
    question(page, /broken a bone or dislocated a joint/).getByRole("radio", { name: "No" }),
  ).toBeChecked();
  await page.getByRole("button", { name: "Back" }).click();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your pain");
  await expect(page.getByLabel("What brings you in?")).toHaveValue(/left temple/);
  await expect(page.getByText("Temple (left) · 7/10")).toBeVisible();
  await expect(question(page, "How bad is it at its worst?").getByRole("radio", { name: "8" })).toBeChecked();
  await next(page, "A few important safety questions");
  await next(page, "Your health");

  // The rest.
  await next(page, "Medicines");
  await answer(page, /Do you take a blood thinner/, "No");
  await next(page, "Pregnancy");
  await answer(page, "Are you pregnant?", "Doesn't apply to me");
  await next(page, "Your goals");
  await page
    .getByLabel(/What would you like to be able to do again/)
    .fill("Work a full day without a headache.");
  await next(page, "Check and send");
  await expect(page.getByText(/All done/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Send to the clinic" }).click();

  // On hold: talk to a doctor first, and what happens next.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you. One thing before your visit");
  await expect(
    page.getByRole("heading", { name: "Talk to your doctor before trigger point massage" }),
  ).toBeVisible();
  await expect(page.getByText("What happens next")).toBeVisible();
  await expect(page.getByText(/Recent surgery\./)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "intake-result-hold-phone");

  // Consent: typed name, and the portal shows both steps.
  await page.getByRole("link", { name: "Read and sign" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consent to trigger point massage");
  await expectNoAxeViolations(page);
  await shot(page, "consent-phone");
  await page.getByRole("button", { name: "I agree and sign" }).click();
  await expect(page.getByText("Please type your full name.")).toBeVisible();
  await page.getByLabel("Type your full name to sign").fill(`${casey.first} ${casey.last}`);
  await page.getByRole("button", { name: "I agree and sign" }).click();
  await expect(page.getByRole("heading", { name: "Signed" })).toBeVisible();
  await expect(page.getByText(`Signed as ${casey.first} ${casey.last}`)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Back to my page" }).click();
  await expect(page.getByText("Waiting")).toBeVisible();
  await expect(page.getByText(/Please talk to your doctor before trigger point massage/)).toBeVisible();
  await expect(page.getByText(/Signed .* \(version 1\)/)).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "portal-on-hold-phone");
  await page.context().close();
});

test("the front desk cannot confirm the visit until they record the doctor's clearance, then confirms it", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.laptop, timezoneId: "America/Boise" });
  const page = await context.newPage();
  await signIn(page, "desk@knotwork.test");
  const name = `${casey.first} ${casey.last}`;

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
  const request = page.getByRole("listitem", { name: new RegExp(`^${name},`) });
  await request.getByRole("button", { name: `Confirm ${name}` }).click();
  await expect(request.getByRole("alert")).toContainText("Not confirmed.");
  await expect(request).toContainText(/On hold: Recent surgery/);

  // The client page: the hold stands out; the desk sees flags and readiness, not the answers.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" }).click();
  await page.getByLabel("Search clients").fill(casey.last);
  await page.getByRole("link", { name: `${casey.last}, ${casey.first}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  const hold = page.getByTestId("finding-hold");
  await expect(hold).toContainText("On hold");
  await expect(hold).toContainText("Recent surgery");
  await expect(
    page.getByText("Only the client's therapist and the owner read the answers.", { exact: false }),
  ).toBeVisible();
  await expect(page.getByText("Pain at worst")).toHaveCount(0);
  await expect(page.getByText("Knee arthroscopy, three weeks ago (right knee)")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, "client-intake-hold-laptop");

  await hold.getByRole("button", { name: "Record a doctor's clearance…" }).click();
  await page.getByLabel("Cleared by").fill("Dr Amy Lee (orthopaedics)");
  await page.getByLabel("Note").fill("Letter on file: healed well; avoid pressure on the right knee.");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Record clearance" }).click();
  await expect(hold).toContainText("Hold cleared");
  await expect(hold).toContainText("Cleared by Dr Amy Lee (orthopaedics)");
  await expect(page.getByText("Yes: intake submitted, consent signed, nothing on hold.")).toBeVisible();
  await shot(page, "client-intake-cleared-laptop");
  await page.setViewportSize(VIEWPORTS.tablet);
  await shot(page, "client-intake-cleared-tablet");
  await page.setViewportSize(VIEWPORTS.laptop);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests" }).click();
  const again = page.getByRole("listitem", { name: new RegExp(`^${name},`) });
  await again.getByRole("button", { name: `Confirm ${name}` }).click();
  await expect(again.getByText("Confirmed.", { exact: true })).toBeVisible();
  await context.close();
});

test("the client sees the confirmed visit and can download all their data", async ({ browser }) => {
  const page = await phonePage(browser);
  await signIn(page, casey.email, "a long enough password");
  const upcoming = page.locator("section", {
    has: page.getByRole("heading", { name: "Upcoming appointments" }),
  });
  await expect(upcoming.getByText("Confirmed", { exact: true })).toBeVisible();
  // Within the clinic's cancellation window it says to call; before it, it offers the changes.
  await expect(
    upcoming.getByRole("button", { name: "Change time" }).or(upcoming.getByText(/please call the clinic/)),
  ).toBeVisible();
  await expect(page.getByText("Your doctor's okay is on file")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download my data (JSON)" })).toHaveAttribute(
    "href",
    "/api/me/export",
  );
  const download = await page.request.get("/api/me/export");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="knotwork-my-data-/);
  const data = await download.json();
  expect(data.client.lastName).toBe(casey.last);
  expect(data.intakes[0].answers.healthHistory["recent-surgery"]).toEqual({
    answer: true,
    detail: "Knee arthroscopy, three weeks ago (right knee)",
  });
  expect(data.clearances[0].clearedBy).toBe("Dr Amy Lee (orthopaedics)");
  expect(data.consentSignatures[0]).toMatchObject({ version: 1, typedName: `${casey.first} ${casey.last}` });
  expect(data.appointments[0].status).toBe("confirmed");
  await expectNoAxeViolations(page);
  await shot(page, "portal-confirmed-phone");
  await page.context().close();
});

test("a returning client changes or cancels a visit from the portal, within the clinic's policy", async ({
  browser,
}) => {
  const page = await phonePage(browser);
  await signIn(page, "client@knotwork.test");
  await expect(page.getByRole("heading", { name: "Your forms" })).toBeVisible();
  await expect(page.getByText(/Sent .*, 2026|Sent [A-Z][a-z]{2} \d+, \d{4}/)).toBeVisible();
  const upcoming = page.locator("section", {
    has: page.getByRole("heading", { name: "Upcoming appointments" }),
  });
  const later = upcoming
    .locator("li")
    .filter({ has: page.getByRole("button", { name: "Change time" }) })
    .first();
  await expectNoAxeViolations(page);
  await shot(page, "portal-returning-client-phone");

  await later.getByRole("button", { name: "Change time" }).click();
  const move = page.getByRole("dialog", { name: "Change the time" });
  await expect(move.getByRole("list", { name: /(Morning|Afternoon|Evening) times/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/portal-change-time-phone.png` });
  await page.keyboard.press("Escape");
  await expect(move).toHaveCount(0);

  const cancelledItems = page
    .locator("section", { has: page.getByRole("heading", { name: "Cancelled", exact: true }) })
    .getByRole("listitem");
  const cancelledBefore = await cancelledItems.count();
  await later.getByRole("button", { name: "Cancel" }).click();
  const cancel = page.getByRole("dialog", { name: "Cancel this appointment?" });
  await cancel.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(cancel.getByText("Please tell the clinic why, in a few words.")).toBeVisible();
  await expectNoAxeViolations(page);
  await cancel.getByLabel("Why are you cancelling?").fill("Away for work that week.");
  await cancel.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(cancel).toHaveCount(0);
  // A cancelled visit that was still ahead is listed under Cancelled (one more there), not under Past.
  await expect(cancelledItems).toHaveCount(cancelledBefore + 1);
  await page.context().close();
});

test("a client who reports a red flag is stopped with advice to seek care now", async ({ browser }) => {
  const page = await phonePage(browser);
  await page.goto("/sign-up");
  await page.getByLabel("First name").fill("Robin");
  await page.getByLabel("Last name").fill("Redflag");
  await page.getByLabel("E-mail").fill(`robin.redflag.${stamp}@example.com`);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("link", { name: "Start the questionnaire" }).click();
  await page.getByLabel("What brings you in?").fill("Tight chest and upper back.");
  await next(page, "A few important safety questions");

  const chest = question(page, /chest pain, pressure or tightness/);
  await chest.getByText("Yes", { exact: true }).click();
  await expect(chest.locator("..").getByRole("alert")).toContainText("Call 911");
  await page.getByRole("button", { name: "Next" }).click();

  const stop = page
    .getByRole("alert")
    .filter({ has: page.getByRole("heading", { name: "Get medical help now" }) });
  await expect(stop.getByRole("heading", { name: "Get medical help now" })).toBeFocused();
  await expect(stop).toContainText("Call 911 or your local emergency number now.");
  await expect(stop).toContainText("Chest pain that could be the heart");
  await expect(page.getByRole("button", { name: "Next" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await shot(page, "intake-stop-red-flag-phone");

  // A reload keeps them stopped; the clinic can already see it.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Get medical help now" })).toBeVisible();
  await page.context().close();

  const desk = await phonePage(browser);
  await signIn(desk, "desk@knotwork.test");
  await desk.goto("/app/clients");
  await desk.getByLabel("Search clients").fill("Redflag");
  await desk.getByRole("link", { name: "Redflag, Robin" }).click();
  await expect(desk.getByTestId("finding-red-flag")).toContainText("Chest pain that could be the heart");
  await expect(desk.getByTestId("finding-red-flag")).toContainText("reported, not yet submitted");
  await expectNoAxeViolations(desk);
  await shot(desk, "client-red-flag-phone");
  await desk.context().close();
});

test("the owner publishes a new consent version, and a client who signed the old one is asked again", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.laptop, timezoneId: "America/Boise" });
  const page = await context.newPage();
  await signIn(page, "owner@knotwork.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Consent form" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Consent form");
  await expect(page.getByLabel("Title")).toHaveValue("Consent to trigger point massage");
  await page.getByRole("button", { name: "Add a section" }).click();
  await page.getByLabel("Heading").last().fill("Arriving and parking");
  await page
    .getByLabel("Text")
    .last()
    .fill("Please arrive five minutes early; parking is behind the building.");
  await expectNoAxeViolations(page);
  await shot(page, "consent-editor-laptop");
  await page.getByRole("button", { name: "Publish as version 2" }).click();
  await expect(page.getByText("Published version 2.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Publish as version 3" })).toBeVisible();
  await context.close();

  const phone = await phonePage(browser);
  await signIn(phone, "client@knotwork.test");
  await expect(
    phone.getByText("The clinic has updated its consent form. Please read it and sign again."),
  ).toBeVisible();
  await phone.getByRole("link", { name: "Read and sign" }).click();
  await expect(phone.getByText(/We have updated this form since you signed version 1/)).toBeVisible();
  await expect(phone.getByRole("heading", { name: "Arriving and parking" })).toBeVisible();
  await phone.getByLabel("Type your full name to sign").fill("Jordan Lee");
  await phone.getByRole("button", { name: "I agree and sign" }).click();
  await expect(phone.getByText(/Signed as Jordan Lee on .* \(version 2\)/)).toBeVisible();
  await phone.context().close();
});
