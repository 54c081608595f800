import { type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

// One story in order: the owner gives a therapist a day off; the calendar and online booking show it.
test.describe.configure({ mode: "serial" });

const ZONE = "America/Boise";
const SLUG = "demo";

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

async function ownerPage(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, timezoneId: ZONE });
  const page = await context.newPage();
  await signIn(page, "owner@knotwork.test");
  return page;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function longDay(date: string): string {
  return new Intl.DateTimeFormat("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}

function overridesCard(page: Page) {
  return page.locator("section", { has: page.getByRole("heading", { name: "Date overrides", exact: true }) });
}

/** What the story shares between steps: the therapist, the day off, a service to book. */
const story = { therapistId: "", therapistName: "", date: "", serviceId: "" };

/** The booking page's day strip, opened on `date` for one therapist, signed out. */
async function bookingDay(browser: Browser, date: string) {
  const context = await browser.newContext({ viewport: VIEWPORTS.laptop, timezoneId: ZONE });
  const page = await context.newPage();
  await page.goto(
    `/c/${SLUG}/book?service=${story.serviceId}&therapist=${story.therapistId}&day=${date}&step=time`,
  );
  const days = page.getByRole("list", { name: "Days" });
  await expect(days.getByRole("button", { name: /open times/ }).first()).toBeVisible();
  return { page, day: days.getByRole("button", { name: new RegExp(`^${longDay(date)}:`) }) };
}

test("before: the chosen day offers times with the therapist", async ({ browser }) => {
  const page = await ownerPage(browser, VIEWPORTS.laptop);
  const today = await page.evaluate(() =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "America/Boise" }).format(new Date()),
  );
  const therapists = (await (await page.request.get("/api/clinic/therapists")).json()) as {
    id: string;
    displayName: string;
  }[];
  const first = therapists[0];
  if (!first) throw new Error("the demo has therapists");
  story.therapistId = first.id;
  story.therapistName = first.displayName;
  const hours = (await (await page.request.get(`/api/clinic/therapists/${first.id}/hours`)).json()) as {
    hours: { weekday: number }[];
  };
  // A working weekday a few days out: past any notice period, inside the booking horizon.
  for (let offset = 3; offset < 14 && !story.date; offset++) {
    const candidate = addDays(today, offset);
    const weekday = new Date(`${candidate}T12:00:00Z`).getUTCDay();
    if (hours.hours.some((h) => h.weekday === weekday)) story.date = candidate;
  }
  expect(story.date).not.toBe("");
  const clinic = (await (await page.request.get(`/api/public/clinics/${SLUG}`)).json()) as {
    services: { id: string; kind: string }[];
  };
  story.serviceId = (clinic.services.find((s) => s.kind === "session") ?? clinic.services[0])?.id ?? "";
  await page.context().close();

  const { page: booking, day } = await bookingDay(browser, story.date);
  await expect(day).toHaveAttribute("aria-label", /: \d+ open times$/);
  await booking.context().close();
});

test("the owner adds a day off for a therapist in settings, with the API's errors at the field", async ({
  browser,
}) => {
  const page = await ownerPage(browser, VIEWPORTS.laptop);
  await page.goto("/app/settings?section=hours");
  await page.getByLabel("Therapist", { exact: true }).selectOption(story.therapistId);
  const card = overridesCard(page);
  await expect(card.getByRole("heading", { name: "Add a date override" })).toBeVisible();

  // Custom hours that end before they start: the form says so at the hours, before sending.
  await card.getByLabel("Date", { exact: true }).fill(story.date);
  await card.getByLabel("Working these hours").check();
  await card.getByLabel("Hours 1 from").fill("17:00");
  await card.getByLabel("Hours 1 until").fill("09:00");
  await card.getByRole("button", { name: "Add date override" }).click();
  await expect(card.getByText("The end must be after the start.", { exact: true })).toBeVisible();
  await expect(card.getByLabel("Hours 1 until")).toHaveAttribute("aria-invalid", "true");
  await expect(card.getByLabel("Hours 1 until")).toBeFocused();

  // Overlapping hours: only the server checks that; its answer lands on the second row.
  await card.getByLabel("Hours 1 from").fill("09:00");
  await card.getByLabel("Hours 1 until").fill("13:00");
  await card.getByRole("button", { name: "+ More hours that day" }).click();
  await card.getByLabel("Hours 2 from").fill("12:00");
  await card.getByLabel("Hours 2 until").fill("15:00");
  await card.getByRole("button", { name: "Add date override" }).click();
  await expect(card.getByText("Intervals on one day must not overlap.", { exact: true })).toBeVisible();
  await expect(card.getByLabel("Hours 2 from")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await shot(page, "calendar-admin-overrides-errors-laptop");

  // The day off.
  await card.getByLabel("Not working (day off, holiday)").check();
  await card.getByLabel("Note (optional, staff only)").fill("Day off");
  await card.getByRole("button", { name: "Add date override" }).click();
  await expect(card.getByText(/^Saved: .*not working\.$/)).toBeVisible();
  const list = card.getByRole("list", { name: `${story.therapistName}'s date overrides` });
  await expect(list.getByRole("listitem")).toContainText(["Not working · Day off"]);
  await expectNoAxeViolations(page);
  await shot(page, "calendar-admin-overrides-laptop");
  await page.context().close();
});

test("the calendar shades the day off, and says so in words", async ({ browser }) => {
  const page = await ownerPage(browser, VIEWPORTS.laptop);
  await page.goto(`/app/calendar?date=${story.date}`);
  const column = page.getByRole("region", { name: new RegExp(`^${story.therapistName}, `) });
  // Closed by the override, told apart from ordinary off-hours: in words and as a labelled band.
  await expect(column).toHaveAttribute("aria-label", /: not working; closed: Day off \d{1,2}:\d\d [AP]M–/);
  await expect(column).toHaveAttribute("data-working", "none");
  await expect(column.locator('[data-kind="closed"]').getByText("Closed: Day off")).toBeVisible();
  // Someone else still works that day: their column says their hours.
  await expect(page.getByRole("region", { name: /: working \d/ }).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "calendar-admin-calendar-laptop");
  // A week: each day's column is shaded where nobody works, and says when the clinic is open.
  await page.goto(`/app/calendar?date=${story.date}&view=week`);
  await expect(
    page.getByRole("region", { name: new RegExp(`^${longDay(story.date)}: open \\d`) }),
  ).toBeVisible();
  await shot(page, "calendar-admin-week-laptop");
  await page.goto(`/app/calendar?date=${story.date}`);
  await page.setViewportSize(VIEWPORTS.tablet);
  await expect(column).toHaveAttribute("data-working", "none");
  await shot(page, "calendar-admin-calendar-tablet");
  await page.context().close();

  // On a phone, the agenda says it for the therapist chosen.
  const phone = await ownerPage(browser, VIEWPORTS.phone);
  await phone.goto(`/app/calendar?date=${story.date}&col=${story.therapistId}`);
  await expect(
    phone.getByText(new RegExp(`^${story.therapistName} is not working this day\\. Closed: Day off \\(`)),
  ).toBeVisible();
  await expectNoAxeViolations(phone);
  await shot(phone, "calendar-admin-calendar-phone");
  await phone.context().close();
});

test("time off reads apart from off-hours and a closed day, as a band and in words", async ({ browser }) => {
  const page = await ownerPage(browser, VIEWPORTS.laptop);
  const hours = (await (
    await page.request.get(`/api/clinic/therapists/${story.therapistId}/hours`)
  ).json()) as {
    hours: { weekday: number }[];
  };
  // The therapist's next working day after the closed one.
  let date = "";
  for (let offset = 1; offset < 8 && !date; offset++) {
    const candidate = addDays(story.date, offset);
    if (hours.hours.some((h) => h.weekday === new Date(`${candidate}T12:00:00Z`).getUTCDay()))
      date = candidate;
  }
  await page.goto("/app/settings?section=hours");
  await page.getByLabel("Therapist", { exact: true }).selectOption(story.therapistId);
  await page.getByLabel("From date").fill(date);
  await page.getByLabel("From time").fill("13:00");
  await page.getByLabel("Until date").fill(date);
  await page.getByLabel("Until time").fill("23:59");
  await page.getByLabel("Reason (optional, staff only)").fill("Dentist");
  await page.getByRole("button", { name: "Add time off" }).click();
  await expect(page.getByRole("button", { name: /^Remove time off from / })).toBeVisible();

  await page.goto(`/app/calendar?date=${date}`);
  const column = page.getByRole("region", { name: new RegExp(`^${story.therapistName}, `) });
  await expect(column).toHaveAttribute("aria-label", /: working \d.*; time off 1:00 PM–\d/);
  await expect(column).toHaveAttribute("data-working", "some");
  const band = column.locator('[data-kind="time-off"]');
  await expect(band).toHaveCount(1);
  await expect(band.getByText("Time off", { exact: true })).toBeVisible();
  // Ordinary off-hours stay the plain hatch, without a label.
  await expect(column.locator('[data-kind="off-hours"]').first()).toBeAttached();
  await expect(page.getByRole("list", { name: "Colours" }).getByText("Time off")).toBeVisible();
  await expectNoAxeViolations(page);
  await shot(page, "calendar-admin-time-off-laptop");
  await page.setViewportSize(VIEWPORTS.tablet);
  await expect(band).toBeVisible();
  await shot(page, "calendar-admin-time-off-tablet");
  await page.goto(`/app/calendar?date=${date}&view=week`);
  // Others work that afternoon, so the clinic's day loses nothing to the time off.
  await expect(
    page.getByRole("region", { name: new RegExp(`^${longDay(date)}: open \\d`) }),
  ).not.toHaveAttribute("aria-label", /time off/);
  await shot(page, "calendar-admin-time-off-week-tablet");
  await page.context().close();

  const phone = await ownerPage(browser, VIEWPORTS.phone);
  await phone.goto(`/app/calendar?date=${date}&col=${story.therapistId}`);
  await expect(phone.getByText(/^Working \d.*\. Time off 1:00 PM–\d/)).toBeVisible();
  await expectNoAxeViolations(phone);
  await shot(phone, "calendar-admin-time-off-phone");
  await phone.goto("/app/settings?section=hours");
  await phone.getByLabel("Therapist", { exact: true }).selectOption(story.therapistId);
  await phone.getByRole("button", { name: /^Remove time off from / }).click();
  await expect(phone.getByText("No time off planned.")).toBeVisible();
  await phone.context().close();
});

test("online booking offers no times that day with that therapist", async ({ browser }) => {
  const { page, day } = await bookingDay(browser, story.date);
  await expect(day).toHaveAttribute("aria-label", `${longDay(story.date)}: no open times`);
  await expect(day).toBeDisabled();
  await expectNoAxeViolations(page);
  await page.context().close();
});

test("settings at tablet and phone size, and removing the day off gives the times back", async ({
  browser,
}) => {
  for (const [name, viewport] of [
    ["phone", VIEWPORTS.phone],
    ["tablet", VIEWPORTS.tablet],
  ] as const) {
    const page = await ownerPage(browser, viewport);
    await page.goto("/app/settings?section=hours");
    await page.getByLabel("Therapist", { exact: true }).selectOption(story.therapistId);
    await expect(page.getByRole("list", { name: `${story.therapistName}'s date overrides` })).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, `calendar-admin-overrides-${name}`);
    await overridesCard(page).screenshot({
      path: `${SCREENSHOT_DIR}/calendar-admin-overrides-card-${name}.png`,
    });
    if (name === "tablet") {
      const card = overridesCard(page);
      // The day off becomes a late afternoon and evening: the list and the calendar follow.
      await card.getByRole("button", { name: /^Edit / }).click();
      await expect(card.getByRole("heading", { name: /^Change / })).toBeVisible();
      await card.getByLabel("Working these hours").check();
      await card.getByLabel("Hours 1 from").fill("14:00");
      await card.getByLabel("Hours 1 until").fill("21:00");
      await card.getByRole("button", { name: "Save changes" }).click();
      await expect(card.getByText(/^Saved: .*2:00 PM–9:00 PM\.$/)).toBeVisible();
      await page.goto(`/app/calendar?date=${story.date}`);
      const column = page.getByRole("region", { name: new RegExp(`^${story.therapistName}, `) });
      await expect(column).toHaveAttribute("aria-label", /: working 2:00 PM–9:00 PM; /);
      // The grid reaches 9 PM so the evening is on screen.
      await expect(page.getByText("8 PM", { exact: true })).toBeVisible();
      await shot(page, "calendar-admin-evening-tablet");
      await page.goto("/app/settings?section=hours");
      await page.getByLabel("Therapist", { exact: true }).selectOption(story.therapistId);
      await card.getByRole("button", { name: /^Remove / }).click();
      await expect(card.getByText(/^Removed: .*The weekly hours apply again\.$/)).toBeVisible();
      await expect(
        card.getByText(`No date overrides for ${story.therapistName} from today on.`),
      ).toBeVisible();
    }
    await page.context().close();
  }
  const { page, day } = await bookingDay(browser, story.date);
  await expect(day).toHaveAttribute("aria-label", /: \d+ open times$/);
  await page.context().close();
});
