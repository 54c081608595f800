/**
 * Charting a session on a tablet (docs/product.md F6): the therapist opens today's appointment from
 * their day, taps three trigger points on the body chart, runs a 30 s hold on the fake clock, marks a
 * referral and a release, writes and signs the note; after a reload the chart is the same; then the
 * amendment flow, and a walk to the client page's timeline. axe checks every state.
 */
import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, signIn, VIEWPORTS } from "./helpers";

test.use({ viewport: VIEWPORTS.tablet, hasTouch: true });

/** Tap a region of the body map where it is really on top (its box's centre may lie on a neighbour). */
async function tapRegion(page: Page, regionId: string): Promise<void> {
  const region = page.locator(`path[data-region="${regionId}"]`).first();
  await region.scrollIntoViewIfNeeded();
  const spot = await region.evaluate((path) => {
    const box = path.getBoundingClientRect();
    for (let i = 1; i < 10; i++) {
      for (let j = 1; j < 10; j++) {
        const x = box.left + (box.width * i) / 10;
        const y = box.top + (box.height * j) / 10;
        const hit = document.elementFromPoint(x, y);
        const key = (path as SVGPathElement).dataset.key;
        if (hit && hit instanceof SVGElement && hit.dataset.key === key) return { x, y };
      }
    }
    return null;
  });
  if (!spot) throw new Error(`No tappable spot on ${regionId}`);
  await page.touchscreen.tap(spot.x, spot.y);
}

async function chooseFirstMuscle(page: Page): Promise<string> {
  const muscle = page.getByRole("group", { name: "Muscle" }).getByRole("radio").first();
  await muscle.check();
  return (await muscle.locator("xpath=..").innerText()).replace(" ★", "").trim();
}

test("a therapist charts today's session on a tablet, signs it, and amends it", async ({ page }) => {
  // The whole visit in one test (chart, hold, sign, amend a note and a point, timeline): on a busy
  // machine it takes longer than the default minute.
  test.slow();
  await page.clock.install();
  await signIn(page, "therapist@knotwork.test");

  const day = page
    .getByRole("region", { name: /Your day/ })
    .or(page.locator("section", { hasText: "Your day" }));
  await day.first().getByRole("link", { name: "Open chart" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: /^Chart: / })).toBeVisible();
  const clientName = ((await page.getByRole("heading", { level: 1 }).innerText()) ?? "").replace(
    "Chart: ",
    "",
  );
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Start chart" }).click();
  await page.getByRole("button", { name: "Trigger points" }).click();
  await page.getByRole("tab", { name: "Back" }).click();

  // Three points: each tap opens the new point's record; choose its muscle.
  const muscles: string[] = [];
  for (const region of ["neck-posterior-right", "arm-lateral-right", "calf-left"]) {
    await tapRegion(page, region);
    await expect(page.getByText("Choose the muscle: the point is saved once it has one.")).toBeVisible();
    muscles.push(await chooseFirstMuscle(page));
    await page.getByRole("button", { name: "Done", exact: true }).click();
  }
  const list = page.getByRole("list", { name: "Trigger points" });
  await expect(list.getByRole("listitem")).toHaveCount(3);

  // The first point: a 30 s hold on the fake clock, a referral, a full release.
  await list.getByRole("button").first().click();
  await page.getByRole("group", { name: "Hold for" }).getByRole("radio", { name: "30 s" }).check();
  await page.getByRole("button", { name: "Start 30 s hold" }).click();
  await page.clock.runFor(10_000);
  await expect(page.getByRole("timer")).toHaveAccessibleName("20 seconds left");
  await page.clock.runFor(20_500);
  await expect(page.getByText("Hold complete: 30 s recorded.")).toBeVisible();
  await expect(page.getByText("Held on this point: 0:30")).toBeVisible();

  await page.getByRole("button", { name: "Mark referral on the map" }).click();
  await tapRegion(page, "thigh-lateral-right");
  await page.getByRole("button", { name: "Done marking referral" }).click();
  await expect(page.getByRole("group", { name: "Referred pain reproduced" })).toContainText(
    "Outer thigh (right)",
  );
  await page.getByRole("group", { name: "Release" }).getByRole("radio", { name: "Full" }).check();
  await expect(list.getByRole("button").first()).toContainText("Released");
  await expectNoAxeViolations(page);

  // The note, then sign.
  await page.getByRole("button", { name: "Note and sign" }).click();
  await page
    .getByRole("group", { name: /Pain before/ })
    .getByRole("radio", { name: "6" })
    .check();
  await page.getByLabel("Subjective").fill("Right neck ache after long drives.");
  await page.getByLabel("Plan").fill("Two more sessions, chin tucks daily.");
  await page
    .getByRole("group", { name: /Pain after/ })
    .getByRole("radio", { name: "3" })
    .check();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Sign note" }).click();
  await page.getByRole("button", { name: "Sign and lock" }).click();
  await expect(page.getByText(/^Signed .* The note is locked/)).toBeVisible();

  // Reload: the same chart, now locked.
  await page.reload();
  await expect(page.getByText(/The note is locked/)).toBeVisible();
  const signedList = page.getByRole("list", { name: "Trigger points" });
  await expect(signedList.getByRole("listitem")).toHaveCount(3);
  for (const muscle of muscles) await expect(signedList).toContainText(muscle);
  await expect(signedList.getByRole("listitem").first()).toContainText("held 0:30");
  await expect(signedList.getByRole("listitem").first()).toContainText("Released");
  await expect(page.getByText("Right neck ache after long drives.").first()).toBeVisible();
  await expect(page.getByText("6 → 3").first()).toBeVisible();
  await expect(page.getByRole("img", { name: /^Trigger point: 1, / })).toBeVisible();

  // Amend: the original stays readable, the amendment is listed with its reason.
  await page.getByRole("button", { name: "Amend note" }).click();
  await page.getByLabel("Reason for the amendment").fill("Added the home stretch we agreed on.");
  await page.getByLabel("Plan").fill("Two more sessions, chin tucks daily, doorway stretch.");
  // And a point: the second one was released in part, not left as charted.
  const amendForm = page.getByRole("region", { name: "Amend the signed note" });
  await amendForm.getByRole("list", { name: "Trigger points" }).getByRole("button").nth(1).click();
  const correction = amendForm.getByRole("group", { name: /^Correct / });
  await correction.getByRole("group", { name: "Release" }).getByRole("radio", { name: "Partial" }).check();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Save amendment" }).click();
  const history = page.getByRole("list", { name: "Note history" });
  await expect(history.getByRole("heading", { name: /^Amendment 1,/ })).toBeVisible();
  await expect(history).toContainText("Added the home stretch we agreed on.");
  await expect(history.getByRole("listitem").first()).toContainText("Two more sessions, chin tucks daily.");
  await expect(page.getByText("Two more sessions, chin tucks daily, doorway stretch.").first()).toBeVisible();
  await expect(history.getByRole("listitem").nth(1)).toContainText(
    "Plan: “Two more sessions, chin tucks daily, doorway stretch.”",
  );
  await expect(history.getByRole("listitem").nth(1)).not.toContainText("Subjective");
  await expect(history.getByRole("listitem").nth(1)).toContainText(`${muscles[1]}`);
  await expect(history.getByRole("listitem").nth(1)).toContainText("release partial");
  // The point as it stands shows the correction; the first point is untouched.
  const amendedList = page.getByRole("list", { name: "Trigger points" });
  await expect(amendedList.getByRole("listitem").nth(1)).toContainText("partly released");
  await expect(amendedList.getByRole("listitem").first()).toContainText("held 0:30");
  await expectNoAxeViolations(page);

  // Walk on: the client page shows the session on the timeline.
  await page.getByRole("link", { name: "Client page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: clientName })).toBeVisible();
  const sessions = page.locator("section", { has: page.getByRole("heading", { name: "Sessions" }) });
  await expect(sessions).toContainText("Pain 6 → 3");
  await expect(sessions).toContainText("3 points treated, 1 released");
  await expectNoAxeViolations(page);
});
