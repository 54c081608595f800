/**
 * The one-time token that guards the first-run page. Printed to the server log at start while no
 * clinic exists; the database keeps only its SHA-256 (like sessions and invitations), so a leaked
 * table does not leak a usable token, and any app server accepts a token another one printed.
 */
import { and, eq, gt, lte } from "drizzle-orm";
import { newToken, tokenHash } from "../auth/tokens";
import type { Db } from "../db/connect";
import { setupTokens } from "../db/schema";
import type { Tx } from "./create-clinic";

/** Long enough for an operator to get to the page; a restart prints a fresh one. */
export const SETUP_TOKEN_HOURS = 24;

/** Stores (the hash of) a new token, or of the operator's own `KNOTWORK_SETUP_TOKEN`, and returns it. */
export async function issueSetupToken(db: Db, chosen: string | null, now = new Date()): Promise<string> {
  const token = chosen ?? newToken();
  const expiresAt = new Date(now.getTime() + SETUP_TOKEN_HOURS * 3_600_000);
  await db.delete(setupTokens).where(lte(setupTokens.expiresAt, now));
  await db
    .insert(setupTokens)
    .values({ tokenHash: tokenHash(token), expiresAt })
    .onConflictDoUpdate({ target: setupTokens.tokenHash, set: { expiresAt } });
  return token;
}

/**
 * Uses up a token: true when it was valid. DELETE … RETURNING takes the row lock, so of two
 * requests with the same token only one gets it.
 */
export async function consumeSetupToken(tx: Tx, token: string, now = new Date()): Promise<boolean> {
  const rows = await tx
    .delete(setupTokens)
    .where(and(eq(setupTokens.tokenHash, tokenHash(token)), gt(setupTokens.expiresAt, now)))
    .returning({ tokenHash: setupTokens.tokenHash });
  return rows.length === 1;
}

/** Once a clinic exists no token has any use left. */
export async function clearSetupTokens(tx: Pick<Db, "delete">): Promise<void> {
  await tx.delete(setupTokens);
}
