/**
 * Time to content of the main signed-in pages, in a real browser (Chromium through Playwright)
 * against a real server: from navigation start to the first frame in which the page's content
 * (not its "Loading…" placeholder) is in the document and visible.
 *
 * Opt-in, because it starts a server and a browser: `npm run bench time-to-content`.
 * It starts `knotwork start` on a free port with an empty temporary data folder (the demo clinic is
 * seeded there), signs in as the demo role each page is for, loads each page once to warm the
 * browser's HTTP cache (a returning user), then loads it TTC_RUNS times (default 7) and reports the
 * median. Set TTC_JSON=path to also write every run's figure to a JSON file.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RUNS = Number(process.env.TTC_RUNS ?? 7);
const TARGET_MS = 400;
const PASSWORD = "knotwork-demo";

type Role = "owner" | "desk" | "client";
const EMAILS: Record<Role, string> = {
  owner: "owner@knotwork.test",
  desk: "desk@knotwork.test",
  client: "client@knotwork.test",
};

/**
 * What counts as content on each page: an element matching `css` (whose text includes `text`, when
 * given) that is rendered. Selectors are structural or textual, not class names, so they survive
 * restyling; each one only exists once the page's data has arrived.
 */
interface ContentCheck {
  css: string;
  text?: string;
}
interface PageCase {
  name: string;
  role: Role;
  path: string | ((base: string, context: BrowserContext) => Promise<string>);
  content: ContentCheck;
}

const PAGES: PageCase[] = [
  {
    name: "home (owner)",
    role: "owner",
    path: "/app",
    content: { css: "main span", text: "Appointments today" },
  },
  {
    name: "calendar",
    role: "owner",
    path: "/app/calendar",
    content: { css: 'main section[aria-label$="appointments"], main section[aria-label$="nothing booked"]' },
  },
  { name: "requests (front desk)", role: "desk", path: "/app/requests", content: { css: "main li" } },
  { name: "clients", role: "owner", path: "/app/clients", content: { css: 'main a[href^="/app/clients/"]' } },
  {
    name: "a client page",
    role: "owner",
    path: async (base, context) => {
      const response = await context.request.get(`${base}/api/clients?limit=1`);
      const [first] = (await response.json()) as { id: string }[];
      if (!first) throw new Error("the demo clinic has no clients");
      return `/app/clients/${first.id}`;
    },
    content: { css: "main dt", text: "E-mail" },
  },
  {
    name: "settings",
    role: "owner",
    path: "/app/settings",
    content: { css: 'main input[name="minNoticeMin"]' },
  },
  { name: "team", role: "owner", path: "/app/team", content: { css: "main li" } },
  {
    name: "portal (client home)",
    role: "client",
    path: "/app",
    content: { css: "main h2", text: "Upcoming appointments" },
  },
  { name: "intake (client)", role: "client", path: "/app/intake", content: { css: "main h1" } },
  {
    // The charts load after first paint (docs/decisions/0016-progress-charts.md): content is a drawn
    // line of the first chart, which needs the chart code, the data and the measured width.
    name: "progress charts (client)",
    role: "client",
    path: "/app/care/progress",
    content: { css: "main figure svg path" },
  },
];

/**
 * Runs before any page script on every navigation: notes the first frame with the content in it.
 * A string, not a function: tsx's transform would add helpers to a function's source that the
 * page does not have.
 */
const WATCH_FOR_CONTENT = `(() => {
  const raw = sessionStorage.getItem("kw-bench-content");
  if (!raw) return;
  const { css, text } = JSON.parse(raw);
  const shown = () =>
    [...document.querySelectorAll(css)].some(
      (el) =>
        (text === undefined || (el.textContent || "").includes(text)) &&
        (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0),
    );
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    // The next animation frame is when the browser paints it.
    requestAnimationFrame(() => { window.__kwContentAt = performance.now(); });
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
})();`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function startServer(): Promise<{ base: string; stop(): Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "knotwork-ttc-"));
  const base = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["bin/knotwork.js", "start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      KNOTWORK_DATA_DIR: dataDir,
      KNOTWORK_PUBLIC_URL: base,
      LOG_LEVEL: "warn",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the server did not start within 3 minutes");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function signedIn(
  browser: Browser,
  base: string,
  role: Role,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 } });
  const login = await context.request.post(`${base}/api/auth/login`, {
    data: { email: EMAILS[role], password: PASSWORD },
    headers: { origin: base },
  });
  if (!login.ok()) throw new Error(`sign-in as ${role} failed: ${login.status()}`);
  await context.addInitScript({ content: WATCH_FOR_CONTENT });
  const page = await context.newPage();
  await page.goto(`${base}/robots.txt`).catch(() => undefined);
  return { context, page };
}

async function timeToContent(page: Page, url: string, content: ContentCheck): Promise<number> {
  await page.evaluate((check) => sessionStorage.setItem("kw-bench-content", JSON.stringify(check)), content);
  await page.goto(url, { waitUntil: "commit" });
  await page
    .waitForFunction(() => "__kwContentAt" in window, null, { timeout: 20_000 })
    .catch(async () => {
      const main = await page
        .locator("main")
        .textContent()
        .catch(() => null);
      throw new Error(
        `no ${JSON.stringify(content)} on ${page.url()} within 20 s; it shows: ${(main ?? "(no main)").slice(0, 300)}`,
      );
    });
  return page.evaluate(() => (window as unknown as { __kwContentAt: number }).__kwContentAt);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

export default async function benchTimeToContent(): Promise<
  Array<{ name: string; value: number; unit: string; target?: string }>
> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  const server = await startServer().catch(async (error: unknown) => {
    await browser.close();
    throw error;
  });
  const contexts = new Map<Role, { context: BrowserContext; page: Page }>();
  const runs: Record<string, number[]> = {};
  try {
    for (const pageCase of PAGES) {
      let session = contexts.get(pageCase.role);
      if (!session) {
        session = await signedIn(browser, server.base, pageCase.role);
        contexts.set(pageCase.role, session);
      }
      const path =
        typeof pageCase.path === "string" ? pageCase.path : await pageCase.path(server.base, session.context);
      await timeToContent(session.page, path, pageCase.content); // warm the HTTP cache
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++)
        times.push(await timeToContent(session.page, path, pageCase.content));
      runs[pageCase.name] = times.map((t) => Math.round(t));
      process.stderr.write(`  ${pageCase.name}: ${runs[pageCase.name]?.join(", ")} ms\n`);
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  if (process.env.TTC_JSON) writeFileSync(process.env.TTC_JSON, `${JSON.stringify(runs, null, 2)}\n`);
  return Object.entries(runs).map(([name, times]) => ({
    name: `time to content, ${name} (median of ${times.length})`,
    value: Math.round(median(times)),
    unit: "ms",
    target: `≤ ${TARGET_MS} ms`,
  }));
}
