/**
 * The e-mail outbox (F8): messages are written to the database first, in the same transaction as
 * what caused them where possible; a worker delivers them over SMTP. A unique dedupe key per
 * message makes each "kind of message for this appointment" exist at most once.
 */
import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
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

/**
 * Delivers due messages. Each is claimed with `FOR UPDATE SKIP LOCKED` inside a transaction, so
 * parallel workers (several app servers) never pick the same message, and it is marked sent in
 * the same transaction that claimed it.
 */
export async function deliverDueMessages(
  db: Db,
  transport: MailTransport,
  now = new Date(),
  batch = 20,
): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < batch; i++) {
    const sent = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(outboxMessages)
        .where(
          and(
            isNull(outboxMessages.sentAt),
            isNull(outboxMessages.cancelledAt),
            lte(outboxMessages.sendAfter, now),
          ),
        )
        .orderBy(asc(outboxMessages.sendAfter))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!message) return null;
      try {
        await transport.send({ to: message.toAddress, subject: message.subject, text: message.body });
        await tx.update(outboxMessages).set({ sentAt: new Date() }).where(eq(outboxMessages.id, message.id));
        return true;
      } catch (error) {
        // Back off and retry later; the error text is from the mail server, not from the message.
        await tx
          .update(outboxMessages)
          .set({
            attempts: sql`${outboxMessages.attempts} + 1`,
            lastError: error instanceof Error ? error.message.slice(0, 500) : "send failed",
            sendAfter: new Date(now.getTime() + 5 * 60_000),
          })
          .where(eq(outboxMessages.id, message.id));
        return false;
      }
    });
    if (sent === null) break;
    if (sent) delivered++;
  }
  return delivered;
}
