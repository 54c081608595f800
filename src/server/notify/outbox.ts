/**
 * The e-mail outbox (F8, docs/decisions/0017-notifications.md): messages are written to the database
 * first, in the same transaction as what caused them, each with the instant it is due; workers on any
 * number of servers deliver them over SMTP (claim, send outside any transaction, mark). A unique dedupe
 * key per message makes each "kind of message for this appointment" exist at most once.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { categoryOf } from "../../core/notify/kinds";
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
  html?: string | null;
  ics?: string | null;
  appointmentId?: string | null;
  clientId?: string | null;
}

/** The row values of a message (shared with booking's single-statement insert). */
export function outboxRow(message: OutgoingMessage) {
  return {
    clinicId: message.clinicId,
    dedupeKey: message.dedupeKey,
    kind: message.kind,
    toAddress: message.to,
    subject: message.subject,
    body: message.body,
    sendAfter: message.sendAfter ?? new Date(),
    html: message.html ?? null,
    ics: message.ics ?? null,
    appointmentId: message.appointmentId ?? null,
    clientId: message.clientId ?? null,
    category: categoryOf(message.kind),
  };
}

/** Returns false when a message with this dedupe key already exists (nothing is sent twice). */
export async function enqueueMessage(db: Db, message: OutgoingMessage): Promise<boolean> {
  const inserted = await db
    .insert(outboxMessages)
    .values(outboxRow(message))
    .onConflictDoNothing({ target: outboxMessages.dedupeKey })
    .returning({ id: outboxMessages.id });
  return inserted.length > 0;
}

/** One e-mail as the transport sends it. */
export interface MailToSend {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** The stable Message-ID (`<row id@host>`), the same on every try of this message. */
  messageId?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: string; contentType: string }[];
}

export interface MailTransport {
  send(message: MailToSend): Promise<void>;
}

/**
 * Text messages: the interface an SMS provider would implement. There is no sender (no provider is
 * reachable here); rows with channel "sms" would be claimed by a worker given one.
 */
export interface SmsTransport {
  send(message: { to: string; text: string; messageId: string }): Promise<void>;
}

/** How long a claimed message is a worker's alone; past it, another worker may retry it. */
export const CLAIM_LEASE_MS = 10 * 60_000;
const FIRST_RETRY_MS = 5 * 60_000;
const MAX_RETRY_MS = 6 * 3_600_000;
/** Tries before a message that keeps failing temporarily is given up (dead-lettered): about 2.5 h of retries. */
export const MAX_ATTEMPTS = 6;

/** Wait before the next try after `attempts` failed ones: 5 min, doubling, at most 6 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

/**
 * Whether a send error is permanent: an SMTP 5xx reply (no such mailbox, refused). Connection errors
 * and 4xx replies are temporary and retried.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export type ClaimedMessage = typeof outboxMessages.$inferSelect;

const pending = () =>
  and(isNull(outboxMessages.sentAt), isNull(outboxMessages.cancelledAt), isNull(outboxMessages.deadAt));

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
    pending(),
    eq(outboxMessages.channel, "email"),
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
 * Claims up to `limit` due messages for `leaseMs` in one short transaction (a locking SELECT with
 * `SKIP LOCKED`, then the UPDATE of exactly those rows), so a lane pays one round of claiming per
 * batch instead of per message. Rows claimed but not yet sent when a worker dies are retried after the
 * lease (late, never lost); only the one being sent can be repeated.
 */
export async function claimDueMessages(
  db: Db,
  now: Date,
  leaseMs: number,
  limit: number,
): Promise<ClaimedMessage[]> {
  if (limit <= 1) {
    const one = await claimDueMessage(db, now, leaseMs);
    return one ? [one] : [];
  }
  const due = and(
    pending(),
    eq(outboxMessages.channel, "email"),
    lte(outboxMessages.sendAfter, now),
    or(isNull(outboxMessages.claimedUntil), lte(outboxMessages.claimedUntil, now)),
  );
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const ids = await t
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(due)
      .orderBy(asc(outboxMessages.sendAfter))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (ids.length === 0) return [];
    const claimed = await t
      .update(outboxMessages)
      .set({ claimedUntil: new Date(now.getTime() + leaseMs), attempts: sql`${outboxMessages.attempts} + 1` })
      .where(
        and(
          inArray(
            outboxMessages.id,
            ids.map((r) => r.id),
          ),
          due,
        ),
      )
      .returning();
    return claimed.sort((a, b) => a.sendAfter.getTime() - b.sendAfter.getTime());
  });
}

/** The stable Message-ID of a row: derived from its id, so every try (and a repeat after a crash) carries the same one. */
export function messageIdOf(rowId: string, host: string): string {
  return `<${rowId}@${host}>`;
}

/**
 * What delivery asks before sending a claimed message: null to send it as it is (with extra headers),
 * or a reason to cancel it instead (the client opted out; an intake reminder no longer needed).
 */
export type Preflight = (
  message: ClaimedMessage,
) => Promise<
  { cancel: string } | { headers?: Record<string, string>; footer?: { text: string; html: string } }
>;

export interface DeliveryOptions {
  now?: () => Date;
  /** How many messages one call delivers at most (default: until none is due). */
  batch?: number;
  leaseMs?: number;
  /** Parallel claim → send → mark lanes in this process (default 1). */
  concurrency?: number;
  /**
   * Messages a lane claims at once (default 1). Larger batches pay one claim per batch, but hold
   * later messages' leases while earlier ones are sent; those with half their lease spent are released.
   */
  claimBatch?: number;
  /** Host part of Message-IDs (default "knotwork.invalid"). */
  messageIdHost?: string;
  preflight?: Preflight;
}

/**
 * Delivers due messages: claim (a short statement), send over SMTP outside any transaction, then mark
 * sent, or release the claim with a back-off and the error, or dead-letter it after a permanent
 * refusal or the last try. No transaction is open while the mail server talks, so a slow server never
 * holds a lock or, on PGlite (where a transaction has the database to itself), stalls other requests.
 */
export async function deliverDueMessages(
  db: Db,
  transport: MailTransport,
  options: DeliveryOptions = {},
): Promise<number> {
  const clock = options.now ?? (() => new Date());
  const batch = options.batch ?? 20;
  const host = options.messageIdHost ?? "knotwork.invalid";
  const leaseMs = options.leaseMs ?? CLAIM_LEASE_MS;
  let claimedCount = 0;
  let delivered = 0;

  async function lane() {
    while (claimedCount < batch) {
      const size = Math.min(options.claimBatch ?? 1, batch - claimedCount);
      claimedCount += size;
      const messages = await claimDueMessages(db, clock(), leaseMs, size);
      if (messages.length === 0) return;
      for (const message of messages) {
        // A batch's later messages wait for the earlier ones: one whose lease is half spent is
        // released unsent rather than risk a second worker claiming it while it is being sent.
        const until = message.claimedUntil?.getTime() ?? 0;
        if (messages.length > 1 && clock().getTime() > until - leaseMs / 2) {
          await db
            .update(outboxMessages)
            .set({ claimedUntil: null, attempts: sql`${outboxMessages.attempts} - 1` })
            .where(
              and(
                eq(outboxMessages.id, message.id),
                isNull(outboxMessages.sentAt),
                eq(outboxMessages.claimedUntil, message.claimedUntil ?? new Date(0)),
              ),
            );
          continue;
        }
        if (await deliverOne(message)) delivered++;
      }
    }
  }

  async function deliverOne(message: ClaimedMessage): Promise<boolean> {
    const unsent = and(eq(outboxMessages.id, message.id), isNull(outboxMessages.sentAt));
    const stillOurs = and(unsent, eq(outboxMessages.claimedUntil, message.claimedUntil ?? new Date(0)));
    const check = options.preflight ? await options.preflight(message) : {};
    if ("cancel" in check) {
      await db
        .update(outboxMessages)
        .set({ cancelledAt: clock(), cancelReason: check.cancel, claimedUntil: null })
        .where(stillOurs);
      return false;
    }
    const messageId = message.messageId ?? messageIdOf(message.id, host);
    const footer = "footer" in check ? check.footer : undefined;
    const text = footer ? `${message.body}\n\n${footer.text}` : message.body;
    const html =
      message.html && footer ? message.html.replace("</body>", `${footer.html}</body>`) : message.html;
    try {
      await transport.send({
        to: message.toAddress,
        subject: message.subject,
        text,
        ...(html ? { html } : {}),
        messageId,
        ...("headers" in check && check.headers ? { headers: check.headers } : {}),
        ...(message.ics
          ? {
              attachments: [
                {
                  filename: "appointment.ics",
                  content: message.ics,
                  contentType: "text/calendar; charset=utf-8; method=REQUEST",
                },
              ],
            }
          : {}),
      });
    } catch (error) {
      // The error text is from the mail server, not from the message.
      const lastError = error instanceof Error ? error.message.slice(0, 500) : "send failed";
      const give_up = isPermanentFailure(error) || message.attempts >= MAX_ATTEMPTS;
      await db
        .update(outboxMessages)
        .set({
          claimedUntil: null,
          lastError,
          messageId,
          ...(give_up
            ? { deadAt: clock() }
            : { sendAfter: new Date(clock().getTime() + retryDelayMs(message.attempts)) }),
        })
        // Only while the claim is still ours: past the lease another worker may hold it now.
        .where(stillOurs);
      return false;
    }
    // Sent is sent, whoever holds the claim now.
    await db.update(outboxMessages).set({ sentAt: clock(), claimedUntil: null, messageId }).where(unsent);
    return true;
  }

  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 1) }, lane));
  return delivered;
}
