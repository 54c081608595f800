import {
  CAUTION_CLOT,
  CAUTION_FEET_SENSATION,
  CAUTION_GROIN_PULSE,
  CAUTION_INJECTION_SITES,
  CAUTION_KNEE_PULSE,
  CAUTION_LOW_BACK_RED_FLAGS,
  CAUTION_SCIATIC,
} from "./cautions";
import type { Muscle } from "./types";

const CAUTION_SHIN_BONE = "Press on the muscle beside the shin bone, not on the bone itself.";

/** Buttock, thigh, lower leg and foot. */
export const HIP_LEG_MUSCLES: readonly Muscle[] = [
  {
    id: "gluteus-maximus",
    name: "Gluteus maximus (large buttock muscle)",
    anatomicalName: "Gluteus maximus",
    alsoKnownAs: ["glutes", "glute", "buttock"],
    group: "hip",
    essential: ["sacroiliac", "buttock", "buttock-lower"],
    spillover: ["coccyx", "sacrum", "thigh-posterior"],
    triggerPoints:
      "Next to the lower edge of the sacrum, in the middle of the buttock, and low near the sitting bone; pain stays close to the muscle.",
    causes: ["overuse", "posture", "injury"],
    activators:
      "Climbing hills or stairs, long sitting on a hard seat, sleeping curled on one side, and landing on the buttocks in a fall switch it on.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Sit or lie on a ball under the buttock, starting beside the sacrum and moving outward and down, and rest on tender spots.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Lie on your back and pull one knee toward the opposite shoulder with both hands; hold 30 seconds.",
    cautions: [CAUTION_SCIATIC],
    sources: ["TS2", "ABD", "BS"],
    confidence: "high",
  },
  {
    id: "gluteus-medius",
    name: "Gluteus medius (side buttock muscle)",
    anatomicalName: "Gluteus medius",
    alsoKnownAs: ["glutes", "glute", "hip abductor"],
    group: "hip",
    essential: ["sacroiliac", "sacrum", "buttock", "back-low"],
    spillover: ["hip-lateral", "thigh-lateral", "thigh-posterior"],
    triggerPoints:
      "Just below the top rim of the pelvis, along its back and side, above the large buttock muscle.",
    causes: ["posture", "overuse", "injury"],
    activators:
      "Long sitting or standing, sitting on a wallet, crossing the legs, standing on one leg, a leg-length difference, running and falls are common triggers; it is one of the most frequent sources of low back pain.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lie on your back or side with a ball just under the rim of the pelvis at the side-back, and roll slowly along the rim until you find the tender spot.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Lying on your back, cross the sore-side ankle over the opposite knee and pull that thigh toward you; or stand and cross the sore leg behind, leaning the hips out; hold 30 seconds.",
    cautions: [CAUTION_LOW_BACK_RED_FLAGS],
    sources: ["ABD", "BS", "TPT"],
    confidence: "medium",
  },
  {
    id: "gluteus-minimus",
    name: "Gluteus minimus (deep buttock muscle)",
    anatomicalName: "Gluteus minimus",
    alsoKnownAs: ["glutes", "glute", "pseudo-sciatica", "sciatica"],
    group: "hip",
    essential: ["buttock-lower", "thigh-lateral", "leg-lateral", "thigh-posterior", "calf"],
    spillover: ["knee-lateral", "ankle-lateral", "foot-dorsum", "hip-lateral"],
    triggerPoints:
      "Deep under the middle buttock muscle, on the side of the hip a few finger-widths below the top rim of the pelvis, and further back toward the middle of the buttock.",
    causes: ["posture", "overuse", "injury"],
    activators:
      "Long drives with the foot on the pedal, sitting still for hours, standing with the weight on one leg, a fall, and walking with a limp switch it on; its pain down the leg is often mistaken for sciatica.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lie on your side, slightly rolled back, with a ball under the side of the hip a few finger-widths below the pelvic rim; let your weight sink in.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Lying on your back, bend the sore-side knee and let it drop across the body toward the floor while the shoulders stay down; hold 30 seconds.",
    cautions: [CAUTION_SCIATIC, CAUTION_LOW_BACK_RED_FLAGS],
    sources: ["PFH", "MT", "NAM"],
    confidence: "high",
  },
  {
    id: "piriformis",
    name: "Piriformis (deep hip rotator)",
    anatomicalName: "Piriformis",
    alsoKnownAs: ["piriformis syndrome", "sciatica", "hip rotator"],
    group: "hip",
    essential: ["sacroiliac", "buttock", "hip-lateral"],
    spillover: ["thigh-posterior"],
    triggerPoints:
      "Deep in the buttock on a line from the edge of the sacrum to the bony point at the top of the thigh (greater trochanter), near both ends.",
    causes: ["posture", "overuse", "injury"],
    activators:
      "Long sitting, especially on a wallet, driving, running, catching yourself from a fall, and turning the leg out under load set it off; when it presses on the sciatic nerve, pain can travel further down the leg.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Sit on the floor or a firm chair with a ball in the middle of the buttock and cross the sore-side ankle over the other knee to expose the muscle.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Lying on your back, cross the sore-side ankle over the other knee, then pull that knee toward the chest; hold 30 seconds.",
    cautions: [CAUTION_SCIATIC, CAUTION_LOW_BACK_RED_FLAGS],
    sources: ["ML"],
    confidence: "high",
  },
  {
    id: "tfl",
    name: "Tensor fasciae latae (front-of-hip muscle)",
    anatomicalName: "Tensor fasciae latae",
    alsoKnownAs: ["TFL", "IT band", "iliotibial"],
    group: "hip",
    essential: ["hip-lateral", "hip-anterior"],
    spillover: ["thigh-lateral", "knee-lateral"],
    triggerPoints:
      "At the front-outer hip, a little below and behind the front bony point of the pelvis, where a pocket slides to the side.",
    causes: ["posture", "overuse"],
    activators:
      "Sitting or driving with the hips bent for hours, sleeping curled up, and running on slopes or uneven ground keep it short.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Lie face down angled toward the sore side with a ball under the front-outer hip, just below the front bony point of the pelvis.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Stand with the sore leg crossed behind the other and push the sore-side hip out sideways, reaching the arm overhead; hold 30 seconds.",
    cautions: [CAUTION_GROIN_PULSE],
    sources: ["ABD", "MT", "TPT"],
    confidence: "medium",
  },
  {
    id: "hamstrings-medial",
    name: "Inner hamstrings (semitendinosus and semimembranosus)",
    anatomicalName: "Semitendinosus / semimembranosus",
    alsoKnownAs: ["hamstrings", "hamstring", "semitendinosus", "semimembranosus"],
    group: "thigh",
    essential: ["buttock-lower", "thigh-posterior"],
    spillover: ["knee-posterior", "calf"],
    triggerPoints: "In the middle and lower back of the thigh, toward the inner side.",
    causes: ["posture", "overuse"],
    activators:
      "Chairs whose front edge presses into the back of the thigh, long sitting, and sprinting or kicking without warming up are typical triggers.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Sit on a firm chair with a ball under the inner back of the thigh and let the leg hang; move it a little to find the tender spot.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Put the heel on a low step with the knee straight and lean forward from the hips, back flat; hold 30 seconds.",
    cautions: [CAUTION_KNEE_PULSE, CAUTION_CLOT],
    sources: ["NA", "TPT"],
    confidence: "medium",
  },
  {
    id: "biceps-femoris",
    name: "Outer hamstring (biceps femoris)",
    anatomicalName: "Biceps femoris",
    alsoKnownAs: ["hamstrings", "hamstring"],
    group: "thigh",
    essential: ["knee-posterior"],
    spillover: ["thigh-posterior", "calf"],
    triggerPoints: "In the lower back of the thigh, on the outer side a hand-width above the knee.",
    causes: ["posture", "overuse"],
    activators:
      "Long sitting with the thigh pressed by the chair edge, and running or kicking without a warm-up overload it.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Sit on a firm chair with a ball under the outer back of the thigh, above the knee, and let the leg relax.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Sit on the floor with the sore leg straight and reach toward the foot with the toes pointed slightly inward; hold 30 seconds.",
    cautions: [CAUTION_KNEE_PULSE, CAUTION_CLOT],
    sources: ["NA", "TPT"],
    confidence: "medium",
  },
  {
    id: "rectus-femoris",
    name: "Rectus femoris (front thigh muscle)",
    anatomicalName: "Rectus femoris",
    alsoKnownAs: ["quads", "quadriceps"],
    group: "thigh",
    essential: ["knee-anterior"],
    spillover: ["thigh-anterior"],
    triggerPoints: "High in the front of the thigh, just below the front of the hip.",
    causes: ["injury", "overuse"],
    activators:
      "Stepping off a kerb or into a hole unexpectedly, kicking, and deep squats overload it; injections into the front of the thigh can also set it off.",
    selfTreatment: {
      tool: "foam-roller",
      how: "Lie face down with a foam roller under the upper front thigh and roll slowly, pausing on tender spots near the hip.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Stand holding a support, bend the knee and draw the heel toward the buttock while tucking the tailbone under; hold 30 seconds.",
    cautions: [CAUTION_INJECTION_SITES, CAUTION_GROIN_PULSE],
    sources: ["NAM", "RE", "MJP"],
    confidence: "high",
  },
  {
    id: "vastus-medialis",
    name: "Vastus medialis (inner thigh above the knee)",
    anatomicalName: "Vastus medialis",
    alsoKnownAs: ["quads", "quadriceps", "VMO"],
    group: "thigh",
    essential: ["knee-anterior", "knee-medial"],
    spillover: ["thigh-medial"],
    triggerPoints:
      "In the teardrop-shaped bulge on the inner thigh just above the knee, and higher along the inner thigh.",
    causes: ["overuse", "injury"],
    activators:
      "Deep squats and kneeling, running downhill, and a twisting knee injury set it off; it can make the knee feel as though it will give way.",
    selfTreatment: {
      tool: "fingers",
      how: "Sit with the leg straight and relaxed and press the thumb into the inner thigh just above the kneecap, then a little higher.",
      holdSeconds: [20, 40],
      frequency: "2 times a day",
    },
    stretch:
      "Kneel on a cushion and sit back toward the heels only as far as the knee allows; hold 30 seconds.",
    cautions: [
      "Keep to the lower inner thigh; higher up, near the groin, a large artery runs close to the surface.",
    ],
    sources: ["RE", "MJP"],
    confidence: "medium",
  },
  {
    id: "vastus-lateralis",
    name: "Vastus lateralis (outer thigh muscle)",
    anatomicalName: "Vastus lateralis",
    alsoKnownAs: ["quads", "quadriceps", "IT band"],
    group: "thigh",
    essential: ["thigh-lateral", "knee-lateral"],
    spillover: ["knee-posterior", "hip-lateral"],
    triggerPoints:
      "Along the outer thigh from just below the hip down to just above the outer side of the knee.",
    causes: ["overuse", "injury"],
    activators:
      "Running, cycling, a knock to the outer thigh, and sitting with the knee bent for long spells keep it tight.",
    selfTreatment: {
      tool: "foam-roller",
      how: "Lie on your side with a foam roller under the outer thigh and roll slowly from hip to knee, stopping on tender spots.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Stand holding a support, bend the knee and draw the heel toward the buttock, letting the knee drift slightly inward; hold 30 seconds.",
    cautions: ["Roll slowly and use less bodyweight if the outer thigh is very tender."],
    sources: ["RE", "MJP"],
    confidence: "medium",
  },
  {
    id: "vastus-intermedius",
    name: "Vastus intermedius (deep front thigh muscle)",
    anatomicalName: "Vastus intermedius",
    alsoKnownAs: ["quads", "quadriceps"],
    group: "thigh",
    essential: ["thigh-anterior"],
    spillover: [],
    triggerPoints:
      "Deep under the front thigh muscle, in the upper-middle part of the thigh, close to the bone.",
    causes: ["overuse"],
    activators:
      "Climbing stairs, squats and heavy leg work overload it; it often hurts most when climbing stairs.",
    selfTreatment: {
      tool: "foam-roller",
      how: "Lie face down on a foam roller under the middle of the front thigh, turning slightly in and out, and rest on deep tender spots.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Stand holding a support and bring the heel toward the buttock with the knees side by side; hold 30 seconds.",
    cautions: ["Deep pressure is needed here, so build up gradually over several days."],
    sources: ["RE"],
    confidence: "low",
  },
  {
    id: "adductor-longus-brevis",
    name: "Adductors (inner thigh muscles)",
    anatomicalName: "Adductor longus / brevis",
    alsoKnownAs: ["adductors", "groin strain", "inner thigh"],
    group: "thigh",
    essential: ["groin", "hip-anterior"],
    spillover: ["thigh-medial", "knee-medial", "shin"],
    triggerPoints: "High in the inner thigh, a few finger-widths below the groin crease.",
    causes: ["overuse", "injury"],
    activators:
      "Sudden side steps or slips, horse riding, football and sitting cross-legged for long periods set them off; they are the commonest muscle source of groin pain.",
    selfTreatment: {
      tool: "foam-roller",
      how: "Lie face down with the sore knee bent out to the side and a foam roller under the inner thigh; roll slowly from above the knee toward the groin, stopping short of it.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Sit with the soles of the feet together and let the knees drop out, pressing gently on them with the elbows; hold 30 seconds.",
    cautions: [CAUTION_GROIN_PULSE, CAUTION_CLOT],
    sources: ["ABD"],
    confidence: "medium",
  },
  {
    id: "gastrocnemius",
    name: "Gastrocnemius (calf muscle)",
    anatomicalName: "Gastrocnemius",
    alsoKnownAs: ["calf", "calves", "calf cramp"],
    group: "leg",
    essential: ["foot-sole", "calf"],
    spillover: ["knee-posterior", "leg-lateral"],
    triggerPoints:
      "In the upper calf, in the two bulges of the muscle just below the back of the knee, inner side more often.",
    causes: ["overuse", "posture"],
    activators:
      "Running (especially uphill), climbing stairs or ladders, high heels, a chair edge pressing into the calf, and long drives without cruise control overload it; it is linked with night cramps.",
    selfTreatment: {
      tool: "foam-roller",
      how: "Sit with the calf on a foam roller or ball, cross the other leg on top for more pressure, and rest on tender spots below the knee.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Stand facing a wall with the sore leg straight behind, heel down, and lean forward; hold 30 seconds.",
    cautions: [CAUTION_CLOT, CAUTION_KNEE_PULSE, "Do not press on varicose veins."],
    sources: ["NAM", "TPT"],
    confidence: "high",
  },
  {
    id: "soleus",
    name: "Soleus (deep calf muscle)",
    anatomicalName: "Soleus",
    alsoKnownAs: ["calf", "calves", "heel pain"],
    group: "leg",
    essential: ["heel", "achilles"],
    spillover: ["calf", "sacroiliac", "jaw"],
    triggerPoints:
      "In the lower half of the calf, just above where the muscle narrows into the Achilles tendon, often on the inner side.",
    causes: ["overuse", "posture"],
    activators:
      "Running (especially uphill), walking on sand or slopes, high heels, a chair edge pressing into the calf and long drives overload it; it is a common hidden cause of heel pain.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Sit with a ball under the lower calf, knee bent, and cross the other leg on top for more pressure; move a little to find the tender spot.",
      holdSeconds: [30, 60],
      frequency: "1-2 times a day",
    },
    stretch:
      "Stand facing a wall with the sore foot slightly behind, bend both knees and lower the hips while keeping the heel down; hold 30 seconds.",
    cautions: [CAUTION_CLOT, "Do not press on varicose veins."],
    sources: ["NAM", "NA", "TPT"],
    confidence: "high",
  },
  {
    id: "tibialis-anterior",
    name: "Tibialis anterior (shin muscle)",
    anatomicalName: "Tibialis anterior",
    alsoKnownAs: ["shin splints", "shin"],
    group: "leg",
    essential: ["ankle-anterior", "toe-big"],
    spillover: ["shin", "foot-dorsum"],
    triggerPoints: "In the upper third of the muscle just to the outside of the shin bone.",
    causes: ["overuse", "injury"],
    activators:
      "An ankle sprain, walking on uneven ground, shoes that do not fit, long drives and stubbing the big toe are typical triggers.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Kneel on all fours or sit, and press a ball or the thumb into the muscle just outside the shin bone in the upper part of the lower leg.",
      holdSeconds: [20, 40],
      frequency: "2 times a day",
    },
    stretch:
      "Kneel and sit back toward the heels with the tops of the feet flat on the floor, or point the foot and curl the toes down; hold 30 seconds.",
    cautions: [
      CAUTION_SHIN_BONE,
      "A shin that is tight, swollen and very painful after exercise, with numbness in the foot, needs urgent medical care.",
    ],
    sources: ["NA", "FV"],
    confidence: "high",
  },
  {
    id: "peroneus-longus-brevis",
    name: "Peroneals (outer lower-leg muscles)",
    anatomicalName: "Peroneus (fibularis) longus & brevis",
    alsoKnownAs: ["peroneus", "fibularis", "fibularis longus", "peroneals"],
    group: "leg",
    essential: ["ankle-lateral"],
    spillover: ["leg-lateral", "foot-dorsum", "heel"],
    triggerPoints:
      "On the outer side of the lower leg, a few finger-widths below the knee and again around the middle.",
    causes: ["injury", "posture", "overuse"],
    activators:
      "Repeated ankle sprains, a period in a cast, feet that roll inward, high heels and sitting with the legs crossed keep them irritated.",
    selfTreatment: {
      tool: "foam-roller",
      how: "Lie on your side with a foam roller or ball under the outer lower leg and roll slowly, pausing on tender spots.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Sit with the sore foot across the opposite knee and gently turn the sole of the foot up toward you; hold 30 seconds.",
    cautions: [
      "Stay below the bony knob on the outside of the knee, where a nerve wraps close to the surface.",
    ],
    sources: ["NA", "TPT", "MJP"],
    confidence: "high",
  },
  {
    id: "tibialis-posterior",
    name: "Tibialis posterior (deepest calf muscle)",
    anatomicalName: "Tibialis posterior",
    alsoKnownAs: ["tib post", "shin splints"],
    group: "leg",
    essential: ["achilles"],
    spillover: ["calf", "heel", "foot-sole", "toes-lesser", "toe-big"],
    triggerPoints:
      "Deep in the calf, reached along the inner edge of the shin bone in the upper half of the lower leg.",
    causes: ["overuse", "posture"],
    activators:
      "Running on hard or uneven surfaces, flat or rolling-in feet, and worn-out shoes overload it.",
    selfTreatment: {
      tool: "fingers",
      how: "Sit with the sore ankle across the other knee and press the thumb deep along the inner edge of the shin bone, angling toward the back of the leg.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Stand facing a wall with the sore leg behind, heel down and the foot turned slightly out, and lean forward; hold 30 seconds.",
    cautions: [CAUTION_CLOT, CAUTION_SHIN_BONE],
    sources: ["TPT"],
    confidence: "medium",
  },
  {
    id: "extensor-digitorum-longus",
    name: "Long toe extensors (front of lower leg)",
    anatomicalName: "Extensor digitorum longus / hallucis longus",
    alsoKnownAs: ["EDL", "EHL", "toe extensors"],
    group: "leg",
    essential: ["foot-dorsum"],
    spillover: ["toes-lesser", "ankle-anterior", "toe-big"],
    triggerPoints:
      "In the front-outer part of the lower leg, a hand-width below the knee, between the shin muscle and the peroneals.",
    causes: ["overuse", "injury"],
    activators:
      "Ankle sprains, long walks or runs, tight or stiff shoes pressing on the toes, and driving with the foot held up overload them.",
    selfTreatment: {
      tool: "fingers",
      how: "Press the thumb into the front-outer lower leg below the knee while lifting and lowering the toes to find the active spot.",
      holdSeconds: [20, 40],
      frequency: "2 times a day",
    },
    stretch:
      "Sit with the foot on the floor behind you, toes curled under, and press gently down so the top of the foot stretches; hold 30 seconds.",
    cautions: [CAUTION_SHIN_BONE],
    sources: ["TPB"],
    confidence: "low",
  },
  {
    id: "long-toe-flexors",
    name: "Long toe flexors (deep calf)",
    anatomicalName: "Flexor digitorum longus / flexor hallucis longus",
    alsoKnownAs: ["FDL", "FHL", "toe flexors"],
    group: "leg",
    essential: ["foot-sole", "toe-big"],
    spillover: ["toes-lesser", "ankle-medial", "calf"],
    triggerPoints:
      "Deep in the lower calf: toward the inner side for the lesser-toe flexor and toward the outer side for the big-toe flexor.",
    causes: ["overuse", "posture"],
    activators:
      "Running or walking on uneven ground or sand, flat or rolling-in feet, and gripping the floor with the toes (dancers, climbers) overload them.",
    selfTreatment: {
      tool: "fingers",
      how: "Sit with the sore ankle across the other knee and press the thumb into the inner lower calf beside the shin bone while curling the toes.",
      holdSeconds: [20, 40],
      frequency: "1-2 times a day",
    },
    stretch:
      "Pull the toes and foot up toward you with a hand or towel while the knee is straight; hold 30 seconds.",
    cautions: [CAUTION_CLOT, CAUTION_FEET_SENSATION],
    sources: ["BS"],
    confidence: "low",
  },
  {
    id: "intrinsic-foot",
    name: "Foot muscles under the heel (quadratus plantae and abductor hallucis)",
    anatomicalName: "Quadratus plantae / abductor hallucis",
    alsoKnownAs: ["quadratus plantae", "abductor hallucis", "plantar", "heel pain", "arch"],
    group: "foot",
    essential: ["heel"],
    spillover: ["foot-sole", "ankle-medial"],
    triggerPoints:
      "In the sole just in front of the heel, and along the inner edge of the foot below the ankle bone.",
    causes: ["overuse", "posture"],
    activators:
      "Long hours standing or walking on hard floors, flat or unsupportive shoes, and a sudden increase in running overload them.",
    selfTreatment: {
      tool: "massage-ball",
      how: "Sit or stand holding a support and place a firm ball under the front of the heel or the inner arch; let some bodyweight onto it and hold.",
      holdSeconds: [20, 40],
      frequency: "2-3 times a day",
    },
    stretch:
      "Sit, cross the foot over the other knee and pull the toes back toward the shin until the sole stretches; hold 30 seconds.",
    cautions: [CAUTION_FEET_SENSATION],
    sources: ["BS"],
    confidence: "low",
  },
];
