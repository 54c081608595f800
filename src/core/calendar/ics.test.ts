import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import {
  appointmentToIcsEvent,
  buildCalendar,
  escapeIcsText,
  foldIcsLine,
  formatIcsUtc,
  ICS_MAX_LINE_OCTETS,
  ICS_PRODID,
  type IcsAppointment,
  type IcsCalendar,
  icsFileName,
} from "./index";

const BOISE = "America/Boise";
const HOUR = 3_600_000;

/** 10:00 Boise time on 2025-03-10, the Monday after DST began (MDT, UTC−6). */
const MONDAY_TEN_AM = Date.UTC(2025, 2, 10, 16);

function appointment(overrides: Partial<IcsAppointment> = {}): IcsAppointment {
  return {
    uid: "appt-1@knotwork.test",
    start: MONDAY_TEN_AM,
    end: MONDAY_TEN_AM + HOUR,
    summary: "Trigger point massage",
    status: "CONFIRMED",
    ...overrides,
  };
}

function calendarOf(appointments: readonly IcsAppointment[], extra: Partial<IcsCalendar> = {}): string {
  return buildCalendar({ name: "Knotwork", events: appointments.map(appointmentToIcsEvent), ...extra });
}

/** Parses with the real ical.js parser, as a calendar app would. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
  return { calendar, events };
}

function onlyEvent(text: string) {
  const { events } = parse(text);
  expect(events).toHaveLength(1);
  const event = events[0];
  if (!event) throw new Error("no event");
  return event;
}

/** UTF-8 round trip: replaces lone surrogates with U+FFFD, as the encoder writing the file would. */
function toWellFormed(text: string): string {
  return new TextDecoder().decode(new TextEncoder().encode(text));
}

function isWellFormed(text: string): boolean {
  return toWellFormed(text) === text;
}

function octets(text: string): number {
  return new TextEncoder().encode(text).length;
}

function physicalLines(text: string): string[] {
  expect(text.endsWith("\r\n")).toBe(true);
  return text.slice(0, -2).split("\r\n");
}

/** RFC 5545 §3.1 unfolding: a line break followed by one space or tab is removed. */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .slice(0, -2)
    .split("\r\n");
}

/** `2025-03-09 01:30 GMT-07:00`: wall-clock time and UTC offset in a zone (locale-independent). */
function localTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "longOffset",
  }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")} ${part("timeZoneName")}`;
}

describe("calendar structure", () => {
  it("writes VERSION, PRODID, the calendar name, and one VEVENT per appointment", () => {
    const text = calendarOf([appointment(), appointment({ uid: "appt-2@knotwork.test" })]);
    const { calendar, events } = parse(text);
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe(ICS_PRODID);
    expect(calendar.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Knotwork");
    expect(calendar.getFirstPropertyValue("method")).toBeNull();
    expect(events.map((e) => e.uid)).toEqual(["appt-1@knotwork.test", "appt-2@knotwork.test"]);
  });

  it("uses CRLF line endings only, ending with one", () => {
    const text = calendarOf([appointment({ description: "line one\nline two\r\nline three\rline four" })]);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
  });

  it("writes every instant in UTC and a DTSTAMP on every event", () => {
    const text = calendarOf([appointment({ lastModified: Date.UTC(2025, 1, 20, 9, 30, 15) })]);
    const lines = unfold(text);
    expect(lines).toContain("DTSTART:20250310T160000Z");
    expect(lines).toContain("DTEND:20250310T170000Z");
    expect(lines).toContain("LAST-MODIFIED:20250220T093015Z");
    expect(lines).toContain("DTSTAMP:20250220T093015Z");
    for (const line of lines.filter((l) => /^(DTSTART|DTEND|DTSTAMP|LAST-MODIFIED)[:;]/.test(l))) {
      expect(line).toMatch(/^[A-Z-]+:\d{8}T\d{6}Z$/);
    }
  });

  it("takes DTSTAMP from dtstamp when given, else lastModified, else start", () => {
    const stampOf = (a: IcsAppointment) =>
      onlyEvent(calendarOf([a]))
        .component.getFirstPropertyValue("dtstamp")
        ?.toString();
    expect(stampOf(appointment({ dtstamp: Date.UTC(2025, 2, 1, 12), lastModified: 0 }))).toBe(
      "2025-03-01T12:00:00Z",
    );
    expect(stampOf(appointment({ lastModified: Date.UTC(2025, 2, 2) }))).toBe("2025-03-02T00:00:00Z");
    expect(stampOf(appointment())).toBe("2025-03-10T16:00:00Z");
  });

  it("renders the same appointment to the same bytes (stable feeds)", () => {
    expect(calendarOf([appointment()])).toBe(calendarOf([appointment()]));
  });

  it("writes an empty but valid calendar when there are no events", () => {
    const { calendar, events } = parse(buildCalendar({ name: "Nothing booked", events: [] }));
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Nothing booked");
  });

  it("writes METHOD when asked", () => {
    for (const method of ["PUBLISH", "REQUEST"] as const) {
      const { calendar } = parse(calendarOf([appointment()], { method }));
      expect(calendar.getFirstPropertyValue("method")).toBe(method);
    }
    const cancel = calendarOf([appointment({ status: "CANCELLED", sequence: 1 })], { method: "CANCEL" });
    expect(parse(cancel).calendar.getFirstPropertyValue("method")).toBe("CANCEL");
  });

  it("refuses METHOD:CANCEL for an event that is not cancelled", () => {
    expect(() => calendarOf([appointment()], { method: "CANCEL" })).toThrow(/CANCELLED/);
  });
});

describe("instants", () => {
  it("writes the exact instant, to the second, that ical.js reads back", () => {
    const start = Date.UTC(2025, 6, 4, 15, 45, 30);
    const event = onlyEvent(calendarOf([appointment({ start, end: start + 90 * 60_000 })]));
    expect(event.startDate.toJSDate().getTime()).toBe(start);
    expect(event.endDate.toJSDate().getTime()).toBe(start + 90 * 60_000);
    expect(event.startDate.zone.tzid).toBe("UTC");
  });

  it("drops milliseconds rather than rounding into the next second", () => {
    expect(formatIcsUtc(Date.UTC(2025, 0, 1, 8, 59, 59, 999))).toBe("20250101T085959Z");
  });

  it("keeps 10:00 Boise time at 10:00 on both sides of the spring DST change", () => {
    const beforeChange = Date.UTC(2025, 2, 8, 17); // Sat 8 March, MST (UTC−7)
    const afterChange = MONDAY_TEN_AM; // Mon 10 March, MDT (UTC−6)
    expect(localTime(beforeChange, BOISE)).toBe("2025-03-08 10:00 GMT-07:00");
    expect(localTime(afterChange, BOISE)).toBe("2025-03-10 10:00 GMT-06:00");

    const text = calendarOf([
      appointment({ uid: "before", start: beforeChange, end: beforeChange + HOUR }),
      appointment({ uid: "after", start: afterChange, end: afterChange + HOUR }),
    ]);
    expect(unfold(text)).toEqual(
      expect.arrayContaining(["DTSTART:20250308T170000Z", "DTSTART:20250310T160000Z"]),
    );
    const [before, after] = parse(text).events;
    expect(before?.startDate.toJSDate().getTime()).toBe(beforeChange);
    expect(after?.startDate.toJSDate().getTime()).toBe(afterChange);
  });

  it("keeps the real length of an appointment that spans the DST change", () => {
    // 01:30 MST to 03:30 MDT on 9 March 2025 is one hour, not two.
    const start = Date.UTC(2025, 2, 9, 8, 30);
    const end = Date.UTC(2025, 2, 9, 9, 30);
    expect(localTime(start, BOISE)).toBe("2025-03-09 01:30 GMT-07:00");
    expect(localTime(end, BOISE)).toBe("2025-03-09 03:30 GMT-06:00");
    const event = onlyEvent(calendarOf([appointment({ start, end })]));
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(HOUR);
    expect(event.duration.toSeconds()).toBe(3600);
  });

  it("tells the two 01:30s of the autumn change apart", () => {
    const firstOneThirty = Date.UTC(2025, 10, 2, 7, 30); // MDT
    const secondOneThirty = Date.UTC(2025, 10, 2, 8, 30); // MST
    expect(localTime(firstOneThirty, BOISE)).toBe("2025-11-02 01:30 GMT-06:00");
    expect(localTime(secondOneThirty, BOISE)).toBe("2025-11-02 01:30 GMT-07:00");
    const text = calendarOf([
      appointment({ uid: "first", start: firstOneThirty, end: firstOneThirty + HOUR / 2 }),
      appointment({ uid: "second", start: secondOneThirty, end: secondOneThirty + HOUR / 2 }),
    ]);
    expect(parse(text).events.map((e) => e.startDate.toJSDate().getTime())).toEqual([
      firstOneThirty,
      secondOneThirty,
    ]);
  });

  it("rejects an event that does not end after it starts, or an instant it cannot write", () => {
    expect(() => appointmentToIcsEvent(appointment({ end: MONDAY_TEN_AM }))).toThrow(RangeError);
    expect(() => appointmentToIcsEvent(appointment({ end: MONDAY_TEN_AM - HOUR }))).toThrow(RangeError);
    expect(() => appointmentToIcsEvent(appointment({ end: MONDAY_TEN_AM + 999 }))).toThrow(RangeError);
    expect(() => appointmentToIcsEvent(appointment({ start: Number.NaN }))).toThrow(RangeError);
    expect(() => formatIcsUtc(Date.UTC(10_000, 0, 1))).toThrow(RangeError);
  });
});

describe("text values", () => {
  it("round-trips commas, semicolons, backslashes and newlines", () => {
    const summary = "Massage, 60 min; room 2 \\ upstairs";
    const description =
      "Bring:\n- loose clothes, water\n- intake form; signed\n\nC:\\not\\a\\path \\n literally";
    const location = "Suite 4, 123 Main St; Boise, ID";
    const event = onlyEvent(calendarOf([appointment({ summary, description, location })]));
    expect(event.summary).toBe(summary);
    expect(event.description).toBe(description);
    expect(event.location).toBe(location);
  });

  it("escapes per RFC 5545 §3.3.11", () => {
    expect(escapeIcsText("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    expect(escapeIcsText("one\r\ntwo\rthree")).toBe("one\\ntwo\\nthree");
    expect(escapeIcsText("tab\there, bell\u0007 gone")).toBe("tab\there\\, bell gone");
  });

  it("turns CRLF and CR into plain newlines", () => {
    const event = onlyEvent(calendarOf([appointment({ description: "one\r\ntwo\rthree" })]));
    expect(event.description).toBe("one\ntwo\nthree");
  });

  it("round-trips emoji and accented text", () => {
    const summary = "Séance de massage 💆‍♀️ avec Zoë — 頭痛";
    const event = onlyEvent(calendarOf([appointment({ summary, location: "Café 🌲, Boise" })]));
    expect(event.summary).toBe(summary);
    expect(event.location).toBe("Café 🌲, Boise");
  });

  it("folds a long description and unfolds it to exactly the same text", () => {
    const description = Array.from(
      { length: 40 },
      (_, i) => `Step ${i + 1}: breathe 😮‍💨, press; hold ${10 + i}s — é\u0301`,
    ).join("\n");
    const text = calendarOf([appointment({ description })]);
    expect(physicalLines(text).length).toBeGreaterThan(unfold(text).length + 20);
    expect(onlyEvent(text).description).toBe(description);
    expect(unfold(text)).toContain(`DESCRIPTION:${escapeIcsText(description)}`);
  });

  it("writes the status ical.js reads back", () => {
    for (const status of ["CONFIRMED", "TENTATIVE", "CANCELLED"] as const) {
      const vevent = onlyEvent(calendarOf([appointment({ status })])).component;
      expect(vevent.getFirstPropertyValue("status")).toBe(status);
      expect(vevent.getFirstPropertyValue("transp")).toBe(status === "CANCELLED" ? "TRANSPARENT" : "OPAQUE");
    }
  });

  it("writes sequence, URL, organizer and attendees", () => {
    const event = onlyEvent(
      calendarOf(
        [
          appointment({
            sequence: 3,
            url: "https://clinic.example/appointments/42?view=client,full",
            organizer: { email: "front@clinic.example", name: 'Knotwork "Downtown", Boise' },
            attendees: [{ email: "zoe@example.com", name: "Zoë Ng" }],
          }),
        ],
        { method: "REQUEST" },
      ),
    );
    expect(event.sequence).toBe(3);
    expect(event.component.getFirstPropertyValue("url")).toBe(
      "https://clinic.example/appointments/42?view=client,full",
    );
    expect(event.organizer).toBe("mailto:front@clinic.example");
    const organizer = event.component.getFirstProperty("organizer");
    expect(organizer?.getParameter("cn")).toBe("Knotwork 'Downtown', Boise");
    const attendee = event.attendees[0];
    expect(attendee?.getFirstValue()).toBe("mailto:zoe@example.com");
    expect(attendee?.getParameter("cn")).toBe("Zoë Ng");
  });

  it("leaves out optional properties that were not given, and defaults SEQUENCE to 0", () => {
    const lines = unfold(calendarOf([appointment()]));
    for (const name of ["DESCRIPTION", "LOCATION", "LAST-MODIFIED", "URL", "ORGANIZER", "ATTENDEE"]) {
      expect(lines.some((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`))).toBe(false);
    }
    expect(lines).toContain("SEQUENCE:0");
  });

  it("rejects what no calendar app would accept", () => {
    expect(() => appointmentToIcsEvent(appointment({ uid: "  " }))).toThrow(/uid/);
    expect(() => appointmentToIcsEvent(appointment({ sequence: -1 }))).toThrow(/sequence/);
    expect(() => appointmentToIcsEvent(appointment({ sequence: 1.5 }))).toThrow(/sequence/);
    expect(() => appointmentToIcsEvent(appointment({ url: "/relative" }))).toThrow(/URL/);
    expect(() => appointmentToIcsEvent(appointment({ url: "javascript:alert(1)" }))).toThrow(/http/);
    expect(() => appointmentToIcsEvent(appointment({ organizer: { email: "not an email" } }))).toThrow(
      /email/,
    );
    expect(() =>
      appointmentToIcsEvent(appointment({ status: "BOOKED" as unknown as IcsAppointment["status"] })),
    ).toThrow(/status/);
  });
});

describe("line folding", () => {
  it("keeps every physical line within 75 octets", () => {
    const text = calendarOf([
      appointment({
        summary: "🙂".repeat(100),
        description: "é".repeat(200) + "x".repeat(200) + "日本語".repeat(50),
        location: "a, b; c\\ d\n".repeat(30),
        url: `https://clinic.example/${"p".repeat(300)}`,
      }),
    ]);
    for (const line of physicalLines(text)) expect(octets(line)).toBeLessThanOrEqual(ICS_MAX_LINE_OCTETS);
  });

  it("never splits a multi-byte character, whatever its offset", () => {
    for (const char of ["é", "日", "🙂"]) {
      for (let pad = 0; pad < 4; pad++) {
        const line = `SUMMARY:${"x".repeat(pad)}${char.repeat(60)}`;
        const folded = foldIcsLine(line);
        for (const physical of folded.split("\r\n")) {
          expect(isWellFormed(physical)).toBe(true);
          expect(octets(physical)).toBeLessThanOrEqual(ICS_MAX_LINE_OCTETS);
          expect(physical.replace(/^SUMMARY:|^ /, "").replace(/x/g, "")).toMatch(
            new RegExp(`^(${char})*$`, "u"),
          );
        }
        expect(folded.replace(/\r\n /g, "")).toBe(line);
      }
    }
  });

  it("fills lines to exactly 75 octets with ASCII and starts continuations with one space", () => {
    const folded = foldIcsLine(`DESCRIPTION:${"a".repeat(200)}`).split("\r\n");
    expect(folded[0]).toHaveLength(75);
    expect(folded[1]).toBe(` ${"a".repeat(74)}`);
    expect(foldIcsLine("SHORT:line")).toBe("SHORT:line");
    expect(foldIcsLine("X".repeat(75))).toBe("X".repeat(75));
  });

  it("round-trips any text through ical.js, with every line within 75 octets", () => {
    const char = fc.oneof(
      fc.constantFrom(",", ";", "\\", "\n", "\r\n", "\r", ":", '"', " ", "\t", "n", "N"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
      fc.constantFrom("é", "日", "🙂", "👩‍👩‍👧", "\u0301", "\uD83D", "\uDE42"),
    );
    const text = fc.array(char, { maxLength: 300 }).map((parts) => parts.join(""));
    /** What a TEXT value can carry: line breaks normalised, other control characters gone, lone surrogates replaced. */
    const expected = (value: string) =>
      toWellFormed(value)
        .replace(/\r\n?/g, "\n")
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the model drops them too
        .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, "");
    fc.assert(
      fc.property(text, text, (summary, description) => {
        const output = calendarOf([appointment({ summary, description })]);
        for (const line of physicalLines(output)) {
          expect(octets(line)).toBeLessThanOrEqual(ICS_MAX_LINE_OCTETS);
          expect(isWellFormed(line)).toBe(true);
        }
        const event = onlyEvent(output);
        expect(event.summary).toBe(expected(summary));
        expect(event.description).toBe(expected(description));
      }),
      { numRuns: 300 },
    );
  });
});

describe("icsFileName", () => {
  it("names the file by the local date and a slug of the title", () => {
    // 18:00 Boise on 10 March is already 11 March in UTC.
    const evening = Date.UTC(2025, 2, 11, 0);
    expect(icsFileName({ title: "Trigger point massage", start: evening, timeZone: BOISE })).toBe(
      "2025-03-10-trigger-point-massage.ics",
    );
    expect(icsFileName({ title: "Trigger point massage", start: evening })).toBe(
      "2025-03-11-trigger-point-massage.ics",
    );
  });

  it("keeps only ASCII letters, digits and hyphens", () => {
    expect(icsFileName({ title: 'Séance: Zoë / "deep" 💆 tissue!' })).toBe("seance-zoe-deep-tissue.ics");
    expect(icsFileName({ title: "../../etc/passwd" })).toBe("etc-passwd.ics");
    expect(icsFileName({ title: "x".repeat(200) })).toBe(`${"x".repeat(60)}.ics`);
  });

  it("falls back to a generic name when nothing usable is left", () => {
    expect(icsFileName({ title: "💆‍♀️" })).toBe("appointment.ics");
    expect(icsFileName({ title: "" })).toBe("appointment.ics");
  });
});
