/** Test data for intake and screening tests (not used by production code). */
import { HEALTH_HISTORY_QUESTION_IDS, type HealthHistoryQuestionId } from "../screening/rules";
import type { HealthAnswer, IntakeSubmission } from "./schema";

/** Only asked of a pregnant client, so a "not pregnant" intake leaves it out. */
const PREGNANCY_ONLY: HealthHistoryQuestionId = "pregnancy-complication";

/** The same answer to every health question asked of a client who is not pregnant. */
export function allHealthAnswers(answer: boolean): Partial<Record<HealthHistoryQuestionId, HealthAnswer>> {
  return Object.fromEntries(
    HEALTH_HISTORY_QUESTION_IDS.filter((id) => id !== PREGNANCY_ONLY).map((id) => [id, { answer }]),
  );
}

/** A complete, valid submission with every health question answered "no" and not pregnant. */
export function completeIntake(): IntakeSubmission {
  return {
    reasonForVisit: "Headaches at the temples after long days at the computer.",
    areasOfConcern: [
      { id: "temple-left", intensity: 6 },
      { id: "neck-posterior-left", intensity: 4 },
    ],
    pain: { now: 3, best: 1, worst: 7 },
    duration: { amount: 4, unit: "months" },
    triggers: ["desk-work", "stress"],
    previousTreatment: { had: true, detail: "Physiotherapy last year; helped a little." },
    healthHistory: allHealthAnswers(false),
    medications: { list: "Ibuprofen now and then", bloodThinners: false },
    pregnancy: { status: "no" },
    goals: "Work a full day without a headache.",
  };
}
