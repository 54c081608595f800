/**
 * The sign-in and session settings read from the environment, and the checks that refuse a server
 * start with settings that would silently weaken sign-in (docs/decisions/0003-auth-sessions.md).
 */
import { randomBytes } from "node:crypto";
import { isIP } from "node:net";

/**
 * Which hops may tell the client's address in `X-Forwarded-For`: none (`false`), the nearest N
 * proxies, or proxies at the listed addresses/CIDRs. The forms Fastify's `trustProxy` accepts.
 */
export type TrustProxy = false | number | string[];

/** Names proxy-addr understands as address ranges, besides addresses and CIDRs. */
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrCidr(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split("/");
  if (rest.length > 0 || !address) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * `KNOTWORK_TRUST_PROXY`: unset/`false` = trust no proxy; a whole number = that many hops; else a
 * comma-separated list of proxy addresses or CIDRs. `true` (trust every hop, so any client could
 * choose its own address for the audit log and the per-IP limit) is refused, not guessed at.
 */
export function trustProxyFromEnv(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "false" || value === "0") return false;
  if (value === "true") {
    throw new Error(
      "KNOTWORK_TRUST_PROXY=true would trust every hop, so any client could choose its own IP address. Set the number of proxies in front of the server (e.g. KNOTWORK_TRUST_PROXY=1) or their addresses (e.g. KNOTWORK_TRUST_PROXY=10.0.0.0/8,127.0.0.1).",
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new Error(`KNOTWORK_TRUST_PROXY must be at most 10 hops, got ${hops}`);
    return hops;
  }
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const wrong = entries.filter((entry) => !isAddressOrCidr(entry));
  if (entries.length === 0 || wrong.length > 0) {
    throw new Error(
      `KNOTWORK_TRUST_PROXY must be a hop count or a comma-separated list of IP addresses/CIDRs; not understood: ${wrong.join(", ") || value}`,
    );
  }
  return entries;
}

/**
 * `KNOTWORK_SECRET` signs remembered-device cookies. Every app server behind one balancer needs the
 * same value; unset, each process makes its own, so devices are forgotten at restart (sign-in then
 * falls back to the per-e-mail throttle, which is safe, only less forgiving).
 */
export function secretFromEnv(raw: string | undefined): string {
  if (raw === undefined || raw === "") return randomBytes(32).toString("base64url");
  if (raw.length < 32) throw new Error("KNOTWORK_SECRET must have at least 32 characters");
  return raw;
}

export interface SessionSettings {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
}

/** Every problem with the session and sign-in settings, in words an operator can act on. */
export function sessionSettingsProblems(settings: SessionSettings): string[] {
  const problems: string[] = [];
  if (settings.sessionIdleMinutes < 1) problems.push("KNOTWORK_SESSION_IDLE_MINUTES must be at least 1.");
  if (settings.sessionAbsoluteHours < 1) problems.push("KNOTWORK_SESSION_ABSOLUTE_HOURS must be at least 1.");
  if (settings.sessionAbsoluteHours > 24 * 30)
    problems.push("KNOTWORK_SESSION_ABSOLUTE_HOURS must be at most 720 (30 days).");
  if (
    settings.sessionIdleMinutes >= 1 &&
    settings.sessionAbsoluteHours >= 1 &&
    settings.sessionIdleMinutes >= settings.sessionAbsoluteHours * 60
  ) {
    problems.push(
      "KNOTWORK_SESSION_IDLE_MINUTES must be shorter than KNOTWORK_SESSION_ABSOLUTE_HOURS (the idle limit would never apply).",
    );
  }
  if (settings.loginMaxFailures < 1) problems.push("KNOTWORK_LOGIN_MAX_FAILURES must be at least 1.");
  if (settings.loginWindowMinutes < 1) problems.push("KNOTWORK_LOGIN_WINDOW_MINUTES must be at least 1.");
  return problems;
}

/** Throws one error listing every problem, so a start with bad settings fails once, clearly. */
export function assertSessionSettings(settings: SessionSettings): void {
  const problems = sessionSettingsProblems(settings);
  if (problems.length > 0) throw new Error(`Invalid sign-in settings:\n  ${problems.join("\n  ")}`);
}

/**
 * How often a session's last-seen time is written: a tenth of the idle window, at most a minute.
 * Writing on every request would turn every read into a write; writing as rarely as the idle window
 * itself would sign out a person who is using the app (a use just after a skipped touch would count
 * from the previous touch).
 */
export function touchIntervalMs(sessionIdleMinutes: number): number {
  return Math.min(60_000, (sessionIdleMinutes * 60_000) / 10);
}

/**
 * Fastify's `trustProxy` for a setting. Fastify refuses to honour a bare hop count (it cannot tell a
 * proxy from a client that connects directly), so a count becomes "trust the nearest N hops"
 * explicitly; that is only safe when the app's port is reachable through the proxies alone, which is
 * why the README recommends listing the proxies' addresses instead.
 */
export function fastifyTrustProxy(
  setting: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (setting === false || setting === 0) return false;
  if (typeof setting === "number") return (_address, hop) => hop < setting;
  return setting;
}
