import { randomBytes } from "node:crypto";
import { tokenHash } from "../auth/tokens";

/**
 * The secret part of a therapist's private ICS feed URL. Only its hash is stored
 * (`therapists.feed_token_hash`), like session and invitation tokens: the URL is shown once, when
 * it is issued, and a leaked table or backup does not let anyone read a therapist's schedule.
 */
export function newFeedToken(): string {
  return randomBytes(24).toString("base64url");
}

export const feedTokenHash = tokenHash;

/**
 * The hash for a new therapist row: a token nobody has seen, so the row has no working feed URL
 * until the owner or the therapist issues one (which replaces this hash).
 */
export function unissuedFeedTokenHash(): string {
  return feedTokenHash(newFeedToken());
}
