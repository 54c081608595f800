import { expect, type Page, test } from "@playwright/test";
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

// One story in order: the front desk books a first visit for a caller with no log-in; a therapist
// fills the intake in with them by phone; the client page shows it, its hold, and that staff entered it.
test.describe.configure({ mode: "serial" });

async function shot(page: Page, name: string, dialog = false): Promise<void> {
  if (!dialog) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: !dialog });
}

const stamp = Date.now();
const caller = { first: "Morgan", last: `Phone${stamp % 100000}` };
const name = `${caller.first} ${caller.last}`;

test("the front desk books a first visit for a new caller, who has no log-in", async ({ browser }) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.laptop, timezoneId: "America/Boise" });
  const page = await context.newPage();
  await signIn(page, "desk@knotwork.test");
  await page.goto("/app/calendar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Calendar");
  await page.keyboard.press("n");
  const dialog = page.getByRole("dialog", { name: "New booking" });
  await dialog.getByRole("button", { name: "+ New client" }).click();
  await dialog.getByLabel("First name").fill(caller.first);
  await dialog.getByLabel("Last name").fill(caller.last);
  await dialog.getByLabel("Phone").fill("555-0142");
  const service = dialog.getByLabel("Service");
  const firstVisit = await service
    .locator("option", { hasText: "First visit" })
    .first()
    .getAttribute("value");
  await service.selectOption(firstVisit ?? "");
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
  const done = page.getByRole("dialog", { name: "Booked" });
  await expect(done.getByText(new RegExp(name))).toBeVisible();
  await page.keyboard.press("Escape");

  // The desk sees the intake is missing, and no button to fill it in (it does not read the answers).
  await page.goto("/app/clients");
  await page.getByLabel("Search clients").fill(caller.last);
  await page.getByRole("link", { name: `${caller.last}, ${caller.first}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("The client has not started the intake questionnaire.")).toBeVisible();
  await expect(page.getByRole("link", { name: /intake \(phone\)/ })).toHaveCount(0);
  await context.close();
});

test("a therapist fills the intake in by phone; the client page shows the answers, the hold and who entered it", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: VIEWPORTS.laptop, timezoneId: "America/Boise" });
  const page = await context.newPage();
  await signIn(page, "therapist@knotwork.test");
  await page.goto("/app/clients");
  await page.getByLabel("Search clients").fill(caller.last);
  await page.getByRole("link", { name: `${caller.last}, ${caller.first}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Fill in intake (phone)" }).click();

  // The client's own steps, for this client, with consent left to the client, worded for the staff
  // member about the client: their name, then "they"/"their", never "you".
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${caller.first}'s pain`);
  await expect(page.getByText(`Tell us what brings ${caller.first} in, in their own words.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: `Where does ${caller.first} feel it?` })).toBeVisible();
  // Only the line about saving speaks to the staff member ("as you go"); nothing asks them as the client.
  const texts = await page.getByRole("main").locator("h1, h2, h3, legend, label, p").allInnerTexts();
  expect(texts.filter((t) => /\b(you|your)\b/i.test(t) && !t.startsWith("About ten minutes"))).toEqual([]);
  await expect(page.getByText(`Intake for ${caller.first}, by phone`)).toBeVisible();
  await expect(page.getByText(/the client signs the informed consent themselves/)).toBeVisible();
  await page
    .getByLabel(`What brings ${caller.first} in?`)
    .fill("Stiff neck since moving house, worse at the computer.");
  await answer(page, "How bad is the pain right now?", "3");
  await answer(page, "How bad is it at its best (on a good day)?", "1");
  await answer(page, "How bad is it at its worst?", "8");
  await question(page, `How long has ${caller.first} had it?`).getByLabel("How many").fill("3");
  await answer(page, `How long has ${caller.first} had it?`, "Weeks");
  await answer(page, "What seems to bring it on or make it worse?", "Desk or computer work");
  await answer(page, `Has ${caller.first} had any treatment for this before?`, "No");
  await page.getByRole("tab", { name: "Head" }).click();
  await page.getByRole("button", { name: "Temple (left)", exact: true }).click();
  await page.keyboard.press("7");
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await expect(
    question(page, "How bad is the pain right now?").getByRole("radio", { name: "3" }),
  ).toBeChecked();
  await expectNoAxeViolations(page);
  for (const [size, label] of [
    [VIEWPORTS.phone, "phone"],
    [VIEWPORTS.tablet, "tablet"],
    [VIEWPORTS.laptop, "laptop"],
  ] as const) {
    await page.setViewportSize(size);
    await shot(page, `staff-intake-step-${label}`);
  }

  // A reload on the way keeps what was entered (the staff draft on the server).
  await page.reload();
  await expect(page.getByLabel(`What brings ${caller.first} in?`)).toHaveValue(/Stiff neck/);
  await expect(
    question(page, "How bad is the pain right now?").getByRole("radio", { name: "3" }),
  ).toBeChecked();

  await next(page, "A few important safety questions");
  await noToTheRest(page);
  await next(page, `${caller.first}'s health`);
  await question(page, /an operation in the last 6 weeks/)
    .getByText("Yes", { exact: true })
    .click();
  await noToTheRest(page);
  await next(page, "Medicines");
  await answer(page, new RegExp(`Does ${caller.first} take a blood thinner`), "No");
  await next(page, "Pregnancy");
  await answer(page, `Is ${caller.first} pregnant?`, "Doesn't apply to them");
  await next(page, `${caller.first}'s goals`);
  await page
    .getByLabel(new RegExp(`What would ${caller.first} like to be able to do again`))
    .fill("Turn my head when driving.");
  await next(page, "Check and send");
  await expect(page.getByText(/Submitting screens Morgan's answers for safety/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Submit the intake" }).click();

  // Back on the client page: answers, the hold the screening put on, and who entered it.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("finding-hold")).toContainText("Recent surgery");
  await expect(page.getByText(/Entered by staff for the client \(a therapist,/)).toBeVisible();
  await expect(page.getByText("Stiff neck since moving house, worse at the computer.")).toBeVisible();
  await expect(page.getByText(/the client signs it at their first visit or in the portal/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Update intake (phone)" })).toBeVisible();
  await expectNoAxeViolations(page);
  for (const [size, label] of [
    [VIEWPORTS.laptop, "laptop"],
    [VIEWPORTS.tablet, "tablet"],
    [VIEWPORTS.phone, "phone"],
  ] as const) {
    await page.setViewportSize(size);
    await shot(page, `staff-intake-client-page-${label}`);
  }
  await expectNoAxeViolations(page);
  await context.close();
});
