/**
 * The head, drawn large for the zoomed "head" view and scaled down onto the whole body:
 * the face (with ears and the front of the neck) and the back of the head (with the neck).
 * Coordinates: a 300 × 400 drawing, midline at x = 150.
 */
import type { Landmark, LayerSpec, PatchRegion, PatchSpec } from "../figure";
import {
  pairedLandmark,
  pairedRegion,
  shiftControl,
  symmetricOutline,
  type ViewerLeftSide,
} from "../outline";
import { uvRect } from "../patch";
import type { ControlPoint } from "../spline";
import { mirrorX, type Point } from "../vector";

export const HEAD_AXIS_X = 150;

/* ---- the skull seen from the front: a soft egg, widest at the temples, tapering to the chin ---- */
const FACE_HALF: ControlPoint[] = [
  [150, 20],
  [196, 28],
  [232, 60],
  [246, 110],
  [245, 160],
  [236, 205],
  [220, 244],
  [190, 274],
  [150, 286],
];
const face = symmetricOutline(FACE_HALF, HEAD_AXIS_X);

/* ---- the skull seen from behind: rounder, no chin; the neck comes out under it ---- */
const BACK_OF_HEAD_HALF: ControlPoint[] = [
  [150, 20],
  [198, 28],
  [236, 62],
  [250, 112],
  [248, 165],
  [238, 210],
  [220, 244],
  [188, 262],
  [150, 268],
];
const backOfHead = symmetricOutline(BACK_OF_HEAD_HALF, HEAD_AXIS_X);

/* ---- an ear on the viewer's left, tucked under the side of the head ---- */
const EAR_VIEWER_LEFT: ControlPoint[] = [
  [68, 114, "corner"],
  [48, 106],
  [33, 116],
  [28, 142],
  [33, 168],
  [44, 188],
  [68, 198, "corner"],
];

function ears(viewerLeft: ViewerLeftSide, yShift = 0): PatchSpec[] {
  const viewerRight = viewerLeft === "left" ? "right" : "left";
  const outline = EAR_VIEWER_LEFT.map((p) => shiftControl(p, 0, yShift));
  const helix: Landmark = {
    uv: [
      [0.25, 0.75],
      [0.45, 0.45],
      [0.6, 0.25],
      [0.75, 0.3],
    ],
  };
  const ear = (side: string, mirrored: boolean): PatchSpec => ({
    name: `ear-${side}`,
    outline,
    corners: [0, 1, 5, 6],
    regions: [{ id: `ear-${side}`, uv: uvRect(0, 1, 0, 1) }],
    landmarks: [helix],
    ...(mirrored ? { transform: mirrorX(HEAD_AXIS_X) } : {}),
  });
  return [ear(viewerLeft, false), ear(viewerRight, true)];
}

/* The face's regions, written for the viewer's left half (u ≤ 0.5): the client's right side. */
const LATERAL = 0.18; // the side strip: temple above, jaw joint in front of the ear below
const TEETH_SIDE = 0.32; // the corner of the mouth
const NOSE_BASE = 0.635;
const MOUTH = 0.745;

/** The upper edge of the lower jaw: high at the jaw angle, low at the chin, smoothly. */
function jawTop(u: number): number {
  return 0.64 + 0.23 * Math.sin((Math.PI / 2) * Math.min(u / 0.5, 1));
}

/** Points along the jaw's upper edge from u = `from` to u = `to` (either way round). */
function alongJaw(from: number, to: number, steps = 8): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const u = from + ((to - from) * i) / steps;
    return [u, jawTop(u)] as Point;
  });
}

function faceRegions(): PatchRegion[] {
  const v = "right" as const; // front drawing: the viewer's left is the client's right
  return [
    { id: "vertex", uv: uvRect(0, 1, 0, 0.1) },
    ...pairedRegion("temple", v, uvRect(0, LATERAL, 0.1, 0.48)),
    ...pairedRegion("forehead", v, uvRect(LATERAL, 0.5, 0.1, 0.37)),
    ...pairedRegion("eye", v, uvRect(LATERAL, 0.5, 0.37, 0.54)),
    ...pairedRegion("tmj", v, [[0, 0.48], [LATERAL, 0.48], ...alongJaw(LATERAL, 0)]),
    ...pairedRegion("cheek", v, [
      [LATERAL, 0.54],
      [0.5, 0.54],
      [0.5, NOSE_BASE],
      [TEETH_SIDE, NOSE_BASE],
      ...alongJaw(TEETH_SIDE, LATERAL),
    ]),
    ...pairedRegion("teeth-upper", v, uvRect(TEETH_SIDE, 0.5, NOSE_BASE, MOUTH)),
    ...pairedRegion("teeth-lower", v, [[TEETH_SIDE, MOUTH], [0.5, MOUTH], ...alongJaw(0.5, TEETH_SIDE)]),
    ...pairedRegion("jaw", v, [...alongJaw(0, 0.5), [0.5, 1], [0, 1]]),
  ];
}

function faceLandmarks(): Landmark[] {
  return [
    ...pairedLandmark({
      uv: [
        [0.22, 0.415],
        [0.3, 0.39],
        [0.42, 0.4],
      ],
      style: "feature",
    } satisfies Landmark),
    ...pairedLandmark({
      uv: [
        [0.25, 0.465],
        [0.33, 0.445],
        [0.41, 0.462],
        [0.33, 0.483],
      ],
      closed: true,
      style: "feature",
    } satisfies Landmark),
    {
      uv: [
        [0.46, 0.46],
        [0.452, 0.54],
        [0.44, 0.585],
      ],
    },
    {
      uv: [
        [0.42, 0.59],
        [0.44, 0.618],
        [0.5, 0.628],
        [0.56, 0.618],
        [0.58, 0.59],
      ],
      style: "feature",
    },
    {
      uv: [
        [0.38, 0.743],
        [0.44, 0.735],
        [0.5, 0.742],
        [0.56, 0.735],
        [0.62, 0.743],
      ],
      style: "feature",
    },
    {
      uv: [
        [0.43, 0.775],
        [0.5, 0.787],
        [0.57, 0.775],
      ],
    },
  ];
}

/* ---- the neck, flaring into the trapezius towards the shoulders ---- */
const NECK_HALF: ControlPoint[] = [
  [150, 215],
  [202, 215],
  [204, 262],
  [207, 305],
  [220, 336],
  [252, 356],
  [280, 368, "corner"],
  [280, 398, "corner"],
  [150, 398],
];
const neck = symmetricOutline(NECK_HALF, HEAD_AXIS_X);
const NECK_CORNERS = [neck.mirrorIndex(1), 1, 7, neck.mirrorIndex(7)] as const;

function frontNeck(): PatchSpec {
  const v = "right" as const;
  return {
    name: "neck-front",
    outline: neck.outline,
    corners: NECK_CORNERS,
    regions: [
      ...pairedRegion("neck-lateral", v, uvRect(0, 0.22, 0, 1)),
      ...pairedRegion("neck-anterior", v, uvRect(0.22, 0.41, 0, 1)),
      { id: "throat", uv: uvRect(0.41, 0.59, 0, 1) },
    ],
    landmarks: pairedLandmark({
      uv: [
        [0.08, 0.9],
        [0.25, 0.84],
        [0.44, 0.88],
      ],
    } satisfies Landmark),
  };
}

function backNeck(): PatchSpec {
  const v = "left" as const; // back drawing: the viewer's left is the client's left
  return {
    name: "neck-back",
    outline: neck.outline,
    corners: NECK_CORNERS,
    regions: [
      ...pairedRegion("neck-lateral", v, uvRect(0, 0.22, 0, 0.55)),
      ...pairedRegion("shoulder-top", v, [
        [0, 0.55],
        [0.22, 0.55],
        [0.34, 1],
        [0, 1],
      ]),
      ...pairedRegion("neck-posterior", v, [
        [0.22, 0],
        [0.5, 0],
        [0.5, 1],
        [0.34, 1],
        [0.22, 0.55],
      ]),
    ],
    landmarks: [
      {
        uv: [
          [0.5, 0.25],
          [0.5, 0.98],
        ],
      },
    ],
  };
}

const SKULL_CORNERS = (o: typeof face) => [o.mirrorIndex(1), 1, 6, o.mirrorIndex(6)] as const;

/** Ears, face (under it the neck): the face drawing used by the head view and the front view. */
export function faceHeadLayers(): LayerSpec[] {
  return [
    { patches: ears("right") },
    {
      patches: [
        {
          name: "face",
          outline: face.outline,
          corners: SKULL_CORNERS(face),
          regions: faceRegions(),
          landmarks: faceLandmarks(),
        },
      ],
    },
  ];
}

export function faceNeckLayer(): LayerSpec {
  return { patches: [frontNeck()] };
}

function backOfHeadRegions(): PatchRegion[] {
  const v = "left" as const;
  return [
    { id: "vertex", uv: uvRect(0, 1, 0, 0.3) },
    ...pairedRegion("occiput", v, [
      [0, 0.3],
      [0.5, 0.3],
      [0.5, 1],
      [0.2, 1],
      [0.2, 0.62],
      [0, 0.62],
    ]),
    ...pairedRegion("mastoid", v, uvRect(0, 0.2, 0.62, 1)),
  ];
}

export function backOfHeadLayers(): LayerSpec[] {
  return [
    { patches: ears("left", 8) },
    {
      patches: [
        {
          name: "back-of-head",
          outline: backOfHead.outline,
          corners: SKULL_CORNERS(backOfHead),
          regions: backOfHeadRegions(),
          landmarks: [
            {
              uv: [
                [0.3, 0.92],
                [0.5, 0.96],
                [0.7, 0.92],
              ],
            },
          ],
        },
      ],
    },
  ];
}

export function backNeckLayer(): LayerSpec {
  return { patches: [backNeck()] };
}
