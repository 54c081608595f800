/**
 * Figures: the drawings a view is made of (the whole body from the front, one hand's palm, …).
 * A figure is a stack of layers; each layer holds patches (body parts) whose regions are uv
 * polygons. Compiling a figure maps everything to SVG coordinates once, at module load.
 */
import { regionById } from "../../../core/body/regions";
import { mapUvPolygon, type PatchOutline, samplePatch } from "./patch";
import { type ControlPoint, sampleClosedSpline, sampleOpenSpline } from "./spline";
import {
  type Affine,
  applyAffine,
  type Box,
  boundingBox,
  compose,
  IDENTITY,
  interiorPoint,
  type Point,
  polygonCentroid,
  polygonsToPath,
  polylineToPath,
  signedArea,
} from "./vector";

/** One region's share of a patch, as a polygon (or several) in the patch's uv space. */
export interface PatchRegion {
  /** A region id of the vocabulary, e.g. `temple-left`. */
  readonly id: string;
  readonly uv: readonly Point[];
}

/**
 * A decorative line (a crease, an eye, a collarbone) that helps people find their way on the
 * map. Never interactive. Points are uv in the patch, joined by a smooth curve.
 */
export interface Landmark {
  readonly uv: readonly Point[];
  readonly closed?: boolean;
  /** "feature" lines (eyes, nose, navel) are a touch stronger than "crease" lines. */
  readonly style?: "crease" | "feature";
}

export interface PatchSpec extends PatchOutline {
  /** For debugging and React keys; unique within its figure. */
  readonly name: string;
  readonly regions: readonly PatchRegion[];
  readonly landmarks?: readonly Landmark[];
  /** Applied after the uv mapping (placing a reusable drawing, mirroring it for the other side). */
  readonly transform?: Affine;
}

/** Patches drawn together; a later layer covers an earlier one where they overlap. */
export interface LayerSpec {
  readonly patches: readonly PatchSpec[];
}

export type SideLabel = "Left" | "Right";

export interface FigureSpec {
  /** Unique within its view, e.g. `palm-left`. */
  readonly id: string;
  /** A short caption shown above the figure, e.g. "Left hand, palm". */
  readonly caption: string;
  /** Which of the client's sides is on the viewer's left and right of this drawing. */
  readonly sides: { readonly viewerLeft: SideLabel; readonly viewerRight: SideLabel } | null;
  readonly viewBox: readonly [x: number, y: number, width: number, height: number];
  readonly layers: readonly LayerSpec[];
}

export interface CompiledRegion {
  /** Unique within the view: `${figureId}:${regionId}`. */
  readonly key: string;
  readonly regionId: string;
  readonly figureId: string;
  readonly label: string;
  readonly d: string;
  readonly polygons: readonly (readonly Point[])[];
  /** The centre of the region's largest piece (moved inside it if the shape is curved). */
  readonly centroid: Point;
  readonly box: Box;
  readonly area: number;
}

export interface CompiledLandmark {
  readonly d: string;
  readonly style: "crease" | "feature";
}

export interface CompiledLayer {
  /** Each patch's outline (the part's own fill, drawn under its regions). */
  readonly fills: readonly string[];
  readonly regions: readonly CompiledRegion[];
  readonly landmarks: readonly CompiledLandmark[];
}

export interface CompiledFigure {
  readonly id: string;
  readonly caption: string;
  readonly sides: FigureSpec["sides"];
  readonly viewBox: FigureSpec["viewBox"];
  /** Every patch outline of the figure, for the silhouette stroke drawn under everything. */
  readonly silhouette: string;
  readonly layers: readonly CompiledLayer[];
  /** All regions of the figure, in drawing order. */
  readonly regions: readonly CompiledRegion[];
}

/** Place layers elsewhere (and, when the drawing is mirrored for the other side, swap region sides). */
export function placeLayers(
  layers: readonly LayerSpec[],
  transform: Affine,
  options: { swapSides?: boolean } = {},
): LayerSpec[] {
  return layers.map((layer) => ({
    patches: layer.patches.map((patch) => ({
      ...patch,
      transform: compose(transform, patch.transform ?? IDENTITY),
      regions: options.swapSides ? patch.regions.map((r) => ({ ...r, id: swapSide(r.id) })) : patch.regions,
    })),
  }));
}

/** `temple-left` ↔ `temple-right`; midline ids stay as they are. */
export function swapSide(regionId: string): string {
  if (regionId.endsWith("-left")) return `${regionId.slice(0, -5)}-right`;
  if (regionId.endsWith("-right")) return `${regionId.slice(0, -6)}-left`;
  return regionId;
}

function compileLayer(figureId: string, layer: LayerSpec): CompiledLayer {
  const fills: string[] = [];
  const polygonsById = new Map<string, Point[][]>();
  const landmarks: CompiledLandmark[] = [];
  for (const patch of layer.patches) {
    const sampled = samplePatch(patch);
    const transform = patch.transform ?? IDENTITY;
    const place = (p: Point) => applyAffine(transform, p);
    fills.push(polygonsToPath([sampled.outline.map(place)]));
    for (const region of patch.regions) {
      const polygon = mapUvPolygon(sampled.map, region.uv).map(place);
      const list = polygonsById.get(region.id) ?? [];
      list.push(polygon);
      polygonsById.set(region.id, list);
    }
    for (const landmark of patch.landmarks ?? []) {
      const controls = landmark.uv.map((uv) => sampled.map(uv[0], uv[1]) as ControlPoint);
      const points = landmark.closed ? sampleClosedSpline(controls).points : sampleOpenSpline(controls);
      landmarks.push({
        d: polylineToPath(points.map(place), landmark.closed),
        style: landmark.style ?? "crease",
      });
    }
  }
  const regions = [...polygonsById].map(([regionId, polygons]) =>
    compileRegion(figureId, regionId, polygons),
  );
  return { fills, regions, landmarks };
}

function compileRegion(figureId: string, regionId: string, polygons: Point[][]): CompiledRegion {
  const region = regionById(regionId);
  if (!region) throw new Error(`Body map figure ${figureId} draws an unknown region id: ${regionId}`);
  const areas = polygons.map((p) => Math.abs(signedArea(p)));
  const area = areas.reduce((s, a) => s + a, 0);
  // The centroid of the largest piece: for "ring & little fingers" that is a finger, not the gap.
  const largest = polygons[areas.indexOf(Math.max(...areas))] as Point[];
  return {
    key: `${figureId}:${regionId}`,
    regionId,
    figureId,
    label: region.label,
    d: polygonsToPath(polygons),
    polygons,
    centroid: interiorPoint(largest, polygonCentroid(largest)),
    box: boundingBox(polygons.flat()),
    area,
  };
}

export function compileFigure(spec: FigureSpec): CompiledFigure {
  const layers = spec.layers.map((layer) => compileLayer(spec.id, layer));
  return {
    id: spec.id,
    caption: spec.caption,
    sides: spec.sides,
    viewBox: spec.viewBox,
    silhouette: layers.flatMap((l) => l.fills).join(""),
    layers,
    regions: layers.flatMap((l) => l.regions),
  };
}
