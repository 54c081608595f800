import {
  CAUTION_HEADACHE_RED_FLAGS,
  CAUTION_JAW_ARTERITIS,
  CAUTION_NECK_PULSE,
  CAUTION_NECK_RED_FLAGS,
  CAUTION_NERVE_TINGLE_ARM,
  CAUTION_NO_NECK_CRACKING,
} from "./cautions";
import type { Muscle } from "./types";

/** Head, jaw, neck and the trapezius: the usual sources of tension headache and neck pain. */
export const HEAD_NECK_MUSCLES: readonly Muscle[] = [
  {
    id: "upper-trapezius",
    name: "Upper trapezius",
    anatomicalName: "Upper trapezius",
    alsoKnownAs: ["traps", "trapezius", "shoulder ridge"],
    group: "neck",
    essential: ["neck-posterior", "neck-lateral", "mastoid", "temple"],
    spillover: ["eye", "jaw", "occiput"],
    triggerPoints:
      "In the ridge of muscle that runs from the base of the neck out to the top of the shoulder, about halfway along; a second spot sits slightly lower and further out in the same ridge.",
    causes: ["posture", "stress", "repetitive-movement"],
    activators:
      "Shoulders hunched up by stress or cold, a head pushed forward at a screen, a heavy bag on one shoulder, and long phone calls held between ear and shoulder keep this muscle working.",
    selfTreatment: {
      tool: "fingers",
      how: "Reach across with the opposite hand, lift the shoulder ridge between thumb and fingers and squeeze until you find a tender knot; hold it. Leaning into a ball against a wall works too.",
      holdSeconds: [20, 40],
      frequency: "2-3 times a day",
    },
    stretch:
      "Sit tall, hold the chair seat with the sore-side hand, then tip your ear toward the other shoulder and turn your nose slightly up; breathe slowly for 30 seconds.",
    cautions: [CAUTION_NECK_PULSE, CAUTION_HEADACHE_RED_FLAGS],
    sources: ["ML", "NAM"],
    confidence: "high",
  },
  {
    id: "middle-trapezius",
    name: "Middle trapezius",
    anatomicalName: "Middle trapezius",
    alsoKnownAs: ["traps", "trapezius", "between the shoulder blades"],
    group: "upper-back",
    essential: ["scapula-medial"],
    spillover: ["shoulder-top"],
    triggerPoints:
      "In the band of muscle between the inner edge of the shoulder blade and the spine, around the level of the top of the shoulder blade.",
    causes: ["posture", "repetitive-movement"],
    activators:
      "Long hours with the arms held forward (keyboard, steering wheel, a baby in arms) and rounded shoulders overstretch this muscle and keep it sore.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Stand with your back to a wall, place a ball between the shoulder blade and the spine, and lean into it; cross your arms in front to move the shoulder blade out of the way.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Clasp your hands in front at chest height, round your upper back and push your hands away so the shoulder blades slide apart; hold 30 seconds.",
    cautions: ["Press on the muscle beside the spine, not on the bony bumps of the spine itself."],
    sources: ["NAM"],
    confidence: "medium",
  },
  {
    id: "lower-trapezius",
    name: "Lower trapezius",
    anatomicalName: "Lower trapezius",
    alsoKnownAs: ["traps", "trapezius", "lower traps"],
    group: "upper-back",
    essential: ["neck-posterior", "suprascapular", "mastoid"],
    spillover: ["shoulder-top", "scapula-medial"],
    triggerPoints:
      "In the lower, slanting part of the muscle, close to the lower inner edge of the shoulder blade where the fibres run down toward the middle of the back.",
    causes: ["posture", "repetitive-movement"],
    activators:
      "Slumped sitting with the head forward, and leaning on the elbows for long periods, leave this muscle long and weak so it is easily overloaded.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lie on your back or lean on a wall with a ball just inside and below the lower tip of the shoulder blade; shift slowly until you find the tender spot and rest on it.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Hug yourself so both hands reach toward the opposite shoulder blades, then bend forward and let the upper back round; hold 30 seconds.",
    cautions: ["Press on the muscle beside the spine, not on the bony bumps of the spine itself."],
    sources: ["ML"],
    confidence: "high",
  },
  {
    id: "levator-scapulae",
    name: "Levator scapulae (shoulder-blade lifter)",
    anatomicalName: "Levator scapulae",
    alsoKnownAs: ["levator", "stiff neck muscle"],
    group: "neck",
    essential: ["neck-posterior", "shoulder-top"],
    spillover: ["scapula-medial", "scapula-inferior", "shoulder-posterior"],
    triggerPoints:
      "Where the neck meets the shoulder, just above the upper inner corner of the shoulder blade, and a little higher up at the side of the neck.",
    causes: ["posture", "stress", "repetitive-movement"],
    activators:
      "Cradling a phone between ear and shoulder, sleeping with the head twisted, a head-forward desk posture, raised tense shoulders and driving with hands high on the wheel are typical triggers.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Put a ball against a wall at the upper inner corner of the shoulder blade, bend your knees slightly and lean in; a hooked cane reaches the same spot.",
      holdSeconds: [20, 40],
      frequency: "2-3 times a day",
    },
    stretch:
      "Turn your head about 45 degrees away from the sore side, then drop your nose toward your armpit, helping gently with the hand on the back of the head; hold 30 seconds.",
    cautions: [CAUTION_NECK_RED_FLAGS],
    sources: ["ML", "TPSH"],
    confidence: "high",
  },
  {
    id: "scm-sternal",
    name: "Sternocleidomastoid (SCM), breastbone branch",
    anatomicalName: "Sternocleidomastoid, sternal division",
    alsoKnownAs: ["SCM", "sternocleidomastoid", "neck cord"],
    group: "neck",
    essential: ["vertex", "occiput", "cheek", "eye"],
    spillover: ["throat", "sternum"],
    triggerPoints:
      "Along the inner strand of the rope-like muscle that runs from behind the ear down to the top of the breastbone, at several points along its length.",
    causes: ["posture", "injury", "stress"],
    activators:
      "A head held forward or tipped back for long periods (reading in bed, ceiling work), a whiplash injury, a persistent cough and shallow upper-chest breathing overwork it.",
    selfTreatment: {
      tool: "fingers",
      how: "Turn your head slightly toward the sore side to slacken the muscle, then pinch it between thumb and fingers, working from behind the ear down toward the breastbone.",
      holdSeconds: [10, 30],
      frequency: "2 times a day",
    },
    stretch:
      "Sit tall, hold the collarbone down with one hand, then tilt the head back slightly and turn it away from the sore side; hold 20-30 seconds without forcing.",
    cautions: [CAUTION_NECK_PULSE, CAUTION_NO_NECK_CRACKING, CAUTION_HEADACHE_RED_FLAGS],
    sources: ["ML"],
    confidence: "high",
  },
  {
    id: "scm-clavicular",
    name: "Sternocleidomastoid (SCM), collarbone branch",
    anatomicalName: "Sternocleidomastoid, clavicular division",
    alsoKnownAs: ["SCM", "sternocleidomastoid", "neck cord"],
    group: "neck",
    essential: ["forehead", "ear"],
    spillover: ["mastoid", "cheek", "teeth-upper"],
    triggerPoints:
      "In the outer, flatter strand of the same rope-like neck muscle, where it spreads down onto the inner part of the collarbone.",
    causes: ["posture", "injury", "stress"],
    activators:
      "The same habits as the breastbone branch: a forward head, looking up for long spells, whiplash, and strained breathing; it is also often linked to a sense of unsteadiness.",
    selfTreatment: {
      tool: "fingers",
      how: "Tilt your head slightly toward the sore side, then take the outer strand just above the collarbone between thumb and fingers and squeeze gently.",
      holdSeconds: [10, 30],
      frequency: "2 times a day",
    },
    stretch:
      "Anchor the collarbone with one hand, tilt the head back a little and turn the chin toward the sore side; hold 20-30 seconds.",
    cautions: [CAUTION_NECK_PULSE, CAUTION_NO_NECK_CRACKING],
    sources: ["ML", "EH"],
    confidence: "high",
  },
  {
    id: "suboccipitals",
    name: "Suboccipitals (muscles under the skull)",
    anatomicalName: "Suboccipitals",
    alsoKnownAs: ["base of skull", "occipital muscles"],
    group: "neck",
    essential: ["occiput", "eye"],
    spillover: ["temple", "forehead"],
    triggerPoints:
      "Deep beneath the base of the skull, in the small muscles linking the skull to the top two bones of the neck, either side of the midline.",
    causes: ["posture", "stress"],
    activators:
      "Poking the chin forward at a screen, looking through the bottom of bifocals, and clenching the neck under stress keep these small muscles tight.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lie on your back with two balls in a sock (or a rolled towel) under the base of the skull and let the weight of your head sink onto them; nod very slightly.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Sit tall and make a small double chin, then nod the head slightly forward so you feel a stretch just below the skull; hold 20-30 seconds.",
    cautions: [CAUTION_NO_NECK_CRACKING, CAUTION_NECK_RED_FLAGS, CAUTION_HEADACHE_RED_FLAGS],
    sources: ["EH", "ABD"],
    confidence: "medium",
  },
  {
    id: "splenius-capitis",
    name: "Splenius capitis (head strap muscle)",
    anatomicalName: "Splenius capitis",
    alsoKnownAs: ["splenius", "strap muscle"],
    group: "neck",
    essential: ["vertex"],
    spillover: ["occiput"],
    triggerPoints:
      "High at the back of the neck, a little below the skull and just to the side of the spine, under the upper trapezius.",
    causes: ["posture", "injury"],
    activators:
      "Holding the head turned to one side (a screen placed off-centre), looking up for long periods and whiplash-type jolts load it.",
    selfTreatment: {
      tool: "fingers",
      how: "Place fingertips just below the skull, a thumb's width out from the spine, then slowly turn the head a little toward that side while keeping steady pressure.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Drop the chin toward the chest, then turn it a little toward the opposite armpit; let the hands rest on the back of the head without pulling; hold 30 seconds.",
    cautions: [CAUTION_NO_NECK_CRACKING, CAUTION_HEADACHE_RED_FLAGS],
    sources: ["EH", "MT"],
    confidence: "medium",
  },
  {
    id: "splenius-cervicis",
    name: "Splenius cervicis (neck strap muscle)",
    anatomicalName: "Splenius cervicis",
    alsoKnownAs: ["splenius", "strap muscle"],
    group: "neck",
    essential: ["eye", "occiput"],
    spillover: ["neck-posterior", "shoulder-top", "temple"],
    triggerPoints:
      "One spot high at the side-back of the neck near the skull, another lower down at the angle where the neck meets the shoulder.",
    causes: ["posture", "injury"],
    activators:
      "A head held forward or turned to one side for long stretches, sleeping on a pillow that is too high or flat, and whiplash are common triggers.",
    selfTreatment: {
      tool: "fingers",
      how: "Press fingertips into the side-back of the neck beside the spine, from the skull down to the shoulder, pausing on tender spots.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Bring the chin down and turn the head away from the sore side, letting the weight of the head do the work; hold 30 seconds.",
    cautions: [CAUTION_NO_NECK_CRACKING, CAUTION_NECK_RED_FLAGS],
    sources: ["MT", "WSP", "EH"],
    confidence: "medium",
  },
  {
    id: "scalenes",
    name: "Scalenes (side-of-neck muscles)",
    anatomicalName: "Scalenes (anterior/middle/posterior)",
    alsoKnownAs: ["scalene", "anterior scalene"],
    group: "neck",
    essential: ["chest-upper", "scapula-medial", "arm-lateral", "arm-anterior"],
    spillover: ["arm-posterior", "forearm-radial", "thumb", "finger-index"],
    triggerPoints:
      "At the side of the neck just above the collarbone, in the groove behind the rope-like SCM muscle and in front of the trapezius.",
    causes: ["posture", "overuse", "injury", "stress"],
    activators:
      "Breathing high in the chest, a lasting cough or asthma, carrying heavy loads or a heavy backpack, working with the arms forward or overhead, a forward head, and whiplash can all set them off.",
    selfTreatment: {
      tool: "fingers",
      how: "With two or three fingertips, press gently into the side of the neck just above the collarbone, behind the SCM; use light pressure only.",
      holdSeconds: [10, 30],
      frequency: "2 times a day",
    },
    stretch:
      "Hold the collarbone down with one hand, tilt the ear toward the opposite shoulder and, for the back fibres, turn the nose slightly down; breathe out slowly and hold 30 seconds.",
    cautions: [CAUTION_NECK_PULSE, CAUTION_NERVE_TINGLE_ARM, CAUTION_NECK_RED_FLAGS],
    sources: ["ML", "NAM", "ABD"],
    confidence: "high",
  },
  {
    id: "temporalis",
    name: "Temporalis (temple muscle)",
    anatomicalName: "Temporalis",
    alsoKnownAs: ["temple muscle", "temporal muscle"],
    group: "head",
    essential: ["temple", "eye", "teeth-upper"],
    spillover: ["tmj", "cheek"],
    triggerPoints:
      "In the fan-shaped muscle over the side of the head, just above the ear and the cheekbone; you can feel it tighten when you clench your teeth.",
    causes: ["stress", "repetitive-movement", "posture"],
    activators:
      "Clenching or grinding the teeth, chewing gum, biting nails, keeping the mouth open for long dental work, stress and a forward head all strain it.",
    selfTreatment: {
      tool: "fingers",
      how: "Clench gently to find the muscle, relax, then press fingertips into the tender spots over the temple; small slow circles help between holds.",
      holdSeconds: [20, 40],
      frequency: "2-3 times a day",
    },
    stretch:
      "Let the jaw hang open gently while you stroke the temple upward with your fingertips; open only as far as feels easy and hold 20 seconds.",
    cautions: [CAUTION_JAW_ARTERITIS, CAUTION_HEADACHE_RED_FLAGS],
    sources: ["NAM"],
    confidence: "high",
  },
  {
    id: "masseter",
    name: "Masseter (chewing muscle)",
    anatomicalName: "Masseter",
    alsoKnownAs: ["jaw muscle", "chewing muscle"],
    group: "head",
    essential: ["cheek", "teeth-upper", "teeth-lower", "jaw"],
    spillover: ["eye", "ear", "tmj"],
    triggerPoints:
      "In the thick muscle at the side of the face between the cheekbone and the angle of the jaw; it bulges under your fingers when you bite down.",
    causes: ["stress", "repetitive-movement", "posture"],
    activators:
      "Clenching and grinding (often at night), chewing gum or tough food, long dental appointments, stress and a head-forward posture commonly set it off.",
    selfTreatment: {
      tool: "fingers",
      how: "Bite down to find the muscle, relax the jaw slightly open, then press into the tender spots with fingertips or knuckles, working from the cheekbone down.",
      holdSeconds: [20, 40],
      frequency: "2-3 times a day",
    },
    stretch:
      "Rest the tip of the tongue behind the top teeth and let the mouth fall open slowly; place two fingers on the lower teeth to add a gentle downward pull for 20 seconds.",
    cautions: [CAUTION_JAW_ARTERITIS],
    sources: ["ML", "TPN", "NA"],
    confidence: "high",
  },
  {
    id: "lateral-pterygoid",
    name: "Lateral pterygoid (deep jaw-opening muscle)",
    anatomicalName: "Lateral pterygoid",
    alsoKnownAs: ["pterygoid", "TMJ muscle"],
    group: "head",
    essential: ["tmj", "cheek"],
    spillover: [],
    triggerPoints:
      "Deep behind the cheekbone, just in front of the jaw joint; from outside you can reach it only through the notch under the cheekbone with the mouth slightly open.",
    causes: ["stress", "repetitive-movement", "posture"],
    activators:
      "Grinding the teeth, pushing the lower jaw forward, playing a wind instrument, gum chewing and a forward head posture overwork it.",
    selfTreatment: {
      tool: "fingers",
      how: "Open the mouth a little, place a fingertip in the hollow just under the cheekbone in front of the jaw joint and press gently inward and up.",
      holdSeconds: [10, 30],
      frequency: "2 times a day",
    },
    stretch:
      "With the tongue on the roof of the mouth, let the lower jaw drop straight down and gently draw it slightly back; hold 15-20 seconds.",
    cautions: [
      "Use only gentle pressure here; if the jaw locks, clicks painfully or you cannot open your mouth fully, see a dentist or doctor.",
    ],
    sources: ["TCA", "NA", "ABD"],
    confidence: "high",
  },
  {
    id: "medial-pterygoid",
    name: "Medial pterygoid (inner jaw muscle)",
    anatomicalName: "Medial pterygoid",
    alsoKnownAs: ["pterygoid", "inner jaw muscle"],
    group: "head",
    essential: ["throat", "tmj", "ear"],
    spillover: ["jaw"],
    triggerPoints:
      "On the inner side of the angle of the lower jaw; from outside, it is reached by pressing upward just inside the bony corner of the jaw.",
    causes: ["stress", "repetitive-movement"],
    activators:
      "Clenching and grinding, chewing gum and holding the jaw tense under stress strain it; it often works together with the masseter.",
    selfTreatment: {
      tool: "fingers",
      how: "Tip the head slightly down, hook a fingertip just inside the corner of the lower jaw and press upward against the inner surface of the bone.",
      holdSeconds: [10, 30],
      frequency: "2 times a day",
    },
    stretch:
      "Let the jaw fall open gently as far as it goes without pain, then relax; hold 15-20 seconds and repeat.",
    cautions: [
      "Stay on the inner edge of the jawbone; do not press down into the soft neck below it, where a pulse can be felt.",
      "Sore throat or painful swallowing with fever is an infection until proven otherwise: see a doctor.",
    ],
    sources: ["ML"],
    confidence: "high",
  },
];
