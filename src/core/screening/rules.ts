/**
 * Safety screening rules (docs/product.md F5; the choices in docs/decisions/0008-screening.md).
 *
 * Every rule is one yes/no question. A "yes" produces the rule's finding; "no" or no answer
 * produces nothing. Rules are data so that the intake form, the public finder, the staff views
 * and the tests all read the same list, and so that adding a rule is one entry here.
 *
 * Wording rules for `adviceForClient`: plain words, calm, short, never a diagnosis (the client
 * is told what to do, not what they have). `reasonForStaff` may name the suspected condition,
 * because staff need to know why the rule exists and, for cautions, what to change.
 */
import type { RegionGroup } from "../body/regions";

export type ScreeningKind = "hold" | "caution" | "red-flag";

/** How fast a red flag needs a doctor: an emergency number now, or a doctor today. */
export type RedFlagUrgency = "emergency" | "urgent";

/**
 * Where the "yes" for a rule comes from in the intake, when it is not its own yes/no question
 * in the health history (blood thinners are asked with medications, pregnancy in its own section).
 */
export type AnsweredByIntakeField = "medications.bloodThinners" | "pregnancy.status";

interface RuleText {
  /** Stable id, used as the answer key and the finding id. Never rename one: answers are stored under it. */
  readonly id: string;
  /** Short name for staff lists and badges. */
  readonly label: string;
  /** The yes/no question in plain words, phrased so that "yes" is the answer that matters. */
  readonly question: string;
  /** Optional hint under the question (examples, what to include). */
  readonly help?: string;
  readonly adviceForClient: string;
  readonly reasonForStaff: string;
}

export interface HoldRule extends RuleText {
  readonly kind: "hold";
  /** Only asked of a client who says they are pregnant. */
  readonly askOnlyIfPregnant?: boolean;
}

export interface CautionRule extends RuleText {
  readonly kind: "caution";
  readonly answeredBy?: AnsweredByIntakeField;
}

export interface RedFlagRule extends RuleText {
  readonly kind: "red-flag";
  readonly urgency: RedFlagUrgency;
  /**
   * Body-map groups whose marking makes this question relevant to the public finder, or "any".
   * The intake asks every red-flag question regardless: a massage touches more than the marked area.
   */
  readonly regionGroups: readonly RegionGroup[] | "any";
}

export type ScreeningRule = HoldRule | CautionRule | RedFlagRule;

/** Every hold tells the client the same next step, so staff and clients see one consistent rule. */
export const HOLD_NEXT_STEP =
  "Please talk to your doctor before trigger point massage. When they say it's fine, let us know: we'll note it and confirm your visit.";

function holdAdvice(why: string): string {
  return `${why} ${HOLD_NEXT_STEP}`;
}

const HOLD_CLEARANCE_STEP = "Record a clearance (who, when, note) before confirming the visit.";

function holdReason(why: string): string {
  return `${why} ${HOLD_CLEARANCE_STEP}`;
}

/** Emergency wording is deliberately blunt: it must not read like a suggestion. */
export const EMERGENCY_ADVICE =
  "Call 911 or your local emergency number now. This needs a doctor straight away, not massage.";

export const URGENT_ADVICE = "Please see a doctor today, before any massage.";

/** §6.1: do not treat until a doctor has cleared it (or the condition has resolved). */
export const HOLD_RULES = [
  {
    kind: "hold",
    id: "blood-clot",
    label: "Blood clot (DVT), known or suspected",
    question:
      "Do you have a blood clot in a vein (such as deep vein thrombosis, DVT), or has a doctor said you might have one?",
    help: "Include a clot that is still being treated.",
    adviceForClient: holdAdvice("Massage is not safe near a blood clot until a doctor says so."),
    reasonForStaff: holdReason(
      "Known or suspected DVT: pressure could dislodge the clot and cause a pulmonary embolism. No massage until medically cleared, and never on the affected limb while a clot is present.",
    ),
  },
  {
    kind: "hold",
    id: "uncontrolled-blood-pressure",
    label: "Uncontrolled high blood pressure",
    question:
      "Is your blood pressure high and not under control, or has a doctor told you it is too high at the moment?",
    adviceForClient: holdAdvice("Blood pressure that isn't under control needs your doctor's okay first."),
    reasonForStaff: holdReason(
      "Uncontrolled or severe unstable hypertension is a general contraindication: intense pressure and pain raise blood pressure. Treat once the client's doctor confirms it is controlled.",
    ),
  },
  {
    kind: "hold",
    id: "unstable-heart-condition",
    label: "Unstable heart condition",
    question:
      "Do you have a heart condition that isn't stable right now, or that doctors are still looking into (for example after a recent heart attack)?",
    adviceForClient: holdAdvice("A heart condition that hasn't settled needs your doctor's okay first."),
    reasonForStaff: holdReason(
      "Unstable cardiac disease is a general contraindication: deep pressure and pain are a cardiovascular stressor. Needs clearance from the client's doctor or cardiologist.",
    ),
  },
  {
    kind: "hold",
    id: "recent-surgery",
    label: "Recent surgery",
    question: "Have you had an operation in the last 6 weeks, or are you still recovering from one?",
    help: "Tell us what it was and when.",
    adviceForClient: holdAdvice("Your body is still healing from surgery."),
    reasonForStaff: holdReason(
      "Recent surgery (about 6 weeks, or until the surgeon clears it): risk to the healing site, and clot risk is raised after surgery. Once cleared, still avoid the operated area.",
    ),
  },
  {
    kind: "hold",
    id: "fever-or-infection",
    label: "Fever or acute infection",
    question: "Do you have a fever, the flu, or another infection or illness that could be catching?",
    adviceForClient: holdAdvice("Rest and get well first."),
    reasonForStaff: holdReason(
      "Fever, acute systemic infection or contagious illness is a general contraindication (and a risk to staff and other clients). Clear once the illness has resolved or a doctor confirms.",
    ),
  },
  {
    kind: "hold",
    id: "recent-fracture",
    label: "Recent fracture or dislocation",
    question:
      "Have you broken a bone or dislocated a joint in the last 6 weeks, or do you have a break that hasn't healed yet?",
    help: "Tell us which bone or joint.",
    adviceForClient: holdAdvice("A broken bone or dislocated joint needs time to heal."),
    reasonForStaff: holdReason(
      "Recent fracture or dislocation: avoid the area until healed, usually about 6 weeks or clearance from the treating clinician.",
    ),
  },
  {
    kind: "hold",
    id: "acute-injury",
    label: "Acute injury",
    question:
      "Do you have a new injury from the last few days (such as a sprain or strain) that is still swollen, hot or badly bruised?",
    help: "Tell us where.",
    adviceForClient: holdAdvice("A fresh injury needs a few days to settle."),
    reasonForStaff: holdReason(
      "Acute injury with swelling, heat or bruising: deep pressure can increase bleeding and swelling. Avoid the area until the acute phase has settled or a clinician clears it.",
    ),
  },
  {
    kind: "hold",
    id: "severe-osteoporosis",
    label: "Severe osteoporosis or fragility fracture",
    question:
      "Has a doctor told you that you have severe osteoporosis (very fragile bones), or have you broken a bone from a minor fall or bump?",
    adviceForClient: holdAdvice("Very fragile bones need your doctor's okay before firm pressure."),
    reasonForStaff: holdReason(
      "Severe osteoporosis or a fragility fracture: firm pressure can fracture ribs or vertebrae. Once cleared, gentle pressure only.",
    ),
  },
  {
    kind: "hold",
    id: "wound-or-skin-infection",
    label: "Open wound, burn or skin infection",
    question: "Do you have an open or healing wound, a burn, or a skin infection?",
    help: "Tell us where.",
    adviceForClient: holdAdvice("Skin needs to heal before it is pressed or rubbed."),
    reasonForStaff: holdReason(
      "Open or healing wounds, burns or skin infection: risk of infection and tissue damage. Never treat over the area; a contagious skin infection must be cleared first. A small, covered wound away from the treatment area can be cleared with a note to avoid it.",
    ),
  },
  {
    kind: "hold",
    id: "unchecked-lump",
    label: "Lump or swelling not yet checked",
    question: "Do you have a lump or swelling that a doctor hasn't checked yet?",
    help: "Tell us where.",
    adviceForClient: holdAdvice("A lump or swelling should be checked by a doctor first."),
    reasonForStaff: holdReason(
      "Undiagnosed lump or swelling: do not manipulate it until it has been assessed. For a known tumour see the cancer caution.",
    ),
  },
  {
    kind: "hold",
    id: "pregnancy-complication",
    label: "Pregnancy complication",
    question:
      "During this pregnancy, have you had bleeding, leaking fluid, sudden swelling of your face, hands or feet, a problem with the placenta, or been told it is high-risk?",
    askOnlyIfPregnant: true,
    adviceForClient:
      "Please talk to your doctor or midwife before trigger point massage. When they say it's fine, let us know: we'll note it and confirm your visit.",
    reasonForStaff: holdReason(
      "Pregnancy complication (bleeding, fluid leak, sudden widespread swelling that can signal pre-eclampsia, placental problems, high-risk pregnancy): refer to the maternity provider and treat only with their clearance.",
    ),
  },
] as const satisfies readonly HoldRule[];

/** §6.2: treat, but change the technique. Shown to the therapist before and during the session. */
export const CAUTION_RULES = [
  {
    kind: "caution",
    id: "blood-thinners",
    label: "Takes blood thinners",
    question:
      "Do you take a blood thinner, such as warfarin, apixaban, rivaroxaban, clopidogrel or a daily aspirin?",
    answeredBy: "medications.bloodThinners",
    adviceForClient:
      "Thanks for telling us. Blood thinners make bruising easier, so your therapist will use lighter pressure.",
    reasonForStaff:
      "Anticoagulant or antiplatelet medicine: bruising and haematoma risk. No forceful or deep pressure; moderate pressure, shorter holds, no deep stripping; check the skin afterwards.",
  },
  {
    kind: "caution",
    id: "bleeding-disorder",
    label: "Bleeding disorder or low platelets",
    question:
      "Do you have a bleeding disorder (such as haemophilia) or low platelets, or do you bruise very easily?",
    adviceForClient: "Thanks for telling us. Your therapist will use lighter pressure so you don't bruise.",
    reasonForStaff:
      "Bleeding disorder or thrombocytopenia: bruising and haematoma risk. No forceful or deep pressure; moderate pressure and shorter holds.",
  },
  {
    kind: "caution",
    id: "pregnancy",
    label: "Pregnant",
    question: "Are you pregnant?",
    answeredBy: "pregnancy.status",
    adviceForClient:
      "Massage can help in pregnancy. Please check with your midwife or doctor first; your therapist will adapt your position and pressure.",
    reasonForStaff:
      "Pregnancy: the client should check with their maternity provider. Side-lying or semi-reclined positioning as pregnancy advances; no abdominal pressure; by common practice no deep pressure on calves and inner thighs (clot risk is higher), though this is contested without specific clot risk factors. Bleeding, fluid leak, sudden swelling or a new severe headache: stop and refer.",
  },
  {
    kind: "caution",
    id: "cancer",
    label: "Cancer or cancer treatment",
    question: "Do you have cancer, or are you having (or have recently had) chemotherapy or radiotherapy?",
    help: "Tell us where, and what treatment.",
    adviceForClient:
      "Thanks for telling us. Your therapist will keep pressure gentle and avoid treated areas. For deeper work we'll ask for your cancer doctor's okay.",
    reasonForStaff:
      "Cancer or current chemo/radiotherapy: oncologist clearance before deep work; avoid tumour sites, radiation fields, ports and lines; gentle pressure (low platelets and fragile bone are possible). New back pain with a history of cancer needs a doctor's review before treatment.",
  },
  {
    kind: "caution",
    id: "osteoporosis",
    label: "Osteoporosis",
    question: "Do you have osteoporosis or thinning bones (osteopenia)?",
    adviceForClient: "Your therapist will use gentle pressure to protect your bones.",
    reasonForStaff:
      "Osteoporosis: gentle pressure, nothing forceful over ribs or spine, careful positioning. Severe osteoporosis or a fragility fracture is a hold instead.",
  },
  {
    kind: "caution",
    id: "diabetes-or-neuropathy",
    label: "Diabetes or reduced feeling",
    question: "Do you have diabetes, or numbness or reduced feeling anywhere (for example in your feet)?",
    help: "Tell us where the feeling is reduced.",
    adviceForClient:
      "Your therapist will use lighter pressure and check in with you often, especially where feeling is reduced.",
    reasonForStaff:
      "Diabetes or peripheral neuropathy: reduced sensation means the client may not feel excessive pressure. Lighter pressure, frequent check-ins, avoid insulin injection sites, look at the skin of the feet.",
  },
  {
    kind: "caution",
    id: "varicose-veins",
    label: "Varicose veins",
    question: "Do you have varicose veins?",
    help: "Tell us where.",
    adviceForClient: "Your therapist will avoid pressing directly on them.",
    reasonForStaff:
      "Varicose veins: no direct pressure on the veins, light work around them only. New one-sided leg swelling, warmth or redness is the calf red flag instead.",
  },
  {
    kind: "caution",
    id: "recent-injection",
    label: "Recent injection",
    question:
      "Have you had an injection in the last 2 weeks, such as a vaccine, a steroid or a cosmetic injection?",
    help: "Tell us where it was given.",
    adviceForClient: "Your therapist will avoid the injection site.",
    reasonForStaff:
      "Recent injection: avoid the site, which may be sore or bruised, and where pressure can change how the medicine spreads. (The 2-week window is our working threshold.)",
  },
  {
    kind: "caution",
    id: "stroke-or-neck-artery-history",
    label: "Past stroke, TIA or neck artery tear",
    question: "Have you ever had a stroke, a mini-stroke (TIA), or a tear in an artery in your neck?",
    adviceForClient: "Your therapist will be extra gentle around your neck.",
    reasonForStaff:
      "History of stroke, TIA or cervical artery dissection: no forceful neck manipulation or end-range extension/rotation, never press on the front of the neck (carotid pulse). Any new neurological sign is a red flag.",
  },
  {
    kind: "caution",
    id: "unexplained-pain",
    label: "Unexplained pain, not medically assessed",
    question: "Did this pain start for no clear reason, and has no doctor looked at it yet?",
    adviceForClient:
      "Your therapist will ask a few more questions. If the pain doesn't ease with treatment, please have a doctor look at it.",
    reasonForStaff:
      "Unexplained, medically unassessed pain: at consultation check that it behaves like muscle pain (changes with movement and position, reproduced by pressure on a trigger point). Refer for medical assessment if it does not, or if it has not improved by the end of the planned sessions.",
  },
] as const satisfies readonly CautionRule[];

/** §6.3: stop; the client needs a doctor (or an emergency number) instead of a massage. */
export const RED_FLAG_RULES = [
  {
    kind: "red-flag",
    id: "thunderclap-headache",
    label: "Sudden severe (thunderclap) or worst-ever headache",
    question:
      "Have you had a sudden, severe headache that reached full strength within about a minute, or the worst headache of your life?",
    urgency: "emergency",
    regionGroups: ["head", "neck"],
    adviceForClient: EMERGENCY_ADVICE,
    reasonForStaff:
      "Thunderclap or worst-ever headache: possible subarachnoid haemorrhage or another vascular cause. Emergency care, never massage.",
  },
  {
    kind: "red-flag",
    id: "headache-fever-stiff-neck",
    label: "Headache with fever and stiff neck",
    question: "Do you have a headache together with a fever and a stiff neck?",
    urgency: "emergency",
    regionGroups: ["head", "neck"],
    adviceForClient: EMERGENCY_ADVICE,
    reasonForStaff: "Headache with fever and neck stiffness (meningism): possible meningitis. Emergency.",
  },
  {
    kind: "red-flag",
    id: "stroke-like-signs",
    label: "New stroke-like signs",
    question:
      "In the last few days, have you had any new weakness or numbness on one side, slurred speech, trouble swallowing, double or lost vision, a drooping face or eyelid, sudden dizziness or confusion?",
    urgency: "emergency",
    regionGroups: "any",
    adviceForClient: EMERGENCY_ADVICE,
    reasonForStaff:
      "New focal neurological signs: possible stroke; with head or neck pain, possible cervical artery dissection (which can follow minor neck strain, even days later). Emergency.",
  },
  {
    kind: "red-flag",
    id: "cardiac-chest-pain",
    label: "Chest pain that could be the heart",
    question:
      "Do you have chest pain, pressure or tightness that lasts several minutes or keeps coming back, spreads to your arm, jaw, neck or back, or comes on with effort and eases with rest?",
    help: "Especially with shortness of breath, a cold sweat, nausea or light-headedness.",
    urgency: "emergency",
    regionGroups: [
      "chest",
      "shoulder",
      "arm",
      "elbow",
      "forearm",
      "hand",
      "upper-back",
      "mid-back",
      "neck",
      "head",
    ],
    adviceForClient: EMERGENCY_ADVICE,
    reasonForStaff:
      "Chest pain with cardiac features: pectoral, scalene and SCM referral patterns overlap cardiac pain. Emergency; never treat as muscular without medical assessment.",
  },
  {
    kind: "red-flag",
    id: "pulmonary-embolism-signs",
    label: "Sudden breathlessness or chest pain on breathing in",
    question:
      "Have you suddenly become short of breath, or do you have chest pain that gets worse when you breathe in, or are you coughing up blood?",
    urgency: "emergency",
    regionGroups: "any",
    adviceForClient: EMERGENCY_ADVICE,
    reasonForStaff: "Signs of pulmonary embolism. Emergency.",
  },
  {
    kind: "red-flag",
    id: "cauda-equina-signs",
    label: "Saddle numbness or new bladder/bowel problems",
    question:
      "Do you have numbness around your genitals, bottom or inner thighs (where you would sit on a saddle), or new trouble passing urine or controlling your bladder or bowels?",
    urgency: "emergency",
    regionGroups: ["low-back", "pelvis-back", "hip", "thigh", "knee", "leg", "foot", "abdomen"],
    adviceForClient: EMERGENCY_ADVICE,
    reasonForStaff:
      "Saddle anaesthesia or new bladder/bowel dysfunction: possible cauda equina syndrome. Emergency (surgical) assessment.",
  },
  {
    kind: "red-flag",
    id: "spinal-nerve-signs",
    label: "Both legs or arms weak or numb, or weakness getting worse",
    question:
      "Are both your legs, or both your arms, weak, numb or tingling, or is any weakness getting worse, or has your walking become unsteady?",
    urgency: "emergency",
    regionGroups: "any",
    adviceForClient: EMERGENCY_ADVICE,
    reasonForStaff:
      "Bilateral or progressive limb weakness or numbness, or gait disturbance: possible cauda equina syndrome or cervical myelopathy. Emergency assessment.",
  },
  {
    kind: "red-flag",
    id: "pulsating-belly-lump",
    label: "Pulsing lump in the belly with pain",
    question: "Can you feel a pulsing lump in your belly, together with belly or back pain?",
    urgency: "emergency",
    regionGroups: ["abdomen", "low-back", "mid-back"],
    adviceForClient: EMERGENCY_ADVICE,
    reasonForStaff:
      "Pulsatile abdominal mass with back or abdominal pain: possible abdominal aortic aneurysm. Emergency.",
  },
  {
    kind: "red-flag",
    id: "calf-clot-signs",
    label: "One leg swollen, warm, red or painful",
    question:
      "Is one of your legs (calf or thigh) newly swollen, warm, red or painful, or painful to walk on?",
    help: "This matters more after surgery, a long journey, bed rest, during or after pregnancy, or if you've had a clot before.",
    urgency: "urgent",
    regionGroups: ["thigh", "knee", "leg", "foot", "hip"],
    adviceForClient:
      "Please see a doctor today, and don't rub or massage that leg. If you become short of breath or get chest pain, call 911 or your local emergency number.",
    reasonForStaff:
      "One-sided leg swelling, warmth, redness or pain: possible DVT. Same-day medical assessment; no massage of the leg.",
  },
  {
    kind: "red-flag",
    id: "new-headache-after-50",
    label: "New headache after age 50",
    question:
      "Are you over 50 and have a new kind of headache, especially with a tender scalp or jaw pain when chewing?",
    urgency: "urgent",
    regionGroups: ["head", "neck"],
    adviceForClient: URGENT_ADVICE,
    reasonForStaff:
      "New headache after 50, especially with scalp tenderness or jaw claudication: possible giant cell (temporal) arteritis, which threatens vision. Same-day doctor.",
  },
  {
    kind: "red-flag",
    id: "changing-headache",
    label: "Headache that is worsening, changed, or new in pregnancy",
    question:
      "Is your headache getting steadily worse or different from usual, brought on by coughing or straining, waking you from sleep, or new during pregnancy?",
    urgency: "urgent",
    regionGroups: ["head", "neck"],
    adviceForClient: URGENT_ADVICE,
    reasonForStaff:
      "Progressive or changed headache pattern, Valsalva-triggered, waking from sleep, or new in pregnancy (possible pre-eclampsia): secondary headache warning signs. Medical assessment before treatment.",
  },
  {
    kind: "red-flag",
    id: "systemic-symptoms",
    label: "Weight loss, fevers or night sweats with the pain",
    question:
      "Along with this pain, have you had weight loss you can't explain, fevers, chills or night sweats?",
    urgency: "urgent",
    regionGroups: "any",
    adviceForClient: URGENT_ADVICE,
    reasonForStaff:
      "Systemic features with musculoskeletal pain: possible infection or malignancy. Doctor first.",
  },
  {
    kind: "red-flag",
    id: "constant-or-night-pain",
    label: "Constant pain, or severe at night",
    question:
      "Is the pain constant and not changed at all by moving or changing position, or severe at night, or worse when you lie down?",
    urgency: "urgent",
    regionGroups: "any",
    adviceForClient: URGENT_ADVICE,
    reasonForStaff:
      "Non-mechanical pain (constant, unchanged by movement or position, night pain, worse lying down): possible tumour or infection. Doctor first.",
  },
  {
    kind: "red-flag",
    id: "unchecked-major-trauma",
    label: "Pain after a serious accident or fall, not checked",
    question:
      "Did this pain start after a serious accident or fall (such as a car crash or a fall from a height), or a minor fall if you have fragile bones, that a doctor hasn't checked?",
    urgency: "urgent",
    regionGroups: "any",
    adviceForClient: URGENT_ADVICE,
    reasonForStaff:
      "Significant trauma, or minor trauma with osteoporosis, not medically assessed: possible fracture. Medical assessment first.",
  },
  {
    kind: "red-flag",
    id: "abdominal-warning-signs",
    label: "Belly or groin pain with fever, vomiting or blood",
    question:
      "With pain in your belly or groin, do you have a fever, vomiting, a hard or rigid belly, blood in your urine or stool, or pain when passing urine?",
    urgency: "urgent",
    regionGroups: ["abdomen", "hip", "low-back", "pelvis-back", "thigh"],
    adviceForClient: URGENT_ADVICE,
    reasonForStaff:
      "Visceral warning signs: rectus abdominis, iliopsoas and quadratus lumborum patterns can mimic organ pain (e.g. appendicitis). Doctor first.",
  },
  {
    kind: "red-flag",
    id: "hot-swollen-joint",
    label: "Hot, red, swollen joint",
    question: "Is one of your joints hot, red and swollen?",
    urgency: "urgent",
    regionGroups: "any",
    adviceForClient: URGENT_ADVICE,
    reasonForStaff: "Hot swollen joint: possible septic or inflammatory arthritis. Doctor first.",
  },
] as const satisfies readonly RedFlagRule[];

export type HoldId = (typeof HOLD_RULES)[number]["id"];
export type CautionId = (typeof CAUTION_RULES)[number]["id"];
export type RedFlagId = (typeof RED_FLAG_RULES)[number]["id"];
export type ScreeningRuleId = HoldId | CautionId | RedFlagId;

/** Red flags first: the order a form should ask them in and staff should read them in. */
export const SCREENING_RULES: readonly ScreeningRule[] = [...RED_FLAG_RULES, ...HOLD_RULES, ...CAUTION_RULES];

const RULES_BY_ID: ReadonlyMap<string, ScreeningRule> = new Map(
  SCREENING_RULES.map((rule) => [rule.id, rule]),
);

export const SCREENING_RULE_IDS: readonly ScreeningRuleId[] = [
  ...RED_FLAG_RULES,
  ...HOLD_RULES,
  ...CAUTION_RULES,
].map((rule) => rule.id);

export const HOLD_IDS: readonly HoldId[] = HOLD_RULES.map((rule) => rule.id);
export const CAUTION_IDS: readonly CautionId[] = CAUTION_RULES.map((rule) => rule.id);
export const RED_FLAG_IDS: readonly RedFlagId[] = RED_FLAG_RULES.map((rule) => rule.id);

/** Rules whose "yes" comes from another intake field rather than their own health-history question. */
type AnsweredElsewhereId = Extract<
  (typeof CAUTION_RULES)[number],
  { answeredBy: AnsweredByIntakeField }
>["id"];

/** The rules the intake asks as explicit yes/no health-history questions (keys of `healthHistory`). */
export type HealthHistoryQuestionId = Exclude<ScreeningRuleId, AnsweredElsewhereId>;

function isHealthHistoryRuleId(id: ScreeningRuleId): id is HealthHistoryQuestionId {
  const rule = RULES_BY_ID.get(id);
  return !(rule?.kind === "caution" && rule.answeredBy !== undefined);
}

export const HEALTH_HISTORY_QUESTION_IDS: readonly HealthHistoryQuestionId[] =
  SCREENING_RULE_IDS.filter(isHealthHistoryRuleId);

export function screeningRuleById(id: string): ScreeningRule | undefined {
  return RULES_BY_ID.get(id);
}
