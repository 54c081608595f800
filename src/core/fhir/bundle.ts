/**
 * One client's record as a FHIR R4 Bundle of type `collection` (F11; docs/decisions/0018-fhir-export.md).
 * Pure: the server gathers the rows (src/server/export), this maps them. Every entry's fullUrl is
 * `urn:uuid:<id>` and every reference points at one, so the Bundle stands on its own.
 */
import { answerAt } from "../intake/missing";
import { INTAKE_QUESTIONS, type IntakeQuestion } from "../intake/questions";
import {
  bodySiteOfMuscle,
  bodySiteOfRegion,
  CONSENT_DOCUMENT_CODE,
  type CodeableConcept,
  KNOTWORK_FHIR,
  KNOTWORK_SYSTEMS,
  PAIN_SCORE_CODE,
  UCUM,
} from "./codes";
import { derivedUuid } from "./ids";
import type {
  FhirAppointment,
  FhirConsentSignature,
  FhirHomeCarePlan,
  FhirIntake,
  FhirPlan,
  FhirRecord,
  FhirSession,
} from "./record";

export interface FhirResource {
  resourceType: string;
  id: string;
  [key: string]: unknown;
}
export interface BundleEntry {
  fullUrl: string;
  resource: FhirResource;
}
export interface FhirBundle {
  resourceType: "Bundle";
  id: string;
  type: "collection";
  timestamp: string;
  entry: BundleEntry[];
}

const ref = (id: string) => ({ reference: `urn:uuid:${id}` });

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function stringOf(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}
/** A whole pain score 0-10, or null for anything else (jsonb may hold anything). */
function painScoreOf(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 10 ? value : null;
}

/** UTF-8 text as base64, without Node's Buffer (src/core also runs in browsers). */
function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

// ---------------------------------------------------------------- appointments

const APPOINTMENT_STATUS: Readonly<Record<string, string>> = {
  requested: "proposed",
  confirmed: "booked",
  declined: "cancelled",
  cancelled: "cancelled",
  completed: "fulfilled",
  no_show: "noshow",
};

function appointmentResource(a: FhirAppointment, patientId: string): FhirResource {
  const pending = a.status === "requested";
  const participant = [
    { actor: ref(patientId), required: "required", status: "accepted" },
    { actor: ref(a.therapistId), required: "required", status: pending ? "needs-action" : "accepted" },
    ...(a.roomId ? [{ actor: ref(a.roomId), required: "required", status: "accepted" }] : []),
  ];
  return {
    resourceType: "Appointment",
    id: a.id,
    status: APPOINTMENT_STATUS[a.status] ?? "proposed",
    ...(a.serviceName ? { serviceType: [{ text: a.serviceName }], description: a.serviceName } : {}),
    start: a.startsAt,
    end: a.endsAt,
    ...(a.createdAt ? { created: a.createdAt } : {}),
    ...(stringOf(a.clientNote) ? { comment: a.clientNote } : {}),
    participant,
  };
}

// ---------------------------------------------------------------- intake

const INTAKE_ANSWER_SYSTEM = `${KNOTWORK_FHIR}/CodeSystem/intake-answer`;
const DURATION_UCUM: Readonly<Record<string, string>> = { days: "d", weeks: "wk", months: "mo", years: "a" };

function questionnaireItem(q: IntakeQuestion): Record<string, unknown> {
  const base = { linkId: q.id, text: q.question, required: q.required };
  switch (q.kind) {
    case "short-text":
      return { ...base, type: "string", maxLength: q.maxLength };
    case "long-text":
      return { ...base, type: "text", maxLength: q.maxLength };
    case "body-map":
      // The regions marked; their intensities are Observations derived from the response.
      return { ...base, type: "choice", repeats: true };
    case "scale":
    case "number":
      return { ...base, type: "integer" };
    case "duration":
      return { ...base, type: "quantity" };
    case "single-choice":
    case "multi-choice":
      return {
        ...base,
        type: "choice",
        repeats: q.kind === "multi-choice",
        answerOption: q.options.map((o) => ({
          valueCoding: { system: INTAKE_ANSWER_SYSTEM, code: o.value, display: o.label },
        })),
      };
    case "yes-no":
      return { ...base, type: "boolean" };
    case "yes-no-detail":
      return {
        ...base,
        type: "boolean",
        item: [{ linkId: `${q.id}.detail`, text: q.detailPrompt, type: "text", required: false }],
      };
  }
}

export function intakeQuestionnaireId(clinicId: string): string {
  return derivedUuid("questionnaire", clinicId, "intake");
}
export const INTAKE_QUESTIONNAIRE_URL = `${KNOTWORK_FHIR}/Questionnaire/intake`;

function questionnaireResource(clinicId: string): FhirResource {
  return {
    resourceType: "Questionnaire",
    id: intakeQuestionnaireId(clinicId),
    url: INTAKE_QUESTIONNAIRE_URL,
    name: "KnotworkIntake",
    title: "Intake questionnaire",
    status: "active",
    subjectType: ["Patient"],
    item: INTAKE_QUESTIONS.map(questionnaireItem),
  };
}

type Answer = Record<string, unknown>;

function answersOf(q: IntakeQuestion, value: unknown): Answer[] {
  if (value === undefined || value === null) return [];
  switch (q.kind) {
    case "short-text":
    case "long-text": {
      const text = stringOf(value);
      return text ? [{ valueString: text }] : [];
    }
    case "body-map":
      return arrayOf(value)
        .filter(isRecord)
        .map((r) => stringOf(r.id))
        .filter((id): id is string => id !== null)
        .map((id) => ({ valueCoding: bodySiteOfRegion(id).coding?.[0] }));
    case "scale":
    case "number":
      return typeof value === "number" && Number.isInteger(value) ? [{ valueInteger: value }] : [];
    case "duration": {
      if (!isRecord(value) || typeof value.amount !== "number" || typeof value.unit !== "string") return [];
      const code = DURATION_UCUM[value.unit];
      return [
        {
          valueQuantity: {
            value: value.amount,
            unit: value.unit,
            ...(code ? { system: UCUM, code } : {}),
          },
        },
      ];
    }
    case "single-choice":
    case "multi-choice": {
      const values = Array.isArray(value) ? value : [value];
      return values
        .filter((v): v is string => typeof v === "string")
        .map((v) => ({
          valueCoding: {
            system: INTAKE_ANSWER_SYSTEM,
            code: v,
            display: q.options.find((o) => o.value === v)?.label ?? v,
          },
        }));
    }
    case "yes-no":
      return typeof value === "boolean" ? [{ valueBoolean: value }] : [];
    case "yes-no-detail": {
      if (!isRecord(value) || typeof value.answer !== "boolean") return [];
      const detail = stringOf(value.detail);
      return [
        {
          valueBoolean: value.answer,
          ...(detail ? { item: [{ linkId: `${q.id}.detail`, answer: [{ valueString: detail }] }] } : {}),
        },
      ];
    }
  }
}

function questionnaireResponseResource(
  intake: FhirIntake,
  clinicId: string,
  patientId: string,
): FhirResource {
  const item = INTAKE_QUESTIONS.flatMap((q) => {
    const answer = answersOf(q, answerAt(intake.answers, q.id));
    return answer.length > 0 ? [{ linkId: q.id, text: q.question, answer }] : [];
  });
  return {
    resourceType: "QuestionnaireResponse",
    id: intake.id,
    identifier: { system: `${KNOTWORK_FHIR}/sid/intake-version`, value: String(intake.version) },
    questionnaire: INTAKE_QUESTIONNAIRE_URL,
    status: intake.submittedAt ? "completed" : "in-progress",
    subject: ref(patientId),
    source: ref(patientId),
    authored: intake.submittedAt ?? intake.updatedAt,
    ...(item.length > 0 ? { item } : {}),
    // The clinic's questionnaire is in the same Bundle under this id.
    extension: [
      {
        url: `${KNOTWORK_FHIR}/StructureDefinition/questionnaire-entry`,
        valueReference: ref(intakeQuestionnaireId(clinicId)),
      },
    ],
  };
}

// ---------------------------------------------------------------- observations

interface PainScore {
  key: string;
  value: number;
  effective: string;
  regionId: string | null;
  note: string;
  derivedFrom?: string;
  performer?: string;
}

function observationResource(score: PainScore, patientId: string): FhirResource {
  return {
    resourceType: "Observation",
    id: derivedUuid("observation", score.key),
    status: "final",
    category: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/observation-category",
            code: "survey",
            display: "Survey",
          },
        ],
      },
    ],
    code: { coding: [{ ...PAIN_SCORE_CODE }], text: "Pain (0-10)" },
    subject: ref(patientId),
    effectiveDateTime: score.effective,
    ...(score.performer ? { performer: [ref(score.performer)] } : {}),
    valueInteger: score.value,
    ...(score.regionId ? { bodySite: bodySiteOfRegion(score.regionId) } : {}),
    ...(score.derivedFrom ? { derivedFrom: [ref(score.derivedFrom)] } : {}),
    note: [{ text: score.note }],
  };
}

function intakePainScores(intake: FhirIntake): PainScore[] {
  const effective = intake.submittedAt ?? intake.updatedAt;
  const scores: PainScore[] = [];
  const now = painScoreOf(answerAt(intake.answers, "pain.now"));
  if (now !== null)
    scores.push({
      key: `${intake.id}:now`,
      value: now,
      effective,
      regionId: null,
      note: "Intake: pain now",
      derivedFrom: intake.id,
    });
  for (const region of arrayOf(answerAt(intake.answers, "areasOfConcern")).filter(isRecord)) {
    const id = stringOf(region.id);
    const value = painScoreOf(region.intensity);
    if (id && value !== null)
      scores.push({
        key: `${intake.id}:${id}`,
        value,
        effective,
        regionId: id,
        note: "Intake: area of concern",
        derivedFrom: intake.id,
      });
  }
  return scores;
}

/** The one region a session's consultation names, if exactly one (Observation.bodySite is 0..1). */
function singleConsultationRegion(consultation: unknown): string | null {
  if (!isRecord(consultation)) return null;
  const ids = arrayOf(consultation.regions)
    .map((r) => (isRecord(r) ? stringOf(r.id) : stringOf(r)))
    .filter((id): id is string => id !== null);
  return ids.length === 1 ? (ids[0] ?? null) : null;
}

function sessionPainScores(session: FhirSession, appointment: FhirAppointment | undefined): PainScore[] {
  const regionId = singleConsultationRegion(session.consultation);
  const scores: PainScore[] = [];
  const before = painScoreOf(session.painBefore);
  const after = painScoreOf(session.painAfter);
  if (before !== null)
    scores.push({
      key: `${session.id}:before`,
      value: before,
      effective: appointment?.startsAt ?? session.createdAt,
      regionId,
      note: "Session: pain before treatment",
      performer: session.therapistId,
    });
  if (after !== null)
    scores.push({
      key: `${session.id}:after`,
      value: after,
      effective: appointment?.endsAt ?? session.signedAt ?? session.createdAt,
      regionId,
      note: "Session: pain after treatment",
      performer: session.therapistId,
    });
  return scores;
}

function diaryPainScores(record: FhirRecord): PainScore[] {
  return record.diary.flatMap((entry) =>
    arrayOf(entry.regions)
      .filter(isRecord)
      .flatMap((region) => {
        const id = stringOf(region.id);
        const value = painScoreOf(region.intensity);
        return id && value !== null
          ? [
              {
                key: `${entry.id}:${id}`,
                value,
                effective: entry.recordedAt,
                regionId: id,
                note: "Pain diary",
              },
            ]
          : [];
      }),
  );
}

// ---------------------------------------------------------------- procedures

function procedureResources(
  session: FhirSession,
  appointment: FhirAppointment | undefined,
  patientId: string,
): FhirResource[] {
  return session.triggerPoints.map((point) => {
    const extension: Record<string, unknown>[] = [];
    if (typeof point.holdSeconds === "number" && point.holdSeconds > 0)
      extension.push({
        url: KNOTWORK_SYSTEMS.holdDuration,
        valueDuration: { value: point.holdSeconds, unit: "s", system: UCUM, code: "s" },
      });
    const release = stringOf(point.release);
    const pressure = stringOf(point.pressure);
    return {
      resourceType: "Procedure",
      id: point.id,
      ...(extension.length > 0 ? { extension } : {}),
      status: "completed",
      code: {
        coding: [
          {
            system: KNOTWORK_SYSTEMS.procedure,
            code: "trigger-point-pressure-release",
            display: "Trigger point pressure release",
          },
        ],
        text: "Trigger point pressure release",
      },
      subject: ref(patientId),
      performedDateTime: appointment?.startsAt ?? point.createdAt ?? session.createdAt,
      performer: [{ actor: ref(session.therapistId) }],
      // The muscle always; the body-map region it lies in (with SNOMED CT where known) when charted.
      bodySite: [
        bodySiteOfMuscle(point.muscleId, point.side),
        ...(stringOf(point.regionId) ? [bodySiteOfRegion(point.regionId as string)] : []),
      ],
      ...(release
        ? {
            outcome: {
              coding: [{ system: KNOTWORK_SYSTEMS.release, code: release }],
              text: `Release: ${release}`,
            },
          }
        : {}),
      ...(pressure ? { note: [{ text: `Pressure: ${pressure}` }] } : {}),
    };
  });
}

// ---------------------------------------------------------------- plans

function carePlanCategory(code: "treatment" | "home-care"): CodeableConcept[] {
  const display = code === "treatment" ? "Treatment plan" : "Home-care plan";
  return [{ coding: [{ system: KNOTWORK_SYSTEMS.carePlanCategory, code, display }], text: display }];
}

/** Plan statuses (core/api/plans) as CarePlan.status: maintenance is still a plan being followed. */
const CARE_PLAN_STATUS: Readonly<Record<string, string>> = {
  active: "active",
  maintenance: "active",
  finished: "completed",
  cancelled: "revoked",
};

function treatmentCarePlan(plan: FhirPlan, patientId: string): FhirResource {
  const interval = plan.maintenanceIntervalWeeks;
  const goals = stringOf(plan.goals);
  return {
    resourceType: "CarePlan",
    id: plan.id,
    status: CARE_PLAN_STATUS[plan.status] ?? "unknown",
    intent: "plan",
    category: carePlanCategory("treatment"),
    title: "Treatment plan",
    description: [
      `${plan.plannedSessions} sessions, one every ${plan.sessionIntervalDays} days`,
      interval ? `then maintenance every ${interval} weeks` : null,
      plan.status === "maintenance" ? "now in maintenance" : null,
      goals ? `Goals: ${goals}` : null,
    ]
      .filter(Boolean)
      .join("; "),
    subject: ref(patientId),
    period: { start: plan.startsOn },
    created: plan.createdAt,
    ...(plan.therapistId ? { author: ref(plan.therapistId) } : {}),
    activity: [
      {
        detail: {
          kind: "Appointment",
          status:
            plan.status === "finished"
              ? "completed"
              : plan.status === "cancelled"
                ? "cancelled"
                : "scheduled",
          description: `${plan.plannedSessions} trigger point therapy sessions`,
          ...(plan.therapistId ? { performer: [ref(plan.therapistId)] } : {}),
        },
      },
    ],
  };
}

/** One home-care item (core/homecare HomeCareItem, read defensively) as a CarePlan activity. */
function homeCareActivity(item: unknown): Record<string, unknown> | null {
  if (!isRecord(item)) return null;
  const title = stringOf(item.title);
  if (!title) return null;
  const kind = stringOf(item.kind);
  const muscleId = stringOf(item.muscleId);
  const description = [title, stringOf(item.how), stringOf(item.frequency)].filter(Boolean).join(" — ");
  return {
    detail: {
      ...(kind
        ? { code: { coding: [{ system: KNOTWORK_SYSTEMS.homeCareKind, code: kind }], text: kind } }
        : {}),
      status: "in-progress",
      description,
      // The muscle a self-treatment item works on, in the same code system as the Procedures.
      ...(muscleId ? { reasonCode: [bodySiteOfMuscle(muscleId, null)] } : {}),
    },
  };
}

/** The home-care plan: active once shared with the client, a draft while the therapist edits it. */
function homeCareCarePlan(plan: FhirHomeCarePlan, patientId: string): FhirResource {
  const activity = arrayOf(plan.items)
    .map(homeCareActivity)
    .filter((a): a is Record<string, unknown> => a !== null);
  return {
    resourceType: "CarePlan",
    id: plan.id,
    status: plan.shared ? "active" : "draft",
    intent: "plan",
    category: carePlanCategory("home-care"),
    title: "Home-care plan",
    subject: ref(patientId),
    created: plan.createdAt,
    ...(activity.length > 0 ? { activity } : {}),
  };
}

// ---------------------------------------------------------------- flags

interface FindingLike {
  id: string;
  label: string;
}
function findingsOf(screening: unknown, key: "holds" | "cautions" | "redFlags"): FindingLike[] {
  if (!isRecord(screening)) return [];
  return arrayOf(screening[key])
    .filter(isRecord)
    .flatMap((f) => {
      const id = stringOf(f.id);
      return id ? [{ id, label: stringOf(f.label) ?? id }] : [];
    });
}

/** Active holds (no clearance recorded), cautions and red flags of the latest submitted intake. */
function flagResources(record: FhirRecord, patientId: string): FhirResource[] {
  const latest = record.intakes.filter((i) => i.submittedAt).at(-1);
  if (!latest) return [];
  const cleared = new Set(record.clearances.map((c) => c.findingId));
  const active = [
    ...findingsOf(latest.screening, "redFlags").map((f) => ({ ...f, kind: "red-flag" })),
    ...findingsOf(latest.screening, "holds")
      .filter((f) => !cleared.has(f.id))
      .map((f) => ({ ...f, kind: "hold" })),
    ...findingsOf(latest.screening, "cautions").map((f) => ({ ...f, kind: "caution" })),
  ];
  return active.map((f) => ({
    resourceType: "Flag",
    id: derivedUuid("flag", latest.id, f.id),
    status: "active",
    category: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/flag-category",
            code: "safety",
            display: "Safety",
          },
        ],
      },
    ],
    code: {
      coding: [{ system: KNOTWORK_SYSTEMS.screeningFinding, code: f.id, display: f.label }],
      text: `${f.kind === "caution" ? "Caution" : f.kind === "hold" ? "Hold until cleared" : "Red flag"}: ${f.label}`,
    },
    subject: ref(patientId),
    period: { start: latest.submittedAt },
  }));
}

// ---------------------------------------------------------------- consent

function consentResource(s: FhirConsentSignature, patientId: string, organizationId: string): FhirResource {
  const text = stringOf(s.text);
  return {
    resourceType: "Consent",
    id: s.id,
    status: "active",
    scope: {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/consentscope",
          code: "treatment",
          display: "Treatment",
        },
      ],
    },
    category: [{ coding: [{ ...CONSENT_DOCUMENT_CODE }] }],
    patient: ref(patientId),
    dateTime: s.signedAt,
    performer: [ref(patientId)],
    organization: [ref(organizationId)],
    policy: [{ uri: `${KNOTWORK_FHIR}/consent/clinic/${organizationId}/version/${s.version}` }],
    ...(text
      ? {
          sourceAttachment: {
            contentType: "text/plain; charset=utf-8",
            data: base64Utf8(text),
            title: `Consent version ${s.version}, signed "${s.typedName}"`,
          },
        }
      : {}),
    verification: [{ verified: true, verifiedWith: ref(patientId), verificationDate: s.signedAt }],
  };
}

// ---------------------------------------------------------------- the bundle

export function fhirBundle(record: FhirRecord, now: Date): FhirBundle {
  const { clinic, client } = record;
  const patientId = client.id;
  const organizationId = clinic.id;
  const appointmentsById = new Map(record.appointments.map((a) => [a.id, a]));

  const usedTherapists = new Set([
    ...record.appointments.map((a) => a.therapistId),
    ...record.sessions.map((s) => s.therapistId),
    ...record.plans.flatMap((p) => (p.therapistId ? [p.therapistId] : [])),
  ]);
  const usedRooms = new Set(record.appointments.flatMap((a) => (a.roomId ? [a.roomId] : [])));

  const telecom = (email?: string | null, phone?: string | null) => [
    ...(email ? [{ system: "email", value: email }] : []),
    ...(phone ? [{ system: "phone", value: phone }] : []),
  ];
  const resources: FhirResource[] = [
    {
      resourceType: "Organization",
      id: organizationId,
      active: true,
      name: clinic.name,
      ...(telecom(clinic.email, clinic.phone).length > 0
        ? { telecom: telecom(clinic.email, clinic.phone) }
        : {}),
      ...(clinic.address ? { address: [{ text: clinic.address }] } : {}),
    },
    {
      resourceType: "Patient",
      id: patientId,
      identifier: [{ system: KNOTWORK_SYSTEMS.clientId, value: client.id }],
      active: true,
      name: [
        {
          family: client.lastName,
          given: [client.firstName],
          text: `${client.firstName} ${client.lastName}`,
        },
      ],
      ...(telecom(client.email, client.phone).length > 0
        ? { telecom: telecom(client.email, client.phone) }
        : {}),
      ...(client.dateOfBirth ? { birthDate: client.dateOfBirth } : {}),
      managingOrganization: ref(organizationId),
    },
    ...record.therapists
      .filter((t) => usedTherapists.has(t.id))
      .map((t) => ({
        resourceType: "Practitioner",
        id: t.id,
        active: t.active ?? true,
        name: [{ text: t.displayName }],
      })),
    ...record.rooms
      .filter((r) => usedRooms.has(r.id))
      .map((r) => ({
        resourceType: "Location",
        id: r.id,
        status: r.active === false ? "inactive" : "active",
        name: r.name,
        mode: "instance",
        managingOrganization: ref(organizationId),
      })),
    ...record.appointments.map((a) => appointmentResource(a, patientId)),
    ...(record.intakes.length > 0 ? [questionnaireResource(clinic.id)] : []),
    ...record.intakes.map((i) => questionnaireResponseResource(i, clinic.id, patientId)),
    ...record.consentSignatures.map((s) => consentResource(s, patientId, organizationId)),
    ...[
      ...record.intakes.flatMap(intakePainScores),
      ...record.sessions.flatMap((s) =>
        sessionPainScores(s, s.appointmentId ? appointmentsById.get(s.appointmentId) : undefined),
      ),
      ...diaryPainScores(record),
    ].map((score) => observationResource(score, patientId)),
    ...record.sessions.flatMap((s) =>
      procedureResources(s, s.appointmentId ? appointmentsById.get(s.appointmentId) : undefined, patientId),
    ),
    ...record.plans.map((p) => treatmentCarePlan(p, patientId)),
    ...(record.homeCare ? [homeCareCarePlan(record.homeCare, patientId)] : []),
    ...flagResources(record, patientId),
  ];
  return {
    resourceType: "Bundle",
    id: derivedUuid("bundle", clinic.id, client.id, now.toISOString()),
    type: "collection",
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
