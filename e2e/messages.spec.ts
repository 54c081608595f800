import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, SCREENSHOT_DIR, signIn, VIEWPORTS } from "./helpers";

test("a client reads their messages in the portal and turns reminders off", async ({ page }) => {
  await signIn(page, "client@knotwork.test");
  await page.getByRole("link", { name: "Messages" }).first().click();
  await page.waitForURL("**/app/messages");
  await expect(page.getByRole("heading", { name: "Your messages" })).toBeVisible();
  // The demo's appointments have sent Jordan confirmations (kept here: the demo has no mail server).
  await expect(page.getByRole("heading", { name: /^Confirmed:/ }).first()).toBeVisible();
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/messages-client-${name}.png`, fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
  await expectNoAxeViolations(page);

  const reminders = page.getByRole("checkbox", { name: /Appointment reminders/ });
  await expect(reminders).toBeChecked();
  await reminders.uncheck();
  await expect(page.getByText("Saved. Appointment reminders: off.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Appointment reminders/ })).not.toBeChecked();
  // Put it back for the specs that share the demo client.
  await page.getByRole("checkbox", { name: /Appointment reminders/ }).check();
  await expect(page.getByText("Saved. Appointment reminders: on.")).toBeVisible();
});

test("the owner sees what was sent, is due and failed, per kind and per client", async ({ page }) => {
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/messages");
  await expect(page.getByRole("heading", { name: "By kind" })).toBeVisible();
  await expect(page.getByText("No mail server is configured")).toBeVisible();
  const byKind = page.getByRole("table", { name: "Messages by kind" });
  await expect(byKind.getByRole("row", { name: /Confirmed/ })).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Messages by client" }).getByRole("row", { name: /Jordan Lee/ }),
  ).toBeVisible();
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/messages-owner-${name}.png`, fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
  await expectNoAxeViolations(page);

  await page.getByLabel("Show", { exact: true }).selectOption("failed");
  const latest = page.getByRole("table", { name: "Latest messages" });
  await expect(latest.getByText("550 5.1.1 mailbox unavailable")).toBeVisible();
  await expect(latest.getByRole("row")).toHaveCount(2);
  await expectNoAxeViolations(page);
});

test("a client cannot open the staff overview's data, and an unsubscribe link works signed out", async ({
  page,
}) => {
  const staffData = await page.request.get("/api/notify/messages");
  expect(staffData.status()).toBe(401);
  const forged = await page.request.post("/api/notify/unsubscribe?token=u1.not-a-token", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(forged.status()).toBe(400);
});

test("the owner sets reminders, quiet hours and which messages the clinic sends", async ({ page }) => {
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/settings");
  await page.getByRole("button", { name: "Notifications" }).click();
  await expect(page.getByRole("heading", { name: "Notifications" })).toBeVisible();
  const lead = page.getByLabel("Reminder (hours before)", { exact: true });
  await expect(lead).toHaveValue("24");
  await expect(page.getByLabel("Quiet hours start")).toHaveValue("21:00");
  await expect(page.getByLabel("Quiet hours end")).toHaveValue("08:00");
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-notifications-${name}.png`, fullPage: true });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
  await expectNoAxeViolations(page);

  // A second reminder further ahead than the first is refused beside its field.
  await page.getByRole("checkbox", { name: "Send a second reminder" }).check();
  const second = page.getByLabel("Second reminder (hours before)");
  await second.fill("30");
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(
    page.getByText("The second reminder must come closer to the appointment than the first."),
  ).toBeVisible();
  await expect(second).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);

  await second.fill("2");
  await lead.fill("48");
  await page.getByRole("checkbox", { name: /Soreness check-in/ }).uncheck();
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Notification settings saved.")).toBeVisible();
  await page.reload();
  await page.getByRole("button", { name: "Notifications" }).click();
  await expect(lead).toHaveValue("48");
  await expect(page.getByLabel("Second reminder (hours before)")).toHaveValue("2");
  await expect(page.getByRole("checkbox", { name: /Soreness check-in/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Aftercare/ })).toBeChecked();

  // Back to the defaults for the specs that share the demo clinic.
  await lead.fill("24");
  await page.getByRole("checkbox", { name: "Send a second reminder" }).uncheck();
  await page.getByRole("checkbox", { name: /Soreness check-in/ }).check();
  await page.getByRole("button", { name: "Save notification settings" }).click();
  await expect(page.getByText("Notification settings saved.")).toBeVisible();
  const clinic = await (await page.request.get("/api/clinic")).json();
  expect(clinic.policies.notifications).toMatchObject({
    reminderLeadHours: 24,
    secondReminderLeadHours: null,
    turnedOff: [],
  });
});

test("a client turns check-ins off from the portal's contact preferences", async ({ page }) => {
  await signIn(page, "client@knotwork.test");
  await page.goto("/app");
  const card = page.locator("section", {
    has: page.getByRole("heading", { name: "Contact preferences" }),
  });
  await expect(card.getByText(/always come/)).toBeVisible();
  const checkIns = card.getByRole("checkbox", { name: /Check-ins after a session/ });
  await checkIns.scrollIntoViewIfNeeded();
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await card.screenshot({ path: `${SCREENSHOT_DIR}/portal-contact-preferences-${name}.png` });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
  await expectNoAxeViolations(page);
  await expect(checkIns).toBeChecked();
  await checkIns.uncheck();
  await expect(card.getByText("Saved. Check-ins after a session: off.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Check-ins after a session/ }).first()).not.toBeChecked();
  // The message centre shows the same preference.
  await page.goto("/app/messages");
  await expect(page.getByRole("checkbox", { name: /Check-ins after a session/ })).not.toBeChecked();
  await page.getByRole("checkbox", { name: /Check-ins after a session/ }).check();
  await expect(page.getByText("Saved. Check-ins after a session: on.")).toBeVisible();

  // Signed in, with the session cookie and no CSRF header: the unsubscribe route answers by its token
  // (here a bad one), not with the CSRF refusal.
  const unsubscribe = await page.request.post("/api/notify/unsubscribe?token=u1.not-a-token", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: "List-Unsubscribe=One-Click",
  });
  expect(unsubscribe.status()).toBe(400);
  expect((await unsubscribe.json()).code).toBe("invalid_token");
});

test("the owner narrows the messages to one client", async ({ page }) => {
  await signIn(page, "owner@knotwork.test");
  await page.goto("/app/messages");
  await page
    .getByRole("table", { name: "Messages by client" })
    .getByRole("button", { name: "Show only Jordan Lee" })
    .click();
  await expect(page.getByText("Only Jordan Lee.")).toBeVisible();
  const latest = page.getByRole("table", { name: "Latest messages" });
  await expect(latest.getByRole("row").nth(1)).toContainText("Jordan Lee");
  const clients = await latest.getByRole("row").locator("td:nth-child(3)").allTextContents();
  expect(new Set(clients)).toEqual(new Set(["Jordan Lee"]));
  await expect(page.getByRole("table", { name: "Messages by client" }).getByRole("row")).toHaveCount(2);
  for (const [name, size] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/messages-owner-one-client-${name}.png` });
  }
  await page.setViewportSize(VIEWPORTS.laptop);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Show every client" }).click();
  await expect(page.getByText("Only Jordan Lee.")).toHaveCount(0);
});
