/**
 * Posture findings a therapist notes at a consultation (docs/product.md F6), as data: the chart
 * offers them as a checklist, the timeline compares them over time. Ids are a public contract
 * (stored in charts and exports): never rename one. `sided` findings are recorded with left/right.
 * `muscles` are the atlas muscles commonly shortened or loaded by the finding, offered first when
 * the therapist looks for trigger points (a hint, not a diagnosis).
 */
import type { MuscleId } from "../atlas";

export interface PostureFinding {
  readonly id: string;
  readonly label: string;
  readonly sided: boolean;
  /** Where the therapist looks and what they see, in a few words. */
  readonly look: string;
  readonly muscles: readonly MuscleId[];
}

export const POSTURE_FINDINGS = [
  {
    id: "forward-head",
    label: "Forward head",
    sided: false,
    look: "Side view: ear in front of the shoulder's midline.",
    muscles: ["suboccipitals", "scm-sternal", "scm-clavicular", "splenius-capitis", "upper-trapezius"],
  },
  {
    id: "rounded-shoulders",
    label: "Rounded shoulders",
    sided: false,
    look: "Side view: shoulder in front of the ear's plumb line; palms face backwards.",
    muscles: ["pectoralis-major", "pectoralis-minor", "subscapularis", "rhomboids"],
  },
  {
    id: "elevated-shoulder",
    label: "Elevated shoulder",
    sided: true,
    look: "Front or back view: one shoulder higher than the other.",
    muscles: ["upper-trapezius", "levator-scapulae", "scalenes"],
  },
  {
    id: "head-tilt",
    label: "Head tilt",
    sided: true,
    look: "Front view: head leans towards one shoulder (record the side it leans to).",
    muscles: ["scm-sternal", "scm-clavicular", "scalenes", "upper-trapezius"],
  },
  {
    id: "head-rotation",
    label: "Head rotation",
    sided: true,
    look: "Front view: chin turned to one side at rest (record the side the chin points to).",
    muscles: ["scm-sternal", "splenius-capitis", "levator-scapulae"],
  },
  {
    id: "increased-thoracic-kyphosis",
    label: "Increased upper-back curve (kyphosis)",
    sided: false,
    look: "Side view: rounded upper back.",
    muscles: ["pectoralis-major", "rectus-abdominis", "middle-trapezius", "rhomboids"],
  },
  {
    id: "winged-scapula",
    label: "Winged shoulder blade",
    sided: true,
    look: "Back view: the inner edge of the shoulder blade lifts off the ribs.",
    muscles: ["serratus-anterior", "rhomboids", "pectoralis-minor"],
  },
  {
    id: "anterior-pelvic-tilt",
    label: "Anterior pelvic tilt",
    sided: false,
    look: "Side view: front of the pelvis tipped down, deeper low-back curve.",
    muscles: ["iliopsoas", "rectus-femoris", "tfl", "quadratus-lumborum"],
  },
  {
    id: "posterior-pelvic-tilt",
    label: "Posterior pelvic tilt",
    sided: false,
    look: "Side view: pelvis tucked under, flattened low back.",
    muscles: ["hamstrings-medial", "biceps-femoris", "gluteus-maximus", "rectus-abdominis"],
  },
  {
    id: "lateral-pelvic-tilt",
    label: "Hip hike (lateral pelvic tilt)",
    sided: true,
    look: "Back view: one hip higher than the other (record the high side).",
    muscles: ["quadratus-lumborum", "gluteus-medius", "gluteus-minimus"],
  },
  {
    id: "increased-lumbar-lordosis",
    label: "Increased low-back curve (lordosis)",
    sided: false,
    look: "Side view: deep hollow in the low back.",
    muscles: ["iliopsoas", "quadratus-lumborum", "longissimus-thoracis", "iliocostalis-lumborum"],
  },
  {
    id: "flat-back",
    label: "Flat back",
    sided: false,
    look: "Side view: little curve in the low back.",
    muscles: ["hamstrings-medial", "biceps-femoris", "rectus-abdominis"],
  },
  {
    id: "lateral-shift",
    label: "Sideways curve or shift of the spine",
    sided: true,
    look: "Back view: spine curves or the trunk shifts to one side (record the side it shifts to).",
    muscles: ["quadratus-lumborum", "iliocostalis-lumborum", "multifidi"],
  },
  {
    id: "knee-hyperextension",
    label: "Knees pushed back (hyperextension)",
    sided: true,
    look: "Side view: knee behind the plumb line.",
    muscles: ["gastrocnemius", "soleus", "rectus-femoris"],
  },
  {
    id: "knock-knees",
    label: "Knock knees (valgus)",
    sided: true,
    look: "Front view: knees come together, feet apart.",
    muscles: ["tfl", "adductor-longus-brevis", "gluteus-medius"],
  },
  {
    id: "flat-foot",
    label: "Flat foot / rolling in (over-pronation)",
    sided: true,
    look: "Back view: heel tips in; arch drops.",
    muscles: ["tibialis-posterior", "peroneus-longus-brevis", "intrinsic-foot"],
  },
  {
    id: "leg-length-difference",
    label: "Apparent leg-length difference",
    sided: true,
    look: "Lying down: one heel shorter (record the short side).",
    muscles: ["quadratus-lumborum", "iliopsoas", "gluteus-medius"],
  },
] as const satisfies readonly PostureFinding[];

export type PostureFindingId = (typeof POSTURE_FINDINGS)[number]["id"];
export const POSTURE_FINDING_IDS = POSTURE_FINDINGS.map((f) => f.id) as unknown as readonly [
  PostureFindingId,
  ...PostureFindingId[],
];

const BY_ID: ReadonlyMap<string, PostureFinding> = new Map(POSTURE_FINDINGS.map((f) => [f.id, f]));

export function postureFindingById(id: string): PostureFinding | undefined {
  return BY_ID.get(id);
}
