/**
 * The whole body from the front and from the back, standing, arms a little away from the sides
 * and palms forward (the anatomical position). 400 × 880 drawing, midline at x = 200.
 *
 * Limbs are drawn once, for the viewer's left, and mirrored for the viewer's right. From the
 * front the viewer's left is the client's right; from the back it is the client's left.
 * Layers, bottom to top: legs, torso, neck, head, arms, hands, feet — a later layer covers the
 * joint with an earlier one, and that covering edge is the line between their regions.
 */
import { type LayerSpec, type PatchRegion, type PatchSpec, placeLayers } from "../figure";
import { pairedRegion, symmetricOutline, type ViewerLeftSide } from "../outline";
import { type UvCurve, uvBand, uvEllipse, uvRect } from "../patch";
import type { ControlPoint } from "../spline";
import {
  type Affine,
  applyAffine,
  chain,
  IDENTITY,
  mirrorX,
  type Point,
  rotate,
  scale,
  translate,
} from "../vector";
import { FOOT_BEHIND_TOP, FOOT_TOP_ANKLE, leftFootBehindLayers, leftFootTopLayers } from "./foot";
import { HAND_WRIST, leftHandLayers } from "./hand";
import { backOfHeadLayers, faceHeadLayers, HEAD_AXIS_X } from "./head";

export const BODY_AXIS_X = 200;
const MIRROR = mirrorX(BODY_AXIS_X);

/** Straight line v = a at u = 0 to v = b at u = 1: bands across a limb whose joints sit askew. */
function slant(a: number, b: number): UvCurve {
  return (u) => a + (b - a) * u;
}

/** A band between two curves, restricted to u ∈ [u0, u1]. */
function band(u0: number, u1: number, upper: UvCurve, lower: UvCurve): Point[] {
  return uvBand(u0, u1, upper, lower, 6);
}

/* ------------------------------------------------------------------ head and neck */

/** The head drawing (300 wide, vertex at y 20) scaled onto the body, vertex at y 14. */
const HEAD_PLACEMENT: Affine = chain(translate(-HEAD_AXIS_X, -20), scale(0.39), translate(BODY_AXIS_X, 14));

/** The neck from the front: flares into the trapezius, its lower edge the collarbones. */
const NECK_HALF: ControlPoint[] = [
  [200, 92],
  [221, 92],
  [222, 110],
  [223, 122],
  [230, 134],
  [248, 143],
  [266, 149],
  [279, 155],
  [286, 163, "corner"],
  [266, 163],
  [240, 159],
  [219, 162],
  [200, 168],
];
const neck = symmetricOutline(NECK_HALF, BODY_AXIS_X);
const NECK_CORNERS = [neck.mirrorIndex(1), 1, 8, neck.mirrorIndex(8)] as const;

function neckLayer(view: "front" | "back"): LayerSpec {
  const regions: PatchRegion[] =
    view === "front"
      ? [
          ...pairedRegion("neck-lateral", "right", uvRect(0, 0.25, 0, 1)),
          ...pairedRegion("neck-anterior", "right", uvRect(0.25, 0.42, 0, 1)),
          { id: "throat", uv: uvRect(0.42, 0.58, 0, 1) },
        ]
      : [
          ...pairedRegion("neck-lateral", "left", uvRect(0, 0.28, 0, 0.45)),
          ...pairedRegion("shoulder-top", "left", [
            [0, 0.45],
            [0.28, 0.45],
            [0.4, 1],
            [0, 1],
          ]),
          ...pairedRegion("neck-posterior", "left", [
            [0.28, 0],
            [0.5, 0],
            [0.5, 1],
            [0.4, 1],
            [0.28, 0.45],
          ]),
        ];
  return {
    patches: [
      {
        name: `neck-${view}`,
        outline: neck.outline,
        corners: NECK_CORNERS,
        regions,
        landmarks:
          view === "front"
            ? [
                {
                  uv: [
                    [0.1, 0.93],
                    [0.26, 0.86],
                    [0.44, 0.9],
                  ],
                },
                {
                  uv: [
                    [0.56, 0.9],
                    [0.74, 0.86],
                    [0.9, 0.93],
                  ],
                },
              ]
            : [],
      },
    ],
  };
}

/* ------------------------------------------------------------------ torso */

/** Shoulders to hips, shared by both views (the arms cover the top corners). */
const TORSO_SIDE: ControlPoint[] = [
  [200, 158],
  [240, 155],
  [278, 157],
  [291, 167],
  [285, 190],
  [272, 222],
  [273, 248],
  [269, 282],
  [263, 312],
  [265, 338],
  [271, 362],
  [277, 386],
];

/**
 * Front: the torso ends at the groin creases, running from the front of the hip bone (at the
 * waist's widening) down and in to the crotch; below them the legs carry the hips.
 */
const TORSO_FRONT_HALF: ControlPoint[] = [
  ...TORSO_SIDE.slice(0, -2),
  [271, 362, "corner"],
  [256, 385],
  [237, 408],
  [216, 430],
  [200, 441],
];

/** Back: the torso goes on down over the buttocks to the gluteal folds. */
const TORSO_BACK_HALF: ControlPoint[] = [
  ...TORSO_SIDE,
  [280, 414],
  [277, 444],
  [264, 467, "corner"],
  [241, 474],
  [219, 470],
  [205, 460],
  [200, 455],
];

const torsoFront = symmetricOutline(TORSO_FRONT_HALF, BODY_AXIS_X);
const torsoBack = symmetricOutline(TORSO_BACK_HALF, BODY_AXIS_X);

/** The groin: a strip along the crease, widest where the creases meet. */
const GROIN_TOP: Point[] = [
  [0.5, 0.89],
  [0.42, 0.915],
  [0.35, 0.955],
  [0.3, 1],
];

function torsoFrontPatch(): PatchSpec {
  const v = "right" as const;
  const breastFold: UvCurve = () => 0.38;
  // The groin creases pull the patch's lower lines into a V; tilting this one back up towards
  // the sides keeps the navel line level across the belly.
  const navelLine: UvCurve = (u) => 0.63 + 0.13 * (1 - u / 0.5);
  return {
    name: "torso-front",
    outline: torsoFront.outline,
    corners: [torsoFront.mirrorIndex(3), 3, 10, torsoFront.mirrorIndex(10)],
    regions: [
      ...pairedRegion("chest-upper", v, uvRect(0, 0.43, 0, 0.16)),
      { id: "sternum", uv: uvRect(0.43, 0.57, 0, 0.44) },
      ...pairedRegion("chest-lateral", v, uvRect(0, 0.17, 0.16, 0.5)),
      ...pairedRegion(
        "breast",
        v,
        band(0.17, 0.43, () => 0.16, breastFold),
      ),
      ...pairedRegion("abdomen-upper", v, [
        [0, 0.5],
        [0.17, 0.5],
        [0.17, 0.38],
        [0.43, 0.38],
        [0.43, 0.44],
        [0.5, 0.44],
        ...band(0, 0.5, navelLine, navelLine).slice(0, 7).reverse(),
      ]),
      ...pairedRegion("abdomen-lower", v, [
        ...band(0, 0.5, navelLine, navelLine).slice(0, 7),
        ...GROIN_TOP,
        [0, 1],
      ]),
      ...pairedRegion("groin", v, [...GROIN_TOP, [0.5, 1]]),
    ],
    landmarks: [{ uv: uvEllipse(0.5, 0.64, 0.012, 0.01, 8), closed: true, style: "feature" }],
  };
}

function torsoBackPatch(): PatchSpec {
  const v = "left" as const;
  /** The lower tip of the shoulder blade, a rounded V between its lateral and medial borders. */
  // The cleft between the buttocks lifts the patch's lower lines in the middle; dipping this one
  // there keeps the waist line level.
  const waistLine = band(
    0,
    0.5,
    (u) => 0.55 + 0.035 * (u / 0.5),
    () => 0,
  )
    .slice(0, 7)
    .reverse();
  const bladeTip: Point[] = [
    [0.1, 0.28],
    [0.17, 0.33],
    [0.25, 0.37],
    [0.32, 0.33],
    [0.36, 0.28],
  ];
  return {
    name: "torso-back",
    outline: torsoBack.outline,
    corners: [torsoBack.mirrorIndex(3), 3, 14, torsoBack.mirrorIndex(14)],
    regions: [
      ...pairedRegion("suprascapular", v, uvRect(0, 0.36, 0, 0.1)),
      ...pairedRegion("scapula", v, uvRect(0, 0.36, 0.1, 0.28)),
      ...pairedRegion("scapula-inferior", v, bladeTip),
      ...pairedRegion("scapula-medial", v, uvRect(0.36, 0.5, 0, 0.36)),
      ...pairedRegion("back-mid", v, [[0, 0.28], ...bladeTip, [0.36, 0.36], [0.5, 0.36], ...waistLine]),
      ...pairedRegion("back-low", v, [...waistLine.slice().reverse(), [0.5, 0.7], [0, 0.7]]),
      {
        id: "sacrum",
        uv: [
          [0.41, 0.7],
          [0.59, 0.7],
          [0.555, 0.8],
          [0.5, 0.84],
          [0.445, 0.8],
        ],
      },
      {
        id: "coccyx",
        uv: [
          [0.445, 0.8],
          [0.5, 0.84],
          [0.555, 0.8],
          [0.54, 0.88],
          [0.5, 0.92],
          [0.46, 0.88],
        ],
      },
      ...pairedRegion("sacroiliac", v, [
        [0.3, 0.7],
        [0.41, 0.7],
        [0.445, 0.8],
        [0.3, 0.8],
      ]),
      ...pairedRegion("hip-lateral", v, uvRect(0, 0.1, 0.7, 1)),
      ...pairedRegion("buttock", v, [
        [0.1, 0.7],
        [0.3, 0.7],
        [0.3, 0.8],
        [0.445, 0.8],
        [0.46, 0.88],
        [0.1, 0.88],
      ]),
      ...pairedRegion("buttock-lower", v, [
        [0.1, 0.88],
        [0.46, 0.88],
        [0.5, 0.92],
        [0.5, 1],
        [0.1, 1],
      ]),
    ],
    landmarks: [
      {
        uv: [
          [0.5, 0.02],
          [0.5, 0.68],
        ],
      },
      {
        uv: [
          [0.5, 0.92],
          [0.5, 0.995],
        ],
      },
    ],
  };
}

/* ------------------------------------------------------------------ legs */

/** The viewer's-left leg, from under the torso (hip) to the ankle (under the foot). */
const LEG: ControlPoint[] = [
  [138, 350],
  [204, 366],
  [203, 404],
  [200, 441],
  [195, 480],
  [190, 530],
  [185, 578],
  [186, 606],
  [183, 636],
  [180, 662],
  [183, 694],
  [180, 735],
  [174, 776],
  [172, 800],
  [171, 820, "corner"],
  [151, 820, "corner"],
  [152, 798],
  [148, 770],
  [142, 728],
  [139, 690],
  [141, 652],
  [143, 622],
  [139, 585],
  [131, 530],
  [124, 470],
  [120, 420],
  [122, 392],
  [129, 362],
];
const LEG_CORNERS = [0, 1, 14, 15] as const;

const KNEE_TOP = slant(0.54, 0.53);
const KNEE_BOTTOM = slant(0.63, 0.625);

function legRegions(view: "front" | "back", side: ViewerLeftSide): PatchRegion[] {
  const id = (type: string) => `${type}-${side}`;
  if (view === "front") {
    return [
      { id: id("hip-lateral"), uv: uvRect(0, 0.3, 0, 0.17) },
      { id: id("hip-anterior"), uv: uvRect(0.3, 0.7, 0, 0.2) },
      { id: id("thigh-lateral"), uv: band(0, 0.3, () => 0.17, KNEE_TOP) },
      { id: id("thigh-anterior"), uv: band(0.3, 0.7, () => 0.2, KNEE_TOP) },
      { id: id("thigh-medial"), uv: band(0.7, 1, () => 0, KNEE_TOP) },
      { id: id("knee-lateral"), uv: band(0, 0.27, KNEE_TOP, KNEE_BOTTOM) },
      { id: id("knee-anterior"), uv: band(0.27, 0.73, KNEE_TOP, KNEE_BOTTOM) },
      { id: id("knee-medial"), uv: band(0.73, 1, KNEE_TOP, KNEE_BOTTOM) },
      { id: id("leg-lateral"), uv: band(0, 0.33, KNEE_BOTTOM, () => 1) },
      { id: id("shin"), uv: band(0.33, 1, KNEE_BOTTOM, () => 1) },
    ];
  }
  return [
    { id: id("thigh-lateral"), uv: band(0, 0.3, () => 0, KNEE_TOP) },
    { id: id("thigh-posterior"), uv: band(0.3, 1, () => 0, KNEE_TOP) },
    { id: id("knee-lateral"), uv: band(0, 0.3, KNEE_TOP, KNEE_BOTTOM) },
    { id: id("knee-posterior"), uv: band(0.3, 1, KNEE_TOP, KNEE_BOTTOM) },
    { id: id("leg-lateral"), uv: band(0, 0.3, KNEE_BOTTOM, () => 1) },
    { id: id("calf"), uv: band(0.3, 1, KNEE_BOTTOM, () => 1) },
  ];
}

function legLayer(view: "front" | "back"): LayerSpec {
  const near: ViewerLeftSide = view === "front" ? "right" : "left";
  const far: ViewerLeftSide = near === "right" ? "left" : "right";
  const kneecap = view === "front" ? [{ uv: uvEllipse(0.52, 0.58, 0.13, 0.028, 16), closed: true }] : [];
  const leg = (side: ViewerLeftSide, transform: Affine): PatchSpec => ({
    name: `leg-${side}`,
    outline: LEG,
    corners: LEG_CORNERS,
    regions: legRegions(view, side),
    landmarks: kneecap,
    transform,
  });
  return { patches: [leg(near, IDENTITY), leg(far, MIRROR)] };
}

/* ------------------------------------------------------------------ arms */

/** The viewer's-left arm: shoulder cap (over the torso) to the wrist (under the hand). */
const ARM: ControlPoint[] = [
  [125, 154],
  [129, 182],
  [133, 204],
  [136, 228],
  [134, 248],
  [130, 276],
  [125, 305],
  [121, 329],
  [116, 352],
  [108, 386],
  [100, 416],
  [96, 444, "corner"],
  [74, 440, "corner"],
  [78, 414],
  [82, 388],
  [85, 356],
  [87, 331],
  [90, 306],
  [93, 278],
  [95, 248],
  [96, 222],
  [98, 196],
  [105, 170],
  [114, 158],
];
const ARM_CORNERS = [0, 3, 11, 12] as const;

const SHOULDER_END = slant(0.19, 0.11);
const ELBOW_TOP = slant(0.55, 0.45);
const ELBOW_BOTTOM = slant(0.65, 0.56);

function armRegions(view: "front" | "back", side: ViewerLeftSide): PatchRegion[] {
  const id = (type: string) => `${type}-${side}`;
  const elbowAndForearm = (middle: "elbow-anterior" | "elbow-posterior", forearm: string): PatchRegion[] => [
    { id: id("elbow-lateral"), uv: band(0, 0.3, ELBOW_TOP, ELBOW_BOTTOM) },
    { id: id(middle), uv: band(0.3, 0.7, ELBOW_TOP, ELBOW_BOTTOM) },
    { id: id("elbow-medial"), uv: band(0.7, 1, ELBOW_TOP, ELBOW_BOTTOM) },
    { id: id("forearm-radial"), uv: band(0, 0.28, ELBOW_BOTTOM, () => 1) },
    { id: id(forearm), uv: band(0.28, 0.72, ELBOW_BOTTOM, () => 1) },
    { id: id("forearm-ulnar"), uv: band(0.72, 1, ELBOW_BOTTOM, () => 1) },
  ];
  if (view === "front") {
    return [
      { id: id("shoulder-lateral"), uv: band(0, 0.45, () => 0, SHOULDER_END) },
      { id: id("shoulder-anterior"), uv: band(0.45, 1, () => 0, SHOULDER_END) },
      { id: id("arm-lateral"), uv: band(0, 0.3, SHOULDER_END, ELBOW_TOP) },
      { id: id("arm-anterior"), uv: band(0.3, 0.7, SHOULDER_END, ELBOW_TOP) },
      { id: id("arm-medial"), uv: band(0.7, 1, SHOULDER_END, ELBOW_TOP) },
      ...elbowAndForearm("elbow-anterior", "forearm-volar"),
    ];
  }
  return [
    { id: id("shoulder-lateral"), uv: band(0, 0.45, () => 0, SHOULDER_END) },
    { id: id("shoulder-posterior"), uv: band(0.45, 1, () => 0, SHOULDER_END) },
    { id: id("arm-lateral"), uv: band(0, 0.3, SHOULDER_END, ELBOW_TOP) },
    { id: id("arm-posterior"), uv: band(0.3, 1, SHOULDER_END, ELBOW_TOP) },
    ...elbowAndForearm("elbow-posterior", "forearm-dorsal"),
  ];
}

/** The arm hangs a little away from the body: the drawing swung out around the shoulder. */
const ARM_SWING: Affine = rotate(3, 118, 170);

function armLayer(view: "front" | "back"): LayerSpec {
  const near: ViewerLeftSide = view === "front" ? "right" : "left";
  const far: ViewerLeftSide = near === "right" ? "left" : "right";
  const arm = (side: ViewerLeftSide, transform: Affine): PatchSpec => ({
    name: `arm-${side}`,
    outline: ARM,
    corners: ARM_CORNERS,
    regions: armRegions(view, side),
    transform,
  });
  return { patches: [arm(near, ARM_SWING), arm(far, chain(ARM_SWING, MIRROR))] };
}

/* ------------------------------------------------------------------ hands and feet */

/** How a detail drawing is turned before it is placed on the body. */
const ORIENT = {
  upsideDown: { a: 1, b: 0, c: 0, d: -1, e: 0, f: 0 },
  halfTurn: { a: -1, b: 0, c: 0, d: -1, e: 0, f: 0 },
  mirrored: { a: -1, b: 0, c: 0, d: 1, e: 0, f: 0 },
  asDrawn: IDENTITY,
} satisfies Record<string, Affine>;

/** Move `anchor` of a detail drawing to the origin, turn it, scale it, tilt it and put it at `at`. */
function placeDetail(
  anchor: Point,
  orient: Affine,
  scaleXY: readonly [number, number],
  tilt: number,
  at: Point,
) {
  return chain(
    translate(-anchor[0], -anchor[1]),
    orient,
    scale(scaleXY[0], scaleXY[1]),
    rotate(tilt),
    translate(at[0], at[1]),
  );
}

function mirrorPoint([x, y]: Point): Point {
  return [2 * BODY_AXIS_X - x, y];
}

/** Two drawings with the same layer structure, drawn layer by layer together. */
function mergeLayers(a: readonly LayerSpec[], b: readonly LayerSpec[]): LayerSpec[] {
  return a.map((layer, i) => ({ patches: [...layer.patches, ...(b[i]?.patches ?? [])] }));
}

/** The viewer's-left wrist, and how far the forearm leans out from straight down (degrees). */
const WRIST: Point = applyAffine(ARM_SWING, [85, 439]);
const FOREARM_TILT = 12;
const HAND_SCALE = 0.27;

/**
 * Hands hang fingers down, thumbs out. The drawing is a left palm, thumb on the viewer's left
 * when the fingers point up. Upside down it is the viewer's-left hand: from the front the
 * client's right palm (so its sides swap), from the back the back of their left hand.
 * Turned half round it is the viewer's-right hand.
 */
function handLayers(view: "front" | "back"): LayerSpec[] {
  const base = leftHandLayers(view === "front" ? "palm" : "back", 0.3);
  const size = [HAND_SCALE, HAND_SCALE] as const;
  const viewerLeft = placeLayers(
    base,
    placeDetail(HAND_WRIST, ORIENT.upsideDown, size, FOREARM_TILT, WRIST),
    {
      swapSides: view === "front",
    },
  );
  const viewerRight = placeLayers(
    base,
    placeDetail(HAND_WRIST, ORIENT.halfTurn, size, -FOREARM_TILT, mirrorPoint(WRIST)),
    { swapSides: view === "back" },
  );
  return mergeLayers(viewerLeft, viewerRight);
}

const ANKLE: Point = [161.5, 813];

/**
 * From the front the feet are their tops, steeply foreshortened, toes towards us. The drawing is
 * the top of a left foot (toes up, big toe on the viewer's right); upside down it is the
 * viewer's-left foot (the client's right), turned half round the viewer's-right one.
 */
function frontFeetLayers(): LayerSpec[] {
  const base = leftFootTopLayers();
  const size = [0.27, 0.13] as const;
  const viewerLeft = placeLayers(base, placeDetail(FOOT_TOP_ANKLE, ORIENT.upsideDown, size, 7, ANKLE), {
    swapSides: true,
  });
  const viewerRight = placeLayers(
    base,
    placeDetail(FOOT_TOP_ANKLE, ORIENT.halfTurn, size, -7, mirrorPoint(ANKLE)),
  );
  return mergeLayers(viewerLeft, viewerRight);
}

/** From the back: the heels (the drawing is the left heel, outer ankle on the viewer's left). */
function backFeetLayers(): LayerSpec[] {
  const base = leftFootBehindLayers();
  const size = [0.3, 0.3] as const;
  const top: Point = [ANKLE[0], 782];
  const viewerLeft = placeLayers(base, placeDetail(FOOT_BEHIND_TOP, ORIENT.asDrawn, size, 0, top));
  const viewerRight = placeLayers(
    base,
    placeDetail(FOOT_BEHIND_TOP, ORIENT.mirrored, size, 0, mirrorPoint(top)),
    {
      swapSides: true,
    },
  );
  return mergeLayers(viewerLeft, viewerRight);
}

/* ------------------------------------------------------------------ the figures' layers */

export function bodyFrontLayers(): LayerSpec[] {
  return [
    legLayer("front"),
    { patches: [torsoFrontPatch()] },
    neckLayer("front"),
    ...placeLayers(faceHeadLayers(), HEAD_PLACEMENT),
    armLayer("front"),
    ...handLayers("front"),
    ...frontFeetLayers(),
  ];
}

export function bodyBackLayers(): LayerSpec[] {
  return [
    legLayer("back"),
    { patches: [torsoBackPatch()] },
    neckLayer("back"),
    ...placeLayers(backOfHeadLayers(), HEAD_PLACEMENT),
    armLayer("back"),
    ...handLayers("back"),
    ...backFeetLayers(),
  ];
}
