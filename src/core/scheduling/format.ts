/**
 * Showing a slot to a client in THEIR zone (the clinic's rules are in the clinic's zone; a client
 * travelling or booking from elsewhere sees times converted).
 */

const MAX_CACHED_FORMATTERS = 256;
const formatters = new Map<string, Intl.DateTimeFormat>();

function displayFormatter(zone: string, locale: string): Intl.DateTimeFormat {
  const key = `${locale}\u0000${zone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      timeZone: zone,
      weekday: "short",
      year: "numeric",
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    });
    // Zone and locale can come from client input: keep the cache bounded.
    if (formatters.size >= MAX_CACHED_FORMATTERS) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A slot start (or any instant) as a human-readable string in `zone`, e.g.
 * "Sun, Mar 8, 2026, 3:00 AM MDT" for `en-US`. The zone abbreviation is included so a client can
 * tell which clock is meant. Throws a RangeError for an unknown zone or locale.
 */
export function formatSlotInZone(instantMs: number, zone: string, locale = "en-US"): string {
  return displayFormatter(zone, locale).format(instantMs);
}
