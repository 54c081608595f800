/**
 * "Download my data" (F9, F11): everything the clinic holds about one client, as plain JSON.
 * Rows are copied whole (minus the clinic's internal tenant key), so a new column shows up here
 * without anyone remembering to add it; instants are ISO 8601 strings.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { ClientExport } from "../../core/api/intake";
import { type AmendmentChanges, amendedState } from "../../core/charting";
import { selectAppointmentsWithParties } from "../appointments/queries";
import { toChartRow, toPoint } from "../charting/store";
import { consentAtVersion } from "../consent/store";
import type { Db } from "../db/connect";
import {
  appointments,
  clearances,
  clients,
  clinics,
  consentSignatures,
  intakeDrafts,
  intakes,
  noteAmendments,
  painDiaryEntries,
  rooms,
  services,
  therapists,
  treatmentPlans,
  treatmentSessions,
  triggerPointRecords,
  users,
  waitlistEntries,
} from "../db/schema";

type Plain = Record<string, unknown>;

/** Dates become ISO strings; the tenant key is left out (it means nothing outside the clinic). */
function plain(row: object): Plain {
  const out: Plain = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === "clinicId") continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

export async function exportClientData(
  db: Db,
  clinicId: string,
  clientId: string,
  userId: string | null,
  now = new Date(),
): Promise<ClientExport | null> {
  const [clinic] = await db
    .select({ name: clinics.name, timeZone: clinics.timeZone })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  const [client] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  if (!clinic || !client) return null;
  const own = <T extends { clinicId: unknown; clientId: unknown }>(table: T) =>
    and(eq(table.clinicId as never, clinicId), eq(table.clientId as never, clientId));

  const [account] = userId
    ? await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId))
    : [];
  const [
    appointmentRows,
    intakeRows,
    draftRows,
    signatureRows,
    clearanceRows,
    sessionRows,
    planRows,
    diaryRows,
    waitRows,
  ] = await Promise.all([
    selectAppointmentsWithParties(db, {
      appointment: appointments,
      service: services.name,
      therapist: therapists.displayName,
      room: rooms.name,
    })
      .where(own(appointments))
      .orderBy(asc(appointments.startsAt)),
    db.select().from(intakes).where(own(intakes)).orderBy(asc(intakes.version)),
    db.select().from(intakeDrafts).where(own(intakeDrafts)),
    db
      .select()
      .from(consentSignatures)
      .where(own(consentSignatures))
      .orderBy(asc(consentSignatures.signedAt)),
    db.select().from(clearances).where(own(clearances)).orderBy(asc(clearances.createdAt)),
    db
      .select()
      .from(treatmentSessions)
      .where(own(treatmentSessions))
      .orderBy(asc(treatmentSessions.createdAt)),
    db.select().from(treatmentPlans).where(own(treatmentPlans)).orderBy(asc(treatmentPlans.createdAt)),
    db.select().from(painDiaryEntries).where(own(painDiaryEntries)).orderBy(asc(painDiaryEntries.recordedAt)),
    db.select().from(waitlistEntries).where(own(waitlistEntries)).orderBy(asc(waitlistEntries.createdAt)),
  ]);

  const sessionIds = sessionRows.map((s) => s.id);
  const [pointRows, amendmentRows] =
    sessionIds.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select()
            .from(triggerPointRecords)
            .where(
              and(
                eq(triggerPointRecords.clinicId, clinicId),
                inArray(triggerPointRecords.sessionId, sessionIds),
              ),
            ),
          db
            .select()
            .from(noteAmendments)
            .where(and(eq(noteAmendments.clinicId, clinicId), inArray(noteAmendments.sessionId, sessionIds))),
        ]);

  const versions = [...new Set(signatureRows.map((s) => s.version))];
  const texts = new Map(
    await Promise.all(versions.map(async (v) => [v, await consentAtVersion(db, clinicId, v)] as const)),
  );

  return {
    format: "knotwork-client-export/1",
    exportedAt: now.toISOString(),
    clinic,
    account: account ?? null,
    client: plain(client),
    appointments: appointmentRows.map((r) => ({
      ...plain(r.appointment),
      service: r.service,
      therapist: r.therapist,
      room: r.room,
    })),
    intakes: intakeRows.map(plain),
    intakeDraft: draftRows[0] ? plain(draftRows[0]) : null,
    consentSignatures: signatureRows.map((s) => ({ ...plain(s), text: texts.get(s.version) ?? null })),
    clearances: clearanceRows.map(plain),
    // Each chart as recorded (a signed one exactly as signed), its amendments, and the chart as it
    // stands with the amendments applied.
    treatmentSessions: sessionRows.map((s) => {
      const points = pointRows.filter((p) => p.sessionId === s.id).sort((a, b) => a.ordinal - b.ordinal);
      const amendments = amendmentRows.filter((a) => a.sessionId === s.id);
      return {
        ...plain(s),
        triggerPoints: points.map(plain),
        amendments: amendments.map(plain),
        asAmended: amendedState(
          { note: toChartRow(s).note, points: points.map(toPoint) },
          amendments.map((a) => ({
            id: a.id,
            authorId: a.authorId,
            createdAt: a.createdAt.toISOString(),
            reason: a.reason,
            changes: a.changes as AmendmentChanges,
          })),
        ),
      };
    }),
    treatmentPlans: planRows.map(plain),
    painDiary: diaryRows.map(plain),
    waitlist: waitRows.map(plain),
  };
}
