/**
 * Session settings: refused at start when they would weaken sign-in, and an active session with a
 * short idle window stays signed in (last-seen is written often enough).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";
import { loadConfig, testConfig } from "../config";
import { DEMO_PASSWORD, seedDemoClinic } from "../seed/demo";
import { createTestApp, createTestDatabase, type TestApp } from "../testing/harness";
import { resolveSession } from "./sessions";
import { sessionSettingsProblems, touchIntervalMs } from "./settings";

describe("session settings", () => {
  const valid = {
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    loginMaxFailures: 5,
    loginWindowMinutes: 15,
  };

  it("accepts the defaults and refuses zero, an idle window as long as the absolute one, and zero attempts", () => {
    expect(sessionSettingsProblems(valid)).toEqual([]);
    expect(sessionSettingsProblems({ ...valid, sessionIdleMinutes: 0 })).toEqual([
      "KNOTWORK_SESSION_IDLE_MINUTES must be at least 1.",
    ]);
    expect(sessionSettingsProblems({ ...valid, sessionAbsoluteHours: 0 })).toHaveLength(1);
    expect(sessionSettingsProblems({ ...valid, sessionIdleMinutes: 60, sessionAbsoluteHours: 1 })).toEqual([
      expect.stringMatching(/IDLE_MINUTES must be shorter than KNOTWORK_SESSION_ABSOLUTE_HOURS/),
    ]);
    expect(sessionSettingsProblems({ ...valid, loginMaxFailures: 0, loginWindowMinutes: 0 })).toHaveLength(2);
  });

  it("refuses to build the app with an idle timeout of 0, naming the setting", async () => {
    const database = await createTestDatabase();
    try {
      await expect(buildApp({ database, config: testConfig({ sessionIdleMinutes: 0 }) })).rejects.toThrow(
        /KNOTWORK_SESSION_IDLE_MINUTES must be at least 1/,
      );
    } finally {
      await database.close();
    }
  });

  it("reads the settings from the environment as before", () => {
    const config = loadConfig({ KNOTWORK_SESSION_IDLE_MINUTES: "1", KNOTWORK_SESSION_ABSOLUTE_HOURS: "2" });
    expect(sessionSettingsProblems(config)).toEqual([]);
    expect(() => loadConfig({ KNOTWORK_SECRET: "too-short" })).toThrow(/KNOTWORK_SECRET/);
  });

  it("writes last-seen at a tenth of the idle window, at most once a minute", () => {
    expect(touchIntervalMs(1)).toBe(6_000);
    expect(touchIntervalMs(5)).toBe(30_000);
    expect(touchIntervalMs(30)).toBe(60_000);
  });
});

describe("a one-minute idle window", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ sessionIdleMinutes: 1 });
    await seedDemoClinic(t.database.db);
  });
  afterAll(() => t.close());

  it("keeps a session that is used every 30 seconds alive past the first minute", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { email: "desk@knotwork.test", password: DEMO_PASSWORD },
    });
    const token = response.cookies.find((c) => c.name === "kw_session")?.value as string;
    const start = Date.now();
    for (const seconds of [30, 60, 90, 120]) {
      const caller = await resolveSession(
        t.database.db,
        t.app.config,
        token,
        new Date(start + seconds * 1000),
      );
      expect(caller, `request at ${seconds} s`).not.toBeNull();
    }
    // Left alone for over a minute after the last use, it ends.
    expect(await resolveSession(t.database.db, t.app.config, token, new Date(start + 185_000))).toBeNull();
  });
});
