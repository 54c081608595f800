import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

// A port and data folder per run (workers inherit them through the environment), so several runs
// on one machine do not collide. Each run starts from an empty data folder: the first-run path.
process.env.E2E_PORT ??= String(3100 + (process.pid % 800));
process.env.E2E_DATA_DIR ??= `/tmp/knotwork-e2e-${process.pid}`;
const PORT = Number(process.env.E2E_PORT);
const DATA_DIR = process.env.E2E_DATA_DIR;
// A second server for e2e/first-run.spec.ts: no demo, an empty data folder, and a set-up token the
// spec knows (an operator reads it from the log; the spec reads it from the environment).
process.env.E2E_FIRST_RUN_PORT ??= String(PORT + 1000);
process.env.E2E_SETUP_TOKEN ??= randomBytes(32).toString("hex");
const FIRST_RUN_PORT = Number(process.env.E2E_FIRST_RUN_PORT);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-results.json" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `rm -rf ${DATA_DIR} && node bin/knotwork.js start`,
      url: `http://localhost:${PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PORT: String(PORT),
        KNOTWORK_DATA_DIR: DATA_DIR,
        KNOTWORK_PUBLIC_URL: `http://localhost:${PORT}`,
        LOG_LEVEL: "warn",
        // The demo runs by itself only on the embedded database; on PostgreSQL it is asked for.
        ...(process.env.E2E_DATABASE_URL
          ? { DATABASE_URL: process.env.E2E_DATABASE_URL, KNOTWORK_DEMO: "true" }
          : {}),
      },
    },
    {
      // Started after the first, so the web app is already built.
      command: `rm -rf ${DATA_DIR}-first-run && node bin/knotwork.js start`,
      url: `http://localhost:${FIRST_RUN_PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      env: {
        PORT: String(FIRST_RUN_PORT),
        KNOTWORK_DATA_DIR: `${DATA_DIR}-first-run`,
        KNOTWORK_PUBLIC_URL: `http://localhost:${FIRST_RUN_PORT}`,
        LOG_LEVEL: "warn",
        KNOTWORK_DEMO: "false",
        KNOTWORK_SETUP_TOKEN: process.env.E2E_SETUP_TOKEN,
      },
    },
  ],
});
