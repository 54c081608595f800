import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "knotwork-demo";
export const SCREENSHOT_DIR = "e2e/screenshots";

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 1024, height: 768 },
  laptop: { width: 1440, height: 900 },
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/app");
}

/** No WCAG 2.1 A/AA violations on the page as it stands. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary).toEqual([]);
}

// The intake form, as a client or as staff filling it in by phone.
export const question = (page: Page, name: string | RegExp): Locator => page.getByRole("group", { name });

export async function answer(page: Page, name: string | RegExp, choice: string): Promise<void> {
  await question(page, name).getByText(choice, { exact: true }).click();
}

/** Answers "No" to every yes/no question on the step that has no answer yet. */
export async function noToTheRest(page: Page): Promise<void> {
  for (const group of await page.getByRole("group").all()) {
    const yes = group.getByRole("radio", { name: "Yes", exact: true });
    const no = group.getByRole("radio", { name: "No", exact: true });
    if ((await no.count()) !== 1) continue;
    if (!(await yes.isChecked()) && !(await no.isChecked()))
      await group.getByText("No", { exact: true }).click();
  }
}

export async function next(page: Page, heading: string): Promise<void> {
  await page.getByRole("button", { name: /^(Next|Check my answers|Check the answers)$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
}
