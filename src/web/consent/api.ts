/** The consent API as the web app calls it (one `queryOptions` per key; see docs/decisions/0011). */
import { queryOptions } from "@tanstack/react-query";
import type { MyConsent } from "../../core/api/intake";
import { get } from "../api/client";

export const consentKeys = { mine: ["my-consent"] as const };

/** The signed-in client's consent: the current text and whether they signed it. */
export const myConsentQuery = queryOptions({
  queryKey: consentKeys.mine,
  queryFn: () => get<MyConsent>("/api/me/consent"),
});
