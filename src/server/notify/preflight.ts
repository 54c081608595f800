/**
 * What delivery checks just before sending a claimed message (the database, not the enqueue-time
 * snapshot, decides): the client's consent for non-transactional topics, whether an intake reminder is
 * still needed, whether a recall or plan follow-up was overtaken by a booking. Messages the client may
 * turn off carry RFC 8058 List-Unsubscribe headers with a signed token.
 */
import { eq } from "drizzle-orm";
import type { ContactTopic } from "../../core/notify/kinds";
import { isTurnedOffByClinic, notificationPoliciesOf, OPTIONAL_KINDS } from "../../core/notify/policies";
import { escapeHtml } from "../../core/notify/templates";
import { loadReadiness } from "../appointments/readiness";
import type { Db } from "../db/connect";
import { clinics } from "../db/schema";
import type { ClaimedMessage, Preflight } from "./outbox";
import { preferencesOf, TOPIC_FIELD } from "./preferences";
import { hasUpcomingAppointment } from "./schedule";
import { signUnsubscribeToken, unsubscribeUrl } from "./tokens";

/** The RFC 8058 headers for a message about `topic`. */
export function unsubscribeHeaders(secret: string, publicUrl: string, clientId: string, topic: ContactTopic) {
  const url = unsubscribeUrl(publicUrl, signUnsubscribeToken(secret, clientId, topic));
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

/** Whether the clinic's settings now turn this kind off (only optional kinds can be; see policies.ts). */
async function clinicTurnedOff(db: Db, clinicId: string, kind: string): Promise<boolean> {
  // Kinds no clinic can turn off need no read.
  if (!isTurnedOffByClinic(kind, { turnedOff: [...OPTIONAL_KINDS] })) return false;
  const [clinic] = await db
    .select({ policies: clinics.policies })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  return clinic ? isTurnedOffByClinic(kind, notificationPoliciesOf(clinic.policies)) : false;
}

export function deliveryPreflight(db: Db, options: { secret: string; publicUrl: string }): Preflight {
  return async (message: ClaimedMessage) => {
    const { clinicId, clientId } = message;
    if (!clinicId || !clientId) return {};
    if (await clinicTurnedOff(db, clinicId, message.kind)) return { cancel: "turned off by the clinic" };
    if (message.kind === "intake_reminder") {
      const readiness = await loadReadiness(db, clinicId, clientId);
      if (readiness.intakeSubmitted && readiness.consentSigned) return { cancel: "intake complete" };
    }
    if (message.kind === "recall" || message.kind === "plan_follow_up") {
      if (await hasUpcomingAppointment(db, clinicId, clientId, new Date()))
        return { cancel: "already booked" };
    }
    if (message.category === "transactional") return {};
    const topic = message.category as ContactTopic;
    const preferences = await preferencesOf(db, clinicId, clientId);
    if (!preferences[TOPIC_FIELD[topic]]) return { cancel: "client opted out" };
    const headers = unsubscribeHeaders(options.secret, options.publicUrl, clientId, topic);
    const url = headers["List-Unsubscribe"].slice(1, -1);
    return {
      headers,
      footer: {
        text: `Turn these messages off: ${url}`,
        html: `<p style="font-size:12px;color:#52606d"><a href="${escapeHtml(url)}">Turn these messages off</a></p>`,
      },
    };
  };
}
