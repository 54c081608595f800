/**
 * Aftercare after a session (docs/product.md F7): what to expect, what to do, when to call; and the
 * next-day soreness check-in, whose answers outside the expected are flagged to the therapist.
 */

export interface AftercareSection {
  id: "expect" | "water" | "rest" | "call";
  title: string;
  points: string[];
}

export interface AftercareFacts {
  clinicName: string;
  clinicPhone: string | null;
  /** The muscles worked on (names), for "the areas we worked on". */
  muscleNames?: readonly string[];
}

/** The aftercare text for one completed session: shown in the portal and sent by e-mail. */
export function aftercareContent(facts: AftercareFacts): AftercareSection[] {
  const areas =
    facts.muscleNames && facts.muscleNames.length > 0
      ? `the areas we worked on (${facts.muscleNames.join(", ")})`
      : "the areas we worked on";
  const phone = facts.clinicPhone ? ` on ${facts.clinicPhone}` : "";
  return [
    {
      id: "expect",
      title: "What to expect",
      points: [
        `Soreness in ${areas} for 1-2 days is normal, like after a workout; it should ease a little each day.`,
        "Feeling sleepy or tired this evening is common: the body is settling after the work.",
      ],
    },
    {
      id: "water",
      title: "Drink water",
      points: ["Drink water through the rest of today and tomorrow; go easy on alcohol tonight."],
    },
    {
      id: "rest",
      title: "Rest and gentle movement",
      points: [
        "Take it easy today: no heavy lifting or hard training, but do move gently (a short walk helps).",
        "A warm shower or bath can ease soreness; skip ice unless we suggested it.",
      ],
    },
    {
      id: "call",
      title: `When to call ${facts.clinicName}`,
      points: [
        `Call us${phone} if the soreness is severe or still rising after 2 days, if you see bruising, or if you feel numbness or tingling.`,
        "Chest pain, sudden weakness, trouble speaking or a severe headache need emergency care: call 911.",
      ],
    },
  ];
}

/** Answers the check-in asks about, beside the 0-10 soreness and a note. */
export const CHECK_IN_SYMPTOMS = ["bruising", "numbness", "worsening"] as const;
export type CheckInSymptom = (typeof CHECK_IN_SYMPTOMS)[number];

export interface CheckInAnswer {
  /** Soreness now, 0-10. */
  soreness: number;
  symptoms: readonly CheckInSymptom[];
  note: string;
}

/** Soreness at or above this the day after is more than the expected 1-2 days of ache. */
export const SEVERE_SORENESS_FROM = 7;

export type CheckInFlag = "severe-soreness" | CheckInSymptom;

/**
 * Words in the note that mean the same as a symptom box left unticked: clients often write "a bit
 * numb" rather than tick a box, and a missed numbness is worse than a needless look.
 */
const NOTE_SIGNS: readonly [CheckInSymptom, RegExp][] = [
  ["bruising", /\bbruis/i],
  ["numbness", /\b(numb|tingl|pins and needles)/i],
  ["worsening", /\b(worse|worsening|getting worse|more pain)\b/i],
];

/** Why a check-in needs the therapist's eye; empty when it is within the expected. */
export function checkInFlags(answer: CheckInAnswer): CheckInFlag[] {
  const flags = new Set<CheckInFlag>();
  if (answer.soreness >= SEVERE_SORENESS_FROM) flags.add("severe-soreness");
  for (const symptom of answer.symptoms) flags.add(symptom);
  for (const [symptom, pattern] of NOTE_SIGNS) if (pattern.test(answer.note)) flags.add(symptom);
  const order: CheckInFlag[] = ["severe-soreness", ...CHECK_IN_SYMPTOMS];
  return order.filter((flag) => flags.has(flag));
}

export const CHECK_IN_FLAG_WORDS: Readonly<Record<CheckInFlag, string>> = {
  "severe-soreness": "Severe soreness",
  bruising: "Bruising",
  numbness: "Numbness or tingling",
  worsening: "Getting worse",
};

/** What the client reads after answering: reassurance, or a call to ring the clinic. */
export function checkInReply(flags: readonly CheckInFlag[], clinicName: string): string {
  if (flags.length === 0)
    return "Thank you. That is within what we expect; keep drinking water and moving gently.";
  return `Thank you. We have let your therapist know; ${clinicName} will be in touch. If it gets worse, please call the clinic.`;
}

/** An e-mail's words (the notifications capability, F8, sends them; the portal shows the same). */
export interface MessageText {
  subject: string;
  body: string;
}

/** Plain-text e-mail of the aftercare, sent when a visit is completed. */
export function aftercareMessage(
  facts: AftercareFacts & { firstName: string; portalUrl: string },
): MessageText {
  const sections = aftercareContent(facts)
    .map((s) => [s.title, ...s.points.map((p) => `- ${p}`)].join("\n"))
    .join("\n\n");
  return {
    subject: `After your session at ${facts.clinicName}`,
    body: `Hello ${facts.firstName},\n\nThank you for coming in today. A few things for the next couple of days:\n\n${sections}\n\nYour home-care plan and aftercare are in your portal: ${facts.portalUrl}\n`,
  };
}

/** The next-day soreness check-in e-mail: a link to answer in the portal. */
export function checkInMessage(facts: {
  clinicName: string;
  firstName: string;
  portalUrl: string;
}): MessageText {
  return {
    subject: `How are you feeling after yesterday's session? (${facts.clinicName})`,
    body: `Hello ${facts.firstName},\n\nSome soreness the day after a session is normal. Tell us how you feel (0-10, and anything unusual such as bruising or numbness); it takes a minute:\n${facts.portalUrl}\n\nIf something worries you, please call the clinic.\n`,
  };
}

/** The maintenance recall: sent when the next maintenance visit of a plan is due. */
export function maintenanceRecallMessage(facts: {
  clinicName: string;
  firstName: string;
  weeks: number;
  bookingUrl: string;
}): MessageText {
  return {
    subject: `Time for your maintenance session at ${facts.clinicName}`,
    body: `Hello ${facts.firstName},\n\nIt has been about ${facts.weeks} weeks since your last session: a maintenance visit now helps keep the pain from building back up.\n\nBook a time: ${facts.bookingUrl}\n`,
  };
}
