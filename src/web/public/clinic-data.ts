/**
 * The public clinic page's data, fetched without the query cache: public pages stay small
 * (the 100 KB first-load budget), and the answer is public and cheap to ask for again.
 */
import { useEffect, useState } from "react";
import { ApiError, get } from "../api/client";
import type { PublicClinic } from "../clinic/api";

export type PublicClinicState =
  | { state: "loading" }
  | { state: "ready"; clinic: PublicClinic }
  | { state: "missing" }
  | { state: "error"; message: string };

export function usePublicClinic(slug: string | null): PublicClinicState {
  const [result, setResult] = useState<PublicClinicState>({ state: "loading" });
  useEffect(() => {
    if (!slug) return;
    let live = true;
    setResult({ state: "loading" });
    get<PublicClinic>(`/api/public/clinics/${encodeURIComponent(slug)}`)
      .then((clinic) => {
        if (live) setResult({ state: "ready", clinic });
      })
      .catch((error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 404) setResult({ state: "missing" });
        else
          setResult({
            state: "error",
            message: error instanceof ApiError ? error.message : "Could not load the clinic.",
          });
      });
    return () => {
      live = false;
    };
  }, [slug]);
  return result;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday] ?? "";
}

/** "$95.00", or null for a service without a price (the clinic tells it by phone). */
export function priceText(priceCents: number | null, currency: string): string | null {
  if (priceCents === null) return null;
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(priceCents / 100);
}

/** The phone number as a `tel:` link target: digits and a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, "")}`;
}
