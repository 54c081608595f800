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

  await page.getByLabel("Show").selectOption("failed");
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
