import { describe, expect, it } from "vitest";
import type { DemoSetting } from "../config";
import { loadConfig } from "../config";
import { type DemoInputs, decideDemo, demoOffExplanation } from "./demo-mode";

const plain: DemoInputs = {
  setting: "auto",
  postgres: false,
  nodeEnv: "development",
  realClinicExists: false,
};

describe("decideDemo", () => {
  it("runs the demo for `npm start` with no configuration on the embedded database", () => {
    expect(decideDemo(plain)).toEqual({ demo: true, reason: "embedded-default" });
    expect(decideDemo({ ...plain, nodeEnv: "test" }).demo).toBe(true);
  });

  it("turns the demo off when DATABASE_URL is set", () => {
    expect(decideDemo({ ...plain, postgres: true })).toEqual({ demo: false, reason: "postgres" });
  });

  it("turns the demo off with NODE_ENV=production, even on the embedded database", () => {
    expect(decideDemo({ ...plain, nodeEnv: "production" })).toEqual({ demo: false, reason: "production" });
  });

  it("turns the demo off with KNOTWORK_DEMO=false", () => {
    expect(decideDemo({ ...plain, setting: "off" })).toEqual({ demo: false, reason: "disabled" });
  });

  it("lets KNOTWORK_DEMO=true force a showcase on PostgreSQL or in production", () => {
    expect(decideDemo({ ...plain, setting: "on", postgres: true, nodeEnv: "production" })).toEqual({
      demo: true,
      reason: "forced",
    });
  });

  it("never runs the demo beside a real clinic, whatever the setting", () => {
    for (const setting of ["auto", "on", "off"] as DemoSetting[]) {
      for (const postgres of [false, true]) {
        for (const nodeEnv of ["development", "production"]) {
          expect(decideDemo({ setting, postgres, nodeEnv, realClinicExists: true })).toEqual({
            demo: false,
            reason: "real-clinic",
          });
        }
      }
    }
  });

  it("runs the demo only in the two cases, over every combination", () => {
    const on: string[] = [];
    for (const setting of ["auto", "on", "off"] as DemoSetting[])
      for (const postgres of [false, true])
        for (const nodeEnv of ["development", "production"])
          for (const realClinicExists of [false, true])
            if (decideDemo({ setting, postgres, nodeEnv, realClinicExists }).demo)
              on.push(`${setting} ${postgres ? "pg" : "pglite"} ${nodeEnv}`);
    expect(on).toEqual([
      "auto pglite development",
      "on pglite development",
      "on pglite production",
      "on pg development",
      "on pg production",
    ]);
  });

  it("explains each reason the demo is off", () => {
    expect(demoOffExplanation("postgres")).toContain("KNOTWORK_DEMO=true");
    expect(demoOffExplanation("real-clinic")).toContain("real clinic");
  });
});

describe("KNOTWORK_DEMO and the set-up token in configuration", () => {
  it("reads unset as auto, true as on and false as off, and refuses anything else", () => {
    expect(loadConfig({}).demo).toBe("auto");
    expect(loadConfig({ KNOTWORK_DEMO: "true" }).demo).toBe("on");
    expect(loadConfig({ KNOTWORK_DEMO: "false" }).demo).toBe("off");
    expect(() => loadConfig({ KNOTWORK_DEMO: "yes" })).toThrow(/KNOTWORK_DEMO/);
  });

  it("refuses a short KNOTWORK_SETUP_TOKEN", () => {
    expect(() => loadConfig({ KNOTWORK_SETUP_TOKEN: "short" })).toThrow(/KNOTWORK_SETUP_TOKEN/);
    expect(loadConfig({ KNOTWORK_SETUP_TOKEN: "x".repeat(32) }).setupToken).toBe("x".repeat(32));
  });
});
