import { randomBytes } from "node:crypto";

/** The secret part of a therapist's private ICS feed URL. */
export function newFeedToken(): string {
  return randomBytes(24).toString("base64url");
}
