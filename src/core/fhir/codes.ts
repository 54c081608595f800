/**
 * Code systems of the FHIR export (docs/decisions/0018-fhir-export.md). Standard systems where one
 * exists and the code is certain (LOINC for the pain score and the consent document, SNOMED CT for a
 * few unambiguous body structures, HL7's own value sets for statuses and categories); Knotwork's own
 * code systems for what no standard names: the public body-region and muscle ids, screening findings.
 */

import { muscleById } from "../atlas/muscles";
import { regionById } from "../body/regions";

export const LOINC = "http://loinc.org";
export const SNOMED = "http://snomed.info/sct";
export const UCUM = "http://unitsofmeasure.org";

/** Knotwork's namespace: stable, version-less URLs whose codes are the public ids of src/core. */
export const KNOTWORK_FHIR = "https://knotwork.org/fhir";
export const KNOTWORK_SYSTEMS = {
  bodyRegion: `${KNOTWORK_FHIR}/CodeSystem/body-region`,
  muscle: `${KNOTWORK_FHIR}/CodeSystem/muscle`,
  screeningFinding: `${KNOTWORK_FHIR}/CodeSystem/screening-finding`,
  release: `${KNOTWORK_FHIR}/CodeSystem/trigger-point-release`,
  procedure: `${KNOTWORK_FHIR}/CodeSystem/procedure`,
  carePlanCategory: `${KNOTWORK_FHIR}/CodeSystem/care-plan-category`,
  homeCareKind: `${KNOTWORK_FHIR}/CodeSystem/home-care-kind`,
  clientId: `${KNOTWORK_FHIR}/sid/client`,
  holdDuration: `${KNOTWORK_FHIR}/StructureDefinition/hold-duration`,
  side: `${KNOTWORK_FHIR}/StructureDefinition/side`,
} as const;

/** LOINC 72514-3: "Pain severity - 0-10 verbal numeric rating [Score] - Reported". */
export const PAIN_SCORE_CODE = {
  system: LOINC,
  code: "72514-3",
  display: "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
} as const;

/** LOINC 59284-0: "Patient Consent" (the document class HL7's own Consent examples use). */
export const CONSENT_DOCUMENT_CODE = { system: LOINC, code: "59284-0", display: "Patient Consent" } as const;

/**
 * SNOMED CT body structures, by Knotwork region TYPE, kept to codes that are unambiguous and widely
 * used (each names the structure that contains the region). Regions not listed carry only the
 * Knotwork code: a wrong standard code is worse than none.
 */
const SNOMED_BODY_STRUCTURES: Readonly<Record<string, { code: string; display: string }>> = {
  "neck-anterior": { code: "45048000", display: "Neck structure" },
  "neck-lateral": { code: "45048000", display: "Neck structure" },
  "neck-posterior": { code: "45048000", display: "Neck structure" },
  tmj: { code: "53620006", display: "Temporomandibular joint structure" },
  "shoulder-anterior": { code: "16982005", display: "Shoulder region structure" },
  "shoulder-lateral": { code: "16982005", display: "Shoulder region structure" },
  "shoulder-posterior": { code: "16982005", display: "Shoulder region structure" },
  "elbow-anterior": { code: "127949000", display: "Elbow region structure" },
  "elbow-lateral": { code: "127949000", display: "Elbow region structure" },
  "elbow-medial": { code: "127949000", display: "Elbow region structure" },
  "elbow-posterior": { code: "127949000", display: "Elbow region structure" },
  "wrist-volar": { code: "8205005", display: "Wrist region structure" },
  "wrist-dorsal": { code: "8205005", display: "Wrist region structure" },
  "hand-palm": { code: "85562004", display: "Hand structure" },
  "hand-dorsum": { code: "85562004", display: "Hand structure" },
  "knee-anterior": { code: "72696002", display: "Knee region structure" },
  "knee-medial": { code: "72696002", display: "Knee region structure" },
  "knee-lateral": { code: "72696002", display: "Knee region structure" },
  "knee-posterior": { code: "72696002", display: "Knee region structure" },
  "foot-dorsum": { code: "56459004", display: "Foot structure" },
  "foot-sole": { code: "56459004", display: "Foot structure" },
};

export interface Coding {
  system: string;
  code: string;
  display?: string;
}
export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

/** A body region as a CodeableConcept: the Knotwork region id always, SNOMED CT where certain. */
export function bodySiteOfRegion(regionId: string): CodeableConcept {
  const region = regionById(regionId);
  const coding: Coding[] = [
    { system: KNOTWORK_SYSTEMS.bodyRegion, code: regionId, ...(region ? { display: region.label } : {}) },
  ];
  const snomed = region ? SNOMED_BODY_STRUCTURES[region.type.id] : undefined;
  if (snomed) coding.push({ system: SNOMED, ...snomed });
  return { coding, text: region?.label ?? regionId };
}

/** A muscle (with its side, when charted) as a CodeableConcept in the Knotwork muscle system. */
export function bodySiteOfMuscle(muscleId: string, side: string | null): CodeableConcept {
  const muscle = muscleById(muscleId);
  const name = muscle?.anatomicalName ?? muscleId;
  return {
    coding: [{ system: KNOTWORK_SYSTEMS.muscle, code: muscleId, display: name }],
    text: side === "left" || side === "right" ? `${name} (${side})` : name,
  };
}
