/**
 * What a start does before serving: run the demo (seed it, print its published log-ins) only when
 * `decideDemo` says so; otherwise create nothing and, while no clinic exists, print where to set
 * one up with a one-time token. Never prints a password of a non-demo account.
 */
import type { Config } from "../config";
import type { Db } from "../db/connect";
import { demoLoginsText, seedDemoClinic } from "../seed/demo";
import { clinicCensus } from "./create-clinic";
import { decideDemo, demoOffExplanation } from "./demo-mode";
import { issueSetupToken } from "./tokens";

/** Seeds the demo or issues a set-up token, as the configuration and database call for; returns the lines to print. */
export async function prepareFirstRun(db: Db, config: Config, now = new Date()): Promise<string[]> {
  const census = await clinicCensus(db);
  const decision = decideDemo({
    setting: config.demo,
    postgres: config.databaseUrl !== null,
    nodeEnv: config.nodeEnv,
    realClinicExists: census.real > 0,
  });
  if (decision.demo) {
    const { created } = await seedDemoClinic(db, now, { history: true });
    const lines = [created ? "Seeded the demo clinic (first run)." : "Demo clinic present."];
    if (decision.reason === "forced")
      lines.push("KNOTWORK_DEMO=true: the demo accounts below are live, with a published password.");
    return [...lines, demoLoginsText()];
  }
  const lines = [demoOffExplanation(decision.reason)];
  if (census.total > census.real)
    lines.push(
      "Warning: the demo clinic is in this database and its log-ins are published. Change those accounts' passwords or remove them.",
    );
  if (census.total === 0) {
    const token = await issueSetupToken(db, config.setupToken, now);
    lines.push(
      "No clinic yet. Set up your clinic with `npx knotwork setup`, or in the browser at",
      config.setupToken
        ? `  ${config.publicUrl}/setup  (with the token in KNOTWORK_SETUP_TOKEN)`
        : `  ${config.publicUrl}/setup?token=${token}`,
    );
  }
  return lines;
}
