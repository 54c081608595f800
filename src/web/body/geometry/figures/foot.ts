/**
 * The foot: its top (a left foot seen from above, toes up, big toe on the viewer's right), its
 * sole (a right foot seen from below, toes up, big toe on the viewer's right) and the heel seen
 * from behind (a left foot: its outer ankle on the viewer's left). The other foot is the mirror
 * image. The top is also squashed onto the whole-body front view as a foot seen from the front.
 * Coordinates: a 220 × 380 drawing (top and sole), 200 × 250 (from behind).
 */
import type { Landmark, LayerSpec, PatchSpec } from "../figure";
import { digitOutline } from "../outline";
import { sagCurve, uvBand, uvEllipse, uvRect } from "../patch";
import type { ControlPoint } from "../spline";
import type { Point } from "../vector";

export const FOOT_AXIS_X = 110;
/** The middle of the ankle cut at the bottom of the top-of-foot drawing. */
export const FOOT_TOP_ANKLE: Point = [110, 364];
export const FOOT_BEHIND_AXIS_X = 100;
/** The middle of the leg cut at the top of the from-behind drawing. */
export const FOOT_BEHIND_TOP: Point = [100, 12];

interface ToeSpec {
  readonly name: string;
  readonly base: Point;
  readonly tip: Point;
  readonly widths: { base: number; middle: number; tip: number };
}

/** Toes of a foot whose big toe is on the viewer's right, toes up. */
const TOES: readonly ToeSpec[] = [
  { name: "toe-5", base: [68, 170], tip: [48, 104], widths: { base: 22, middle: 22, tip: 20 } },
  { name: "toe-4", base: [84, 160], tip: [70, 82], widths: { base: 24, middle: 24, tip: 22 } },
  { name: "toe-3", base: [104, 150], tip: [94, 64], widths: { base: 26, middle: 26, tip: 24 } },
  { name: "toe-2", base: [125, 146], tip: [120, 48], widths: { base: 28, middle: 28, tip: 26 } },
  { name: "toe-1", base: [152, 148], tip: [156, 36], widths: { base: 40, middle: 43, tip: 40 } },
];

function toePatches(side: "left" | "right", surface: "top" | "sole"): PatchSpec[] {
  return TOES.map((toe) => {
    const { outline, corners } = digitOutline(toe.base, toe.tip, toe.widths);
    const landmarks: Landmark[] =
      surface === "top" ? [{ uv: uvEllipse(0.5, 0.16, 0.27, 0.1, 10), closed: true }] : [];
    return {
      name: toe.name,
      outline,
      corners,
      regions: [
        { id: toe.name === "toe-1" ? `toe-big-${side}` : `toes-lesser-${side}`, uv: uvRect(0, 1, 0, 1) },
      ],
      landmarks,
    };
  });
}

/* The top of a left foot: toe bases along the top, the ankle (with both ankle bones) at the bottom. */
const DORSUM: ControlPoint[] = [
  [56, 150],
  [80, 132],
  [106, 121],
  [134, 114],
  [168, 116],
  [178, 140],
  [176, 182],
  [166, 226],
  [158, 268],
  [154, 300],
  [160, 322],
  [150, 344],
  [148, 366, "corner"],
  [110, 368],
  [72, 366, "corner"],
  [66, 344],
  [58, 330],
  [64, 300],
  [60, 260],
  [52, 210],
  [48, 176],
];

/** Top of the left foot, toes up. */
export function leftFootTopLayers(): LayerSpec[] {
  return [
    { patches: toePatches("left", "top") },
    {
      patches: [
        {
          name: "dorsum",
          outline: DORSUM,
          corners: [0, 4, 12, 14],
          regions: [
            { id: "foot-dorsum-left", uv: uvRect(0, 1, 0, 0.7) },
            { id: "ankle-lateral-left", uv: uvRect(0, 0.3, 0.7, 1) },
            { id: "ankle-anterior-left", uv: uvRect(0.3, 0.7, 0.7, 1) },
            { id: "ankle-medial-left", uv: uvRect(0.7, 1, 0.7, 1) },
          ],
          landmarks: [
            {
              uv: [
                [0.62, 0.05],
                [0.58, 0.4],
                [0.52, 0.66],
              ],
            },
          ],
        },
      ],
    },
  ];
}

/* The sole of a right foot seen from below: ball, arch (narrow on the inner side), heel. */
const SOLE: ControlPoint[] = [
  [54, 152],
  [78, 134],
  [104, 123],
  [132, 116],
  [168, 118],
  [180, 144],
  [178, 186],
  [162, 226],
  [150, 262],
  [150, 296],
  [156, 326],
  [150, 352],
  [130, 368],
  [108, 372],
  [86, 366],
  [70, 346],
  [64, 310],
  [62, 270],
  [56, 228],
  [48, 186],
];

const HEEL_LINE = sagCurve(0, 1, 0.74, -0.05);

/** Sole of the right foot, toes up. */
export function rightFootSoleLayers(): LayerSpec[] {
  return [
    { patches: toePatches("right", "sole") },
    {
      patches: [
        {
          name: "sole",
          outline: SOLE,
          corners: [0, 4, 11, 15],
          regions: [
            { id: "foot-sole-right", uv: uvBand(0, 1, () => 0, HEEL_LINE) },
            { id: "heel-right", uv: uvBand(0, 1, HEEL_LINE, () => 1) },
          ],
        },
      ],
    },
  ];
}

/* The left heel from behind: the leg narrowing to the Achilles tendon, the ankle bones, the heel. */
const BEHIND: ControlPoint[] = [
  [68, 12, "corner"],
  [100, 12],
  [132, 12, "corner"],
  [130, 52],
  [124, 92],
  [131, 118],
  [143, 140],
  [141, 162],
  [134, 184],
  [130, 206],
  [121, 227],
  [100, 237],
  [79, 227],
  [70, 206],
  [63, 184],
  [57, 164],
  [61, 140],
  [70, 118],
  [76, 92],
  [70, 52],
];

const ACHILLES_END = sagCurve(0.3, 0.7, 0.66, 0.04);

/** The left heel from behind. */
export function leftFootBehindLayers(): LayerSpec[] {
  return [
    {
      patches: [
        {
          name: "heel-behind",
          outline: BEHIND,
          corners: [0, 2, 10, 12],
          regions: [
            { id: "ankle-lateral-left", uv: uvRect(0, 0.3, 0, 0.74) },
            { id: "achilles-left", uv: uvBand(0.3, 0.7, () => 0, ACHILLES_END) },
            { id: "ankle-medial-left", uv: uvRect(0.7, 1, 0, 0.74) },
            {
              id: "heel-left",
              uv: [
                [0, 0.74],
                [0.3, 0.74],
                ...uvBand(0.3, 0.7, ACHILLES_END, ACHILLES_END).slice(0, 13),
                [0.7, 0.74],
                [1, 0.74],
                [1, 1],
                [0, 1],
              ],
            },
          ],
        },
      ],
    },
  ];
}
