/**
 * The hand, drawn once as a left hand seen from the palm with the fingers up (thumb on the
 * viewer's left), then mirrored for the right hand and for the back of the hand, and rotated
 * onto the ends of the arms in the whole-body views. Coordinates: a 260 × 360 drawing.
 */
import type { Landmark, LayerSpec, PatchRegion, PatchSpec } from "../figure";
import { digitOutline } from "../outline";
import { uvEllipse, uvRect } from "../patch";
import type { ControlPoint } from "../spline";
import { lerpPoint, type Point } from "../vector";

export type HandSurface = "palm" | "back";

/** The wrist's midpoint at the bottom edge: where the hand meets the forearm. */
export const HAND_WRIST: Point = [128, 352];
export const HAND_AXIS_X = 130;

interface DigitSpec {
  readonly name: string;
  readonly region: string;
  readonly base: Point;
  readonly tip: Point;
  readonly widths: { base: number; middle: number; tip: number };
}

const FINGERS: readonly DigitSpec[] = [
  {
    name: "index",
    region: "finger-index-left",
    base: [100, 172],
    tip: [84, 40],
    widths: { base: 36, middle: 33, tip: 29 },
  },
  {
    name: "middle",
    region: "finger-middle-left",
    base: [134, 166],
    tip: [134, 20],
    widths: { base: 37, middle: 34, tip: 30 },
  },
  {
    name: "ring",
    region: "finger-ulnar-left",
    base: [166, 172],
    tip: [180, 40],
    widths: { base: 35, middle: 32, tip: 28 },
  },
  {
    name: "little",
    region: "finger-ulnar-left",
    base: [193, 186],
    tip: [220, 86],
    widths: { base: 30, middle: 28, tip: 24 },
  },
];

/**
 * The thumb with the ball of the thumb (thenar eminence): its inner edge is the thenar crease,
 * curving from the web down towards the wrist, so the region covers the base of the thumb too.
 */
const THUMB: ControlPoint[] = [
  [22, 200],
  [34, 180],
  [54, 184],
  [70, 208],
  [88, 234],
  [106, 256],
  [118, 282],
  [120, 306],
  [108, 328],
  [90, 336, "corner"],
  [72, 322],
  [58, 292],
  [44, 260],
  [30, 230],
];

/* The palm: finger bases along the top, the heel of the hand and the wrist at the bottom. */
const PALM: ControlPoint[] = [
  [84, 178],
  [106, 167],
  [134, 162],
  [164, 165],
  [192, 177],
  [208, 193],
  [214, 234],
  [210, 278],
  [198, 314],
  [180, 334],
  [172, 356, "corner"],
  [128, 358],
  [88, 356, "corner"],
  [88, 330],
  [84, 290],
  [82, 236],
];

/** Fingers fan out by `spread` (1 = as drawn; less brings the tips together, as in a relaxed hand). */
function fannedTip(spec: DigitSpec, spread: number): Point {
  const length = Math.hypot(spec.tip[0] - spec.base[0], spec.tip[1] - spec.base[1]);
  const straightUp: Point = [spec.base[0], spec.base[1] - length];
  return lerpPoint(straightUp, spec.tip, spread);
}

function digitPatch(spec: DigitSpec, surface: HandSurface, spread: number): PatchSpec {
  const { outline, corners } = digitOutline(spec.base, fannedTip(spec, spread), spec.widths);
  const creases: Landmark[] =
    surface === "palm"
      ? [0.3, 0.56].map((v) => ({
          uv: [
            [0.25, v],
            [0.5, v + 0.006],
            [0.75, v],
          ],
        }))
      : [{ uv: uvEllipse(0.5, 0.15, 0.26, 0.1, 10), closed: true }]; // a fingernail
  return {
    name: spec.name,
    outline,
    corners,
    regions: [{ id: spec.region, uv: uvRect(0, 1, 0, 1) }],
    landmarks: creases,
  };
}

function thumbPatch(surface: HandSurface, spread: number): PatchSpec {
  // Swing the thumb in towards the fingers around its base when the hand is relaxed.
  const pivot: Point = [100, 320];
  const angle = (1 - spread) * 0.35;
  const swing = (p: ControlPoint): ControlPoint => {
    const dx = p[0] - pivot[0];
    const dy = p[1] - pivot[1];
    const x = pivot[0] + dx * Math.cos(angle) - dy * Math.sin(angle);
    const y = pivot[1] + dx * Math.sin(angle) + dy * Math.cos(angle);
    return p[2] === "corner" ? [x, y, "corner"] : [x, y];
  };
  const landmarks: Landmark[] =
    surface === "palm"
      ? [
          {
            uv: [
              [0.25, 0.2],
              [0.5, 0.18],
              [0.72, 0.22],
            ],
          },
        ]
      : [{ uv: uvEllipse(0.45, 0.12, 0.22, 0.07, 10), closed: true }];
  return {
    name: "thumb",
    outline: THUMB.map(swing),
    corners: [0, 2, 8, 10],
    regions: [{ id: "thumb-left", uv: uvRect(0, 1, 0, 1) }],
    landmarks,
  };
}

function palmRegions(surface: HandSurface): PatchRegion[] {
  const hand = surface === "palm" ? "hand-palm-left" : "hand-dorsum-left";
  const wrist = surface === "palm" ? "wrist-volar-left" : "wrist-dorsal-left";
  return [
    { id: hand, uv: uvRect(0, 1, 0, 0.8) },
    { id: wrist, uv: uvRect(0, 1, 0.8, 1) },
  ];
}

function palmLandmarks(surface: HandSurface): Landmark[] {
  if (surface === "back") return [];
  return [
    {
      uv: [
        [0.98, 0.18],
        [0.7, 0.16],
        [0.45, 0.12],
        [0.28, 0.08],
      ],
    },
    {
      uv: [
        [0.92, 0.32],
        [0.6, 0.28],
        [0.3, 0.24],
      ],
    },
  ];
}

/** The left hand, fingers up; "palm" shows the thumb on the viewer's left. */
export function leftHandLayers(surface: HandSurface, spread = 1): LayerSpec[] {
  return [
    { patches: FINGERS.map((f) => digitPatch(f, surface, spread)) },
    {
      patches: [
        {
          name: "palm",
          outline: PALM,
          corners: [0, 5, 10, 12],
          regions: palmRegions(surface),
          landmarks: palmLandmarks(surface),
        },
      ],
    },
    { patches: [thumbPatch(surface, spread)] },
  ];
}
