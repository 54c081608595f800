/**
 * Intake, consent and screening for the demo clinic (F12: every screen has something real): Jordan
 * (the demo client log-in) filled both in before his first visit; Alex takes a blood thinner (a
 * caution); Rita is clear; Tom's first visit waits on a doctor's okay after recent surgery (a hold);
 * Hannah is halfway through her questionnaire; Ben, booked by phone, has not started.
 */
import type { IntakeSubmission } from "../../core/intake";
import { HEALTH_HISTORY_QUESTION_IDS, screenIntake } from "../../core/screening";
import type { Db } from "../db/connect";
import { consentSignatures, intakeDrafts, intakes } from "../db/schema";

type Tx = Pick<Db, "insert">;

const DAY = 86_400_000;

function allNo(): IntakeSubmission["healthHistory"] {
  return Object.fromEntries(
    HEALTH_HISTORY_QUESTION_IDS.filter((id) => id !== "pregnancy-complication").map((id) => [
      id,
      { answer: false },
    ]),
  );
}

function intake(
  parts: Partial<IntakeSubmission> & Pick<IntakeSubmission, "reasonForVisit" | "areasOfConcern">,
): IntakeSubmission {
  return {
    pain: { now: 4, best: 2, worst: 7 },
    duration: { amount: 6, unit: "months" },
    triggers: ["desk-work", "stress"],
    previousTreatment: { had: false },
    healthHistory: allNo(),
    medications: { bloodThinners: false },
    pregnancy: { status: "not-applicable" },
    goals: "Get through a working day without pain.",
    ...parts,
  };
}

const JORDAN = intake({
  reasonForVisit:
    "Headaches at my left temple most afternoons, after long days at the computer. The back of my neck feels tight.",
  areasOfConcern: [
    { id: "temple-left", intensity: 6 },
    { id: "neck-posterior-left", intensity: 5 },
    { id: "shoulder-top-left", intensity: 4 },
  ],
  pain: { now: 3, best: 1, worst: 7 },
  duration: { amount: 8, unit: "months" },
  triggers: ["desk-work", "posture", "stress"],
  previousTreatment: { had: true, detail: "Physiotherapy last spring: stretches helped a little." },
  medications: { list: "Ibuprofen now and then", bloodThinners: false },
  goals: "Work a full day without a headache, and sleep better.",
});

const ALEX = intake({
  reasonForVisit: "Aching in my right shoulder blade and down the back of my arm, worse when I reach.",
  areasOfConcern: [
    { id: "scapula-right", intensity: 6 },
    { id: "arm-posterior-right", intensity: 4 },
  ],
  triggers: ["repetitive-movement", "sport-or-overuse"],
  medications: { list: "Apixaban 5 mg twice a day", bloodThinners: true },
  goals: "Swim again without the ache.",
});

const RITA = intake({
  reasonForVisit: "Low back pain on the right, spreading into my buttock after gardening.",
  areasOfConcern: [
    { id: "back-low-right", intensity: 5 },
    { id: "buttock-right", intensity: 6 },
  ],
  duration: { amount: 3, unit: "weeks" },
  triggers: ["repetitive-movement"],
  goals: "Garden for an afternoon again.",
});

const TOM = intake({
  reasonForVisit: "Stiff, painful calf and the back of my knee since I started running again.",
  areasOfConcern: [
    { id: "calf-left", intensity: 7 },
    { id: "knee-posterior-left", intensity: 4 },
  ],
  duration: { amount: 5, unit: "weeks" },
  triggers: ["sport-or-overuse"],
  healthHistory: {
    ...allNo(),
    "recent-surgery": { answer: true, detail: "Knee arthroscopy (right knee), four weeks ago." },
  },
  goals: "Run 10 km without calf pain.",
});

const HANNAH_DRAFT = {
  reasonForVisit: "Jaw pain and clicking on the left, and headaches behind my eye.",
  areasOfConcern: [
    { id: "jaw-left", intensity: 6 },
    { id: "eye-left", intensity: 5 },
  ],
  pain: { now: 5 },
};

interface DemoClient {
  id: string;
  firstName: string;
  lastName: string;
}

export async function seedDemoIntakes(
  tx: Tx,
  clinicId: string,
  clients: readonly DemoClient[],
  now: Date,
): Promise<void> {
  const byName = (name: string) => clients.find((c) => c.firstName === name)?.id;
  const submitted: [string | undefined, IntakeSubmission, number][] = [
    [byName("Jordan"), JORDAN, 10],
    [byName("Alex"), ALEX, 6],
    [byName("Rita"), RITA, 3],
    [byName("Tom"), TOM, 1],
  ];
  for (const [clientId, answers, daysAgo] of submitted) {
    if (!clientId) continue;
    const at = new Date(now.getTime() - daysAgo * DAY);
    await tx.insert(intakes).values({
      clinicId,
      clientId,
      version: 1,
      answers,
      screening: screenIntake(answers),
      submittedAt: at,
      updatedAt: at,
      createdAt: at,
    });
    await tx.insert(intakeDrafts).values({ clinicId, clientId, answers, updatedAt: at });
    await tx.insert(consentSignatures).values({
      clinicId,
      clientId,
      version: 1,
      typedName: (({ firstName, lastName }) => `${firstName} ${lastName}`)(
        clients.find((c) => c.id === clientId) ?? { firstName: "", lastName: "" },
      ),
      signedAt: new Date(at.getTime() + 5 * 60_000),
    });
  }
  const hannah = byName("Hannah");
  if (hannah) {
    await tx.insert(intakeDrafts).values({
      clinicId,
      clientId: hannah,
      answers: HANNAH_DRAFT,
      updatedAt: new Date(now.getTime() - 2 * 3_600_000),
    });
  }
}
