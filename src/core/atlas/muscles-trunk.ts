import { CAUTION_ABDOMEN, CAUTION_GROIN_PULSE, CAUTION_LOW_BACK_RED_FLAGS } from "./cautions";
import type { Muscle } from "./types";

const CAUTION_SPINE_BONES =
  "Press on the muscle beside the spine, never on the bony bumps of the spine itself.";

/** Back and belly muscles behind most low back pain. */
export const TRUNK_MUSCLES: readonly Muscle[] = [
  {
    id: "quadratus-lumborum",
    name: "Quadratus lumborum (deep low back muscle)",
    anatomicalName: "Quadratus lumborum",
    alsoKnownAs: ["QL", "low back"],
    group: "low-back",
    essential: ["sacroiliac", "buttock-lower", "hip-lateral"],
    spillover: ["abdomen-lower", "groin", "back-low"],
    triggerPoints:
      "Deep in the waist between the lowest rib and the top of the pelvis, to the outside of the long back muscles that run beside the spine.",
    causes: ["injury", "posture", "overuse"],
    activators:
      "Bending and lifting while twisting, a sudden jolt such as a car accident or a fall, standing with weight on one leg, and one leg being shorter than the other are common triggers.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lie on your back with knees bent and a ball in the waist just above the pelvic rim and outside the long back muscles; let the hip sink toward the ball.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Stand with the sore side next to a wall, cross the near leg behind the other and reach the top arm overhead, bending away from the wall; hold 30 seconds.",
    cautions: [
      "Keep the ball below the lowest rib and away from the spine; do not dig up under the ribs toward the kidney.",
      CAUTION_LOW_BACK_RED_FLAGS,
    ],
    sources: ["GAL", "ABD", "FV", "BS"],
    confidence: "high",
  },
  {
    id: "iliopsoas",
    name: "Iliopsoas (deep hip flexor)",
    anatomicalName: "Iliopsoas (psoas major, iliacus)",
    alsoKnownAs: ["psoas", "iliacus", "hip flexor"],
    group: "low-back",
    essential: ["back-low", "sacroiliac"],
    spillover: ["buttock", "thigh-anterior", "groin"],
    triggerPoints:
      "Deep in the belly beside the navel (psoas), inside the front rim of the pelvis (iliacus), and at the top of the inner thigh just below the groin crease.",
    causes: ["posture", "overuse"],
    activators:
      "Sitting for long hours with the hips bent, sleeping curled up, and many sit-ups or leg raises shorten it; pain is often worse when standing up straight.",
    selfTreatment: {
      tool: "fingers",
      how: "Lie on your back with knees bent; place the fingertips just inside the front bony point of the pelvis and sink slowly inward and down toward the back, breathing out.",
      holdSeconds: [20, 40],
      frequency: "once a day",
    },
    stretch:
      "Kneel on one knee with the other foot in front, tuck the tailbone under and shift the hips forward until the front of the kneeling hip stretches; hold 30 seconds.",
    cautions: [
      CAUTION_ABDOMEN,
      CAUTION_GROIN_PULSE,
      "Go slowly and never push against a throbbing pulse in the belly.",
    ],
    sources: ["TPT", "ABD"],
    confidence: "medium",
  },
  {
    id: "iliocostalis-thoracis",
    name: "Iliocostalis thoracis (mid-back spine muscle)",
    anatomicalName: "Iliocostalis thoracis",
    alsoKnownAs: ["erector spinae", "paraspinal", "back muscles"],
    group: "mid-back",
    essential: ["back-mid"],
    spillover: ["abdomen-upper", "scapula-inferior"],
    triggerPoints:
      "In the long muscle a hand-width out from the spine in the middle of the back, around the lower ribs.",
    causes: ["posture", "overuse", "injury"],
    activators:
      "Long periods bent forward, lifting with a rounded back and sudden twisting strains overload it.",
    selfTreatment: {
      tool: "foam-roller",
      how: "Lie on a foam roller placed across the mid back, or on a ball a hand-width out from the spine, and rest on tender spots.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch: "Sit and hug the knees, rounding the mid back, then twist gently to each side; hold 30 seconds.",
    cautions: [CAUTION_SPINE_BONES, CAUTION_ABDOMEN],
    sources: ["NAM"],
    confidence: "medium",
  },
  {
    id: "iliocostalis-lumborum",
    name: "Iliocostalis lumborum (low-back spine muscle)",
    anatomicalName: "Iliocostalis lumborum",
    alsoKnownAs: ["erector spinae", "paraspinal", "back muscles"],
    group: "low-back",
    essential: ["buttock", "back-low"],
    spillover: [],
    triggerPoints:
      "In the low back, a few finger-widths out from the spine, just above the top of the pelvis.",
    causes: ["posture", "overuse", "injury"],
    activators:
      "Bending and lifting without using the legs, and standing bent over a low worktop keep it strained.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lie on your back with knees bent and a ball just above the pelvic rim, a few finger-widths out from the spine.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch: "Lie on your back and hug both knees to the chest, letting the low back round; hold 30 seconds.",
    cautions: [CAUTION_SPINE_BONES, CAUTION_LOW_BACK_RED_FLAGS],
    sources: ["NAM"],
    confidence: "medium",
  },
  {
    id: "longissimus-thoracis",
    name: "Longissimus thoracis (long spine muscle)",
    anatomicalName: "Longissimus thoracis",
    alsoKnownAs: ["erector spinae", "paraspinal", "back muscles"],
    group: "low-back",
    essential: ["sacroiliac", "buttock"],
    spillover: ["back-low"],
    triggerPoints:
      "In the thick muscle close beside the spine, around the lowest ribs and the top of the lumbar spine.",
    causes: ["posture", "overuse"],
    activators: "Sitting slumped for long spells, and lifting or shovelling with a rounded back overload it.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lie on your back with a ball one or two finger-widths out from the spine at the level of the lowest ribs; roll slightly to find the spot.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Sit on a chair, feet apart, and slowly curl forward to let the head and arms hang between the knees; hold 30 seconds.",
    cautions: [CAUTION_SPINE_BONES, CAUTION_LOW_BACK_RED_FLAGS],
    sources: ["NAM"],
    confidence: "medium",
  },
  {
    id: "multifidi",
    name: "Multifidi (deep spine stabilisers)",
    anatomicalName: "Multifidi / rotatores",
    alsoKnownAs: ["multifidus", "rotatores", "paraspinal"],
    group: "low-back",
    essential: ["back-low", "sacrum"],
    spillover: ["coccyx", "abdomen-lower", "neck-posterior", "scapula-medial"],
    triggerPoints:
      "Deep in the groove right beside the spine, at any level; in the low back, just above the sacrum.",
    causes: ["posture", "injury", "overuse"],
    activators:
      "Sitting still for long periods, twisting while lifting, and sudden awkward movements strain these small muscles.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lie on your back with a ball in the groove right next to the spine (not on it) and rest there, moving one level at a time.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Lie on your back, knees bent, and let both knees fall slowly to one side while the shoulders stay down; hold 30 seconds each way.",
    cautions: [CAUTION_SPINE_BONES, CAUTION_LOW_BACK_RED_FLAGS],
    sources: ["NAM", "NA"],
    confidence: "medium",
  },
  {
    id: "rectus-abdominis",
    name: "Rectus abdominis (six-pack muscle)",
    anatomicalName: "Rectus abdominis",
    alsoKnownAs: ["abs", "abdominals", "six pack"],
    group: "abdomen",
    essential: ["back-mid", "back-low", "sacroiliac"],
    spillover: ["abdomen-upper", "abdomen-lower"],
    triggerPoints:
      "In the vertical belly muscle either side of the midline: high near the ribs, and low just above the pubic bone.",
    causes: ["stress", "posture", "overuse", "injury"],
    activators:
      "Abdominal surgery or injury, holding the belly tense under emotional stress, slumped posture and too many sit-ups set it off.",
    selfTreatment: {
      tool: "fingers",
      how: "Lie on your back with knees bent and press the fingertips gently into the belly muscle either side of the midline, working from the ribs down.",
      holdSeconds: [10, 30],
      frequency: "once a day",
    },
    stretch:
      "Lie on your front and push up slowly on the forearms, letting the belly stay on the floor; hold 20-30 seconds.",
    cautions: [CAUTION_ABDOMEN],
    sources: ["MT", "ABD"],
    confidence: "medium",
  },
];
