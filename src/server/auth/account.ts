/**
 * Account recovery and details (docs/decisions/0020-two-factor-and-account-recovery.md): password
 * reset by an e-mailed single-use link, and a change of e-mail that waits for the new address to
 * confirm. Links are stored as SHA-256 hashes only, like sessions and sign-up links, and go out
 * through the outbox (with no SMTP configured they stay in the in-app message centre).
 */
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Config } from "../config";
import type { Db } from "../db/connect";
import {
  authSessions,
  clients,
  clinics,
  emailChanges,
  memberships,
  passwordResets,
  users,
} from "../db/schema";
import { enqueueMessage } from "../notify/outbox";
import { newToken, tokenHash } from "./tokens";

export const RESET_LINK_MINUTES = 60;
export const EMAIL_CHANGE_LINK_HOURS = 24;

/** The clinic a person's account messages are filed under: their first staff clinic, else client clinic. */
async function clinicOf(db: Db, userId: string): Promise<{ id: string; name: string } | null> {
  const [staff] = await db
    .select({ id: clinics.id, name: clinics.name })
    .from(memberships)
    .innerJoin(clinics, eq(clinics.id, memberships.clinicId))
    .where(eq(memberships.userId, userId))
    .limit(1);
  if (staff) return staff;
  const [client] = await db
    .select({ id: clinics.id, name: clinics.name })
    .from(clients)
    .innerJoin(clinics, eq(clinics.id, clients.clinicId))
    .where(eq(clients.userId, userId))
    .limit(1);
  return client ?? null;
}

export function resetUrl(config: Config, token: string): string {
  return `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
}

/** Stores a reset link for the user and puts the e-mail carrying it in the outbox. */
export async function sendPasswordResetLink(
  db: Db,
  config: Config,
  user: { id: string; email: string; name: string },
  now = new Date(),
): Promise<void> {
  const token = newToken();
  const hash = tokenHash(token);
  const clinic = await clinicOf(db, user.id);
  await db.insert(passwordResets).values({
    tokenHash: hash,
    userId: user.id,
    expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000),
  });
  await enqueueMessage(db, {
    clinicId: clinic?.id ?? null,
    dedupeKey: `password-reset:${hash}`,
    kind: "password_reset",
    to: user.email,
    subject: `Choose a new password${clinic ? ` for ${clinic.name}` : ""}`,
    body: [
      `Hello ${user.name},`,
      "",
      `Someone (hopefully you) asked to reset the password of your Knotwork account. Open this link within ${RESET_LINK_MINUTES} minutes to choose a new one; it works once:`,
      "",
      resetUrl(config, token),
      "",
      "If you did not ask for this, ignore this message: your password stays as it is.",
      "",
    ].join("\n"),
  });
}

/**
 * Spends a reset link: sets the new password, voids every other link of the user and ends all of
 * their sessions (whoever had the old password is out). Returns the user's id, or null for an
 * unknown, used or expired link.
 */
/** Whether a reset link is live (unused, unexpired), checked before the costly password hash. */
export async function isLiveResetLink(db: Db, token: string, now = new Date()): Promise<boolean> {
  const [link] = await db
    .select({ userId: passwordResets.userId })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    );
  return Boolean(link);
}

export async function resetPassword(
  db: Db,
  token: string,
  passwordHash: string,
  now = new Date(),
): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [link] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(
        and(
          eq(passwordResets.tokenHash, tokenHash(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, now),
        ),
      )
      .returning({ userId: passwordResets.userId });
    if (!link) return null;
    await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, link.userId));
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, link.userId), isNull(passwordResets.usedAt)));
    await tx.delete(authSessions).where(eq(authSessions.userId, link.userId));
    return link.userId;
  });
}

export function emailChangeUrl(config: Config, token: string): string {
  return `${config.publicUrl}/api/account/email/confirm?token=${encodeURIComponent(token)}`;
}

/** A change of address waits for a link sent to the new address; the old one is told. */
export async function requestEmailChange(
  db: Db,
  config: Config,
  user: { id: string; email: string; name: string },
  newEmail: string,
  now = new Date(),
): Promise<void> {
  const token = newToken();
  const hash = tokenHash(token);
  const clinic = await clinicOf(db, user.id);
  await db.transaction(async (tx) => {
    // One pending change at a time: a new request voids the older link.
    await tx.delete(emailChanges).where(eq(emailChanges.userId, user.id));
    await tx.insert(emailChanges).values({
      tokenHash: hash,
      userId: user.id,
      newEmail,
      expiresAt: new Date(now.getTime() + EMAIL_CHANGE_LINK_HOURS * 3_600_000),
    });
    await enqueueMessage(tx, {
      clinicId: clinic?.id ?? null,
      dedupeKey: `email-change:${hash}`,
      kind: "email_change",
      to: newEmail,
      subject: "Confirm your new e-mail address",
      body: [
        `Hello ${user.name},`,
        "",
        `Please confirm that this is your new e-mail address for Knotwork by opening this link within ${EMAIL_CHANGE_LINK_HOURS} hours:`,
        "",
        emailChangeUrl(config, token),
        "",
        "Until then you keep signing in with your old address. If you did not ask for this, ignore this message.",
        "",
      ].join("\n"),
    });
    await enqueueMessage(tx, {
      clinicId: clinic?.id ?? null,
      dedupeKey: `email-change-notice:${hash}`,
      kind: "email_change_notice",
      to: user.email,
      subject: "A change of your e-mail address was requested",
      body: [
        `Hello ${user.name},`,
        "",
        `Someone signed in to your Knotwork account asked to change its e-mail address to ${newEmail}. It changes only once that address confirms.`,
        "If this was not you, sign in and change your password.",
        "",
      ].join("\n"),
    });
  });
}

export type EmailChangeResult = { userId: string } | "invalid" | "taken";

/**
 * Applies a confirmed change of address to the account and to the user's client records (the
 * clinic writes to them there). `taken` when another account has the address meanwhile.
 */
export async function confirmEmailChange(
  db: Db,
  token: string,
  now = new Date(),
): Promise<EmailChangeResult> {
  return db.transaction(async (tx) => {
    const [change] = await tx
      .delete(emailChanges)
      .where(and(eq(emailChanges.tokenHash, tokenHash(token)), gt(emailChanges.expiresAt, now)))
      .returning();
    if (!change) return "invalid" as const;
    const [other] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${change.newEmail}`, sql`${users.id} <> ${change.userId}`))
      .limit(1);
    if (other) return "taken" as const;
    await tx
      .update(users)
      .set({ email: change.newEmail, emailVerifiedAt: now })
      .where(eq(users.id, change.userId));
    await tx.update(clients).set({ email: change.newEmail }).where(eq(clients.userId, change.userId));
    return { userId: change.userId };
  });
}

export async function pendingEmailOf(db: Db, userId: string, now = new Date()): Promise<string | null> {
  const [change] = await db
    .select({ newEmail: emailChanges.newEmail })
    .from(emailChanges)
    .where(and(eq(emailChanges.userId, userId), gt(emailChanges.expiresAt, now)))
    .limit(1);
  return change?.newEmail ?? null;
}
