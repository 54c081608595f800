import type { FastifyBaseLogger } from "fastify";
import nodemailer from "nodemailer";
import type { Config } from "../config";
import type { Db } from "../db/connect";
import { deliverDueMessages, type MailTransport } from "./outbox";

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/**
 * Delivers the outbox every few seconds when SMTP is configured. Without SMTP, messages stay in the
 * outbox and are shown in the app (so the demo works offline).
 */
export function startOutboxWorker(db: Db, config: Config, log: FastifyBaseLogger, intervalMs = 5_000) {
  if (!config.smtpUrl) return { stop() {} };
  const transport = smtpTransport(config.smtpUrl, config.mailFrom);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueMessages(db, transport);
    } catch (error) {
      log.warn({ err: { type: (error as Error).name } }, "outbox delivery failed");
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
