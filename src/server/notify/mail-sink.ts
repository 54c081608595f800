/**
 * A real SMTP server for tests and the benchmark (smtp-server, a dev dependency): records each
 * message's raw text, Message-ID and recipients; can refuse recipients with a chosen reply code.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  messageId: string;
  to: string[];
  subject: string;
  raw: string;
  receivedAt: number;
}

export interface MailSink {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Answer RCPT TO for an address with this SMTP code (e.g. 550, 451), or null to accept. */
  rejectWith: (fn: ((address: string) => number | null) | null) => void;
  /** Wait this long after a message's data before answering "250 OK" (a message in flight meanwhile). */
  setDelay: (ms: number) => void;
  close(): Promise<void>;
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? "";
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : "";
}

export function headerOf(mail: ReceivedMail, name: string): string {
  return header(mail.raw, name);
}

export async function startMailSink(
  options: { onMessage?: (mail: ReceivedMail) => void } = {},
): Promise<MailSink> {
  const received: ReceivedMail[] = [];
  let reject: ((address: string) => number | null) | null = null;
  let delayMs = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    disableReverseLookup: true,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const code = reject?.(address.address) ?? null;
      if (code === null) return callback();
      const error = Object.assign(new Error(code >= 500 ? "mailbox unavailable" : "try again later"), {
        responseCode: code,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail = {
          messageId: header(raw, "Message-ID"),
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: header(raw, "Subject"),
          raw,
          receivedAt: Date.now(),
        };
        received.push(mail);
        options.onMessage?.(mail);
        if (delayMs > 0) setTimeout(() => callback(), delayMs);
        else callback();
      });
    },
  });
  // A sender killed mid-conversation (the crash tests' kill -9) resets its connection: a real mail
  // server drops such a connection and carries on, and so does the sink. Anything else still surfaces.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    rejectWith: (fn) => {
      reject = fn;
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded text of the message's `text/calendar` part, or null. */
export function calendarPartOf(mail: ReceivedMail): string | null {
  const match = /Content-Type: text\/calendar[^\r\n]*(?:\r?\n[^\r\n]+)*\r?\n\r?\n([\s\S]*?)\r?\n--/i.exec(
    mail.raw,
  );
  if (!match?.[1]) return null;
  const head = match[0].slice(0, match[0].indexOf(match[1]));
  return /base64/i.test(head)
    ? Buffer.from(match[1].replace(/\s+/g, ""), "base64").toString("utf8")
    : match[1];
}
