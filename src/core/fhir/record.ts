/**
 * The plain record the FHIR mapping reads: rows as the database holds them, dates as ISO strings,
 * jsonb parts as `unknown` (charting and plan details grow; the mapping reads them defensively).
 */
export interface FhirClinic {
  id: string;
  name: string;
  timeZone: string;
  email?: string | null;
  phone?: string | null;
  address?: string | null;
}

export interface FhirClient {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
}

export interface FhirTherapist {
  id: string;
  displayName: string;
  active?: boolean;
}

export interface FhirRoom {
  id: string;
  name: string;
  active?: boolean;
}

export interface FhirAppointment {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string;
  therapistId: string;
  roomId: string | null;
  serviceName: string | null;
  clientNote?: string | null;
  createdAt?: string | null;
}

export interface FhirIntake {
  id: string;
  version: number;
  answers: unknown;
  screening: unknown;
  submittedAt: string | null;
  updatedAt: string;
}

export interface FhirConsentSignature {
  id: string;
  version: number;
  typedName: string;
  signedAt: string;
  /** The consent text signed, when known (it goes into the resource as an attachment). */
  text?: string | null;
}

export interface FhirClearance {
  findingId: string;
  clearedOn: string;
}

export interface FhirTriggerPoint {
  id: string;
  muscleId: string;
  side: string | null;
  holdSeconds: number | null;
  release: string | null;
  pressure?: string | null;
  /** The body-map region the point lies in (a public region id), when charted. */
  regionId?: string | null;
  createdAt?: string | null;
}

export interface FhirSession {
  id: string;
  appointmentId: string | null;
  therapistId: string;
  painBefore: number | null;
  painAfter: number | null;
  consultation?: unknown;
  signedAt: string | null;
  createdAt: string;
  triggerPoints: FhirTriggerPoint[];
}

export interface FhirPlan {
  id: string;
  /** active | maintenance | finished | cancelled (core/api/plans PLAN_STATUSES). */
  status: string;
  plannedSessions: number;
  sessionIntervalDays: number;
  maintenanceIntervalWeeks: number | null;
  /** The client's goals, in their own words (the therapist's private notes are not exported). */
  goals: string;
  therapistId: string | null;
  /** ISO date (YYYY-MM-DD) from which visits count toward the plan. */
  startsOn: string;
  createdAt: string;
}

/** The client's home-care plan (one per client); `items` is core/homecare HomeCareItem[] as stored. */
export interface FhirHomeCarePlan {
  id: string;
  items: unknown;
  shared: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface FhirDiaryEntry {
  id: string;
  recordedAt: string;
  regions: unknown;
  note?: string | null;
}

export interface FhirRecord {
  clinic: FhirClinic;
  client: FhirClient;
  therapists: FhirTherapist[];
  rooms: FhirRoom[];
  appointments: FhirAppointment[];
  intakes: FhirIntake[];
  consentSignatures: FhirConsentSignature[];
  clearances: FhirClearance[];
  sessions: FhirSession[];
  plans: FhirPlan[];
  homeCare: FhirHomeCarePlan | null;
  diary: FhirDiaryEntry[];
}
