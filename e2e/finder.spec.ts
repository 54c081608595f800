import { expect, type Locator, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

/** Answers "No" to every safety question shown in `scope` and moves on with `button`. */
async function answerNoToAll(scope: Locator | Page, button: string): Promise<void> {
  const radios = scope.getByRole("radio", { name: "No", exact: true });
  await expect(radios.first()).toBeVisible();
  for (const radio of await radios.all()) await radio.check();
  await scope.getByRole("button", { name: button }).click();
}

function region(page: Page, name: string): Locator {
  return page.getByRole("button", { name, exact: true });
}

function results(page: Page): Locator {
  return page.getByRole("list", { name: "Likely muscles, best match first" }).getByRole("listitem");
}

test("a visitor answers the safety questions, marks pain by mouse and keyboard, and follows a result to the atlas", async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/finder");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Where does it hurt?");
  await expect(page.getByRole("heading", { name: "First, a few safety questions" })).toBeVisible();
  // The map is not shown before the questions are answered.
  await expect(page.getByRole("tablist", { name: "Body views" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/finder-safety-phone.png`, fullPage: true });

  await answerNoToAll(page, "Continue to the body map");
  await expect(page.getByRole("heading", { name: "Mark where it hurts" })).toBeFocused();
  await expect(page.getByText("Tap where it hurts on the map.")).toBeVisible();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/finder-map-front-phone.png`, fullPage: true });

  // Mouse: the left temple on the zoomed head view.
  await page.getByRole("tab", { name: "Head" }).click();
  await region(page, "Temple (left)").click();
  await expect(region(page, "Temple (left)")).toHaveAttribute("aria-pressed", "true");

  // Marking the head brings the head and neck red-flag questions before any result.
  const more = page.getByTestId("more-questions");
  await expect(more.getByRole("heading", { name: "A few more safety questions" })).toBeVisible();
  await expect(more.getByText(/worst headache of your life/)).toBeVisible();
  await expect(results(page)).toHaveCount(0);
  await answerNoToAll(more, "Show the muscles");
  await expect(results(page).first()).toBeVisible();
  const afterTemple = await results(page).allInnerTexts();
  expect(afterTemple[0]).toMatch(/Left side/);

  // Keyboard: focus the back of the neck, mark it with Enter, set intensity 4 with the digit key.
  const neck = region(page, "Back of neck (left)");
  await neck.focus();
  await page.keyboard.press("Enter");
  await expect(neck).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("4");
  await expect(neck.locator("desc")).toHaveText("intensity 4");
  // Arrow keys move between regions: the next Enter marks another one.
  await page.keyboard.press("ArrowUp");
  await expect(neck).not.toBeFocused();

  // The list updated: upper trapezius (left) explains both and is near the top.
  const names = (await results(page).getByRole("heading", { level: 3 }).allInnerTexts()).slice(0, 3);
  expect(names).toContain("Upper trapezius");
  const trap = results(page).filter({ hasText: "Upper trapezius" }).first();
  await expect(trap).toContainText("Left side");
  await expect(trap).toContainText("Temple (left)");
  await expect(trap).toContainText("Main pain area:");
  await expect(trap).toContainText("Back of neck (left)");
  expect(await results(page).allInnerTexts()).not.toEqual(afterTemple);

  // Marks live in the URL; a reload keeps them (and the answers, for this tab).
  await expect(page).toHaveURL(/[?&]regions=temple-left:5,neck-posterior-left:4$/);
  await page.reload();
  await expect(region(page, "Temple (left)")).toHaveAttribute("aria-pressed", "true");
  await expect(results(page).first()).toBeVisible();

  await expectNoAxeViolations(page);
  await page.getByRole("tab", { name: "Head" }).click();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/finder-map-head-phone.png`, fullPage: true });
  await page.getByRole("tab", { name: "Back" }).click();
  await expect(region(page, "Back of neck (left)")).toHaveAttribute("aria-pressed", "true");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/finder-map-back-phone.png`, fullPage: true });
  await page.getByRole("tab", { name: "Front" }).click();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/finder-map-front-marked-phone.png`, fullPage: true });

  // Booking carries the marks; signing in first comes back to booking with them.
  await expect(page.getByRole("link", { name: "Book a session for these" })).toHaveAttribute(
    "href",
    "/book?regions=temple-left:5,neck-posterior-left:4",
  );
  await expect(page.getByRole("link", { name: "Sign in", exact: true }).last()).toHaveAttribute(
    "href",
    `/sign-in?next=${encodeURIComponent("/book?regions=temple-left:5,neck-posterior-left:4")}`,
  );

  await trap.getByRole("link", { name: "Upper trapezius" }).click();
  // The result carries the marks on, so "Book a session" there books for them (side stays the chosen one).
  await expect(page).toHaveURL(
    /\/atlas\/upper-trapezius\?regions=temple-left:5,neck-posterior-left:4&side=left$/,
  );
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upper trapezius");
  await expect(page.getByRole("heading", { name: "Where it sends pain" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a red-flag yes stops the finder with advice to get care, and no results", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/finder");
  const question = page.getByRole("group", { name: /weakness or numbness on one side/ });
  await question.getByRole("radio", { name: "Yes" }).click();

  const stop = page.getByRole("alert");
  await expect(stop.getByRole("heading", { name: "Get medical help now" })).toBeFocused();
  await expect(stop).toContainText("Call 911 or your local emergency number now.");
  await expect(stop).toContainText("You answered yes to:");
  await expect(page.getByRole("tablist", { name: "Body views" })).toHaveCount(0);
  await expect(page.getByRole("radio")).toHaveCount(0);
  await expect(page.getByText("Muscles commonly associated with pain here")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/finder-stop-phone.png`, fullPage: true });

  // It stays stopped on a reload, even with marks in the link.
  await page.goto("/finder?regions=temple-left:6");
  await expect(page.getByRole("heading", { name: "Get medical help now" })).toBeVisible();

  // A mistaken yes can be taken back; the questions come again.
  await page.getByRole("button", { name: "I answered yes by mistake" }).click();
  await expect(page.getByRole("heading", { name: "First, a few safety questions" })).toBeVisible();
  await expect(question.getByRole("radio", { name: "Yes" })).not.toBeChecked();
});

test("an urgent (not emergency) red flag for a marked calf says to see a doctor today", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/finder?regions=calf-right:7");
  await page
    .getByRole("group", { name: /legs \(calf or thigh\) newly swollen/ })
    .getByRole("radio", { name: "Yes" })
    .click();
  const stop = page.getByRole("alert");
  await expect(stop.getByRole("heading", { name: "See a doctor first" })).toBeVisible();
  await expect(stop).toContainText("don't rub or massage that leg");
});

test("the finder on a laptop: map and results side by side, marks from a shared link", async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.laptop);
  await page.goto("/finder?regions=temple-left:6,neck-posterior-left:4,shoulder-top-left:5");
  // The questions for the marked head and neck are asked up front.
  await expect(page.getByText(/worst headache of your life/)).toBeVisible();
  await answerNoToAll(page, "Continue to the body map");
  await expect(results(page).first()).toContainText("Upper trapezius");
  const map = await page.getByRole("region", { name: "Mark where it hurts" }).boundingBox();
  const side = await page
    .getByRole("region", { name: "Muscles commonly associated with pain here" })
    .boundingBox();
  expect(map && side && side.x > map.x + map.width - 1).toBe(true);
  await page.getByRole("tab", { name: "Back" }).click();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/finder-laptop.png` });
});

test("staff reach the same finder from the app's navigation, without the booking prompt", async ({
  page,
}) => {
  await page.setViewportSize(VIEWPORTS.laptop);
  await signIn(page, "therapist@knotwork.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pain finder" }).click();
  await expect(page).toHaveURL(/\/finder$/);
  await answerNoToAll(page, "Continue to the body map");
  await page.getByRole("tab", { name: "Back" }).click();
  await region(page, "Low back (lumbar) (right)").click();
  // The low back brings its own red-flag questions (saddle numbness, …), for staff too.
  await answerNoToAll(page.getByTestId("more-questions"), "Show the muscles");
  await expect(results(page).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Book a session for these" })).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Clients" }),
  ).toBeVisible();
});

test("once loaded, the finder keeps working offline, and so does opening a result", async ({
  page,
  context,
}) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await page.goto("/finder");
  await answerNoToAll(page, "Continue to the body map");
  await expect(page.getByRole("tab", { name: "Front" })).toBeVisible();
  // The atlas pages' code is fetched once the body map shows; go offline only when it is in.
  await expect(page.locator("[data-offline-ready]")).toHaveCount(1);

  await context.setOffline(true);
  await page.getByRole("tab", { name: "Feet" }).click();
  await region(page, "Heel (back and underside) (right)").first().click();
  await answerNoToAll(page.getByTestId("more-questions"), "Show the muscles");
  const first = results(page).first();
  await expect(first).toContainText("Right side");
  await expect(results(page).filter({ hasText: "Soleus" })).toHaveCount(1);
  await results(page).filter({ hasText: "Soleus" }).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Soleus/);
  await expect(page.getByRole("heading", { name: "Treat it yourself" })).toBeVisible();
  await context.setOffline(false);
});
