/**
 * The body map's views and the figures each one shows. Compiled once at module load.
 */
import { regionById } from "../../../core/body/regions";
import { type CompiledFigure, compileFigure, type FigureSpec, placeLayers } from "./figure";
import { bodyBackLayers, bodyFrontLayers } from "./figures/body";
import {
  FOOT_AXIS_X,
  FOOT_BEHIND_AXIS_X,
  leftFootBehindLayers,
  leftFootTopLayers,
  rightFootSoleLayers,
} from "./figures/foot";
import { HAND_AXIS_X, leftHandLayers } from "./figures/hand";
import { backNeckLayer, backOfHeadLayers, faceHeadLayers, faceNeckLayer } from "./figures/head";
import { IDENTITY, mirrorX } from "./vector";

export const BODY_MAP_VIEW_IDS = ["front", "back", "head", "hands", "feet"] as const;
export type BodyMapView = (typeof BODY_MAP_VIEW_IDS)[number];

export interface CompiledView {
  readonly id: BodyMapView;
  /** Tab label. */
  readonly label: string;
  readonly figures: readonly CompiledFigure[];
}

const FRONT_SIDES = { viewerLeft: "Right", viewerRight: "Left" } as const;
const BACK_SIDES = { viewerLeft: "Left", viewerRight: "Right" } as const;

const headFigures: FigureSpec[] = [
  {
    id: "face",
    caption: "Face",
    sides: FRONT_SIDES,
    viewBox: [15, 8, 270, 392],
    layers: [faceNeckLayer(), ...faceHeadLayers()],
  },
  {
    id: "back-of-head",
    caption: "Back of head and neck",
    sides: BACK_SIDES,
    viewBox: [15, 8, 270, 392],
    layers: [backNeckLayer(), ...backOfHeadLayers()],
  },
];

const bodyFigures = (view: "front" | "back"): FigureSpec[] => [
  {
    id: view,
    caption: view === "front" ? "Front" : "Back",
    sides: view === "front" ? FRONT_SIDES : BACK_SIDES,
    viewBox: [38, 4, 324, 856],
    layers: view === "front" ? bodyFrontLayers() : bodyBackLayers(),
  },
];

const HAND_VIEWBOX = [8, 10, 234, 352] as const;
const mirrorHand = mirrorX(HAND_AXIS_X);

const handFigures: FigureSpec[] = [
  {
    id: "palm-left",
    caption: "Left hand, palm",
    sides: null,
    viewBox: HAND_VIEWBOX,
    layers: leftHandLayers("palm"),
  },
  {
    id: "palm-right",
    caption: "Right hand, palm",
    sides: null,
    viewBox: HAND_VIEWBOX,
    layers: placeLayers(leftHandLayers("palm"), mirrorHand, { swapSides: true }),
  },
  {
    id: "back-of-hand-left",
    caption: "Left hand, back",
    sides: null,
    viewBox: HAND_VIEWBOX,
    layers: placeLayers(leftHandLayers("back"), mirrorHand),
  },
  {
    id: "back-of-hand-right",
    caption: "Right hand, back",
    sides: null,
    viewBox: HAND_VIEWBOX,
    layers: placeLayers(leftHandLayers("back"), IDENTITY, { swapSides: true }),
  },
];

const FOOT_VIEWBOX = [24, 22, 172, 356] as const;
const BEHIND_VIEWBOX = [24, 4, 152, 244] as const;
const mirrorFoot = mirrorX(FOOT_AXIS_X);
const mirrorHeel = mirrorX(FOOT_BEHIND_AXIS_X);

const footFigures: FigureSpec[] = [
  {
    id: "foot-top-left",
    caption: "Left foot, top",
    sides: null,
    viewBox: FOOT_VIEWBOX,
    layers: leftFootTopLayers(),
  },
  {
    id: "foot-top-right",
    caption: "Right foot, top",
    sides: null,
    viewBox: FOOT_VIEWBOX,
    layers: placeLayers(leftFootTopLayers(), mirrorFoot, { swapSides: true }),
  },
  {
    id: "sole-left",
    caption: "Left foot, sole",
    sides: null,
    viewBox: FOOT_VIEWBOX,
    layers: placeLayers(rightFootSoleLayers(), mirrorFoot, { swapSides: true }),
  },
  {
    id: "sole-right",
    caption: "Right foot, sole",
    sides: null,
    viewBox: FOOT_VIEWBOX,
    layers: rightFootSoleLayers(),
  },
  {
    id: "heel-left",
    caption: "Left heel, from behind",
    sides: null,
    viewBox: BEHIND_VIEWBOX,
    layers: leftFootBehindLayers(),
  },
  {
    id: "heel-right",
    caption: "Right heel, from behind",
    sides: null,
    viewBox: BEHIND_VIEWBOX,
    layers: placeLayers(leftFootBehindLayers(), mirrorHeel, { swapSides: true }),
  },
];

const VIEW_SPECS: readonly { id: BodyMapView; label: string; figures: readonly FigureSpec[] }[] = [
  { id: "front", label: "Front", figures: bodyFigures("front") },
  { id: "back", label: "Back", figures: bodyFigures("back") },
  { id: "head", label: "Head", figures: headFigures },
  { id: "hands", label: "Hands", figures: handFigures },
  { id: "feet", label: "Feet", figures: footFigures },
];

export const BODY_MAP_VIEWS: readonly CompiledView[] = VIEW_SPECS.map((view) => ({
  id: view.id,
  label: view.label,
  figures: view.figures.map(compileFigure),
}));

const VIEWS_BY_ID = new Map(BODY_MAP_VIEWS.map((v) => [v.id, v]));

export function compiledView(id: BodyMapView): CompiledView {
  return VIEWS_BY_ID.get(id) ?? (BODY_MAP_VIEWS[0] as CompiledView);
}

/** The views that draw a region (so a screen can jump to where it is). */
export function viewsShowingRegion(regionId: string): BodyMapView[] {
  return BODY_MAP_VIEWS.filter((v) =>
    v.figures.some((f) => f.regions.some((r) => r.regionId === regionId)),
  ).map((v) => v.id);
}

const DETAIL_VIEW_OF = { head: "head", hand: "hands", foot: "feet" } as const;

/**
 * Whether `view` is where a region is meant to be tapped: its zoomed view if it has one (the face,
 * fingers, toes), else the front or back. Elsewhere it is drawn for context and may be small.
 */
export function isHomeView(regionId: string, view: BodyMapView): boolean {
  const detail = regionById(regionId)?.type.detailView;
  return detail ? DETAIL_VIEW_OF[detail] === view : view === "front" || view === "back";
}

export function isBodyMapView(value: string): value is BodyMapView {
  return (BODY_MAP_VIEW_IDS as readonly string[]).includes(value);
}
