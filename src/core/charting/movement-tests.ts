/**
 * Quick movement tests of a consultation (docs/product.md F6), as data: each with the normal active
 * range of motion in degrees and where that figure comes from, so the chart can show "normal 0–60°"
 * beside the measured value. Ids are a public contract (stored in charts and exports): never rename.
 * Normal values vary with age and between references; they are a guide for the therapist, not a cut-off.
 */

export const ROM_SOURCES = {
  aaos: "American Academy of Orthopaedic Surgeons (Greene & Heckman, eds.), The Clinical Measurement of Joint Motion, 1994; as tabulated in Norkin & White, Measurement of Joint Motion: A Guide to Goniometry, 5th ed., F.A. Davis, 2016",
  kendall:
    "Kendall, McCreary, Provance, Rodgers & Romani, Muscles: Testing and Function with Posture and Pain, 5th ed., Lippincott Williams & Wilkins, 2005 (hamstring length: straight-leg raise to about 80°)",
} as const;
export type RomSourceKey = keyof typeof ROM_SOURCES;

export const MOVEMENT_REGIONS = ["neck", "shoulder", "elbow-wrist", "trunk", "hip", "knee-ankle"] as const;
export type MovementRegion = (typeof MOVEMENT_REGIONS)[number];

export interface MovementTest {
  readonly id: string;
  readonly label: string;
  readonly region: MovementRegion;
  /** Tested on each side (left and right recorded separately). */
  readonly sided: boolean;
  /** Normal active range in degrees, from the starting position (0) to the end of the movement. */
  readonly normal: { readonly from: number; readonly to: number };
  readonly source: RomSourceKey;
}

export const MOVEMENT_TESTS = [
  {
    id: "cervical-flexion",
    label: "Neck flexion (chin to chest)",
    region: "neck",
    sided: false,
    normal: { from: 0, to: 45 },
    source: "aaos",
  },
  {
    id: "cervical-extension",
    label: "Neck extension (look up)",
    region: "neck",
    sided: false,
    normal: { from: 0, to: 45 },
    source: "aaos",
  },
  {
    id: "cervical-rotation",
    label: "Neck rotation (look over the shoulder)",
    region: "neck",
    sided: true,
    normal: { from: 0, to: 60 },
    source: "aaos",
  },
  {
    id: "cervical-side-bend",
    label: "Neck side bend (ear to shoulder)",
    region: "neck",
    sided: true,
    normal: { from: 0, to: 45 },
    source: "aaos",
  },
  {
    id: "shoulder-flexion",
    label: "Shoulder flexion (arm forward and up)",
    region: "shoulder",
    sided: true,
    normal: { from: 0, to: 180 },
    source: "aaos",
  },
  {
    id: "shoulder-extension",
    label: "Shoulder extension (arm back)",
    region: "shoulder",
    sided: true,
    normal: { from: 0, to: 60 },
    source: "aaos",
  },
  {
    id: "shoulder-abduction",
    label: "Shoulder abduction (arm out to the side and up)",
    region: "shoulder",
    sided: true,
    normal: { from: 0, to: 180 },
    source: "aaos",
  },
  {
    id: "shoulder-external-rotation",
    label: "Shoulder external rotation",
    region: "shoulder",
    sided: true,
    normal: { from: 0, to: 90 },
    source: "aaos",
  },
  {
    id: "shoulder-internal-rotation",
    label: "Shoulder internal rotation",
    region: "shoulder",
    sided: true,
    normal: { from: 0, to: 70 },
    source: "aaos",
  },
  {
    id: "elbow-flexion",
    label: "Elbow flexion",
    region: "elbow-wrist",
    sided: true,
    normal: { from: 0, to: 150 },
    source: "aaos",
  },
  {
    id: "wrist-flexion",
    label: "Wrist flexion",
    region: "elbow-wrist",
    sided: true,
    normal: { from: 0, to: 80 },
    source: "aaos",
  },
  {
    id: "wrist-extension",
    label: "Wrist extension",
    region: "elbow-wrist",
    sided: true,
    normal: { from: 0, to: 70 },
    source: "aaos",
  },
  {
    id: "lumbar-flexion",
    label: "Trunk flexion (bend forward)",
    region: "trunk",
    sided: false,
    normal: { from: 0, to: 80 },
    source: "aaos",
  },
  {
    id: "lumbar-extension",
    label: "Trunk extension (bend back)",
    region: "trunk",
    sided: false,
    normal: { from: 0, to: 25 },
    source: "aaos",
  },
  {
    id: "lumbar-side-bend",
    label: "Trunk side bend",
    region: "trunk",
    sided: true,
    normal: { from: 0, to: 35 },
    source: "aaos",
  },
  {
    id: "trunk-rotation",
    label: "Trunk rotation",
    region: "trunk",
    sided: true,
    normal: { from: 0, to: 45 },
    source: "aaos",
  },
  {
    id: "hip-flexion",
    label: "Hip flexion (knee to chest)",
    region: "hip",
    sided: true,
    normal: { from: 0, to: 120 },
    source: "aaos",
  },
  {
    id: "hip-extension",
    label: "Hip extension",
    region: "hip",
    sided: true,
    normal: { from: 0, to: 20 },
    source: "aaos",
  },
  {
    id: "hip-abduction",
    label: "Hip abduction",
    region: "hip",
    sided: true,
    normal: { from: 0, to: 45 },
    source: "aaos",
  },
  {
    id: "hip-internal-rotation",
    label: "Hip internal rotation",
    region: "hip",
    sided: true,
    normal: { from: 0, to: 45 },
    source: "aaos",
  },
  {
    id: "hip-external-rotation",
    label: "Hip external rotation",
    region: "hip",
    sided: true,
    normal: { from: 0, to: 45 },
    source: "aaos",
  },
  {
    id: "straight-leg-raise",
    label: "Straight-leg raise (hamstring length)",
    region: "hip",
    sided: true,
    normal: { from: 0, to: 80 },
    source: "kendall",
  },
  {
    id: "knee-flexion",
    label: "Knee flexion",
    region: "knee-ankle",
    sided: true,
    normal: { from: 0, to: 135 },
    source: "aaos",
  },
  {
    id: "ankle-dorsiflexion",
    label: "Ankle dorsiflexion (toes up)",
    region: "knee-ankle",
    sided: true,
    normal: { from: 0, to: 20 },
    source: "aaos",
  },
  {
    id: "ankle-plantarflexion",
    label: "Ankle plantarflexion (point the foot)",
    region: "knee-ankle",
    sided: true,
    normal: { from: 0, to: 50 },
    source: "aaos",
  },
] as const satisfies readonly MovementTest[];

export type MovementTestId = (typeof MOVEMENT_TESTS)[number]["id"];
export const MOVEMENT_TEST_IDS = MOVEMENT_TESTS.map((t) => t.id) as unknown as readonly [
  MovementTestId,
  ...MovementTestId[],
];

/** A measured range is never more than this (no joint moves further); guards typing slips. */
export const MAX_ROM_DEGREES = 200;

const BY_ID: ReadonlyMap<string, MovementTest> = new Map(MOVEMENT_TESTS.map((t) => [t.id, t]));

export function movementTestById(id: string): MovementTest | undefined {
  return BY_ID.get(id);
}

/**
 * How a measured range compares with the normal one, as a whole percentage of the normal end
 * (60° of a normal 0–60° is 100). Above 100 is hypermobile; the chart shows it, it does not judge.
 */
export function percentOfNormal(test: MovementTest, degrees: number): number {
  const span = test.normal.to - test.normal.from;
  if (span <= 0) return 100;
  return Math.round(((degrees - test.normal.from) / span) * 100);
}

/** Degrees short of the normal end of range (0 when at or beyond it). */
export function romShortfall(test: MovementTest, degrees: number): number {
  return Math.max(0, test.normal.to - degrees);
}
