/**
 * Demo messages (F8): what the demo's appointments would have caused (confirmations, requests received,
 * reminders, aftercare and check-ins), written by the same functions the app uses, so the message
 * centre and the owner's overview have something real to show. One bounced address shows a dead letter.
 */
import { and, eq } from "drizzle-orm";
import { notificationPoliciesOf } from "../../core/notify/policies";
import { appointmentMessage, type MessageFacts, timedMessages } from "../appointments/messages";
import type { Db } from "../db/connect";
import { appointments, clients, clinics, outboxMessages, services, therapists } from "../db/schema";
import { enqueueMessage } from "../notify/outbox";
import { scheduleAftercare, scheduleCheckIn } from "../notify/schedule";

const DEMO_URL = "http://localhost:3000";

export async function seedDemoMessages(db: Db, clinicId: string, now: Date): Promise<void> {
  const rows = await db
    .select({
      id: appointments.id,
      status: appointments.status,
      startsAt: appointments.startsAt,
      endsAt: appointments.endsAt,
      createdAt: appointments.createdAt,
      firstVisit: appointments.firstVisit,
      clientId: clients.id,
      email: clients.email,
      firstName: clients.firstName,
      serviceName: services.name,
      therapistName: therapists.displayName,
      clinicName: clinics.name,
      clinicAddress: clinics.address,
      clinicPhone: clinics.phone,
      timeZone: clinics.timeZone,
      policies: clinics.policies,
    })
    .from(appointments)
    .innerJoin(clients, eq(clients.id, appointments.clientId))
    .innerJoin(services, eq(services.id, appointments.serviceId))
    .innerJoin(therapists, eq(therapists.id, appointments.therapistId))
    .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
    .where(eq(appointments.clinicId, clinicId));
  const at = now.getTime();
  for (const row of rows) {
    const facts: MessageFacts = {
      clinicId,
      clinicName: row.clinicName,
      clinicAddress: row.clinicAddress,
      clinicPhone: row.clinicPhone,
      timeZone: row.timeZone,
      appointmentId: row.id,
      clientId: row.clientId,
      clientEmail: row.email,
      clientFirstName: row.firstName,
      serviceName: row.serviceName,
      therapistName: row.therapistName,
      startsAt: row.startsAt.getTime(),
      endsAt: row.endsAt.getTime(),
      firstVisit: row.firstVisit,
      publicUrl: DEMO_URL,
      notifications: notificationPoliciesOf(row.policies),
    };
    // Written as of a week before the appointment (or now), so past reminders exist too.
    const bookedAt = Math.min(at, row.startsAt.getTime() - 7 * 86_400_000);
    const first = appointmentMessage(
      row.status === "requested" ? "request_received" : "confirmed",
      facts,
      bookedAt,
    );
    const messages = [first, ...timedMessages(facts, bookedAt, row.status !== "requested")];
    for (const message of messages) if (message) await enqueueMessage(db, message);
    if (row.status === "completed") {
      const visit = {
        clinicId,
        clientId: row.clientId,
        appointmentId: row.id,
        endedAt: row.endsAt.getTime(),
        publicUrl: DEMO_URL,
      };
      await scheduleAftercare(db, visit, row.endsAt.getTime());
      await scheduleCheckIn(db, visit);
    }
  }
  // One address that bounced: the owner's overview shows it as failed.
  await enqueueMessage(db, {
    clinicId,
    dedupeKey: `demo-bounce:${clinicId}`,
    kind: "recall",
    to: "old.address@example.invalid",
    subject: "Time for a maintenance visit",
    body: "Hello,\n\nIt has been a while since your last session.",
    sendAfter: new Date(at - 2 * 86_400_000),
  });
  await db
    .update(outboxMessages)
    .set({ deadAt: new Date(at - 86_400_000), attempts: 1, lastError: "550 5.1.1 mailbox unavailable" })
    .where(
      and(eq(outboxMessages.clinicId, clinicId), eq(outboxMessages.dedupeKey, `demo-bounce:${clinicId}`)),
    );
}
