/** Display helpers for instants in a clinic's or a person's time zone (Intl; no date library). */
export function formatTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone }).format(
    new Date(iso),
  );
}

export function formatDayLong(iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    weekday: "long",
    month: "long",
    day: "numeric",
    timeZone,
  }).format(typeof iso === "string" ? new Date(iso) : iso);
}

export function formatDayShort(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    timeZone,
  }).format(new Date(iso));
}

export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(new Date(iso));
}

export function zoneAbbreviation(timeZone: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** The [start, end) instants of the local calendar day containing `at` in `timeZone`. */
export function localDayRange(timeZone: string, at = new Date(), days = 1): { from: string; to: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour12: false,
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const read = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0) % 24;
  const sinceMidnightMs =
    ((read("hour") * 60 + read("minute")) * 60 + read("second")) * 1000 + at.getMilliseconds();
  const start = new Date(at.getTime() - sinceMidnightMs);
  // A whole number of days ahead; a DST change inside the range only shifts the end by an hour, which
  // a day view tolerates (it filters by local date when it draws).
  const end = new Date(start.getTime() + days * 86_400_000);
  return { from: start.toISOString(), to: end.toISOString() };
}
