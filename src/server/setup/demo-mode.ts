/**
 * Whether this start runs the demo (seeds the demo clinic and prints its published log-ins).
 * Pure, so every combination is unit-tested (demo-mode.test.ts); docs/decisions/0010-clinic-setup.md.
 */
import type { DemoSetting } from "../config";

export interface DemoInputs {
  /** KNOTWORK_DEMO: "auto" when unset. */
  setting: DemoSetting;
  /** DATABASE_URL is set: a PostgreSQL server, so most likely a real installation. */
  postgres: boolean;
  nodeEnv: string;
  /** A clinic other than the demo exists: real data lives here. */
  realClinicExists: boolean;
}

export type DemoDecision =
  | { demo: true; reason: "embedded-default" | "forced" }
  | { demo: false; reason: "disabled" | "postgres" | "production" | "real-clinic" };

export function decideDemo(inputs: DemoInputs): DemoDecision {
  // Published passwords never sit beside real data, whatever the setting says.
  if (inputs.realClinicExists) return { demo: false, reason: "real-clinic" };
  if (inputs.setting === "off") return { demo: false, reason: "disabled" };
  // KNOTWORK_DEMO=true: a showcase on PostgreSQL or behind HTTPS, chosen on purpose.
  if (inputs.setting === "on") return { demo: true, reason: "forced" };
  if (inputs.postgres) return { demo: false, reason: "postgres" };
  if (inputs.nodeEnv === "production") return { demo: false, reason: "production" };
  // `npm install && npm start` with no configuration: the two-command demo.
  return { demo: true, reason: "embedded-default" };
}

/** One line for the start-up log saying why the demo is off (so an operator who wanted it knows). */
export function demoOffExplanation(reason: Extract<DemoDecision, { demo: false }>["reason"]): string {
  switch (reason) {
    case "real-clinic":
      return "Demo off: this database holds a real clinic.";
    case "disabled":
      return "Demo off: KNOTWORK_DEMO=false.";
    case "postgres":
      return "Demo off: DATABASE_URL is set (set KNOTWORK_DEMO=true for a showcase).";
    case "production":
      return "Demo off: NODE_ENV=production (set KNOTWORK_DEMO=true for a showcase).";
  }
}
