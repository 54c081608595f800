/**
 * Sign-in throttling in the database, shared by every app server (docs/decisions/0003-auth-sessions.md).
 *
 * An attempt is counted BEFORE the password is checked, under a row lock on the key's counter row,
 * so "count, decide, record" is one atomic step: however many requests arrive at once, no more run
 * than the policy allows. A success clears the key; a failure leaves the counted attempt in place.
 */
import { and, eq, lt, lte } from "drizzle-orm";
import type { Db } from "../db/connect";
import { signInThrottle } from "../db/schema";

export interface ThrottlePolicy {
  /** Attempts let through before the limit applies. */
  max: number;
  windowMs: number;
  /**
   * "fixed": at most `max` attempts per window, then 429 until the window ends (per-IP limits).
   * "progressive": `max` free attempts, then one attempt per growing delay (`baseDelayMs`, doubling,
   * at most the window), counted afresh after a quiet window: slows guessing without locking the
   * owner out for good (per-e-mail and per-device limits).
   */
  mode: "fixed" | "progressive";
  baseDelayMs?: number;
}

export interface ThrottleState {
  windowStart: Date;
  lastAttemptAt: Date;
  attempts: number;
  nextAttemptAt: Date;
}

export type ThrottleDecision =
  | { allowed: true; next: ThrottleState }
  | { allowed: false; retryAfterMs: number };

/** The first delay once the free attempts are used up; it doubles with every further attempt. */
export const PROGRESSIVE_BASE_DELAY_MS = 30_000;

function fresh(now: Date): ThrottleState {
  return { windowStart: now, lastAttemptAt: now, attempts: 0, nextAttemptAt: now };
}

/** Pure: may an attempt run now, and the counter after it. */
export function decideAttempt(
  state: ThrottleState | null,
  now: Date,
  policy: ThrottlePolicy,
): ThrottleDecision {
  const t = now.getTime();
  if (policy.mode === "fixed") {
    const current = !state || t >= state.windowStart.getTime() + policy.windowMs ? fresh(now) : state;
    if (current.attempts >= policy.max) {
      return { allowed: false, retryAfterMs: current.windowStart.getTime() + policy.windowMs - t };
    }
    return { allowed: true, next: { ...current, attempts: current.attempts + 1, lastAttemptAt: now } };
  }
  const quiet = state && t >= state.lastAttemptAt.getTime() + policy.windowMs;
  const current = !state || quiet ? fresh(now) : state;
  if (current.attempts >= policy.max && t < current.nextAttemptAt.getTime()) {
    return { allowed: false, retryAfterMs: current.nextAttemptAt.getTime() - t };
  }
  const attempts = current.attempts + 1;
  const beyond = attempts - policy.max;
  const delay =
    beyond < 0
      ? 0
      : Math.min(
          policy.windowMs,
          (policy.baseDelayMs ?? PROGRESSIVE_BASE_DELAY_MS) * 2 ** Math.min(beyond, 30),
        );
  return {
    allowed: true,
    next: { ...current, attempts, lastAttemptAt: now, nextAttemptAt: new Date(t + delay) },
  };
}

/**
 * Counts one attempt for `key` if the policy lets it run. The counter row is created if missing,
 * then locked (`FOR UPDATE`) for the decision and the write, so concurrent attempts on one key
 * queue behind each other and each sees the count the previous one left.
 */
export async function takeAttempt(
  db: Db,
  key: string,
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<ThrottleDecision> {
  return db.transaction(async (tx) => {
    await tx
      .insert(signInThrottle)
      .values({ key, windowStart: now, lastAttemptAt: now, attempts: 0, nextAttemptAt: now })
      .onConflictDoNothing({ target: signInThrottle.key });
    const [row] = await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).for("update");
    const decision = decideAttempt(row ?? null, now, policy);
    if (decision.allowed) {
      await tx.update(signInThrottle).set(decision.next).where(eq(signInThrottle.key, key));
    }
    return decision;
  });
}

/** After a successful sign-in: the key starts again from zero. */
export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

/** Whole seconds for a `Retry-After` header (at least 1). */
export function retryAfterSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Deletes counter rows that can no longer affect a decision: no attempt since `before` (which the
 * caller sets at least one window back) and no delay still running. Without this the table grows by
 * one row per e-mail, device and address ever tried.
 */
export async function deleteStaleCounters(db: Db, before: Date, now = new Date()): Promise<number> {
  const deleted = await db
    .delete(signInThrottle)
    .where(
      and(
        lt(signInThrottle.lastAttemptAt, before),
        lt(signInThrottle.windowStart, before),
        lte(signInThrottle.nextAttemptAt, now),
      ),
    )
    .returning({ key: signInThrottle.key });
  return deleted.length;
}
