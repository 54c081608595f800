/**
 * Signed unsubscribe tokens (RFC 8058 one-click): an HMAC-SHA256 with the app secret (KNOTWORK_SECRET)
 * over the client and topic, so a link works without signing in and cannot be altered to name another
 * client or topic. The text format is in src/core/notify/unsubscribe.ts.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { ContactTopic } from "../../core/notify/kinds";
import {
  formatUnsubscribeToken,
  parseUnsubscribeToken,
  signedPayload,
  type UnsubscribeClaim,
} from "../../core/notify/unsubscribe";

function signature(secret: string, claim: UnsubscribeClaim): string {
  return createHmac("sha256", secret).update(signedPayload(claim)).digest("base64url");
}

export function signUnsubscribeToken(secret: string, clientId: string, topic: ContactTopic): string {
  const claim = { clientId, topic };
  return formatUnsubscribeToken(claim, signature(secret, claim));
}

/** The claim of a genuine token, or null (malformed, or signed with another key, or altered). */
export function verifyUnsubscribeToken(secret: string, token: string): UnsubscribeClaim | null {
  const parsed = parseUnsubscribeToken(token);
  if (!parsed) return null;
  const expected = Buffer.from(signature(secret, parsed.claim));
  const given = Buffer.from(parsed.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? parsed.claim : null;
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/$/, "")}/api/notify/unsubscribe?token=${encodeURIComponent(token)}`;
}
