/** The consent API as the web app calls it (one `queryOptions` per key; see docs/decisions/0011). */
import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { ConsentDocumentSchema, ConsentUpdate, MyConsent } from "../../core/api/intake";
import { api, get } from "../api/client";

export type ConsentDocument = z.infer<typeof ConsentDocumentSchema>;

export const consentKeys = { mine: ["my-consent"] as const };

/** The signed-in client's consent: the current text and whether they signed it. */
export const myConsentQuery = queryOptions({
  queryKey: consentKeys.mine,
  queryFn: () => get<MyConsent>("/api/me/consent"),
});

/** The clinic's current consent text, as the owner edits it. */
export const consentDocumentQuery = queryOptions({
  queryKey: ["consent", "document"] as const,
  queryFn: () => get<ConsentDocument>("/api/consent"),
});

/** Publishes the owner's wording as the next version (every client is asked to sign again). */
export function publishConsent(body: ConsentUpdate): Promise<ConsentDocument> {
  return api<ConsentDocument>("PUT", "/api/consent", body);
}
