import {
  CAUTION_ARMPIT,
  CAUTION_CARDIAC,
  CAUTION_INJECTION_SITES,
  CAUTION_NERVE_TINGLE_ARM,
  CAUTION_RIBS,
} from "./cautions";
import type { Muscle } from "./types";

/** Shoulder blade, rotator cuff, chest wall, upper arm and forearm. */
export const SHOULDER_ARM_MUSCLES: readonly Muscle[] = [
  {
    id: "supraspinatus",
    name: "Supraspinatus (top rotator cuff muscle)",
    anatomicalName: "Supraspinatus",
    alsoKnownAs: ["rotator cuff", "supraspinous"],
    group: "shoulder",
    essential: ["shoulder-lateral"],
    spillover: ["arm-lateral", "forearm-radial", "elbow-lateral"],
    triggerPoints:
      "In the hollow above the bony ridge of the shoulder blade, both near its inner part and further out toward the point of the shoulder.",
    causes: ["overuse", "repetitive-movement"],
    activators:
      "Carrying a heavy bag or suitcase with a straight arm, a dog pulling on the lead, and long spells with the arm raised (painting a ceiling, playing the violin, hairdressing) overload it.",
    selfTreatment: {
      tool: "cane",
      how: "Hook a self-massage cane over the shoulder into the hollow above the shoulder-blade ridge, or lean back onto a ball against a wall with the knees bent.",
      holdSeconds: [20, 40],
      frequency: "2 times a day",
    },
    stretch:
      "Put the back of the hand on the small of your back and gently draw that elbow forward with the other hand; hold 30 seconds.",
    cautions: [
      "Pain that stops you lifting the arm at all after a fall or sudden jerk may be a torn tendon: get it examined.",
    ],
    sources: ["NAM", "PP"],
    confidence: "high",
  },
  {
    id: "infraspinatus",
    name: "Infraspinatus (shoulder-blade rotator cuff muscle)",
    anatomicalName: "Infraspinatus",
    alsoKnownAs: ["rotator cuff", "infraspinous"],
    group: "shoulder",
    essential: ["shoulder-anterior"],
    spillover: ["arm-anterior", "arm-lateral", "forearm-radial", "thumb", "neck-posterior", "scapula-medial"],
    triggerPoints:
      "Over the broad flat part of the shoulder blade below its bony ridge, usually toward the middle of the blade and sometimes near its inner edge.",
    causes: ["overuse", "repetitive-movement", "injury"],
    activators:
      "Reaching back repeatedly (to a back seat, a tennis serve), holding the arm out for long periods, and falls onto an outstretched hand can switch it on; it is one of the most common shoulder-pain muscles.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lean your back against a wall with a ball on the flat of the shoulder blade, or lie on the floor on it; move slowly until you find the spot that sends pain to the front of the shoulder.",
      holdSeconds: [20, 45],
      frequency: "2-3 times a day",
    },
    stretch:
      "Reach the arm across the front of the chest and hug it in with the other arm just above the elbow, or slide the back of the hand up the back; hold 30 seconds.",
    cautions: [CAUTION_CARDIAC],
    sources: ["NAM", "ML", "NA"],
    confidence: "high",
  },
  {
    id: "teres-minor",
    name: "Teres minor (small rotator cuff muscle)",
    anatomicalName: "Teres minor",
    alsoKnownAs: ["rotator cuff"],
    group: "shoulder",
    essential: ["shoulder-posterior"],
    spillover: ["arm-posterior"],
    triggerPoints:
      "Along the outer edge of the shoulder blade, about halfway down, just below the back of the armpit.",
    causes: ["overuse", "repetitive-movement"],
    activators:
      "Reaching and holding the arm above shoulder height or out in front for a long time, as in overhead work or driving with a high grip, overloads it.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lie on your back or lean on a wall with a ball under the outer edge of the shoulder blade near the back of the armpit.",
      holdSeconds: [20, 40],
      frequency: "2 times a day",
    },
    stretch:
      "Lift the arm overhead, bend the elbow so the hand drops behind the head, and gently press the elbow back with the other hand; hold 30 seconds.",
    cautions: [CAUTION_NERVE_TINGLE_ARM],
    sources: ["NAM", "WMM"],
    confidence: "high",
  },
  {
    id: "teres-major",
    name: "Teres major",
    anatomicalName: "Teres major",
    alsoKnownAs: ["lat's little helper"],
    group: "shoulder",
    essential: ["shoulder-posterior"],
    spillover: ["arm-posterior", "forearm-dorsal"],
    triggerPoints:
      "Near the lower outer corner of the shoulder blade, in the thick fold that forms the back of the armpit.",
    causes: ["overuse", "repetitive-movement"],
    activators:
      "Pulling, rowing, climbing, and pushing a heavy object with the arms forward overwork it, much like the latissimus dorsi.",
    selfTreatment: {
      tool: "fingers",
      how: "Grip the back wall of the armpit between thumb and fingers, low near the shoulder blade, and squeeze the tender spots; a ball against the wall also works.",
      holdSeconds: [20, 40],
      frequency: "2 times a day",
    },
    stretch:
      "Reach the arm straight overhead and lean sideways away from it, holding a door frame if you like; hold 30 seconds.",
    cautions: [CAUTION_ARMPIT],
    sources: ["FV"],
    confidence: "medium",
  },
  {
    id: "subscapularis",
    name: "Subscapularis (under-the-shoulder-blade muscle)",
    anatomicalName: "Subscapularis",
    alsoKnownAs: ["rotator cuff", "frozen shoulder muscle"],
    group: "shoulder",
    essential: ["shoulder-posterior"],
    spillover: ["scapula", "arm-posterior", "wrist-dorsal", "wrist-volar"],
    triggerPoints:
      "On the front (rib side) of the shoulder blade, reached from the armpit along the outer edge of the blade with the arm relaxed.",
    causes: ["overuse", "repetitive-movement", "injury"],
    activators:
      "Repeated overhead movements such as front-crawl swimming and throwing, lifting with the arms overhead, and keeping the arm still for weeks after an injury are typical triggers.",
    selfTreatment: {
      tool: "fingers",
      how: "Lie on your back, rest the sore arm on your belly, and slide the fingers of the other hand into the armpit against the front of the shoulder blade; press gently back toward the blade.",
      holdSeconds: [10, 30],
      frequency: "1-2 times a day",
    },
    stretch:
      "Stand in a doorway, bend the elbow to a right angle with the forearm on the frame, and turn the body gently away; hold 30 seconds.",
    cautions: [CAUTION_ARMPIT],
    sources: ["NAM", "TS1s"],
    confidence: "high",
  },
  {
    id: "latissimus-dorsi",
    name: "Latissimus dorsi (broad back muscle)",
    anatomicalName: "Latissimus dorsi",
    alsoKnownAs: ["lats", "lat"],
    group: "mid-back",
    essential: ["scapula-inferior", "back-mid"],
    spillover: ["shoulder-posterior", "arm-posterior", "forearm-ulnar", "finger-ulnar"],
    triggerPoints:
      "In the back fold of the armpit, a little below and outside the lower tip of the shoulder blade.",
    causes: ["overuse", "repetitive-movement"],
    activators:
      "Throwing, swinging a bat, pull-ups, shovelling and repeated heavy lifting overload it; reaching up and forward for long spells keeps it tight.",
    selfTreatment: {
      tool: "foam-roller",
      how: "Lie on your side with a foam roller just below the armpit, arm stretched overhead, and roll slowly until you find a tender spot; or pinch the back fold of the armpit.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Hold a door frame overhead with both hands and sit the hips back and away to the side, feeling the stretch along the side of the back; hold 30 seconds.",
    cautions: [CAUTION_ARMPIT],
    sources: ["WMM", "IW"],
    confidence: "medium",
  },
  {
    id: "serratus-anterior",
    name: "Serratus anterior (side-of-ribs muscle)",
    anatomicalName: "Serratus anterior",
    alsoKnownAs: ["serratus", "boxer's muscle", "side stitch"],
    group: "chest",
    essential: ["chest-lateral"],
    spillover: ["scapula-inferior", "arm-medial"],
    triggerPoints: "On the side of the ribcage below the armpit, roughly in line with the nipple height.",
    causes: ["overuse", "repetitive-movement"],
    activators:
      "Running fast or far, push-ups, lifting weights overhead and bouts of hard coughing overwork it; it can make deep breaths catch.",
    selfTreatment: {
      tool: "fingers",
      how: "Press fingertips between the ribs along the side of the chest below the armpit, or lean the side of the chest gently onto a ball against a wall.",
      holdSeconds: [10, 30],
      frequency: "2 times a day",
    },
    stretch:
      "Stand side-on in a doorway with the hand on the frame behind you at shoulder height and turn the chest away; breathe in deeply and hold 30 seconds.",
    cautions: [CAUTION_RIBS, CAUTION_CARDIAC],
    sources: ["NAM", "ABD"],
    confidence: "high",
  },
  {
    id: "serratus-posterior-superior",
    name: "Serratus posterior superior (upper back rib muscle)",
    anatomicalName: "Serratus posterior superior",
    alsoKnownAs: ["serratus posterior"],
    group: "upper-back",
    essential: ["scapula"],
    spillover: [
      "shoulder-posterior",
      "arm-posterior",
      "elbow-posterior",
      "forearm-ulnar",
      "finger-ulnar",
      "chest-upper",
    ],
    triggerPoints:
      "Under the upper part of the shoulder blade, near its inner edge; only reachable when the blade is pulled out to the side.",
    causes: ["posture", "overuse"],
    activators:
      "Coughing, breathing mainly with the upper chest, lifting with the arms stretched out, and sleeping on that side keep it irritated.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Cross your arms to pull the shoulder blades apart, then lean back onto a ball against a wall or the floor, just inside the upper part of the shoulder blade.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Hug yourself tightly, drop the chin and round the upper back, breathing into the back of the ribs; hold 30 seconds.",
    cautions: [CAUTION_CARDIAC],
    sources: ["NAM", "MT"],
    confidence: "high",
  },
  {
    id: "rhomboids",
    name: "Rhomboids (between the shoulder blades)",
    anatomicalName: "Rhomboids (major/minor)",
    alsoKnownAs: ["rhomboid", "between the shoulder blades"],
    group: "upper-back",
    essential: ["scapula-medial"],
    spillover: ["suprascapular"],
    triggerPoints: "Just along the inner edge of the shoulder blade, between the blade and the spine.",
    causes: ["posture", "repetitive-movement"],
    activators:
      "Rounded shoulders pulled forward by tight chest muscles, long desk work with the arms forward, and repeated reaching overhead leave these muscles overstretched and sore.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lie on the floor or lean on a wall with a ball between the shoulder blade and the spine; cross the arms to expose the muscle and move slowly up and down its edge.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Clasp the hands in front, round the back and push the hands forward so the shoulder blades spread; hold 30 seconds. Stretching the chest muscles matters as much.",
    cautions: ["Press beside the spine, not on the bony bumps of the spine itself."],
    sources: ["ABD", "NA"],
    confidence: "medium",
  },
  {
    id: "deltoid",
    name: "Deltoid (shoulder cap muscle)",
    anatomicalName: "Deltoid (anterior/middle/posterior)",
    alsoKnownAs: ["delts", "shoulder muscle"],
    group: "shoulder",
    essential: ["shoulder-anterior", "shoulder-lateral", "shoulder-posterior"],
    spillover: ["arm-lateral"],
    triggerPoints:
      "Scattered in the front, side and back parts of the rounded muscle that caps the shoulder; the pain usually stays close to the spot.",
    causes: ["injury", "overuse", "repetitive-movement"],
    activators:
      "A knock to the shoulder, the kick of a rifle, grabbing a railing to stop a fall, using power tools held up at shoulder level, and injections into the muscle can set it off.",
    selfTreatment: {
      tool: "fingers",
      how: "Press fingertips or the thumb into the tender spots of the shoulder cap with the arm relaxed, or lean into a ball against a wall.",
      holdSeconds: [20, 40],
      frequency: "2 times a day",
    },
    stretch:
      "Front part: clasp the hands behind the back and lift them gently. Back part: pull the arm across the chest. Hold each 30 seconds.",
    cautions: [CAUTION_INJECTION_SITES],
    sources: ["NAM", "ABD"],
    confidence: "high",
  },
  {
    id: "pectoralis-major",
    name: "Pectoralis major (large chest muscle)",
    anatomicalName: "Pectoralis major",
    alsoKnownAs: ["pecs", "pec major", "chest muscle"],
    group: "chest",
    essential: ["chest-upper", "shoulder-anterior", "breast"],
    spillover: ["arm-medial", "elbow-medial", "forearm-ulnar", "finger-ulnar"],
    triggerPoints:
      "In the front fold of the armpit, below the collarbone, and across the chest beside the breastbone.",
    causes: ["posture", "overuse", "repetitive-movement"],
    activators:
      "Rounded-shoulder sitting, lifting heavy objects in front of the body, bench presses and push-ups, and sleeping curled with the arms folded keep it short.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lean the chest into a ball in a door frame or against a wall below the collarbone, or pinch the front fold of the armpit between thumb and fingers.",
      holdSeconds: [20, 40],
      frequency: "2 times a day",
    },
    stretch:
      "Place the forearm on a door frame with the elbow at shoulder height and step through until the chest opens; try higher and lower elbow positions; hold 30 seconds.",
    cautions: [
      CAUTION_CARDIAC,
      "Avoid pressing directly on breast tissue; check any new lump with a doctor.",
    ],
    sources: ["NAM", "ABD"],
    confidence: "high",
  },
  {
    id: "pectoralis-minor",
    name: "Pectoralis minor (small chest muscle)",
    anatomicalName: "Pectoralis minor",
    alsoKnownAs: ["pecs", "pec minor"],
    group: "chest",
    essential: ["shoulder-anterior", "chest-upper"],
    spillover: ["arm-medial", "elbow-medial", "forearm-ulnar", "hand-palm", "finger-middle", "finger-ulnar"],
    triggerPoints:
      "Beneath the large chest muscle, a little below the outer end of the collarbone and in from the front of the shoulder.",
    causes: ["posture", "overuse"],
    activators:
      "Slouched sitting with the shoulders drawn forward, upper-chest breathing, carrying a backpack with tight straps and crutch use tighten it.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Place a ball just below the outer collarbone, an inch in from the front of the shoulder, and lean into a wall or door frame.",
      holdSeconds: [20, 40],
      frequency: "2 times a day",
    },
    stretch:
      "Stand in a doorway with the forearm high on the frame (hand above head height) and lean gently forward and away; hold 30 seconds.",
    cautions: [CAUTION_CARDIAC, CAUTION_NERVE_TINGLE_ARM],
    sources: ["ABD", "MJP", "TPT"],
    confidence: "medium",
  },
  {
    id: "subclavius",
    name: "Subclavius (under-collarbone muscle)",
    anatomicalName: "Subclavius",
    alsoKnownAs: ["collarbone muscle"],
    group: "chest",
    essential: ["shoulder-anterior"],
    spillover: ["arm-anterior", "forearm-radial", "thumb", "finger-index", "finger-middle"],
    triggerPoints: "Tucked under the middle of the collarbone, close to the bone.",
    causes: ["posture", "overuse"],
    activators:
      "Rounded shoulders and carrying heavy loads that pull the collarbone down keep this small muscle tight.",
    selfTreatment: {
      tool: "fingers",
      how: "Hook the fingertips just under the middle of the collarbone and press up against the underside of the bone.",
      holdSeconds: [10, 30],
      frequency: "2 times a day",
    },
    stretch:
      "Hold the arm out to the side at shoulder height in a doorway and lean gently through while lifting the chest; hold 30 seconds.",
    cautions: [CAUTION_NERVE_TINGLE_ARM],
    sources: ["NAM"],
    confidence: "medium",
  },
  {
    id: "biceps-brachii",
    name: "Biceps (front of upper arm)",
    anatomicalName: "Biceps brachii",
    alsoKnownAs: ["biceps", "bicep"],
    group: "arm",
    essential: ["shoulder-anterior", "arm-anterior"],
    spillover: ["suprascapular", "elbow-anterior"],
    triggerPoints:
      "In the lower half of the muscle on the front of the upper arm, a few finger-widths above the elbow crease.",
    causes: ["overuse", "repetitive-movement"],
    activators:
      "Lifting with the palms up, turning a stiff screwdriver, playing the violin, a tennis serve and shovelling overload it.",
    selfTreatment: {
      tool: "fingers",
      how: "Rest the forearm on a table, then grip the biceps between thumb and fingers and squeeze along it, pausing on tender spots.",
      holdSeconds: [20, 40],
      frequency: "2 times a day",
    },
    stretch:
      "Stand with your back to a table, hands on its edge with palms down, and slowly bend the knees so the arms extend behind you; hold 30 seconds.",
    cautions: ["Stay off the inside of the elbow crease, where an artery and nerve pass."],
    sources: ["NAM", "TPSH", "ABD"],
    confidence: "high",
  },
  {
    id: "triceps-brachii",
    name: "Triceps (back of upper arm)",
    anatomicalName: "Triceps brachii (+ anconeus)",
    alsoKnownAs: ["triceps", "anconeus"],
    group: "arm",
    essential: ["arm-posterior", "shoulder-posterior", "elbow-lateral"],
    spillover: ["neck-posterior", "forearm-dorsal", "forearm-radial", "elbow-medial", "finger-ulnar"],
    triggerPoints:
      "In the back of the upper arm: high in the long head near the armpit, and lower down just above the elbow on both the inner and outer side.",
    causes: ["overuse", "repetitive-movement"],
    activators:
      "Push-ups, tennis, pushing up from a chair with short armrests, using crutches or a walking stick, and typing with unsupported elbows load it.",
    selfTreatment: {
      tool: "fingers",
      how: "Let the arm hang or rest it on a table and squeeze the back of the upper arm between thumb and fingers, working from armpit to elbow.",
      holdSeconds: [20, 40],
      frequency: "2 times a day",
    },
    stretch:
      "Raise the arm, bend the elbow so the hand drops behind the head, and press the elbow back gently with the other hand; hold 30 seconds.",
    cautions: ["Keep off the 'funny bone' groove at the inner elbow, where the nerve is exposed."],
    sources: ["NAM", "WSP"],
    confidence: "high",
  },
  {
    id: "brachioradialis",
    name: "Brachioradialis (forearm muscle near the elbow)",
    anatomicalName: "Brachioradialis",
    alsoKnownAs: ["tennis elbow", "forearm"],
    group: "forearm",
    essential: ["elbow-lateral", "forearm-radial"],
    spillover: ["thumb", "wrist-dorsal"],
    triggerPoints:
      "In the fleshy upper forearm on the thumb side, a couple of finger-widths below the elbow crease.",
    causes: ["repetitive-movement", "overuse"],
    activators:
      "Forceful gripping (weeding, firm handshakes), a tennis backhand, carrying a heavy case with a straight arm and repeated twisting such as ironing set it off.",
    selfTreatment: {
      tool: "fingers",
      how: "Rest the forearm thumb-side up and press the thumb or a ball on a table into the bulky muscle just below the elbow.",
      holdSeconds: [20, 40],
      frequency: "2-3 times a day",
    },
    stretch:
      "Straighten the arm in front, palm down, and with the other hand bend the wrist down and turn it slightly outward; hold 30 seconds.",
    cautions: ["Elbow pain after a fall, or with a swollen, hot joint, needs a medical check."],
    sources: ["WSP", "NA"],
    confidence: "medium",
  },
  {
    id: "supinator",
    name: "Supinator (forearm turning muscle)",
    anatomicalName: "Supinator",
    alsoKnownAs: ["tennis elbow"],
    group: "forearm",
    essential: ["elbow-lateral"],
    spillover: ["thumb", "forearm-dorsal"],
    triggerPoints:
      "Deep in the forearm just below and to the front of the outer elbow bump, under the extensor muscles.",
    causes: ["repetitive-movement", "overuse"],
    activators:
      "Turning the palm up against resistance (screwdrivers, door handles), a tennis backhand, carrying a heavy case with a straight arm and walking a dog that pulls are typical triggers.",
    selfTreatment: {
      tool: "fingers",
      how: "Bend the elbow and turn the palm up; press the thumb deep into the forearm just in front of and below the outer elbow bump.",
      holdSeconds: [20, 40],
      frequency: "2-3 times a day",
    },
    stretch:
      "Straighten the elbow and turn the palm fully down and out, helping gently with the other hand; hold 30 seconds.",
    cautions: [
      "A deep nerve runs through this muscle: if pressure causes tingling or the fingers feel weak, ease off.",
    ],
    sources: ["ML", "NA"],
    confidence: "high",
  },
  {
    id: "wrist-extensors",
    name: "Wrist extensors (back of forearm)",
    anatomicalName: "Wrist extensors (ECRL, ECRB, ECU)",
    alsoKnownAs: ["tennis elbow", "extensor carpi", "ECRB", "ECRL", "forearm"],
    group: "forearm",
    essential: ["elbow-lateral", "forearm-dorsal"],
    spillover: ["wrist-dorsal", "hand-dorsum"],
    triggerPoints: "In the upper back of the forearm, a few finger-widths below the outer elbow bump.",
    causes: ["repetitive-movement", "overuse"],
    activators:
      "Long typing or mouse work with the wrist bent back, hammering, racket sports and repeated gripping overload them; they are a common source of 'tennis elbow' pain.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lay the forearm palm down on a table over a ball and lean into the upper back of the forearm, or press in with the thumb of the other hand.",
      holdSeconds: [20, 40],
      frequency: "2-3 times a day",
    },
    stretch:
      "Straighten the arm in front, palm down, and gently bend the wrist down with the other hand, fingers curled; hold 30 seconds.",
    cautions: ["Elbow pain after a fall, or with a swollen, hot joint, needs a medical check."],
    sources: ["ABD"],
    confidence: "low",
  },
  {
    id: "finger-extensors",
    name: "Finger extensors (back of forearm)",
    anatomicalName: "Finger extensors (extensor digitorum, extensor indicis)",
    alsoKnownAs: ["extensor digitorum", "extensor indicis", "forearm"],
    group: "forearm",
    essential: ["forearm-dorsal", "hand-dorsum"],
    spillover: ["finger-middle", "finger-index", "finger-ulnar", "elbow-lateral"],
    triggerPoints:
      "In the middle of the back of the forearm, a hand-width below the elbow; lifting a finger against resistance makes the spot tighten.",
    causes: ["repetitive-movement", "overuse"],
    activators:
      "Typing, playing the piano or guitar, and repeated gripping with the fingers lifted keep these muscles working without rest.",
    selfTreatment: {
      tool: "fingers",
      how: "Rest the forearm palm down and press the thumb of the other hand into the middle of the back of the forearm, wiggling the fingers to find the active spot.",
      holdSeconds: [20, 40],
      frequency: "2-3 times a day",
    },
    stretch:
      "Make a loose fist, then gently bend the wrist down with the other hand, arm straight; hold 30 seconds.",
    cautions: ["Stop if the hand tingles or feels weak while pressing."],
    sources: ["NAM"],
    confidence: "medium",
  },
  {
    id: "wrist-finger-flexors",
    name: "Wrist and finger flexors (palm side of forearm)",
    anatomicalName: "Wrist & finger flexors (FCR, FCU, FDS, FDP)",
    alsoKnownAs: ["flexor carpi", "flexor digitorum", "golfer's elbow", "forearm"],
    group: "forearm",
    essential: ["wrist-volar", "forearm-volar"],
    spillover: ["hand-palm", "finger-middle", "finger-ulnar"],
    triggerPoints: "In the upper half of the palm-side forearm, a few finger-widths below the inner elbow.",
    causes: ["repetitive-movement", "overuse"],
    activators:
      "Keeping a tight grip with the wrist bent, using heavy or vibrating tools, gripping ski poles, and climbing overload them.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lay the forearm palm up on a table over a ball, or press in with the thumb of the other hand, working from the inner elbow toward the wrist.",
      holdSeconds: [20, 40],
      frequency: "2-3 times a day",
    },
    stretch:
      "Straighten the arm, palm up, and gently bend the wrist and fingers back with the other hand; hold 30 seconds.",
    cautions: [
      "Numbness in the thumb, index and middle fingers, especially at night, may be carpal tunnel syndrome and deserves a medical check.",
    ],
    sources: ["WMM", "NA"],
    confidence: "medium",
  },
];
