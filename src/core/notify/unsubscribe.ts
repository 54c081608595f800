/**
 * The unsubscribe token's format: `u1.<client id>.<topic>.<signature>`. The signature (an HMAC the
 * server computes with its secret over `signedPayload`) is what makes it unforgeable; this module only
 * builds and splits the text, so it has no I/O and no key.
 */
import { CONTACT_TOPICS, type ContactTopic } from "./kinds";

const VERSION = "u1";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

export interface UnsubscribeClaim {
  clientId: string;
  topic: ContactTopic;
}

/** The exact bytes that are signed: the version, the client and the topic. */
export function signedPayload(claim: UnsubscribeClaim): string {
  return `knotwork-unsubscribe:${VERSION}:${claim.clientId}:${claim.topic}`;
}

export function formatUnsubscribeToken(claim: UnsubscribeClaim, signature: string): string {
  return `${VERSION}.${claim.clientId}.${claim.topic}.${signature}`;
}

/** Splits a token into its claim and signature, or null when it is not one (the signature is not checked here). */
export function parseUnsubscribeToken(token: string): { claim: UnsubscribeClaim; signature: string } | null {
  if (token.length > 200) return null;
  const [version, clientId, topic, signature, ...rest] = token.split(".");
  if (version !== VERSION || rest.length > 0 || !clientId || !topic || !signature) return null;
  if (!UUID.test(clientId) || !SIGNATURE.test(signature)) return null;
  if (!(CONTACT_TOPICS as readonly string[]).includes(topic)) return null;
  return { claim: { clientId, topic: topic as ContactTopic }, signature };
}
