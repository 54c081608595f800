/**
 * The e-mail outbox (F8): messages are written to the database first, in the same transaction as
 * what caused them where possible; a worker delivers them over SMTP. A unique dedupe key per
 * message makes each "kind of message for this appointment" exist at most once.
 */
import { and, asc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Db } from "../db/connect";
import { outboxMessages } from "../db/schema";

export interface OutgoingMessage {
  clinicId: string | null;
  dedupeKey: string;
  kind: string;
  to: string;
  subject: string;
  body: string;
  sendAfter?: Date;
}

/** Returns false when a message with this dedupe key already exists (nothing is sent twice). */
export async function enqueueMessage(db: Db, message: OutgoingMessage): Promise<boolean> {
  const inserted = await db
    .insert(outboxMessages)
    .values({
      clinicId: message.clinicId,
      dedupeKey: message.dedupeKey,
      kind: message.kind,
      toAddress: message.to,
      subject: message.subject,
      body: message.body,
      sendAfter: message.sendAfter ?? new Date(),
    })
    .onConflictDoNothing({ target: outboxMessages.dedupeKey })
    .returning({ id: outboxMessages.id });
  return inserted.length > 0;
}

export interface MailTransport {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** How long a claimed message is a worker's alone; past it, another worker may retry it. */
export const CLAIM_LEASE_MS = 10 * 60_000;
const FIRST_RETRY_MS = 5 * 60_000;
const MAX_RETRY_MS = 6 * 3_600_000;

/** Wait before the next try after `attempts` failed ones: 5 min, doubling, at most 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

type ClaimedMessage = typeof outboxMessages.$inferSelect;

/**
 * Claims the next due message for `leaseMs` in one short statement (its own transaction): the
 * `FOR UPDATE SKIP LOCKED` sub-select means parallel workers never claim the same row, and the lease
 * means a worker that dies mid-send does not hold the message for ever.
 */
export async function claimDueMessage(
  db: Db,
  now: Date,
  leaseMs = CLAIM_LEASE_MS,
): Promise<ClaimedMessage | null> {
  const due = and(
    isNull(outboxMessages.sentAt),
    isNull(outboxMessages.cancelledAt),
    lte(outboxMessages.sendAfter, now),
    or(isNull(outboxMessages.claimedUntil), lte(outboxMessages.claimedUntil, now)),
  );
  const next = db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(due)
    .orderBy(asc(outboxMessages.sendAfter))
    .limit(1)
    .for("update", { skipLocked: true });
  const [claimed] = await db
    .update(outboxMessages)
    .set({
      claimedUntil: new Date(now.getTime() + leaseMs),
      // Counted when the attempt starts, so a message that kills its worker still runs out of luck slowly.
      attempts: sql`${outboxMessages.attempts} + 1`,
    })
    // `= (sub-select)` runs once (an InitPlan); `IN (sub-select … LIMIT 1)` may be re-run per row
    // and claim several.
    .where(and(eq(outboxMessages.id, sql`(${next})`), due))
    .returning();
  return claimed ?? null;
}

/**
 * Delivers due messages, one at a time: claim (a short statement), send over SMTP outside any
 * transaction, then mark sent, or release the claim with a back-off and the error. No transaction
 * is open while the mail server talks, so a slow server never holds a lock or, on PGlite (where a
 * transaction has the database to itself), stalls every other request.
 */
export async function deliverDueMessages(
  db: Db,
  transport: MailTransport,
  options: { now?: () => Date; batch?: number; leaseMs?: number } = {},
): Promise<number> {
  const clock = options.now ?? (() => new Date());
  const batch = options.batch ?? 20;
  let delivered = 0;
  for (let i = 0; i < batch; i++) {
    const message = await claimDueMessage(db, clock(), options.leaseMs);
    if (!message) break;
    const unsent = and(eq(outboxMessages.id, message.id), isNull(outboxMessages.sentAt));
    try {
      await transport.send({ to: message.toAddress, subject: message.subject, text: message.body });
    } catch (error) {
      // Back off and retry later; the error text is from the mail server, not from the message.
      await db
        .update(outboxMessages)
        .set({
          claimedUntil: null,
          lastError: error instanceof Error ? error.message.slice(0, 500) : "send failed",
          sendAfter: new Date(clock().getTime() + retryDelayMs(message.attempts)),
        })
        // Only while the claim is still ours: past the lease another worker may hold it now.
        .where(and(unsent, eq(outboxMessages.claimedUntil, message.claimedUntil ?? new Date(0))));
      continue;
    }
    // Sent is sent, whoever holds the claim now.
    await db.update(outboxMessages).set({ sentAt: clock(), claimedUntil: null }).where(unsent);
    delivered++;
  }
  return delivered;
}
