/**
 * iCalendar (RFC 5545) text for appointments: a single `.ics` download, an emailed invitation
 * (RFC 5546 METHOD:REQUEST / CANCEL) or a subscribable feed. Pure: no clock, no I/O, so the same input
 * always renders to the same bytes (feeds keep a stable ETag).
 *
 * Every instant is written in UTC (`YYYYMMDDTHHMMSSZ`), so no VTIMEZONE is needed and DST can never
 * shift an appointment; calendar apps show it in the viewer's own zone.
 */

export const ICS_PRODID = "-//Knotwork//Knotwork//EN";
export const ICS_MEDIA_TYPE = "text/calendar; charset=utf-8";
/** RFC 5545 §3.1: a content line should be at most 75 octets, excluding the line break. */
export const ICS_MAX_LINE_OCTETS = 75;

export type IcsEventStatus = "CONFIRMED" | "TENTATIVE" | "CANCELLED";
export type IcsMethod = "PUBLISH" | "REQUEST" | "CANCEL";

/** A calendar user for ORGANIZER / ATTENDEE, written as a `mailto:` address. */
export interface IcsPerson {
  readonly email: string;
  /** Display name (the CN parameter). */
  readonly name?: string;
}

export interface IcsAppointment {
  /** Globally unique and stable for the appointment's whole life, e.g. `appt-42@clinic.example`. */
  readonly uid: string;
  /** Epoch milliseconds; written to the second (milliseconds are dropped). */
  readonly start: number;
  /** Epoch milliseconds; must be at least one second after `start`. */
  readonly end: number;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  readonly status: IcsEventStatus;
  /** Revision number: bump it on every change that matters to the attendee (time, place, status). */
  readonly sequence?: number;
  /** Epoch milliseconds of the last change. */
  readonly lastModified?: number;
  /** Absolute http(s) link, e.g. to the booking page. */
  readonly url?: string;
  /** Needed by invitation methods (REQUEST, CANCEL) so mail clients accept the update. */
  readonly organizer?: IcsPerson;
  readonly attendees?: readonly IcsPerson[];
  /**
   * DTSTAMP, epoch milliseconds. For METHOD:REQUEST / CANCEL pass the time the message is sent.
   * Defaults to `lastModified`, else `start`, which keeps the output deterministic for feeds.
   */
  readonly dtstamp?: number;
}

/** One rendered VEVENT: its unfolded content lines (BEGIN:VEVENT … END:VEVENT). */
export interface IcsEvent {
  readonly uid: string;
  readonly status: IcsEventStatus;
  readonly lines: readonly string[];
}

export interface IcsCalendar {
  /** Calendar name shown by subscribing apps (X-WR-CALNAME and RFC 7986 NAME). */
  readonly name: string;
  readonly events: readonly IcsEvent[];
  /** Omit for a plain download or feed; REQUEST/CANCEL for invitations (RFC 5546). */
  readonly method?: IcsMethod;
}

const EVENT_STATUSES: ReadonlySet<string> = new Set<IcsEventStatus>(["CONFIRMED", "TENTATIVE", "CANCELLED"]);
const METHODS: ReadonlySet<string> = new Set<IcsMethod>(["PUBLISH", "REQUEST", "CANCEL"]);

// ---- Values.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL_EXCEPT_TAB_LF = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

/**
 * A TEXT value (RFC 5545 §3.3.11): line breaks of any kind become `\n`; backslash, semicolon and comma
 * are escaped; control characters other than tab (not allowed in TEXT) are dropped; lone UTF-16
 * surrogates become U+FFFD, as any UTF-8 encoder would write them.
 */
export function escapeIcsText(value: string): string {
  return value
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL_EXCEPT_TAB_LF, "")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n");
}

function twoDigits(n: number): string {
  return String(n).padStart(2, "0");
}

/** Epoch milliseconds → `YYYYMMDDTHHMMSSZ` (UTC DATE-TIME, RFC 5545 §3.3.5 form #2). */
export function formatIcsUtc(ms: number): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(ms) || Number.isNaN(date.getTime()) || year < 0 || year > 9999) {
    throw new RangeError(`Not an instant iCalendar can write: ${ms}`);
  }
  return (
    `${String(year).padStart(4, "0")}${twoDigits(date.getUTCMonth() + 1)}${twoDigits(date.getUTCDate())}` +
    `T${twoDigits(date.getUTCHours())}${twoDigits(date.getUTCMinutes())}${twoDigits(date.getUTCSeconds())}Z`
  );
}

/** A parameter value (e.g. CN): quoted, with the characters a quoted value cannot hold replaced. */
function paramValue(value: string): string {
  const cleaned = value
    .replace(LONE_SURROGATE, "\uFFFD")
    .replace(/[\r\n\t]+/g, " ")
    .replace(CONTROL_EXCEPT_TAB_LF, "")
    .replace(/"/g, "'");
  return `"${cleaned}"`;
}

function calAddress(person: IcsPerson): string {
  const email = person.email.trim();
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(email)) throw new RangeError(`Not an email address: ${person.email}`);
  return `mailto:${email}`;
}

function personLine(property: "ORGANIZER" | "ATTENDEE", person: IcsPerson, extra: string): string {
  const cn = person.name?.trim() ? `;CN=${paramValue(person.name.trim())}` : "";
  return `${property}${cn}${extra}:${calAddress(person)}`;
}

function uriValue(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`Not an absolute URL: ${url}`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new RangeError(`Only http(s) URLs belong in a calendar: ${url}`);
  }
  return parsed.href;
}

// ---- Lines.

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds one content line (RFC 5545 §3.1): at most 75 octets of UTF-8 per physical line, continuation
 * lines starting with one space (counted in the 75). Splits only between code points, never inside a
 * multi-byte character. Returns the physical lines joined by CRLF, without a trailing break.
 */
export function foldIcsLine(line: string): string {
  const physical: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line.replace(LONE_SURROGATE, "\uFFFD")) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    if (octets + size > ICS_MAX_LINE_OCTETS) {
      physical.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  physical.push(current);
  return physical.join("\r\n");
}

function textLine(name: string, value: string | undefined): string[] {
  return value === undefined ? [] : [`${name}:${escapeIcsText(value)}`];
}

function instant(ms: number, what: string): number {
  if (typeof ms !== "number" || !Number.isFinite(ms))
    throw new RangeError(`${what} must be epoch milliseconds`);
  return Math.floor(ms / 1000) * 1000;
}

/**
 * One appointment as a VEVENT. Throws RangeError on input no calendar app would accept: an empty uid,
 * an end not after the start, an unknown status, a negative or fractional sequence, a bad URL or email.
 */
export function appointmentToIcsEvent(appointment: IcsAppointment): IcsEvent {
  const uid = appointment.uid.trim();
  if (uid === "") throw new RangeError("An event needs a non-empty uid");
  if (!EVENT_STATUSES.has(appointment.status)) throw new RangeError(`Unknown status: ${appointment.status}`);
  const start = instant(appointment.start, "start");
  const end = instant(appointment.end, "end");
  if (end <= start) throw new RangeError(`Event ${uid} must end after it starts`);
  const sequence = appointment.sequence ?? 0;
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    throw new RangeError(`sequence must be a whole number ≥ 0, got ${sequence}`);
  }
  const lastModified =
    appointment.lastModified === undefined ? undefined : instant(appointment.lastModified, "lastModified");
  const dtstamp =
    appointment.dtstamp === undefined ? (lastModified ?? start) : instant(appointment.dtstamp, "dtstamp");

  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeIcsText(uid)}`,
    `DTSTAMP:${formatIcsUtc(dtstamp)}`,
    `DTSTART:${formatIcsUtc(start)}`,
    `DTEND:${formatIcsUtc(end)}`,
    ...textLine("SUMMARY", appointment.summary),
    ...textLine("DESCRIPTION", appointment.description),
    ...textLine("LOCATION", appointment.location),
    `STATUS:${appointment.status}`,
    `SEQUENCE:${sequence}`,
    ...(lastModified === undefined ? [] : [`LAST-MODIFIED:${formatIcsUtc(lastModified)}`]),
    ...(appointment.url === undefined ? [] : [`URL:${uriValue(appointment.url)}`]),
    ...(appointment.organizer ? [personLine("ORGANIZER", appointment.organizer, "")] : []),
    ...(appointment.attendees ?? []).map((person) =>
      personLine("ATTENDEE", person, ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE"),
    ),
    // A cancelled slot no longer blocks the person's free/busy time.
    `TRANSP:${appointment.status === "CANCELLED" ? "TRANSPARENT" : "OPAQUE"}`,
    "END:VEVENT",
  ];
  return { uid, status: appointment.status, lines };
}

function checkMethod(method: IcsMethod | undefined, events: readonly IcsEvent[]): void {
  if (method === undefined) return;
  if (!METHODS.has(method)) throw new RangeError(`Unknown method: ${method}`);
  if (method === "CANCEL") {
    const live = events.find((event) => event.status !== "CANCELLED");
    if (live)
      throw new RangeError(`METHOD:CANCEL needs every event CANCELLED; ${live.uid} is ${live.status}`);
  }
}

/**
 * A whole VCALENDAR: CRLF line endings (including after the last line), every line folded to
 * 75 octets. Throws RangeError for an unknown method or a METHOD:CANCEL that carries a live event.
 * REQUEST / CANCEL messages should give each event an organizer (RFC 5546), or mail clients may not
 * treat them as invitations.
 */
export function buildCalendar(calendar: IcsCalendar): string {
  checkMethod(calendar.method, calendar.events);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${ICS_PRODID}`,
    "CALSCALE:GREGORIAN",
    ...(calendar.method === undefined ? [] : [`METHOD:${calendar.method}`]),
    ...textLine("X-WR-CALNAME", calendar.name),
    ...textLine("NAME", calendar.name),
    ...calendar.events.flatMap((event) => event.lines),
    "END:VCALENDAR",
  ];
  return `${lines.map(foldIcsLine).join("\r\n")}\r\n`;
}

export interface IcsFileNameOptions {
  /** e.g. the service name, "Trigger point massage". */
  readonly title: string;
  /** Epoch milliseconds; when given, the file name starts with the local date (YYYY-MM-DD). */
  readonly start?: number;
  /** IANA zone for that date, e.g. the clinic's `America/Boise`; UTC when omitted. */
  readonly timeZone?: string;
}

const MAX_SLUG_LENGTH = 60;

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, "");
}

function localDate(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/**
 * A safe download name: `2025-03-10-trigger-point-massage.ics` (ASCII letters, digits and hyphens only,
 * so it needs no quoting in Content-Disposition); `appointment.ics` when nothing usable is left.
 */
export function icsFileName(options: IcsFileNameOptions): string {
  const date = options.start === undefined ? "" : localDate(options.start, options.timeZone ?? "UTC");
  const base = [date, slugify(options.title)].filter((part) => part !== "").join("-");
  return `${base === "" ? "appointment" : base}.ics`;
}
