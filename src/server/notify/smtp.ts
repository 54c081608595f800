/** The SMTP transport for the outbox (nodemailer, `SMTP_URL`). */
import type { Transporter } from "nodemailer";
import type { MailTransport } from "./outbox";

/**
 * Every wait is bounded well inside the outbox's claim lease (CLAIM_LEASE_MS), so a hung mail
 * server fails the attempt (to be retried) rather than outliving the claim and letting a second
 * worker send the same message.
 */
const SMTP_TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export function smtpTransport(
  smtpUrl: string,
  from: string,
  options: { pool?: boolean; maxConnections?: number } = {},
): MailTransport & { close(): void } {
  // nodemailer is loaded with the first message, not on every start of a server that may never send.
  let transporter: Promise<Transporter> | null = null;
  const open = () =>
    (transporter ??= import("nodemailer").then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url: smtpUrl,
        ...SMTP_TIMEOUTS,
        // A pool reuses connections between messages (several lanes deliver in parallel).
        ...(options.pool ? { pool: true, maxConnections: options.maxConnections ?? 4 } : {}),
      }),
    ));
  return {
    async send(message) {
      await (await open()).sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        ...(message.messageId ? { messageId: message.messageId } : {}),
        ...(message.headers ? { headers: message.headers } : {}),
        ...(message.attachments ? { attachments: message.attachments } : {}),
      });
    },
    close() {
      void transporter?.then((opened) => opened.close());
    },
  };
}
