/**
 * Staff two-factor (docs/decisions/0020-two-factor-and-account-recovery.md): TOTP (RFC 6238, SHA-1,
 * 6 digits, 30-second steps, as every authenticator app expects) through `otpauth`, and ten one-time
 * recovery codes of which only keyed hashes (HMAC-SHA256) are kept. A code is accepted one step early or late
 * (clock drift) but never twice: the latest accepted step is stored and only a later one passes,
 * under a conditional UPDATE so two requests with one code cannot both win.
 */
import { randomBytes } from "node:crypto";
import { and, count, eq, isNull, lt, or, sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import type { Db } from "../db/connect";
import { authSessions, recoveryCodes, userTotp } from "../db/schema";
import type { SecretBox } from "./secret-box";

export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Knotwork";
// Lower-case letters and digits without look-alikes (0/o, 1/l/i).
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** The 30-second step a time falls in (RFC 6238's T). */
export function stepAt(ms: number): number {
  return Math.floor(ms / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The step a code belongs to, if it is valid now give or take one step; null otherwise. Pure, so
 * the window and drift rules are tested without a database.
 */
export function matchingStep(secretBase32: string, code: string, nowMs: number): number | null {
  const delta = totpFor(secretBase32, "x").validate({ token: code, timestamp: nowMs, window: 1 });
  return delta === null ? null : stepAt(nowMs) + delta;
}

/** One recovery code: 10 characters (about 50 bits), shown as `xxxxx-xxxxx`. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

/** Codes are compared without dashes, spaces or case. */
export function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, "").toLowerCase();
}

export interface TwoFactorState {
  enrolled: boolean;
  recoveryCodesLeft: number;
}

export async function twoFactorState(db: Db, userId: string): Promise<TwoFactorState> {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return { enrolled: Boolean(row?.confirmedAt), recoveryCodesLeft: left?.n ?? 0 };
}

/**
 * Starts (or restarts) enrolment: a fresh secret, sealed, waiting for its first code. Returns what
 * the person needs once: the manual key, the otpauth URL and its QR code. Null when the account
 * already has a confirmed second factor (its secret is never shown again).
 */
export async function startEnrolment(db: Db, box: SecretBox, user: { id: string; email: string }) {
  const [existing] = await db.select().from(userTotp).where(eq(userTotp.userId, user.id));
  if (existing?.confirmedAt) return null;
  const secret = new Secret({ size: 20 }).base32;
  const sealed = box.seal(secret);
  await db
    .insert(userTotp)
    .values({ userId: user.id, secretSealed: sealed })
    .onConflictDoUpdate({ target: userTotp.userId, set: { secretSealed: sealed, lastStep: null } });
  const otpauthUrl = totpFor(secret, user.email).toString();
  // The QR encoder is needed only while someone enrols; it is not loaded on every start.
  const { default: QRCode } = await import("qrcode");
  const qrSvg = await QRCode.toString(otpauthUrl, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return { manualKey: secret.replace(/(.{4})/g, "$1 ").trim(), otpauthUrl, qrSvg };
}

/**
 * Accepts a TOTP code for the user if it is valid and of a later step than any accepted before.
 * `confirmed`: whether to check the confirmed factor (sign-in) or the one waiting (enrolment).
 */
export async function acceptTotp(
  db: Db,
  box: SecretBox,
  userId: string,
  code: string,
  confirmed: boolean,
  now = new Date(),
): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  if (!row || Boolean(row.confirmedAt) !== confirmed) return false;
  const secret = box.open(row.secretSealed);
  if (!secret) return false;
  const step = matchingStep(secret, code, now.getTime());
  if (step === null) return false;
  const updated = await db
    .update(userTotp)
    .set({ lastStep: step, ...(confirmed ? {} : { confirmedAt: now }) })
    .where(
      and(
        eq(userTotp.userId, userId),
        or(isNull(userTotp.lastStep), lt(userTotp.lastStep, step)),
        confirmed ? sql`${userTotp.confirmedAt} IS NOT NULL` : isNull(userTotp.confirmedAt),
      ),
    )
    .returning({ userId: userTotp.userId });
  return updated.length === 1;
}

/** Spends one unused recovery code; true only for the first use of a code of this user. */
export async function acceptRecoveryCode(
  db: Db,
  box: SecretBox,
  userId: string,
  code: string,
  now = new Date(),
) {
  const hash = box.digest(normaliseRecoveryCode(code));
  const spent = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(eq(recoveryCodes.codeHash, hash), eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)),
    )
    .returning({ codeHash: recoveryCodes.codeHash });
  return spent.length === 1;
}

/** Replaces the user's recovery codes with ten new ones; the plain codes are returned once. */
export async function issueRecoveryCodes(db: Db, box: SecretBox, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.transaction(async (tx) => {
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    await tx
      .insert(recoveryCodes)
      .values(codes.map((code) => ({ userId, codeHash: box.digest(normaliseRecoveryCode(code)) })));
  });
  return codes;
}

export async function markSecondFactorPassed(db: Db, sessionIdHash: string, now = new Date()) {
  await db.update(authSessions).set({ secondFactorAt: now }).where(eq(authSessions.idHash, sessionIdHash));
}
