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
  publicUrl: string;
  logLevel: string;
  /** KNOTWORK_TRUST_PROXY: no proxy, a hop count, or proxy addresses (src/server/auth/settings.ts). */
  trustProxy: TrustProxy;
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
  return {
    port,
    host: env.HOST ?? "0.0.0.0",
    databaseUrl: env.DATABASE_URL || null,
    dataDir: resolve(env.KNOTWORK_DATA_DIR ?? "./data"),
    secureCookies: env.KNOTWORK_SECURE_COOKIES === "true" || env.NODE_ENV === "production",
    secret: secretFromEnv(env.KNOTWORK_SECRET),
    sessionIdleMinutes: intFromEnv(env, "KNOTWORK_SESSION_IDLE_MINUTES", 30),
    sessionAbsoluteHours: intFromEnv(env, "KNOTWORK_SESSION_ABSOLUTE_HOURS", 12),
    loginMaxFailures: intFromEnv(env, "KNOTWORK_LOGIN_MAX_FAILURES", 5),
    loginWindowMinutes: intFromEnv(env, "KNOTWORK_LOGIN_WINDOW_MINUTES", 15),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: env.MAIL_FROM ?? "Knotwork <no-reply@knotwork.local>",
    publicUrl: env.KNOTWORK_PUBLIC_URL ?? `http://localhost:${port}`,
    logLevel: env.LOG_LEVEL ?? "info",
    trustProxy: trustProxyFromEnv(env.KNOTWORK_TRUST_PROXY),
  };
}

/** Configuration for tests: fast, quiet, and independent of the caller's environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), logLevel: "silent", ...overrides };
}
