/**
 * Safety wording shared by several atlas entries, written once so every page says it the same way.
 * Facts from the published literature (pulses, red flags, dose limits; see src/core/atlas/sources.ts); our words.
 */

/** Rules that apply to every self-treatment in the atlas; shown on every muscle page. */
export const GENERAL_SELF_TREATMENT_RULES: readonly string[] = [
  "Aim for a firm, 'good' discomfort you can breathe through, never pain that makes you wince or hold your breath.",
  "Stop and move off the spot if you feel sharp, electric, burning or tingling sensations, numbness, or pain that keeps rising.",
  "Never press on a spot where you can feel a pulse.",
  "Use only light pressure if you take blood thinners, bruise easily, have reduced feeling (for example from diabetes) or fragile bones.",
  "Skip areas with a recent injury, surgery, fracture, open wound, skin infection, varicose veins or an unexplained lump.",
  "Pain with no clear cause, or pain that does not ease after a few weeks, deserves a check by a doctor.",
];

export const CAUTION_NECK_PULSE =
  "Keep off the front of the neck beside the windpipe, where you can feel the carotid pulse; grip the muscle between thumb and fingers instead of pressing inward.";

export const CAUTION_NECK_RED_FLAGS =
  "Neck pain or headache together with dizziness, seeing double, slurred words, trouble swallowing or weakness on one side needs emergency care, not massage.";

export const CAUTION_NO_NECK_CRACKING =
  "Do not crank or snap the neck into strong backward bending or rotation.";

export const CAUTION_HEADACHE_RED_FLAGS =
  "A sudden, severe or 'worst ever' headache, or one with fever, stiff neck, confusion, weakness or vision change, needs urgent medical care.";

export const CAUTION_JAW_ARTERITIS =
  "New temple or jaw pain after the age of 50, especially pain when chewing or a tender scalp, should be checked by a doctor promptly.";

export const CAUTION_CARDIAC =
  "Chest, arm, jaw or upper-back pain that feels like pressure, comes on with effort, or brings breathlessness, sweating or nausea needs emergency care first.";

export const CAUTION_ARMPIT =
  "Work gently in the armpit: nerves, blood vessels and lymph nodes run through it; stop at any tingling and do not press on a lump.";

export const CAUTION_RIBS =
  "Use gentle pressure over the ribs, and none over a recent rib injury or with fragile bones.";

export const CAUTION_NERVE_TINGLE_ARM =
  "If pressure sends tingling or numbness into the arm or hand, you are on a nerve: move the pressure a little.";

export const CAUTION_LOW_BACK_RED_FLAGS =
  "Numbness around the genitals or inner thighs, new bladder or bowel trouble, or leg weakness that gets worse is an emergency.";

export const CAUTION_ABDOMEN =
  "Avoid deep belly pressure during pregnancy, after abdominal surgery, or over a throbbing lump; belly pain with fever, vomiting or blood needs a doctor.";

export const CAUTION_GROIN_PULSE =
  "Stay clear of the pulse in the fold of the groin (femoral artery); work to the side of it.";

export const CAUTION_KNEE_PULSE =
  "Do not press into the hollow at the back of the knee, where an artery and nerve run.";

export const CAUTION_SCIATIC =
  "If pressure sends tingling or burning down the leg, you are on the sciatic nerve: shift the ball a little.";

export const CAUTION_CLOT =
  "Do not massage a calf or thigh that is swollen, warm, red or newly painful to walk on: it could be a blood clot and needs a same-day medical check.";

export const CAUTION_INJECTION_SITES = "Leave recent injection sites alone.";

export const CAUTION_FEET_SENSATION =
  "If you have reduced feeling in your feet (for example from diabetes), use light pressure and check the skin afterwards.";
