import { defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (src/core and src/web: pure code, no database, starts in well under a
 * second) and `integration` (src/server: a migrated database per file, made once per run by the
 * global setup). `npm test` runs both; `npm run test:unit` and `npm run test:integration` one each.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/core/**/*.test.{ts,tsx}", "src/web/**/*.test.{ts,tsx}"],
          pool: "threads",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["src/server/**/*.test.{ts,tsx}"],
          // Files about PostgreSQL itself (roles, grants) run only in the PostgreSQL run.
          exclude: process.env.TEST_DATABASE_URL ? [] : ["src/server/**/*.postgres.test.ts"],
          globalSetup: ["src/server/testing/global-setup.ts"],
          pool: "forks",
        },
      },
    ],
  },
});
