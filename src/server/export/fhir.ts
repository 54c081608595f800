/**
 * The FHIR R4 export of one client's record (F11, docs/decisions/0018-fhir-export.md): the rows of
 * the JSON export (../portal/export.ts, which stays as it is), plus the clinic's therapists and
 * rooms and the client's home-care plan, handed to the pure mapping in src/core/fhir.
 */
import { and, eq } from "drizzle-orm";
import type { FhirBundle, FhirRecord } from "../../core/fhir";
import { fhirBundle } from "../../core/fhir";
import type { Db } from "../db/connect";
import { clinics, homeCarePlans, rooms, therapists } from "../db/schema";
import { exportClientData } from "../portal/export";

type Plain = Record<string, unknown>;

const str = (value: unknown): string | null => (typeof value === "string" ? value : null);
const num = (value: unknown): number | null => (typeof value === "number" ? value : null);

/** The export's plain rows as the mapping's record, or null when the client is not in the clinic. */
export async function loadFhirRecord(
  db: Db,
  clinicId: string,
  clientId: string,
  now = new Date(),
): Promise<FhirRecord | null> {
  const data = await exportClientData(db, clinicId, clientId, null, now);
  if (!data) return null;
  const [clinic] = await db.select().from(clinics).where(eq(clinics.id, clinicId));
  if (!clinic) return null;
  const [therapistRows, roomRows, homeCareRows] = await Promise.all([
    db
      .select({ id: therapists.id, displayName: therapists.displayName, active: therapists.active })
      .from(therapists)
      .where(eq(therapists.clinicId, clinicId)),
    db
      .select({ id: rooms.id, name: rooms.name, active: rooms.active })
      .from(rooms)
      .where(eq(rooms.clinicId, clinicId)),
    db
      .select()
      .from(homeCarePlans)
      .where(and(eq(homeCarePlans.clinicId, clinicId), eq(homeCarePlans.clientId, clientId))),
  ]);
  const homeCare = homeCareRows[0];
  const c = data.client;
  return {
    clinic: {
      id: clinic.id,
      name: clinic.name,
      timeZone: clinic.timeZone,
      email: clinic.email,
      phone: clinic.phone,
      address: clinic.address,
    },
    client: {
      id: String(c.id),
      firstName: String(c.firstName ?? ""),
      lastName: String(c.lastName ?? ""),
      email: str(c.email),
      phone: str(c.phone),
      dateOfBirth: str(c.dateOfBirth),
    },
    therapists: therapistRows,
    rooms: roomRows,
    appointments: data.appointments.map((a: Plain) => ({
      id: String(a.id),
      status: String(a.status),
      startsAt: String(a.startsAt),
      endsAt: String(a.endsAt),
      therapistId: String(a.therapistId),
      roomId: str(a.roomId),
      serviceName: str(a.service),
      clientNote: str(a.clientNote),
      createdAt: str(a.createdAt),
    })),
    intakes: data.intakes.map((i: Plain) => ({
      id: String(i.id),
      version: num(i.version) ?? 1,
      answers: i.answers,
      screening: i.screening,
      submittedAt: str(i.submittedAt),
      updatedAt: String(i.updatedAt),
    })),
    consentSignatures: data.consentSignatures.map((s: Plain) => ({
      id: String(s.id),
      version: num(s.version) ?? 1,
      typedName: String(s.typedName),
      signedAt: String(s.signedAt),
      text: str(s.text),
    })),
    clearances: data.clearances.map((cl: Plain) => ({
      findingId: String(cl.findingId),
      clearedOn: String(cl.clearedOn),
    })),
    sessions: data.treatmentSessions.map((s: Plain) => ({
      id: String(s.id),
      appointmentId: str(s.appointmentId),
      therapistId: String(s.therapistId),
      painBefore: num(s.painBefore),
      painAfter: num(s.painAfter),
      consultation: s.consultation,
      signedAt: str(s.signedAt),
      createdAt: String(s.createdAt),
      triggerPoints: (Array.isArray(s.triggerPoints) ? (s.triggerPoints as Plain[]) : []).map((p) => ({
        id: String(p.id),
        muscleId: String(p.muscleId),
        side: str(p.side),
        holdSeconds: num(p.holdSeconds),
        release: str(p.release),
        pressure: str(p.pressure),
        regionId: str(p.regionId),
        createdAt: str(p.createdAt),
      })),
    })),
    plans: data.treatmentPlans.map((p: Plain) => ({
      id: String(p.id),
      status: String(p.status),
      plannedSessions: num(p.plannedSessions) ?? 0,
      sessionIntervalDays: num(p.sessionIntervalDays) ?? 7,
      maintenanceIntervalWeeks: num(p.maintenanceIntervalWeeks),
      goals: str(p.goals) ?? "",
      therapistId: str(p.therapistId),
      startsOn: String(p.startsOn),
      createdAt: String(p.createdAt),
    })),
    homeCare: homeCare
      ? {
          id: homeCare.id,
          items: homeCare.items,
          shared: homeCare.shared,
          createdAt: homeCare.createdAt.toISOString(),
          updatedAt: homeCare.updatedAt.toISOString(),
        }
      : null,
    diary: data.painDiary.map((d: Plain) => ({
      id: String(d.id),
      recordedAt: String(d.recordedAt),
      regions: d.regions,
      note: str(d.note),
    })),
  };
}

export async function exportClientFhir(
  db: Db,
  clinicId: string,
  clientId: string,
  now = new Date(),
): Promise<FhirBundle | null> {
  const record = await loadFhirRecord(db, clinicId, clientId, now);
  return record ? fhirBundle(record, now) : null;
}
