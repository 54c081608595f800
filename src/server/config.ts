/** Runtime configuration from environment variables (README "Configuration" lists them all). */
import { resolve } from "node:path";
import { secretFromEnv, type TrustProxy, trustProxyFromEnv } from "./auth/settings";

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server URL; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  dataDir: string;
  /** Set cookies with `Secure` (behind HTTPS). */
  secureCookies: boolean;
  /** KNOTWORK_SECRET: signs remembered-device cookies (src/server/auth/device.ts). */
  secret: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Failed log-ins allowed per e-mail address in `loginWindowMinutes` before 429. */
  loginMaxFailures: number;
  loginWindowMinutes: number;
  smtpUrl: string | null;
  mailFrom: string;
  /** KNOTWORK_OUTBOX_LEASE_SECONDS: how long a worker holds a claimed message before another may retry it (default 600). */
  outboxLeaseSeconds: number;
  publicUrl: string;
  logLevel: string;
  /** KNOTWORK_TRUST_PROXY: no proxy, a hop count, or proxy addresses (src/server/auth/settings.ts). */
  trustProxy: TrustProxy;
  /** First run (docs/decisions/0010-clinic-setup.md): KNOTWORK_DEMO, NODE_ENV, the set-up token and default clinic. */
  demo: DemoSetting;
  /** NODE_ENV; in "production", settings that have a development fallback must be given explicitly. */
  nodeEnv: string;
  /** KNOTWORK_SETUP_TOKEN: a set-up token chosen by the operator instead of a random one. */
  setupToken: string | null;
  /** KNOTWORK_DEFAULT_CLINIC: the slug `/book` and `/sign-up` use when several clinics exist. */
  defaultClinic: string | null;
  /** Secret for the audit log's keyed hashes (KNOTWORK_AUDIT_KEY); see src/server/audit/key.ts when unset. */
  auditKey: string | null;
  /** File that signed audit checkpoints are appended to; null writes them to the log only. */
  auditCheckpointFile: string | null;
  /** At most one audit checkpoint per clinic this often (0: after every audited event). */
  auditCheckpointSeconds: number;
  /** PostgreSQL URL of a role that owns the tables and runs migrations; DATABASE_URL's role then only uses them. */
  migrationDatabaseUrl: string | null;
}

/** KNOTWORK_DEMO: unset is "auto" (the demo only on the embedded database outside production). */
export type DemoSetting = "auto" | "on" | "off";

function demoFromEnv(raw: string | undefined): DemoSetting {
  if (raw === undefined || raw === "") return "auto";
  if (raw === "true") return "on";
  if (raw === "false") return "off";
  throw new Error(`KNOTWORK_DEMO must be "true" or "false", got "${raw}"`);
}

/** A token an operator chooses must be as hard to guess as a password (32 hex digits or more). */
function setupTokenFromEnv(raw: string | undefined): string | null {
  if (raw === undefined || raw === "") return null;
  if (raw.length < 32) throw new Error("KNOTWORK_SETUP_TOKEN must have at least 32 characters");
  return raw;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = intFromEnv(env, "PORT", 3000);
  const dataDir = resolve(env.KNOTWORK_DATA_DIR ?? "./data");
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL || null,
    dataDir,
    secureCookies: env.KNOTWORK_SECURE_COOKIES === "true" || env.NODE_ENV === "production",
    secret: secretFromEnv(env.KNOTWORK_SECRET),
    sessionIdleMinutes: intFromEnv(env, "KNOTWORK_SESSION_IDLE_MINUTES", 30),
    sessionAbsoluteHours: intFromEnv(env, "KNOTWORK_SESSION_ABSOLUTE_HOURS", 12),
    loginMaxFailures: intFromEnv(env, "KNOTWORK_LOGIN_MAX_FAILURES", 5),
    loginWindowMinutes: intFromEnv(env, "KNOTWORK_LOGIN_WINDOW_MINUTES", 15),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? "Knotwork <no-reply@knotwork.local>",
    outboxLeaseSeconds: intFromEnv(env, "KNOTWORK_OUTBOX_LEASE_SECONDS", 600),
    publicUrl: env.KNOTWORK_PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: env.LOG_LEVEL ?? "info",
    trustProxy: trustProxyFromEnv(env.KNOTWORK_TRUST_PROXY),
    demo: demoFromEnv(env.KNOTWORK_DEMO),
    nodeEnv: env.NODE_ENV ?? "development",
    setupToken: setupTokenFromEnv(env.KNOTWORK_SETUP_TOKEN),
    defaultClinic: env.KNOTWORK_DEFAULT_CLINIC || null,
    auditKey: env.KNOTWORK_AUDIT_KEY || null,
    auditCheckpointFile:
      env.KNOTWORK_AUDIT_CHECKPOINT_FILE === undefined
        ? resolve(dataDir, "audit-checkpoints.jsonl")
        : env.KNOTWORK_AUDIT_CHECKPOINT_FILE
          ? resolve(env.KNOTWORK_AUDIT_CHECKPOINT_FILE)
          : null,
    auditCheckpointSeconds: intFromEnv(env, "KNOTWORK_AUDIT_CHECKPOINT_SECONDS", 60),
    migrationDatabaseUrl: env.KNOTWORK_MIGRATION_DATABASE_URL || null,
  };
}

/** Configuration for tests: fast, quiet, and independent of the caller's environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...loadConfig({}),
    logLevel: process.env.TEST_LOG_LEVEL ?? "silent",
    // A fixed key and no checkpoint file: tests never read or write ./data.
    auditKey: "test-audit-key-not-secret-0123456789abcdef",
    auditCheckpointFile: null,
    ...overrides,
  };
}
