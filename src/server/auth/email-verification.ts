/**
 * E-mail verification for client sign-up (docs/decisions/0003-auth-sessions.md): the link goes
 * through the outbox, only the token's hash is stored, and a sign-up for an address that already
 * has an account tells that address's owner instead of telling the caller.
 */
import { and, eq, gt, sql } from "drizzle-orm";
import type { Config } from "../config";
import type { Db } from "../db/connect";
import { emailVerifications, users } from "../db/schema";
import { enqueueMessage } from "../notify/outbox";
import { newToken, tokenHash } from "./tokens";

const LINK_HOURS = 48;

export function verificationUrl(config: Config, token: string): string {
  return `${config.publicUrl}/api/auth/verify-email?token=${encodeURIComponent(token)}`;
}

/** Stores a new link for the user's current address and puts the e-mail carrying it in the outbox. */
export async function sendVerificationLink(
  db: Db,
  config: Config,
  user: { id: string; email: string; name: string },
  clinic: { id: string; name: string },
): Promise<void> {
  const token = newToken();
  const hash = tokenHash(token);
  await db.insert(emailVerifications).values({
    tokenHash: hash,
    userId: user.id,
    email: user.email.toLowerCase(),
    expiresAt: new Date(Date.now() + LINK_HOURS * 3_600_000),
  });
  await enqueueMessage(db, {
    clinicId: clinic.id,
    dedupeKey: `verify-email:${hash}`,
    kind: "verify_email",
    to: user.email,
    subject: `Confirm your e-mail for ${clinic.name}`,
    body: [
      `Hello ${user.name},`,
      "",
      `Please confirm that this is your e-mail address for your account at ${clinic.name} by opening this link within ${LINK_HOURS} hours:`,
      "",
      verificationUrl(config, token),
      "",
      "If you did not create an account, ignore this message; nothing more will happen.",
      "",
    ].join("\n"),
  });
}

/**
 * Tells the owner of an address that someone tried to sign up with it: at most one such message an
 * hour per account, so sign-up attempts cannot be used to flood the mailbox.
 */
export async function sendSignupAttemptNotice(
  db: Db,
  config: Config,
  user: { id: string; email: string; name: string },
  clinic: { id: string; name: string },
  now = new Date(),
): Promise<void> {
  const hour = now.toISOString().slice(0, 13);
  await enqueueMessage(db, {
    clinicId: clinic.id,
    dedupeKey: `signup-attempt:${user.id}:${hour}`,
    kind: "signup_attempt",
    to: user.email,
    subject: `Someone tried to create an account with your e-mail at ${clinic.name}`,
    body: [
      `Hello ${user.name},`,
      "",
      `Someone tried to create a new account at ${clinic.name} with this e-mail address, which already has a Knotwork account. No new account was created and nothing was changed.`,
      "",
      `If it was you, sign in with your existing password instead: ${config.publicUrl}/sign-in`,
      "If it was not you, you can ignore this message.",
      "",
    ].join("\n"),
  });
}

/**
 * Marks the address verified if the token is a live link for the user's current address.
 * Returns the user's id, or null for an unknown, expired or outdated link. All of the user's links
 * are spent at once.
 */
export async function verifyEmailToken(db: Db, token: string, now = new Date()): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .select({ userId: emailVerifications.userId, email: emailVerifications.email })
      .from(emailVerifications)
      .innerJoin(users, eq(users.id, emailVerifications.userId))
      .where(
        and(
          eq(emailVerifications.tokenHash, tokenHash(token)),
          gt(emailVerifications.expiresAt, now),
          sql`lower(${users.email}) = ${emailVerifications.email}`,
        ),
      )
      .for("update");
    if (!link) return null;
    await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(users.id, link.userId));
    await tx.delete(emailVerifications).where(eq(emailVerifications.userId, link.userId));
    return link.userId;
  });
}
