/**
 * The server's background jobs, started once from main.ts (docs/decisions/0009-background-jobs.md).
 * Each is safe to run on every app server at once: rows are claimed or changed by single
 * statements that another server's run cannot repeat.
 */
import { expireStaleRequests } from "../appointments/freed";
import type { Config } from "../config";
import type { Db } from "../db/connect";
import { purgeDueErasures } from "../erasure/store";
import { type DeliveryOptions, deliverDueMessages, type MailTransport } from "../notify/outbox";
import { deliveryPreflight } from "../notify/preflight";
import { smtpTransport } from "../notify/smtp";
import { purgeEndedSessions, purgeStaleSignInCounters, refreshPlannerStatistics } from "./housekeeping";
import { type Job, type JobLog, type Scheduler, startJobs } from "./scheduler";

export const JOB_INTERVALS_MS = {
  /** Short, so a due message waits at most about a second for a worker (lag target: docs/decisions/0017). */
  outbox: 1_000,
  requestExpiry: 60_000,
  sessionPurge: 60 * 60_000,
  signInCounterPurge: 60 * 60_000,
  // Records (F11): clinical records of erased clients, once their retention has run out.
  erasurePurge: 6 * 60 * 60_000,
  /** Embedded PGlite only (it has no autovacuum); the first run comes soon after start. */
  plannerStatistics: 6 * 60 * 60_000,
} as const;

/**
 * The jobs for this configuration. Without SMTP there is no outbox job: messages stay in the outbox
 * and are shown in the app (so the demo works offline). On embedded PGlite (no DATABASE_URL) the
 * planner's statistics are refreshed, which PostgreSQL's autovacuum does by itself.
 */
export function backgroundJobs(db: Db, config: Config, transport: MailTransport | null): Job[] {
  const jobs: Job[] = [
    {
      name: "request-expiry",
      intervalMs: JOB_INTERVALS_MS.requestExpiry,
      run: () => expireStaleRequests(db, { publicUrl: config.publicUrl, offerToWaitlist: true }),
    },
    {
      name: "session-purge",
      intervalMs: JOB_INTERVALS_MS.sessionPurge,
      run: () => purgeEndedSessions(db, config),
    },
    {
      name: "sign-in-counter-purge",
      intervalMs: JOB_INTERVALS_MS.signInCounterPurge,
      run: () => purgeStaleSignInCounters(db, config),
    },
    {
      name: "erasure-purge",
      intervalMs: JOB_INTERVALS_MS.erasurePurge,
      run: () => purgeDueErasures(db),
    },
  ];
  if (!config.databaseUrl) {
    jobs.push({
      name: "planner-statistics",
      intervalMs: JOB_INTERVALS_MS.plannerStatistics,
      run: () => refreshPlannerStatistics(db),
    });
  }
  if (transport) {
    jobs.push({
      name: "outbox",
      intervalMs: JOB_INTERVALS_MS.outbox,
      run: () => deliverDueMessages(db, transport, outboxOptions(db, config)),
    });
  }
  return jobs;
}

/** How the outbox job delivers: several lanes, drained until nothing is due, with consent checks. */
export function outboxOptions(db: Db, config: Config): DeliveryOptions {
  return {
    batch: 2_000,
    concurrency: 4,
    leaseMs: Math.max(1, config.outboxLeaseSeconds) * 1000,
    messageIdHost: messageIdHostOf(config),
    preflight: deliveryPreflight(db, { secret: config.secret, publicUrl: config.publicUrl }),
  };
}

/** The host part of Message-IDs: the sender's domain, else the public URL's host. */
export function messageIdHostOf(config: Pick<Config, "mailFrom" | "publicUrl">): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(config.mailFrom)?.[1];
  if (domain) return domain;
  try {
    return new URL(config.publicUrl).hostname || "knotwork.invalid";
  } catch {
    return "knotwork.invalid";
  }
}

export function startBackgroundJobs(db: Db, config: Config, log: JobLog): Scheduler {
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom, { pool: true }) : null;
  return startJobs(backgroundJobs(db, config, transport), log);
}
